"""The ontvangstbevestiging and the letters of the Awb steps: made after commit by idempotent tasks, stored
as documents, downloadable by who may see the case, announced by an e-mail without personal details."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from aanvragen import brieven, services, tasks
from aanvragen.models import Aanvraag
from accounts.models import Rol
from beoordeling.models import Document, DocumentSoort
from tests.factories import UserFactory

from .factories import volledig_concept

pytestmark = pytest.mark.django_db
D = datetime.date


def op(dag: D):
    return time_machine.travel(datetime.datetime(dag.year, dag.month, dag.day, 10, tzinfo=datetime.UTC), tick=False)


def tekst(document: Document) -> str:
    with document.bestand.open("rb") as bestand:
        reader = PdfReader(io.BytesIO(bestand.read()))
    return " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


@pytest.fixture
def aanvraag(wereld, django_capture_on_commit_callbacks):
    wereld.wg_a.email = "petra@bakkerij.example"
    wereld.wg_a.save()
    concept = volledig_concept(door=wereld.wg_a, gemeente=wereld.gemeente_a)
    with op(D(2026, 3, 2)), django_capture_on_commit_callbacks(execute=True):
        return services.aanvraag_indienen(aanvraag=concept, door=wereld.wg_a)


def test_ontvangstbevestiging_noemt_ontvangst_en_beslistermijn(aanvraag):
    document = Document.objects.get(aanvraag=aanvraag, soort=DocumentSoort.ONTVANGSTBEVESTIGING)
    inhoud = tekst(document)
    assert "Gemeente Amstelveen" in inhoud
    assert f"Uw aanvraag heeft nummer {aanvraag.nummer}" in inhoud
    assert "Op 2 maart 2026 hebben wij uw aanvraag" in inhoud
    assert "artikel 4:3a" in inhoud
    assert "Wij beslissen uiterlijk op dinsdag 28 april 2026" in inhoud
    assert "27 april 2026 is Koningsdag" in inhoud  # how the date was computed
    assert document.sha256 and document.grootte == document.bestand.size


def test_aanvrager_krijgt_mail_met_alleen_nummer_en_link(aanvraag):
    [bericht] = mail.outbox
    assert bericht.to == ["petra@bakkerij.example"]
    assert bericht.subject == f"Jobcoachloket: Ontvangstbevestiging van uw aanvraag {aanvraag.nummer}"
    assert aanvraag.nummer in bericht.body
    assert f"/aanvragen/{aanvraag.pk}/" in bericht.body
    for persoonlijk in (aanvraag.werknemer_naam, aanvraag.werknemer_bsn, "Jan", "Bakkerij", "Medewerker"):
        assert persoonlijk not in bericht.body and persoonlijk not in bericht.subject


def test_ontvangstbevestiging_wordt_na_commit_gemaakt_en_maar_een_keer(wereld, django_capture_on_commit_callbacks):
    concept = volledig_concept(door=wereld.wg_a, gemeente=wereld.gemeente_a)
    with django_capture_on_commit_callbacks() as callbacks:
        aanvraag = services.aanvraag_indienen(aanvraag=concept, door=wereld.wg_a)
    assert len(callbacks) == 1
    assert not Document.objects.exists()  # nothing before commit
    callbacks[0]()
    eerste = Document.objects.get()
    # A retried or duplicated task returns the same document.
    assert tasks.ontvangstbevestiging_maken.delay(aanvraag.pk).get() == eerste.pk
    assert brieven.ontvangstbevestiging_opslaan(aanvraag_id=aanvraag.pk) == eerste
    assert Document.objects.count() == 1


def test_aanvrager_downloadt_de_ontvangstbevestiging_en_een_ander_niet(client, wereld, aanvraag):
    document = Document.objects.get(aanvraag=aanvraag)
    url = reverse("aanvragen:document", args=[aanvraag.pk, document.pk])
    client.force_login(wereld.wg_a)
    html = client.get(reverse("aanvragen:detail", args=[aanvraag.pk])).content.decode()
    assert "Ontvangstbevestiging (versie 1, PDF" in html and url in html
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    jobcoach = UserFactory(rol=Rol.JOBCOACH, jobcoachorganisatie=wereld.jobcoachorganisatie)
    for user in (wereld.wg_b, wereld.km_b, jobcoach):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_zaakpagina_wacht_op_de_ontvangstbevestiging(client, wereld, django_capture_on_commit_callbacks):
    concept = volledig_concept(door=wereld.wg_a, gemeente=wereld.gemeente_a)
    with django_capture_on_commit_callbacks(execute=False):
        aanvraag = services.aanvraag_indienen(aanvraag=concept, door=wereld.wg_a)
    client.force_login(wereld.wg_a)
    html = client.get(reverse("aanvragen:detail", args=[aanvraag.pk])).content.decode()
    assert "De ontvangstbevestiging wordt aangemaakt…" in html
    assert f'hx-get="{reverse("aanvragen:documenten", args=[aanvraag.pk])}"' in html
    brieven.ontvangstbevestiging_opslaan(aanvraag_id=aanvraag.pk)
    fragment = client.get(reverse("aanvragen:documenten", args=[aanvraag.pk])).content.decode()
    assert "Ontvangstbevestiging (versie 1, PDF" in fragment and "hx-get" not in fragment


def test_brief_bij_verzoek_om_aanvulling(wereld, aanvraag, django_capture_on_commit_callbacks):
    services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    with op(D(2026, 3, 10)), django_capture_on_commit_callbacks(execute=True):
        opschorting = services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a,
                                                          wat_ontbreekt="- Arbeidsovereenkomst\n- Loonstrook maart")
    opschorting.refresh_from_db()
    inhoud = tekst(opschorting.brief)
    assert opschorting.brief.soort == DocumentSoort.BRIEF_AANVULLING
    assert "Arbeidsovereenkomst" in inhoud and "Loonstrook maart" in inhoud
    assert "Lever de gegevens aan uiterlijk op dinsdag 24 maart 2026" in inhoud
    assert "artikel 4:15" in inhoud and "artikel 4:5" in inhoud
    assert mail.outbox[-1].subject == f"Jobcoachloket: Vul uw aanvraag {aanvraag.nummer} aan"
    assert brieven.aanvullingsbrief_opslaan(opschorting_id=opschorting.pk) == opschorting.brief


def test_brief_bij_verdaging(wereld, aanvraag, django_capture_on_commit_callbacks):
    with op(D(2026, 4, 20)), django_capture_on_commit_callbacks(execute=True):
        verdaging = services.aanvraag_verdagen(aanvraag=aanvraag, door=wereld.km_a, weken=4,
                                               reden="Wij wachten op het advies van de bedrijfsarts.")
    verdaging.refresh_from_db()
    inhoud = tekst(verdaging.brief)
    assert "Wij wachten op het advies van de bedrijfsarts." in inhoud
    assert "Wij beslissen uiterlijk op dinsdag 26 mei 2026" in inhoud
    assert "artikel 4:14, derde lid" in inhoud


def test_besluit_buiten_behandeling_met_bezwaarclausule(wereld, aanvraag, django_capture_on_commit_callbacks):
    services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    with op(D(2026, 3, 10)):
        services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt="Loonstrook")
    with op(D(2026, 3, 25)), django_capture_on_commit_callbacks(execute=True):
        services.aanvraag_buiten_behandeling_stellen(aanvraag=Aanvraag.objects.get(pk=aanvraag.pk),
                                                     door=wereld.km_a, reden="De loonstrook kwam niet.")
    document = Document.objects.get(aanvraag=aanvraag, soort=DocumentSoort.BRIEF_BUITEN_BEHANDELING)
    inhoud = tekst(document)
    assert "Datum 25 maart 2026" in inhoud
    assert "uiterlijk op 24 maart 2026" in inhoud and "De loonstrook kwam niet." in inhoud
    assert "artikel 4:5, eerste lid" in inhoud
    assert "Bent u het niet eens met dit besluit?" in inhoud and "Postbus 1" in inhoud


def test_telefonische_aanvraag_krijgt_brief_maar_geen_mail(wereld, django_capture_on_commit_callbacks):
    concept = services.aanvraag_registratie_starten(door=wereld.km_a, gemeente=wereld.gemeente_a, kanaal="telefoon",
                                                    ontvangen_op=D(2026, 3, 2), aanvrager="werknemer")
    volledig_concept(door=wereld.km_a, gemeente=wereld.gemeente_a, aanvraag=concept)
    with op(D(2026, 3, 3)), django_capture_on_commit_callbacks(execute=True):
        aanvraag = services.aanvraag_indienen(aanvraag=concept, door=wereld.km_a)
    inhoud = tekst(Document.objects.get(aanvraag=aanvraag))
    assert "Aan Jan de Vries" in inhoud and "Op 2 maart 2026 hebben wij uw aanvraag" in inhoud
    assert mail.outbox == []
