"""The register of jobcoachorganisaties and the quality facts it gives the engine."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Rol
from tests.factories import JobcoachorganisatieFactory, UserFactory
from verordening.engine import Casusfeiten, Keurmerk, Opleidingsniveau, Verordeningsregels, toets_kwaliteit
from verordening.models import Jobcoachorganisatie
from verordening.selectors import kwaliteitsfeiten

from .factories import JobcoachprofielFactory, KeurmerkregistratieFactory

pytestmark = pytest.mark.django_db
d = datetime.date

OVAL_VEREIST = Verordeningsregels(intensiteit_soort="vast_percentage", vast_percentage=5,
                                  geaccepteerde_keurmerken={"OVAL"}, min_opleiding="hbo")


def _toets(organisatie, peildatum, **extra):
    feiten = kwaliteitsfeiten(organisatie=organisatie, peildatum=peildatum, **extra)
    return toets_kwaliteit(OVAL_VEREIST, Casusfeiten(contracturen_per_week=24, startdatum=peildatum,
                                                     peildatum=peildatum, **feiten))


@pytest.mark.parametrize("peildatum, voldoet", [
    (d(2026, 6, 30), True),  # the last day of the mark still counts
    (d(2026, 7, 1), False),  # expired from the day after
    (d(2023, 12, 31), False),  # before the mark started: not yet valid
])
def test_verlopen_keurmerk_faalt_vanaf_de_dag_erna(peildatum, voldoet):
    registratie = KeurmerkregistratieFactory(keurmerk="OVAL", geldig_van=d(2024, 1, 1), geldig_tot=d(2026, 6, 30))
    coach = JobcoachprofielFactory(opleidingsniveau="hbo").jobcoach
    toetsing = _toets(registratie.organisatie, peildatum, jobcoach=coach)
    assert toetsing.voldoet is voldoet
    keurmerk = next(b for b in toetsing.bevindingen if b.regel == "keurmerk")
    if peildatum == d(2026, 7, 1):
        assert "OVAL-keurmerk is verlopen (geldig tot en met 30 juni 2026)" in keurmerk.tekst


def test_van_meerdere_registraties_telt_de_langste():
    organisatie = JobcoachorganisatieFactory()
    KeurmerkregistratieFactory(organisatie=organisatie, keurmerk="OVAL", geldig_tot=d(2025, 12, 31))
    KeurmerkregistratieFactory(organisatie=organisatie, keurmerk="OVAL", geldig_van=d(2025, 12, 1),
                               geldig_tot=d(2028, 12, 31))
    KeurmerkregistratieFactory(organisatie=organisatie, keurmerk="NOLOC", geldig_tot=None)
    feiten = kwaliteitsfeiten(organisatie=organisatie, peildatum=d(2026, 3, 1))
    assert feiten["keurmerken"] == {Keurmerk.OVAL: d(2028, 12, 31), Keurmerk.NOLOC: None}


def test_opleidingsniveau_en_klantmanager():
    coach = JobcoachprofielFactory(opleidingsniveau="mbo").jobcoach
    organisatie = KeurmerkregistratieFactory(keurmerk="OVAL", geldig_tot=None).organisatie
    feiten = kwaliteitsfeiten(organisatie=organisatie, peildatum=d(2026, 1, 1), jobcoach=coach)
    assert feiten["jobcoach_opleidingsniveau"] == Opleidingsniveau.MBO
    assert feiten["jobcoach_is_klantmanager"] is False
    toetsing = _toets(organisatie, d(2026, 1, 1), jobcoach=coach)
    assert not toetsing.voldoet
    assert "ten minste hbo-niveau (werk- en denkniveau); de jobcoach heeft mbo-niveau" in " ".join(toetsing.gebreken)
    # The same person with a second account (same e-mail) is still the klantmanager.
    coach.email = "Piet@Gemeente.nl"
    km = UserFactory(rol=Rol.KLANTMANAGER, email="piet@gemeente.nl")
    assert kwaliteitsfeiten(organisatie=organisatie, peildatum=d(2026, 1, 1), jobcoach=coach,
                            klantmanager=km)["jobcoach_is_klantmanager"] is True


def test_zonder_organisatie_en_jobcoach_geen_feiten():
    feiten = kwaliteitsfeiten(organisatie=None, peildatum=d(2026, 1, 1))
    assert feiten == {"keurmerken": {}, "jobcoach_opleidingsniveau": None, "jobcoach_is_klantmanager": False}


def _queries(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("verordening:register"))
    assert response.status_code == 200
    return len(ctx), response.content.decode()


def test_registerpagina_toont_verlopen_keurmerk_met_vast_aantal_queries(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 12, 0))
    KeurmerkregistratieFactory(organisatie__naam="Coachpunt Zaanstreek", keurmerk="OVAL", geldig_tot=d(2026, 6, 30))
    client.force_login(UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER))
    klein, html = _queries(client)
    assert "Coachpunt Zaanstreek" in html and "Verlopen" in html
    for _ in range(4):
        registratie = KeurmerkregistratieFactory(keurmerk="BLIK_OP_WERK", geldig_tot=None)
        JobcoachprofielFactory(jobcoach__jobcoachorganisatie=registratie.organisatie)
        UserFactory(rol=Rol.JOBCOACH, jobcoachorganisatie=registratie.organisatie)  # no profile
    groot, html = _queries(client)
    assert groot == klein
    assert "HBO werk- en denkniveau" in html and "opleidingsniveau onbekend" in html


def test_registerpagina_alleen_voor_functioneel_beheerder(client):
    client.force_login(UserFactory(rol=Rol.BELEIDSMEDEWERKER))
    assert client.get(reverse("verordening:register")).status_code == 403


def test_organisatie_en_keurmerk_vastleggen(client):
    client.force_login(UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER))
    response = client.post(reverse("verordening:organisatie_nieuw"), {"naam": "Coach & Co", "kvk_nummer": "12121212"},
                           follow=True)
    assert "Coach &amp; Co staat in het register" in response.content.decode()
    organisatie = Jobcoachorganisatie.objects.get(kvk_nummer="12121212")
    response = client.post(reverse("verordening:keurmerk_nieuw", args=[organisatie.pk]),
                           {"keurmerk": "NOLOC", "registratienummer": "N-1", "geldig_van": "01-01-2026",
                            "geldig_tot": "31-12-2027"}, follow=True)
    assert "Het Noloc-jobcoachregister van Coach &amp; Co is vastgelegd." in response.content.decode()
    assert kwaliteitsfeiten(organisatie, d(2026, 6, 1))["keurmerken"] == {Keurmerk.NOLOC: d(2027, 12, 31)}


@pytest.mark.parametrize("url, data, melding", [
    ("organisatie", {"naam": "X", "kvk_nummer": "1234"}, "Een KvK-nummer bestaat uit acht cijfers."),
    ("organisatie", {"naam": "X", "kvk_nummer": "55554444"}, "Er staat al een organisatie met dit KvK-nummer"),
    ("organisatie", {"naam": "", "kvk_nummer": "12345678"}, "Vul de naam van de organisatie in."),
    ("keurmerk", {"keurmerk": ""}, "Kies een keurmerk of register."),
    ("keurmerk", {"keurmerk": "OVAL", "geldig_van": "01-01-2027", "geldig_tot": "31-12-2026"},
     "De einddatum ligt vóór de ingangsdatum."),
])
def test_register_met_ongeldige_invoer(client, url, data, melding):
    bestaand = JobcoachorganisatieFactory(kvk_nummer="55554444")
    client.force_login(UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER))
    adres = reverse("verordening:organisatie_nieuw") if url == "organisatie" else \
        reverse("verordening:keurmerk_nieuw", args=[bestaand.pk])
    response = client.post(adres, data)
    assert response.status_code == 422 and melding in response.content.decode()
    assert Jobcoachorganisatie.objects.count() == 1
    assert not bestaand.keurmerken.exists()


def test_register_bijhouden_alleen_door_functioneel_beheerder(client):
    organisatie = JobcoachorganisatieFactory()
    client.force_login(UserFactory(rol=Rol.KLANTMANAGER))
    assert client.post(reverse("verordening:keurmerk_nieuw", args=[organisatie.pk]), {"keurmerk": "OVAL"}
                       ).status_code == 403
    assert client.get(reverse("verordening:keurmerk_nieuw", args=[organisatie.pk + 1000])).status_code == 403
    client.force_login(UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER))
    assert client.get(reverse("verordening:keurmerk_nieuw", args=[organisatie.pk + 1000])).status_code == 404
