"""The beschikking as PDF: one letter per belanghebbende, what it says, how it is stored, and the e-mail."""

import hashlib
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.formats import date_format
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import BooleanObject

from beoordeling import documenten
from beoordeling.models import Document, DocumentOnwijzigbaar, Uitkomst
from beoordeling.tasks import beschikking_renderen
from verordening.models import Verordening

from .documenten_helpers import (
    ADEQUAAT,
    KNELPUNT,
    MAATWERK,
    WERKNEMER,
    besluit_met_onderzoek,
    lees,
    pdf_tekst,
)


def _paginas(inhoud: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(inhoud)).pages]


@pytest.fixture
def toekenning(wereld):
    return besluit_met_onderzoek(wereld, maatwerk=True)


def test_een_brief_per_belanghebbende_elk_op_een_nieuwe_pagina_met_afschrift_aan_de_ander(toekenning):
    document = documenten.beschikking_opslaan(besluit_id=toekenning.pk)
    paginas = _paginas(lees(document))
    werknemer = next(i for i, p in enumerate(paginas) if f"Geachte {WERKNEMER}," in p)
    werkgever = next(i for i, p in enumerate(paginas) if "Geachte Petra Korenschoof," in p)
    assert werknemer == 0 < werkgever
    assert paginas[werkgever].startswith("Gemeente Amstelveen")  # the second letter starts on a fresh page
    adres = "Bakkerij De Korenschoof t.a.v. Petra Korenschoof Stationsstraat 1 1234 AB Gemeentestad"
    assert adres in paginas[werkgever]
    assert f"{WERKNEMER} Dorpsstraat 1 1901 EJ Limmen" in paginas[0]
    eerste_brief, tweede_brief = " ".join(paginas[:werkgever]), " ".join(paginas[werkgever:])
    assert "Afschrift aan: Bakkerij De Korenschoof (werkgever)" in eerste_brief
    assert f"Afschrift aan: {WERKNEMER} (werknemer)" in tweede_brief
    assert eerste_brief.count("Bent u het niet eens met dit besluit?") == 1
    assert tweede_brief.count("Bent u het niet eens met dit besluit?") == 1


def test_beschikking_noemt_besluit_figuren_berekening_motivering_en_grondslag(toekenning, wereld):
    tekst = pdf_tekst(lees(documenten.beschikking_opslaan(besluit_id=toekenning.pk)))
    start, eind = (date_format(d, "j F Y") for d in (toekenning.startdatum, toekenning.einddatum))
    assert "Wij kennen jobcoaching toe: 4 uur per week" in tekst
    assert f"van {start} tot en met {eind}" in tekst
    assert "24 uur/week × 26 weken × 10% = 62,4 uur" in tekst  # the engine's calculation, as stored
    assert "Totaal 187,2 uur" in tekst
    assert wereld.jobcoachorganisatie.naam in tekst
    assert KNELPUNT in tekst and ADEQUAAT in tekst  # the motivation drawn from the onderzoek
    assert MAATWERK in tekst and "Afwijking van de verordening (maatwerk)" in tekst
    assert "Wij evalueren de jobcoaching per half jaar" in tekst
    assert "artikel 10 van de Participatiewet en artikel 8 van de Re-integratieverordening Amstelveen 2024" in tekst
    assert "binnen zes weken na de dag waarop dit besluit is verzonden bezwaar maken" in tekst
    assert "Postbus 1 1000 AA Gemeentestad" in tekst
    assert f"{wereld.ad_a.get_full_name()} arbeidsdeskundige" in tekst
    assert f"Kenmerk {toekenning.aanvraag.nummer}/B1" in tekst


def test_afwijzing_noemt_de_grond_en_geen_uren(wereld):
    besluit = besluit_met_onderzoek(wereld, uitkomst=Uitkomst.AFWIJZING)
    tekst = pdf_tekst(lees(documenten.beschikking_opslaan(besluit_id=besluit.pk)))
    assert "Wij wijzen de aanvraag om jobcoaching af. De reden: een andere oplossing is meer adequaat" in tekst
    assert "uur per week" not in tekst.replace("(24 uur per week)", "")
    assert "Is jobcoaching de meest adequate oplossing? Nee." in tekst
    assert "bezwaar maken" in tekst


