"""Who may move a traject or a report, and that a toekenning starts a traject."""

import datetime
from decimal import Decimal

import pytest
from django_fsm import can_proceed, has_transition_perm

from aanvragen.models import Transitie
from aanvragen.transities import GeenToestemming, TransitieFout
from beoordeling.models import Uitkomst
from beoordeling.services import beoordeling_vaststellen
from beoordeling.trajecten import services
from beoordeling.trajecten.models import Traject, TrajectStatus
from tests import helpers
from tests.factories import JobcoachorganisatieFactory, RegioFactory, VerordeningFactory

from .factories import jobcoach, traject


def test_vaststellen_van_een_toekenning_maakt_een_traject(wereld):
    besluit = beoordeling_vaststellen(beoordeling=helpers.ter_ondertekening(wereld), door=wereld.ad_a2)
    t = Traject.objects.get(besluit=besluit)
    assert t.status == TrajectStatus.GEPLAND
    assert (t.startdatum, t.einddatum) == (besluit.startdatum, besluit.einddatum)
    assert t.uren_per_week == besluit.uren_per_week
    assert t.jobcoachorganisatie == wereld.jobcoachorganisatie and t.gemeente == wereld.gemeente_a
    assert t.herbeoordeling_vanaf == besluit.einddatum - datetime.timedelta(weeks=8)


def test_een_afwijzing_maakt_geen_traject(wereld):
    beoordeling = helpers.ter_ondertekening(wereld, uitkomst=Uitkomst.AFWIJZING)
    beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a2)
    assert not Traject.objects.exists()


def test_alleen_de_klantmanager_van_de_gemeente_beeindigt(wereld):
    t = traject(wereld, status=TrajectStatus.LOPEND)
    with pytest.raises(GeenToestemming):
        services.traject_beeindigen(traject=t, door=wereld.km_b, reden="Uit dienst.")
    with pytest.raises(GeenToestemming):
        services.traject_beeindigen(traject=t, door=jobcoach(wereld.jobcoachorganisatie), reden="Uit dienst.")
    services.traject_beeindigen(traject=t, door=wereld.km_a, reden="Uit dienst.")
    t.refresh_from_db()
    assert (t.status, t.einde_reden) == (TrajectStatus.BEEINDIGD, "Uit dienst.")
    with pytest.raises(TransitieFout, match="niet mogelijk zolang de status ‘beëindigd’"):
        services.traject_beeindigen(traject=t, door=wereld.km_a, reden="Nog eens.")


def test_jobcoach_mag_rapportage_niet_zelf_accepteren(wereld):
    t = traject(wereld, status=TrajectStatus.LOPEND)
    coach = jobcoach(wereld.jobcoachorganisatie)
    rapportage = services.rapportage_indienen(traject=t, door=coach, gegevens={
        "uren_besteed": 3, "voortgang": {}, "volgende_stappen": "x", "afbouw": "y"})
    assert not has_transition_perm(rapportage.accepteren, coach)
    assert not has_transition_perm(rapportage.accepteren, wereld.km_b)
    with pytest.raises(GeenToestemming):
        services.rapportage_accepteren(rapportage=rapportage, door=coach)
    services.rapportage_accepteren(rapportage=rapportage, door=wereld.km_a)


def test_jobcoach_van_andere_organisatie_kan_niet_rapporteren(wereld):
    t = traject(wereld, status=TrajectStatus.LOPEND)
    with pytest.raises(GeenToestemming):
        services.rapportage_indienen(traject=t, door=jobcoach(JobcoachorganisatieFactory()), gegevens={
            "uren_besteed": 3, "voortgang": {}, "volgende_stappen": "x", "afbouw": "y"})


def test_herbeoordeling_openen_door_het_systeem_en_pas_vanaf_de_datum(wereld):
    verlopen = traject(wereld, status=TrajectStatus.LOPEND, startdatum=datetime.date(2025, 1, 1))
    assert has_transition_perm(verlopen.herbeoordeling_openen, services.systeemgebruiker())
    assert has_transition_perm(verlopen.herbeoordeling_openen, wereld.km_a)
    assert not has_transition_perm(verlopen.herbeoordeling_openen, jobcoach(wereld.jobcoachorganisatie))
    assert not has_transition_perm(verlopen.herbeoordeling_openen, wereld.km_b)
    vers = traject(wereld, status=TrajectStatus.LOPEND, startdatum=datetime.date.today())
    assert not can_proceed(vers.herbeoordeling_openen)


def test_traject_onder_een_regioverordening_hoort_bij_de_gemeente_van_de_aanvraag(wereld):
    regio = RegioFactory()
    verordening = VerordeningFactory(gemeente=None, regio=regio, naam="Regioverordening",
                                     evaluatiefrequentie="kwartaal", herbeoordeling_weken_voor_einde=4)
    t = traject(wereld, verordening=verordening, startdatum=datetime.date(2026, 11, 30))
    assert t.gemeente == wereld.gemeente_a
    assert t.volgende_evaluatie == datetime.date(2027, 2, 28)
    assert t.herbeoordeling_vanaf == t.einddatum - datetime.timedelta(weeks=4)


def test_klantmanager_verlengt_na_herbeoordeling(wereld):
    t = traject(wereld, status=TrajectStatus.HERBEOORDELING)  # 31-01-2026 t/m 30-01-2027, 4 uur per week
    nieuw = datetime.date(2027, 7, 30)
    with pytest.raises(GeenToestemming):
        services.traject_verlengen(traject=t, door=wereld.km_b, einddatum=nieuw)
    with pytest.raises(TransitieFout, match="na de huidige einddatum"):
        services.traject_verlengen(traject=t, door=wereld.km_a, einddatum=datetime.date(2027, 1, 1))
    services.traject_verlengen(traject=t, door=wereld.km_a, einddatum=nieuw)
    t.refresh_from_db()
    assert (t.status, t.einddatum, t.herbeoordeling_vanaf) == (TrajectStatus.LOPEND, nieuw, datetime.date(2027, 6, 4))
    assert str(t.uren_toegekend) == str(Decimal("208.6") + Decimal("103.4"))  # 181 extra days at 4 a week
    log = Transitie.objects.get(machine="traject", transitie="verlengen")
    assert (log.van, log.naar, log.door, log.reden) == ("herbeoordeling", "lopend", wereld.km_a,
                                                      "Verlengd tot en met 30-07-2027.")


def test_afronden_kan_alleen_vanuit_herbeoordeling(wereld):
    lopend = traject(wereld, status=TrajectStatus.LOPEND)
    with pytest.raises(TransitieFout, match="niet mogelijk zolang de status ‘lopend’"):
        services.traject_afronden(traject=lopend, door=wereld.km_a)
    t = traject(wereld, status=TrajectStatus.HERBEOORDELING)
    services.traject_afronden(traject=t, door=wereld.km_a)
    t.refresh_from_db()
    assert t.status == TrajectStatus.AFGEROND
