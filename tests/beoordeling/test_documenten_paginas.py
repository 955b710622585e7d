"""The pages of the documents: requesting the dossier, waiting for it, and the downloads per role."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import Rol
from beoordeling import documenten, dossier
from beoordeling.models import Documentdownload, Dossierverzoek
from tests.factories import UserFactory

from .documenten_helpers import besluit_met_onderzoek


@pytest.fixture
def besluit(wereld):
    return besluit_met_onderzoek(wereld, bijlagen=1)


@pytest.fixture
def gebruikers(wereld):
    """One user per role around the case of gemeente A, and staff of gemeente B."""
    a, b = wereld.gemeente_a, wereld.gemeente_b
    return {
        "werkgever": wereld.wg_a,
        "werknemer": UserFactory(rol=Rol.WERKNEMER, bsn="111222333", username="werknemer"),
        "jobcoach": UserFactory(rol=Rol.JOBCOACH, jobcoachorganisatie=wereld.jobcoachorganisatie, username="jc"),
        "klantmanager": wereld.km_a,
        "arbeidsdeskundige": wereld.ad_a,
        "bezwaarbehandelaar": UserFactory(rol=Rol.BEZWAARBEHANDELAAR, gemeenten=[a], username="bb_a"),
        "functioneel_beheerder": UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER, gemeenten=[a], username="fb_a"),
        "beleidsmedewerker": UserFactory(rol=Rol.BELEIDSMEDEWERKER, gemeenten=[a], username="bm_a"),
        "bezwaarbehandelaar andere gemeente": UserFactory(rol=Rol.BEZWAARBEHANDELAAR, gemeenten=[b], username="bb_b"),
        "werkgever andere zaak": wereld.wg_b,
    }


@pytest.fixture
def documenten_van_de_zaak(besluit, gebruikers):
    """The beschikking, the complete dossier (PDF and ZIP) and the werkgever's own copy of the onderzoek,
    stored as the services store them (their content is tested elsewhere; here only who gets them)."""
    def opslaan(soort, inhoud, extensie="pdf"):
        return documenten.document_opslaan(aanvraag=besluit.aanvraag, besluit=besluit, soort=soort, inhoud=inhoud,
                                           versie=1, template_versie="test", extensie=extensie)

    stukken = {"beschikking": opslaan("beschikking", b"%PDF-1.7 beschikking"),
               "rapport": opslaan("onderzoeksrapport", b"%PDF-1.7 volledig"),
               "zip": opslaan("dossier_zip", b"PK\x03\x04 dossier", extensie="zip"),
               "afschrift": opslaan("onderzoeksrapport_aanvrager", b"%PDF-1.7 afschrift")}
    Dossierverzoek.objects.create(besluit=besluit, variant="volledig", rapport=stukken["rapport"], zip=stukken["zip"],
                                  aangevraagd_door=gebruikers["bezwaarbehandelaar"], geleverd_op=timezone.now())
    Dossierverzoek.objects.create(besluit=besluit, variant="aanvrager", aangevraagd_door=gebruikers["werkgever"],
                                  rapport=stukken["afschrift"], geleverd_op=timezone.now())
    return stukken


# Who gets which document (200); everyone else gets a 403 (role) or a 404 (scope, or not theirs).
MAG = {
    "werkgever": {"beschikking", "afschrift"},
    "werknemer": {"beschikking"},  # the copy the werkgever asked for is the werkgever's
    "jobcoach": set(),
    "klantmanager": {"beschikking", "rapport", "zip", "afschrift"},
    "arbeidsdeskundige": {"beschikking", "rapport", "zip", "afschrift"},
    "bezwaarbehandelaar": {"beschikking", "rapport", "zip", "afschrift"},
    "functioneel_beheerder": {"beschikking"},
    "beleidsmedewerker": {"beschikking"},
    "bezwaarbehandelaar andere gemeente": set(),
    "werkgever andere zaak": set(),
}


@pytest.mark.parametrize("wie", list(MAG))
def test_download_per_rol(client, gebruikers, documenten_van_de_zaak, wie):
    client.force_login(gebruikers[wie])
    for naam, document in documenten_van_de_zaak.items():
        antwoord = client.get(reverse("beoordeling:download", args=[document.pk]))
        if naam in MAG[wie]:
            assert antwoord.status_code == 200, (wie, naam)
            inhoud = b"".join(antwoord.streaming_content)
            assert inhoud.startswith(b"PK" if naam == "zip" else b"%PDF-")
            assert antwoord["Cache-Control"] == "private, no-store"
        else:
            assert antwoord.status_code in (403, 404), (wie, naam)
    gelogd = Documentdownload.objects.filter(door=gebruikers[wie])
    assert sorted(d.document_id for d in gelogd) == sorted(documenten_van_de_zaak[n].pk for n in MAG[wie])


def test_download_wordt_vastgelegd_met_wie_en_wanneer(client, gebruikers, documenten_van_de_zaak):
    bb = gebruikers["bezwaarbehandelaar"]
    client.force_login(bb)
    antwoord = client.get(reverse("beoordeling:download", args=[documenten_van_de_zaak["zip"].pk]))
    assert antwoord["Content-Disposition"].endswith('.zip"')
    [download] = Documentdownload.objects.all()
    assert (download.document, download.door) == (documenten_van_de_zaak["zip"], bb)
    assert download.op is not None


def test_dossiers_staan_nooit_tussen_de_brieven_van_de_zaak(client, besluit, gebruikers, documenten_van_de_zaak):
    client.force_login(gebruikers["bezwaarbehandelaar"])
    for naam in ("rapport", "zip", "afschrift"):  # the letters' own download views do not serve them
        url = reverse("aanvragen:document", args=[besluit.aanvraag_id, documenten_van_de_zaak[naam].pk])
        assert client.get(url).status_code == 404
    client.force_login(gebruikers["werknemer"])
    pagina = client.get(reverse("aanvragen:detail", args=[besluit.aanvraag_id])).content.decode()
    assert "Beschikking (versie 1" in pagina
    assert "Onderzoeksrapport" not in pagina.split("Het onderzoek opvragen")[0]


def test_aanvrager_vraagt_het_onderzoek_op_en_downloadt_het_als_het_klaar_is(
        client, besluit, gebruikers, django_capture_on_commit_callbacks):
    werknemer = gebruikers["werknemer"]
    client.force_login(werknemer)
    detail = reverse("aanvragen:detail", args=[besluit.aanvraag_id])
    assert "Onderzoek opvragen" in client.get(detail).content.decode()

    with django_capture_on_commit_callbacks() as taken:
        antwoord = client.post(reverse("beoordeling:dossier_opvragen", args=[besluit.pk]))
    verzoek = Dossierverzoek.objects.get(aangevraagd_door=werknemer)
    assert antwoord.status_code == 302 and antwoord.url == reverse("beoordeling:dossierverzoek", args=[verzoek.pk])
    wachten = client.get(antwoord.url).content.decode()
    assert "wordt aangemaakt" in wachten and 'hx-trigger="every 2s"' in wachten
    fragment = client.get(antwoord.url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and "wordt aangemaakt" in fragment

    for taak in taken:
        taak()  # the worker makes it
    klaar = client.get(antwoord.url, headers={"HX-Request": "true"}).content.decode()
    assert "every 2s" not in klaar and "Onderzoeksrapport als PDF" in klaar
    verzoek.refresh_from_db()
    assert client.get(reverse("beoordeling:download", args=[verzoek.rapport_id])).status_code == 200
    assert "Onderzoek opnieuw opvragen" in client.get(detail).content.decode()


def test_bezwaarbehandelaar_downloadt_het_dossier_met_een_klik_als_het_actueel_is(
        client, besluit, gebruikers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        eerder = dossier.dossier_opvragen(besluit=besluit, door=gebruikers["arbeidsdeskundige"])
    eerder.refresh_from_db()
    client.force_login(gebruikers["bezwaarbehandelaar"])
    antwoord = client.post(reverse("beoordeling:dossier_opvragen", args=[besluit.pk]))
    assert antwoord.status_code == 302
    assert antwoord.url == reverse("beoordeling:download", args=[eerder.zip_id])
    assert b"".join(client.get(antwoord.url).streaming_content).startswith(b"PK")
    pagina = client.get(reverse("aanvragen:detail", args=[besluit.aanvraag_id])).content.decode()
    assert "Onderzoeksdossier" in pagina and "Dossier als ZIP, met de PDF en de bijlagen" in pagina


@pytest.mark.parametrize("wie,status", [
    ("jobcoach", 403), ("beleidsmedewerker", 403), ("bezwaarbehandelaar andere gemeente", 404),
    ("werkgever andere zaak", 404),
])
def test_wie_het_dossier_niet_mag_opvragen(client, besluit, gebruikers, wie, status):
    client.force_login(gebruikers[wie])
    assert client.post(reverse("beoordeling:dossier_opvragen", args=[besluit.pk])).status_code == status
    assert not Dossierverzoek.objects.exists()


def test_verzoek_van_een_ander_is_niet_te_zien(client, besluit, gebruikers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        verzoek = dossier.dossier_opvragen(besluit=besluit, door=gebruikers["werkgever"])
    url = reverse("beoordeling:dossierverzoek", args=[verzoek.pk])
    client.force_login(gebruikers["werknemer"])
    assert client.get(url).status_code == 404
    client.force_login(gebruikers["bezwaarbehandelaar"])
    assert client.get(url).status_code == 200


def test_mislukt_verzoek_biedt_opnieuw_proberen(client, besluit, gebruikers):
    verzoek = Dossierverzoek.objects.create(besluit=besluit, variant="aanvrager",
                                            aangevraagd_door=gebruikers["werkgever"], mislukt_op=timezone.now())
    client.force_login(gebruikers["werkgever"])
    pagina = client.get(reverse("beoordeling:dossierverzoek", args=[verzoek.pk])).content.decode()
    assert "niet gelukt" in pagina and "Opnieuw proberen" in pagina and "every 2s" not in pagina


def test_geen_dossierknop_voor_wie_niet_mag_of_zonder_besluit(client, wereld, besluit, gebruikers):
    client.force_login(gebruikers["jobcoach"])
    pagina = client.get(reverse("aanvragen:detail", args=[besluit.aanvraag_id])).content.decode()
    assert "dossier_opvragen" not in pagina and "Onderzoek opvragen" not in pagina
    zonder_besluit = wereld.aanvraag(status="in_behandeling", nummer="0362-2026-09999")
    client.force_login(gebruikers["werkgever"])
    pagina = client.get(reverse("aanvragen:detail", args=[zonder_besluit.pk])).content.decode()
    assert "Onderzoek opvragen" not in pagina


def test_dossierknop_voor_een_lijst_van_besluiten(besluit, gebruikers, django_assert_num_queries):
    verzoek = RequestFactory().get("/besluiten/")
    verzoek.user = gebruikers["bezwaarbehandelaar"]
    with django_assert_num_queries(0):
        html = Template("{% load dossier %}{% dossier_knop besluit %}").render(
            Context({"besluit": besluit, "request": verzoek, "csrf_token": "t"}))
    assert f'action="{reverse("beoordeling:dossier_opvragen", args=[besluit.pk])}"' in html
    assert "Dossier downloaden" in html
