"""The jobcoach portal and the klantmanager's overview and review, as users see them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Rol
from aanvragen.models import Transitie
from beoordeling.trajecten import services
from beoordeling.trajecten.models import RapportageStatus, TrajectStatus, Voortgangsrapportage
from tests.factories import JobcoachorganisatieFactory, UserFactory

from .factories import jobcoach, traject

D = datetime.date


def _rapportage_post(t, **anders):
    doel = t.besluit.beoordeling.doelen.get()
    gegevens = {"uren_besteed": "60", f"doel_{doel.pk}": "Werkt de volgorde grotendeels zelfstandig af.",
                "volgende_stappen": "Drukke dagen oefenen.", "afbouw": "Vanaf september een uur minder per week."}
    return {**gegevens, **anders}


@pytest.fixture
def lopend(wereld):
    return traject(wereld, status=TrajectStatus.LOPEND)


@pytest.fixture
def coach(wereld):
    return jobcoach(wereld.jobcoachorganisatie)


def test_jobcoach_ziet_alleen_trajecten_van_de_eigen_organisatie(client, wereld, lopend, coach):
    ander = traject(wereld, status=TrajectStatus.LOPEND, organisatie=JobcoachorganisatieFactory())
    client.force_login(coach)
    lijst = client.get(reverse("trajecten:jobcoach"))
    assert lopend.aanvraag.nummer in lijst.text and ander.aanvraag.nummer not in lijst.text
    assert client.get(reverse("trajecten:jobcoach_traject", args=[lopend.pk])).status_code == 200
    assert client.get(reverse("trajecten:jobcoach_traject", args=[ander.pk])).status_code == 404
    post = client.post(reverse("trajecten:jobcoach_traject", args=[ander.pk]), _rapportage_post(ander))
    assert post.status_code == 404
    assert not Voortgangsrapportage.objects.exists()


def test_jobcoach_dient_rapportage_in_en_ziet_overschrijding(client, wereld, lopend, coach):
    client.force_login(coach)
    url = reverse("trajecten:jobcoach_traject", args=[lopend.pk])
    response = client.post(url, _rapportage_post(lopend, uren_besteed="120,5"), follow=True)
    assert "De voortgangsrapportage is ingediend bij de klantmanager." in response.text
    rapportage = Voortgangsrapportage.objects.get()
    # 31-01 up to 31-07-2026 at 4 hours a week: 104.0 hours granted, 120.5 spent.
    assert (rapportage.periode_start, rapportage.periode_einde) == (D(2026, 1, 31), D(2026, 7, 31))
    assert str(rapportage.uren_toegekend) == "104.0" and rapportage.is_overschreden
    assert "Overschreden: 120,5 van 104,0 uur gebruikt" in response.text
    assert "uren-balk--over" in response.text


def test_ongeldige_rapportage_toont_nederlandse_fouten_en_behoudt_invoer(client, wereld, lopend, coach):
    client.force_login(coach)
    response = client.post(reverse("trajecten:jobcoach_traject", args=[lopend.pk]),
                           _rapportage_post(lopend, uren_besteed="-3", afbouw=""))
    assert response.status_code == 422
    assert "Het aantal uren kan niet negatief zijn." in response.text
    assert "Dit veld is verplicht." in response.text
    assert "Drukke dagen oefenen." in response.text
    assert not Voortgangsrapportage.objects.exists()


def _ingediend(t, coach):
    doel = t.besluit.beoordeling.doelen.get()
    return services.rapportage_indienen(traject=t, door=coach, gegevens={
        "uren_besteed": 30, "voortgang": {str(doel.pk): "Goed op weg."}, "volgende_stappen": "Door.",
        "afbouw": "Later."})


def test_klantmanager_vraagt_wijziging_met_reden_en_jobcoach_herziet(client, wereld, lopend, coach):
    rapportage = _ingediend(lopend, coach)
    client.force_login(wereld.km_a)
    url = reverse("trajecten:beoordelen", args=[rapportage.pk])
    zonder_reden = client.post(url, {f"r{rapportage.pk}-besluit": "wijziging"})
    assert zonder_reden.status_code == 422 and "Geef aan welke wijziging u vraagt." in zonder_reden.text
    client.post(url, {f"r{rapportage.pk}-besluit": "wijziging", f"r{rapportage.pk}-reden": "Uren per doel graag."})
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.WIJZIGING_GEVRAAGD
    assert Transitie.objects.filter(machine="rapportage", transitie="wijziging_vragen", door=wereld.km_a).exists()

    client.force_login(coach)
    pagina = client.get(reverse("trajecten:jobcoach_traject", args=[lopend.pk]))
    assert "De klantmanager vraagt een wijziging: Uren per doel graag." in pagina.text
    client.post(reverse("trajecten:herzien", args=[rapportage.pk]), _rapportage_post(lopend, uren_besteed="32"))
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.INGEDIEND and str(rapportage.uren_besteed) == "32.0"

    client.force_login(wereld.km_a)
    client.post(url, {f"r{rapportage.pk}-besluit": "accepteren"})
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.GEACCEPTEERD


def test_klantmanager_van_andere_gemeente_krijgt_404(client, wereld, lopend, coach):
    rapportage = _ingediend(lopend, coach)
    client.force_login(wereld.km_b)
    assert client.get(reverse("trajecten:traject", args=[lopend.pk])).status_code == 404
    assert client.post(reverse("trajecten:beoordelen", args=[rapportage.pk]),
                       {f"r{rapportage.pk}-besluit": "accepteren"}).status_code == 404
    assert lopend.aanvraag.nummer not in client.get(reverse("trajecten:overzicht")).text
    rapportage.refresh_from_db()
    assert rapportage.status == RapportageStatus.INGEDIEND


def test_overzicht_filtert_op_status_en_ontbrekende_rapportage(client, wereld, lopend):
    gepland = traject(wereld)
    services.monitoring_scan(D(2026, 8, 2))  # starts `gepland` too, and signals both as late
    gepland.refresh_from_db()
    services.traject_beeindigen(traject=gepland, door=wereld.km_a, reden="Werknemer is uit dienst.")
    client.force_login(wereld.km_a)
    alles = client.get(reverse("trajecten:overzicht")).text
    assert lopend.aanvraag.nummer in alles and gepland.aanvraag.nummer in alles and "rapportage ontbreekt" in alles
    alleen_lopend = client.get(reverse("trajecten:overzicht"), {"status": "lopend"}).text
    assert lopend.aanvraag.nummer in alleen_lopend and gepland.aanvraag.nummer not in alleen_lopend
    services.rapportage_indienen(traject=lopend, door=jobcoach(wereld.jobcoachorganisatie), gegevens={
        "uren_besteed": 1, "voortgang": {}, "volgende_stappen": "x", "afbouw": "y"})
    achterstallig = client.get(reverse("trajecten:overzicht"), {"achterstallig": "1"}).text
    assert gepland.aanvraag.nummer in achterstallig and lopend.aanvraag.nummer not in achterstallig


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("naam,rol", [("trajecten:overzicht", Rol.KLANTMANAGER), ("trajecten:jobcoach", Rol.JOBCOACH)])
def test_lijsten_hebben_een_vast_aantal_queries(client, wereld, naam, rol):
    gebruiker = (UserFactory(rol=rol, gemeenten=[wereld.gemeente_a]) if rol == Rol.KLANTMANAGER
                 else jobcoach(wereld.jobcoachorganisatie))
    client.force_login(gebruiker)
    for _ in range(5):
        traject(wereld, status=TrajectStatus.LOPEND)
    bij_vijf = _queries(client, reverse(naam))
    for _ in range(25):
        traject(wereld, status=TrajectStatus.LOPEND)
    assert _queries(client, reverse(naam)) == bij_vijf
