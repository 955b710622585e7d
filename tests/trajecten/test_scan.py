"""The daily monitoring scan: what it changes, that twice changes nothing twice, and that a missed day
is caught up. Start 31-01-2026, twelve months, verordening: halfjaar, herbeoordeling 8 weeks before."""

import datetime

from django.db.models import Count

from aanvragen.models import Transitie
from beoordeling.trajecten import services
from beoordeling.trajecten.models import Signaal, Traject, TrajectStatus
from beoordeling.trajecten.tasks import monitoring_scan_dagelijks

from .factories import jobcoach, traject

D = datetime.date


def _rapport(t, wereld):
    services.rapportage_indienen(traject=t, door=jobcoach(wereld.jobcoachorganisatie), gegevens={
        "uren_besteed": 50, "voortgang": {}, "volgende_stappen": "Taakkaart oefenen.", "afbouw": "Na de zomer."})


def test_trajecten_starten_op_de_startdatum_met_een_logregel(wereld):
    t = traject(wereld)
    assert services.monitoring_scan(D(2026, 1, 30))["gestart"] == 0
    assert services.monitoring_scan(D(2026, 1, 31))["gestart"] == 1
    t.refresh_from_db()
    assert t.status == TrajectStatus.LOPEND
    log = Transitie.objects.get(machine="traject", object_id=t.pk)
    assert (log.van, log.naar, log.transitie, log.aanvraag_id) == ("gepland", "lopend", "starten", t.aanvraag_id)
    assert log.door.username == "systeem.monitoring" and "31-01-2026" in log.reden


def test_herbeoordeling_opent_de_ingestelde_weken_voor_het_einde(wereld):
    t = traject(wereld, status=TrajectStatus.LOPEND)
    assert t.einddatum == D(2027, 1, 30) and t.herbeoordeling_vanaf == D(2026, 12, 5)
    assert services.monitoring_scan(D(2026, 12, 4))["herbeoordeling"] == 0
    assert services.monitoring_scan(D(2026, 12, 5))["herbeoordeling"] == 1
    t.refresh_from_db()
    assert t.status == TrajectStatus.HERBEOORDELING
    assert Transitie.objects.filter(machine="traject", transitie="herbeoordeling_openen", object_id=t.pk).count() == 1


def test_twee_keer_draaien_maakt_niets_dubbel(wereld):
    trajecten = [traject(wereld) for _ in range(3)]
    peildatum = D(2026, 12, 31)
    eerste = services.monitoring_scan(peildatum)
    tweede = services.monitoring_scan(peildatum)
    assert eerste == {"gestart": 3, "herbeoordeling": 3, "rapportage_ontbreekt": 3}
    assert tweede == {"gestart": 0, "herbeoordeling": 0, "rapportage_ontbreekt": 0}
    assert Signaal.objects.count() == 3
    assert Transitie.objects.filter(machine="traject").count() == 6
    per_traject = Transitie.objects.filter(machine="traject").values("object_id").annotate(n=Count("id"))
    assert {r["object_id"]: r["n"] for r in per_traject} == {t.pk: 2 for t in trajecten}


def test_een_gemiste_dag_wordt_de_volgende_dag_ingehaald(wereld):
    """The evaluation moment is 31-07-2026; the scan of 01-08 did not run. The run on 02-08 still signals
    it, and a traject whose start and herbeoordeling both passed during the outage gets both steps."""
    t = traject(wereld, status=TrajectStatus.LOPEND)
    laat = traject(wereld, startdatum=D(2026, 2, 10), maanden=6)
    assert services.monitoring_scan(D(2026, 7, 31))["rapportage_ontbreekt"] == 0  # due today: not late yet
    resultaat = services.monitoring_scan(D(2026, 8, 2))
    assert resultaat["rapportage_ontbreekt"] == 1
    assert Signaal.objects.get().moment == D(2026, 7, 31) and Signaal.objects.get().traject == t
    laat.refresh_from_db()
    assert laat.status == TrajectStatus.HERBEOORDELING
    assert list(Transitie.objects.filter(object_id=laat.pk, machine="traject").values_list("naar", flat=True)) == [
        "lopend", "herbeoordeling"]


def test_rapportage_sluit_het_signaal_en_schuift_de_evaluatie_op(wereld):
    t = traject(wereld, status=TrajectStatus.LOPEND)
    services.monitoring_scan(D(2026, 8, 2))
    _rapport(t, wereld)
    t.refresh_from_db()
    assert t.volgende_evaluatie == D(2027, 1, 31)
    assert Signaal.objects.get().opgelost is True
    assert services.monitoring_scan(D(2026, 8, 3))["rapportage_ontbreekt"] == 0


def test_afgesloten_trajecten_doen_niet_mee(wereld):
    traject(wereld, status=TrajectStatus.BEEINDIGD)
    traject(wereld, status=TrajectStatus.AFGEROND)
    assert services.monitoring_scan(D(2027, 6, 1)) == {"gestart": 0, "herbeoordeling": 0, "rapportage_ontbreekt": 0}


def test_de_taak_neemt_een_peildatum_als_tekst(wereld):
    traject(wereld)
    assert monitoring_scan_dagelijks.delay("2026-02-01").get()["gestart"] == 1
    assert Traject.objects.get().status == TrajectStatus.LOPEND


def test_het_pad_buiten_postgresql_legt_dezelfde_logregels_vast(wereld):
    """The SQLite demo path (RETURNING + one bulk_create) moves and logs exactly what the CTE path does."""
    via_cte, via_python = traject(wereld), traject(wereld, startdatum=D(2026, 2, 1))
    door = services.systeemgebruiker()
    kwargs = {"transitie": "starten", "van": "gepland", "naar": "lopend", "kolom": "startdatum", "door": door}
    assert services._bulk_transitie(peildatum=D(2026, 1, 31), in_de_database=True, **kwargs) == 1
    assert services._bulk_transitie(peildatum=D(2026, 2, 1), in_de_database=False, **kwargs) == 1
    rijen = Transitie.objects.filter(machine="traject").order_by("id")
    assert [(r.object_id, r.aanvraag_id, r.van, r.naar, r.door_id) for r in rijen] == [
        (via_cte.pk, via_cte.aanvraag_id, "gepland", "lopend", door.pk),
        (via_python.pk, via_python.aanvraag_id, "gepland", "lopend", door.pk)]
    assert all(r.op is not None for r in rijen)
