"""The onderzoek dossier: its two variants, the ZIP, the request and its delivery, and how it is stored."""

import hashlib
import io
import re
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from accounts.models import Rol
from beoordeling import documenten, dossier
from beoordeling.models import Document, DocumentSoort, Dossierverzoek
from beoordeling.tasks import dossier_maken
from config.celery import app as celery_app
from tests.factories import UserFactory

from .documenten_helpers import (
    ADEQUAAT,
    INTERNE_REDEN,
    KNELPUNT,
    MEDISCH,
    WERKNEMER,
    besluit_met_onderzoek,
    bijlage,
    lees,
    pdf_tekst,
)


@pytest.fixture
def besluit(wereld):
    return besluit_met_onderzoek(wereld, bijlagen=2)


@pytest.fixture
def bb(wereld):
    return UserFactory(rol=Rol.BEZWAARBEHANDELAAR, gemeenten=[wereld.gemeente_a], username="bb_a")


def opvragen(besluit, door, capture):
    """Request the dossier and run what was enqueued on commit (the task runs in-process)."""
    with capture(execute=True):
        verzoek = dossier.dossier_opvragen(besluit=besluit, door=door)
    verzoek.refresh_from_db()
    return verzoek


def _paginas(inhoud: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(inhoud)).pages]


def test_volledig_dossier_heeft_alles_en_een_inhoudsopgave_met_kloppende_paginanummers(
        besluit, bb, wereld, django_capture_on_commit_callbacks):
    verzoek = opvragen(besluit, bb, django_capture_on_commit_callbacks)
    assert verzoek.is_geleverd and verzoek.rapport.soort == DocumentSoort.ONDERZOEKSRAPPORT
    paginas = _paginas(lees(verzoek.rapport))
    tekst = " ".join(paginas)
    for hoofdstuk in ("1. De aanvraag", "2. Beeldvorming", "3. Oordeelsvorming", "5. Het besluit",
                      "6. Verloop van de zaak", "7. Wijzigingen in het onderzoek", "8. Bijlagen"):
        nummer = int(re.search(re.escape(hoofdstuk) + r" \.+ (\d+)", paginas[0]).group(1))
        assert paginas[nummer - 1].startswith(hoofdstuk), (hoofdstuk, nummer)
    assert MEDISCH in tekst and "Ziekte/aandoening" in tekst
    assert KNELPUNT in tekst and ADEQUAAT in tekst and "d230.2" in tekst
    assert all(f"Vraag {n}." in tekst for n in range(1, 9)) and "Antwoord op vraag 8, gemotiveerd." in tekst
    assert "Werkt zelfstandig de vaste werkvolgorde af" in tekst  # the SMART goal
    assert INTERNE_REDEN in tekst and f"{wereld.ad_a.get_full_name()} (arbeidsdeskundige)" in tekst
    assert "Besluit teruggestuurd naar klantmanager" in tekst  # the transition history
    assert "bijlage-1.pdf" in tekst and "bijlage-2.pdf" in tekst
    assert "Volledig dossier – vertrouwelijk" in tekst and "BSN 111222333" in tekst
    reader = PdfReader(io.BytesIO(lees(verzoek.rapport)))
    assert reader.metadata.title == f"Onderzoeksrapport jobcoaching – {besluit.aanvraag.nummer}"
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    bladwijzers = [b["/Title"] for b in reader.outline if isinstance(b, dict)]
    assert {"1. De aanvraag", "5. Het besluit", "9. Brieven en beschikkingen"} <= set(bladwijzers)


