"""The documents through a real Celery worker against Redis: a worker killed in the middle of a render, and
duplicate messages for the dossier.

A killed worker: a separate `celery worker` process (prefork, one child) whose child stops right after it
has written the PDF to storage, before its database transaction commits; the test kills that child with
SIGKILL. With acks_late and reject_on_worker_lost the message goes back to the queue, the next child
renders again, and the case ends with exactly one document whose file matches its hash (the killed
attempt's file stays behind, referenced by nothing).

Run just these with `pytest -m worker` (they need REDIS_URL; the database is transactional so the
worker's own connections see the committed rows).
"""

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection

from accounts.models import Rol
from beoordeling.models import Document, Dossierverzoek
from beoordeling.tasks import beschikking_renderen, dossier_maken
from config.celery import app as celery_app
from tests.beoordeling.documenten_helpers import WERKNEMER, besluit_met_onderzoek, pdf_tekst
from tests.factories import UserFactory

pytestmark = pytest.mark.worker

WACHTTIJD = 90  # seconds; a worker process starts slowly on a busy machine

# The worker process: the project's own app, with storage writes wrapped so that the first render stops
# (forever) after its file is written and before its row is committed, and says which process it is.
STARTER = """
import os, sys, time, pathlib
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django
django.setup()
from django.core.files.storage import FileSystemStorage
from config.celery import app

merk = pathlib.Path(sys.argv[1])
echt = FileSystemStorage._save

def _save(self, name, content):
    naam = echt(self, name, content)
    if merk.exists():
        merk.unlink()
        pathlib.Path(str(merk) + ".pid").write_text(str(os.getpid()))
        time.sleep(600)
    return naam

FileSystemStorage._save = _save
app.worker_main(["worker", "--pool=prefork", "--concurrency=1", "--loglevel=WARNING", "--without-gossip",
                 "--without-mingle", "--without-heartbeat", "--hostname=doodgemaakt@%h"])
"""


def wacht_tot(voorwaarde, *, omschrijving: str):
    deadline = time.monotonic() + WACHTTIJD
    while time.monotonic() < deadline:
        if voorwaarde():
            return
        time.sleep(0.2)
    pytest.fail(f"Na {WACHTTIJD} s nog steeds niet: {omschrijving}")


def _database_url() -> str:
    d = connection.settings_dict
    wachtwoord = f":{d['PASSWORD']}" if d["PASSWORD"] else ""
    return f"postgres://{d['USER']}{wachtwoord}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


@contextlib.contextmanager
def worker_proces(merk: Path):
    """A real `celery worker` process on the test database, the test's storage and the Redis broker."""
    omgeving = os.environ | {
        "DATABASE_URL": _database_url(), "REDIS_URL": settings.REDIS_URL, "SECRET_KEY": "alleen-voor-tests",
        "HTTPS": "0", "DEBUG": "0", "PRIVATE_MEDIA_ROOT": settings.STORAGES["default"]["OPTIONS"]["location"],
        "DB_CONN_MAX_AGE": "0",
    }
    proces = subprocess.Popen([sys.executable, "-c", STARTER, str(merk)], cwd=settings.BASE_DIR, env=omgeving,
                              start_new_session=True)
    try:
        yield proces
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait()


def _bestanden(map_: str) -> list[str]:
    if not default_storage.exists(map_):
        return []
    mappen, namen = default_storage.listdir(map_)
    return [*(f"{map_}/{n}" for n in namen), *(b for m in mappen for b in _bestanden(f"{map_}/{m}"))]


def test_gedode_worker_laat_geen_half_document_achter_en_de_herhaling_lukt(
        wereld_in_de_database, via_redis, tmp_path):
    besluit = besluit_met_onderzoek(wereld_in_de_database)
    merk = tmp_path / "eerste-poging-stopt"
    merk.write_text("ja")
    beschikking_renderen.delay(besluit.pk)

    with worker_proces(merk):
        pid_bestand = Path(f"{merk}.pid")
        wacht_tot(pid_bestand.exists, omschrijving="de worker heeft het bestand geschreven en staat stil")
        achtergebleven = _bestanden("documenten")
        assert len(achtergebleven) == 1  # the PDF is on disk …
        assert not Document.alle.exists()  # … but no document exists: the row never committed

        os.kill(int(pid_bestand.read_text()), signal.SIGKILL)  # the child dies mid-task
        wacht_tot(Document.objects.filter(besluit=besluit).exists,
                  omschrijving="het opnieuw afgeleverde bericht heeft de beschikking gemaakt")

    document = Document.objects.get(besluit=besluit)
    with document.bestand.open("rb") as bestand:
        inhoud = bestand.read()
    assert document.sha256 == hashlib.sha256(inhoud).hexdigest() and document.grootte == len(inhoud)
    assert WERKNEMER in pdf_tekst(inhoud)
    assert Document.alle.count() == 1
    # The killed attempt's file is still there, but nothing refers to it; stored files are never overwritten.
    assert document.bestand.name not in achtergebleven
    assert sorted(_bestanden("documenten")) == sorted([*achtergebleven, document.bestand.name])


@contextlib.contextmanager
def afgeronde_taken(taaknaam: str):
    afgerond: list[tuple[str, object]] = []
    slot = threading.Lock()

    def ontvanger(sender=None, state=None, retval=None, **kwargs):
        if sender is not None and sender.name == taaknaam:
            with slot:
                afgerond.append((state, retval))

    task_postrun.connect(ontvanger, weak=False)
    try:
        yield afgerond
    finally:
        task_postrun.disconnect(ontvanger)


def test_dubbel_afgeleverd_dossierbericht_maakt_maar_een_versie(wereld_in_de_database, via_redis):
    besluit = besluit_met_onderzoek(wereld_in_de_database, bijlagen=2)
    bb = UserFactory(rol=Rol.BEZWAARBEHANDELAAR, gemeenten=[wereld_in_de_database.gemeente_a])
    verzoek = Dossierverzoek.objects.create(besluit=besluit, variant="volledig", aangevraagd_door=bb)
    dossier_maken.delay(verzoek.pk)
    dossier_maken.delay(verzoek.pk)  # a redelivery after a lost ack looks just like this

    with afgeronde_taken(dossier_maken.name) as afgerond:
        with start_worker(celery_app, pool="threads", concurrency=2, perform_ping_check=False,
                          shutdown_timeout=WACHTTIJD):
            wacht_tot(lambda: len(afgerond) >= 2, omschrijving="de worker heeft beide berichten verwerkt")

    assert afgerond == [("SUCCESS", verzoek.pk), ("SUCCESS", verzoek.pk)]
    verzoek.refresh_from_db()
    assert verzoek.is_geleverd
    assert sorted(Document.alle.filter(besluit=besluit).values_list("soort", "versie")) == [
        ("dossier_zip", 1), ("onderzoeksrapport", 1)]
