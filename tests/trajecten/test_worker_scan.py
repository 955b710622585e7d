"""The daily scan the way beat runs it: the beat schedule's entry sent to Redis and executed by a real
Celery worker (its own DB connection), with a committed database. Run with `pytest -m worker`."""

import datetime

import pytest
from django.conf import settings

from aanvragen.models import Transitie
from beoordeling.trajecten.models import Traject, TrajectStatus
from config.celery import app as celery_app
from tests.test_worker import afgeronde_taken, echte_worker, wacht_tot

from .factories import traject

pytestmark = pytest.mark.worker


def test_beat_taak_draait_de_scan_op_een_echte_worker(wereld_in_de_database, via_redis):
    t = traject(wereld_in_de_database, startdatum=datetime.date.today() - datetime.timedelta(days=10))
    entry = settings.CELERY_BEAT_SCHEDULE["trajecten-monitoring-scan"]
    with afgeronde_taken(entry["task"]) as afgerond, echte_worker():
        celery_app.send_task(entry["task"], args=entry.get("args", ()))
        wacht_tot(lambda: bool(afgerond), omschrijving="de worker heeft de dagelijkse scan gedraaid")
        celery_app.send_task(entry["task"], args=entry.get("args", ()))  # a second run: nothing twice
        wacht_tot(lambda: len(afgerond) == 2, omschrijving="de worker heeft de scan nog eens gedraaid")

    assert afgerond == [
        ("SUCCESS", {"gestart": 1, "herbeoordeling": 0, "rapportage_ontbreekt": 0}, True),
        ("SUCCESS", {"gestart": 0, "herbeoordeling": 0, "rapportage_ontbreekt": 0}, True),
    ]
    assert Traject.objects.get(pk=t.pk).status == TrajectStatus.LOPEND
    assert Transitie.objects.filter(machine="traject", object_id=t.pk, transitie="starten").count() == 1