def test_afschrift_voor_de_aanvrager_zonder_medische_gegevens_en_interne_notities(
        besluit, wereld, django_capture_on_commit_callbacks):
    verzoek = opvragen(besluit, wereld.wg_a, django_capture_on_commit_callbacks)
    assert verzoek.rapport.soort == DocumentSoort.ONDERZOEKSRAPPORT_AANVRAGER and verzoek.zip is None
    paginas = _paginas(lees(verzoek.rapport))
    tekst = " ".join(paginas)
    assert KNELPUNT in tekst and ADEQUAAT in tekst and "Afschrift voor de aanvrager" in tekst
    assert MEDISCH not in tekst and "Ziekte/aandoening" not in tekst
    assert INTERNE_REDEN not in tekst
    assert "Wijzigingen in het onderzoek" not in tekst and "111222333" not in tekst
    verloop = next(p for p in paginas if p.startswith("6. Verloop van de zaak"))
    assert "Besluit teruggestuurd naar klantmanager" in verloop  # that it happened, not who or why
    assert wereld.ad_a.get_full_name() not in verloop and wereld.km_a.get_full_name() not in verloop


def test_verzoek_en_levering_worden_vastgelegd_en_de_aanvrager_krijgt_bericht(
        besluit, wereld, mailoutbox, django_capture_on_commit_callbacks):
    wereld.wg_a.email = "hr@korenschoof.example"
    wereld.wg_a.save()
    verzoek = opvragen(besluit, wereld.wg_a, django_capture_on_commit_callbacks)
    assert (verzoek.aangevraagd_door, verzoek.variant) == (wereld.wg_a, "aanvrager")
    assert verzoek.aangevraagd_op <= verzoek.geleverd_op
    assert len(verzoek.inhoud_sha256) == 64
    [mail] = mailoutbox
    assert mail.to == ["hr@korenschoof.example"]
    assert besluit.aanvraag.nummer in mail.body and f"/dossierverzoeken/{verzoek.pk}/" in mail.body
    assert WERKNEMER not in mail.body and KNELPUNT not in mail.body


def test_ongewijzigd_dossier_wordt_meteen_geleverd_zonder_nieuwe_versie(
        besluit, bb, wereld, django_capture_on_commit_callbacks):
    eerste = opvragen(besluit, bb, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks() as taken:
        tweede = dossier.dossier_opvragen(besluit=besluit, door=wereld.ad_a)
    assert taken == []  # nothing to render
    assert tweede.is_geleverd and (tweede.rapport, tweede.zip) == (eerste.rapport, eerste.zip)
    assert Document.alle.filter(besluit=besluit).exclude(soort="beschikking").count() == 2
    assert Dossierverzoek.objects.filter(besluit=besluit).count() == 2  # both requests are on record


def test_gewijzigd_dossier_krijgt_een_nieuwe_versie_die_de_oude_vervangt(
        besluit, bb, django_capture_on_commit_callbacks):
    eerste = opvragen(besluit, bb, django_capture_on_commit_callbacks)
    oud = lees(eerste.rapport)
    bijlage(besluit.aanvraag, naam="aanpak.pdf", inhoud=b"%PDF-1.4 plan\n")
    tweede = opvragen(besluit, bb, django_capture_on_commit_callbacks)
    assert (tweede.rapport.versie, tweede.rapport.vervangt_id) == (2, eerste.rapport_id)
    assert (tweede.zip.versie, tweede.zip.vervangt_id) == (2, eerste.zip_id)
    assert "aanpak.pdf" in pdf_tekst(lees(tweede.rapport))
    assert lees(Document.alle.get(pk=eerste.rapport_id)) == oud


def test_dubbel_bericht_of_dubbele_klik_maakt_geen_tweede_versie(besluit, bb):
    a = Dossierverzoek.objects.create(besluit=besluit, variant="volledig", aangevraagd_door=bb)
    b = Dossierverzoek.objects.create(besluit=besluit, variant="volledig", aangevraagd_door=bb)
    for verzoek_id in (a.pk, a.pk, b.pk):  # a duplicate message for a, and b with the same content
        dossier_maken.apply(args=[verzoek_id])
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.rapport_id, a.zip_id) == (b.rapport_id, b.zip_id)
    assert Document.alle.filter(besluit=besluit).count() == 2  # one PDF, one ZIP