@pytest.mark.parametrize("soort,verwacht,niet", [
    ("verlenging", ["Wij verlengen de jobcoaching", "bezwaar maken"], ["beroep instellen"]),
    ("beeindiging", ["Wij beëindigen de jobcoaching met ingang van"], ["Intensiteit en duur"]),
    ("herziening", ["Wij herzien ons eerdere besluit", "beroep instellen bij de rechtbank"],
     ["Stuur uw bezwaarschrift"]),
])
def test_latere_soorten_beschikking_kiezen_hun_eigen_tekst(toekenning, soort, verwacht, niet):
    toekenning.soort_beschikking = soort  # what a later issue stores on the besluit
    tekst = pdf_tekst(documenten.html_naar_pdf(documenten.beschikking_html(toekenning)))
    assert all(t in tekst for t in verwacht), tekst
    assert not any(t in tekst for t in niet)


def test_pdf_is_getagd_nederlands_met_titel_en_ingebedde_fonts(toekenning):
    reader = PdfReader(io.BytesIO(lees(documenten.beschikking_opslaan(besluit_id=toekenning.pk))))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert root["/Lang"] == "nl"
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == f"Besluit op de aanvraag om jobcoaching – {toekenning.aanvraag.nummer}"
    fonts = [f.get_object() for p in reader.pages for f in p["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        beschrijving = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)[
            "/FontDescriptor"].get_object()
        assert any(k in beschrijving for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]


def test_logo_van_de_gemeente_staat_erin_zonder_iets_op_te_halen(toekenning):
    png = io.BytesIO()
    Image.new("RGB", (40, 20), "navy").save(png, "PNG")
    naam = default_storage.save("verordening/logo/logo.png", ContentFile(png.getvalue()))
    Verordening.objects.filter(pk=toekenning.verordening_id).update(logo=naam)  # published: only this way
    toekenning.verordening.refresh_from_db()
    html = documenten.beschikking_html(toekenning)
    assert 'src="data:image/png;base64,' in html
    reader = PdfReader(io.BytesIO(documenten.html_naar_pdf(html)))
    assert any(o.get_object().get("/Subtype") == "/Image" for o in reader.pages[0]["/Resources"]["/XObject"].values())


def test_dubbele_taak_maakt_maar_een_versie(toekenning):
    eerste = beschikking_renderen.apply(args=[toekenning.pk]).get()
    tweede = beschikking_renderen.apply(args=[toekenning.pk]).get()
    assert eerste == tweede
    assert Document.objects.filter(besluit=toekenning).count() == 1


def test_opgeslagen_document_heeft_hash_versie_en_templateversie_en_verandert_nooit(toekenning):
    document = documenten.beschikking_opslaan(besluit_id=toekenning.pk)
    inhoud = lees(document)
    assert document.sha256 == hashlib.sha256(inhoud).hexdigest() and document.grootte == len(inhoud)
    assert (document.versie, document.template_versie, document.vervangt) == (1, "2026.2", None)
    assert document.aangemaakt_op is not None
    assert not document.bestand.name.startswith(("static", "/static"))  # private storage, no public URL
    document.template_versie = "ander"
    with pytest.raises(DocumentOnwijzigbaar):
        document.save()
    with pytest.raises(DocumentOnwijzigbaar):
        document.delete()


def test_correctie_is_een_nieuwe_versie_die_de_oude_vervangt(toekenning):
    eerste = documenten.beschikking_opslaan(besluit_id=toekenning.pk)
    oud = lees(eerste)
    tweede = Document.objects.get(pk=beschikking_renderen.apply(args=[toekenning.pk, 2]).get())
    assert (tweede.versie, tweede.vervangt_id) == (2, eerste.pk)
    assert "Gecorrigeerde versie" in pdf_tekst(lees(tweede))
    eerste.refresh_from_db()
    assert lees(eerste) == oud and eerste.sha256 == hashlib.sha256(oud).hexdigest()
    assert beschikking_renderen.apply(args=[toekenning.pk, 2]).get() == tweede.pk  # a duplicate: no v3
    with pytest.raises(ValueError):
        documenten.beschikking_opslaan(besluit_id=toekenning.pk, versie=4)


def _bestanden(map_: str) -> list[str]:
    mappen, namen = default_storage.listdir(map_)
    return [*(f"{map_}/{n}" for n in namen), *(b for m in mappen for b in _bestanden(f"{map_}/{m}"))]


def test_fout_na_het_wegschrijven_laat_geen_half_document_achter_en_de_herhaling_lukt(toekenning, monkeypatch):
    echte_save = Document.save
    pogingen = []

    def mislukt_eenmaal(self, *args, **kwargs):
        pogingen.append(self.bestand.name)
        if len(pogingen) == 1:
            raise OSError("database weg net na het wegschrijven van het bestand")
        return echte_save(self, *args, **kwargs)

    monkeypatch.setattr(Document, "save", mislukt_eenmaal)
    with pytest.raises(OSError):
        documenten.beschikking_opslaan(besluit_id=toekenning.pk)
    assert not Document.alle.exists()
    assert default_storage.exists(pogingen[0])  # the file was written, but nothing points at it

    document = documenten.beschikking_opslaan(besluit_id=toekenning.pk)
    assert list(Document.alle.values_list("pk", flat=True)) == [document.pk]
    assert document.bestand.name != pogingen[0]  # written beside the leftover: a stored file is never overwritten
    assert sorted(_bestanden("documenten")) == sorted([pogingen[0], document.bestand.name])
    assert document.sha256 == hashlib.sha256(lees(document)).hexdigest()


def test_fout_voor_de_commit_rolt_de_rij_terug_en_de_taak_probeert_opnieuw(toekenning, monkeypatch):
    echte_on_commit = transaction.on_commit
    keer = []

    def on_commit_faalt_eenmaal(functie, *args, **kwargs):
        keer.append(1)
        if len(keer) == 1:
            raise RuntimeError("verbinding verbroken vóór de commit")
        return echte_on_commit(functie, *args, **kwargs)

    monkeypatch.setattr(documenten.transaction, "on_commit", on_commit_faalt_eenmaal)
    resultaat = beschikking_renderen.apply(args=[toekenning.pk], throw=False)  # autoretry runs it again
    assert resultaat.successful()
    assert len(keer) == 2
    [document] = Document.alle.all()
    assert document.pk == resultaat.get() and document.sha256 == hashlib.sha256(lees(document)).hexdigest()


def test_belanghebbenden_krijgen_na_commit_een_mail_zonder_persoonsgegevens(
        toekenning, wereld, mailoutbox, django_capture_on_commit_callbacks, settings):
    settings.JCL_BASIS_URL = "https://jobcoachloket.example"
    wereld.wg_a.email = "hr@korenschoof.example"
    wereld.wg_a.save()
    aanvraag = toekenning.aanvraag
    aanvraag.werknemer_email = "fatima@example.nl"
    aanvraag.save()
    with django_capture_on_commit_callbacks(execute=True):
        documenten.beschikking_opslaan(besluit_id=toekenning.pk)
    assert sorted(m.to[0] for m in mailoutbox) == ["fatima@example.nl", "hr@korenschoof.example"]
    for mail in mailoutbox:
        assert len(mail.to) == 1  # nobody sees the other's address
        assert aanvraag.nummer in mail.subject and aanvraag.nummer in mail.body
        assert f"https://jobcoachloket.example/aanvragen/{aanvraag.pk}/" in mail.body
        for persoonlijk in (WERKNEMER, "111222333", "Korenschoof", "toegekend", "Toekenning", "uur per week"):
            assert persoonlijk not in mail.body and persoonlijk not in mail.subject

    with django_capture_on_commit_callbacks(execute=True):
        documenten.beschikking_opslaan(besluit_id=toekenning.pk)  # the existing one: no second mail
    assert len(mailoutbox) == 2