def test_tweede_klik_terwijl_het_dossier_gemaakt_wordt_geeft_hetzelfde_verzoek(
        besluit, bb, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as taken:
        eerste = dossier.dossier_opvragen(besluit=besluit, door=bb)
        tweede = dossier.dossier_opvragen(besluit=besluit, door=bb)
    assert eerste == tweede and len(taken) == 1


def test_mislukte_taak_maakt_geen_document_en_markeert_het_verzoek(besluit, bb, monkeypatch):
    def kapot(html):
        raise RuntimeError("WeasyPrint struikelt")

    monkeypatch.setattr(dossier, "html_naar_pdf", kapot)
    monkeypatch.setitem(celery_app.conf, "task_eager_propagates", False)  # let the retries run to the end
    verzoek = Dossierverzoek.objects.create(besluit=besluit, variant="volledig", aangevraagd_door=bb)
    resultaat = dossier_maken.apply(args=[verzoek.pk], throw=False)
    assert resultaat.failed()
    verzoek.refresh_from_db()
    assert verzoek.mislukt_op is not None and not verzoek.is_geleverd
    assert not Document.alle.filter(besluit=besluit).exists()


def test_zip_bevat_de_pdf_en_de_bijlagen_met_hun_hashes(besluit, bb, django_capture_on_commit_callbacks):
    verzoek = opvragen(besluit, bb, django_capture_on_commit_callbacks)
    inhoud = lees(verzoek.zip)
    assert verzoek.zip.sha256 == hashlib.sha256(inhoud).hexdigest()
    with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
        namen = archief.namelist()
        pdf = archief.read(f"onderzoeksrapport-{besluit.aanvraag.nummer}.pdf")
        lijst = archief.read("inhoud.txt").decode()
        bijlagen = {naam: archief.read(naam) for naam in namen if naam.startswith("bijlagen/")}
    assert pdf == lees(verzoek.rapport)
    assert sorted(bijlagen) == ["bijlagen/01-bijlage-1.pdf", "bijlagen/02-bijlage-2.pdf"]
    assert bijlagen["bijlagen/01-bijlage-1.pdf"] == b"%PDF-1.4 bijlage 1\n"
    for naam, data in [*bijlagen.items(), (f"onderzoeksrapport-{besluit.aanvraag.nummer}.pdf", pdf)]:
        assert f"{hashlib.sha256(data).hexdigest()}  {naam}" in lijst


def test_bijlagenaam_blijft_in_de_map_bijlagen(besluit, bb, django_capture_on_commit_callbacks):
    bijlage(besluit.aanvraag, naam="../../etc/passwd", inhoud=b"geen geheimen\n")
    verzoek = opvragen(besluit, bb, django_capture_on_commit_callbacks)
    with zipfile.ZipFile(io.BytesIO(lees(verzoek.zip))) as archief:
        assert "bijlagen/03-.._.._etc_passwd" in archief.namelist()
        assert all(n.startswith("bijlagen/") or "/" not in n for n in archief.namelist())


def test_veranderde_bijlage_komt_niet_in_het_dossier(besluit, bb):
    stuk = besluit.aanvraag.bijlagen.first()
    with stuk.bestand.open("wb") as bestand:
        bestand.write(b"stilletjes vervangen\n")
    verzoek = Dossierverzoek.objects.create(besluit=besluit, variant="volledig", aangevraagd_door=bb)
    with pytest.raises(dossier.BijlageBeschadigd):
        dossier.dossier_maken(verzoek_id=verzoek.pk)
    assert not Document.alle.filter(besluit=besluit).exists()


@pytest.mark.parametrize("variant", ["volledig", "aanvrager"])
def test_aantal_queries_hangt_niet_af_van_de_omvang_van_de_zaak(wereld, variant):
    def queries(besluit):
        with CaptureQueriesContext(connection) as vastgelegd:
            dossier.dossier_html(dossier.dossier_gegevens(besluit_id=besluit.pk, variant=variant))
        return len(vastgelegd)

    klein = besluit_met_onderzoek(wereld, factoren=3, bijlagen=0)
    groot = besluit_met_onderzoek(wereld, factoren=40, bijlagen=10)
    assert queries(klein) == queries(groot)


def test_dossier_pdf_voor_de_benchmark(besluit):
    assert documenten.dossier_pdf(beoordeling=besluit.beoordeling).startswith(b"%PDF-")
