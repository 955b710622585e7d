"""The real path of the beschikking: a Celery worker (in a thread) consumes from Redis and renders a PDF.

Everything else in the suite runs tasks eagerly (tests/conftest.py). These tests switch that off,
start an embedded worker with celery.contrib.testing.worker.start_worker against the REDIS_URL broker,
and use a transactional database so the worker's own connection sees the committed rows.
Run just these with `pytest -m worker`.
"""

import contextlib
import hashlib
import io
import threading
import time
from decimal import Decimal

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from pypdf import PdfReader

from beoordeling.models import Besluit, Document
from beoordeling.services import beoordeling_vaststellen
from beoordeling.tasks import beschikking_renderen
from config.celery import app as celery_app
from tests import helpers
from tests.conftest import Wereld

pytestmark = pytest.mark.worker

WERKNEMER = "Fatima el Amrani"
WACHTTIJD = 30  # seconds


@contextlib.contextmanager
def echte_worker(*, pool: str = "solo", concurrency: int = 1):
    with start_worker(celery_app, pool=pool, concurrency=concurrency, perform_ping_check=False,
                      shutdown_timeout=WACHTTIJD) as worker:
        yield worker


@contextlib.contextmanager
def afgeronde_taken(taaknaam: str):
    """Collect (state, retval, ran_in_worker) of every run of `taaknaam` that finishes."""
    afgerond: list[tuple[str, object, bool]] = []
    test_thread = threading.get_ident()
    slot = threading.Lock()

    def ontvanger(sender=None, task_id=None, state=None, retval=None, **kwargs):
        if sender is not None and sender.name == taaknaam:
            with slot:
                in_worker = not sender.request.is_eager and threading.get_ident() != test_thread
                afgerond.append((state, retval, in_worker))

    task_postrun.connect(ontvanger, weak=False)
    try:
        yield afgerond
    finally:
        task_postrun.disconnect(ontvanger)


def wacht_tot(voorwaarde, *, omschrijving: str):
    deadline = time.monotonic() + WACHTTIJD
    while time.monotonic() < deadline:
        if voorwaarde():
            return
        time.sleep(0.1)
    pytest.fail(f"Na {WACHTTIJD} s nog steeds niet: {omschrijving}")


def besluit_vaststellen(w: Wereld) -> Besluit:
    """A complete onderzoek through the real services (tests/helpers.py), signed by ad_a.

    The vaststelling enqueues beschikking_renderen on commit; with task_always_eager off it goes to Redis.
    """
    maatwerk = {"maatwerk_uren_per_week": Decimal("3.5"), "maatwerk_duur_maanden": 6,
                "maatwerk_motivering": "Een kort, intensief traject past bij het inwerken."}
    beoordeling = helpers.ter_ondertekening(w, werknemer_naam=WERKNEMER, besluit=maatwerk)
    return beoordeling_vaststellen(beoordeling=beoordeling, door=w.ad_a)


def beschikkingen(besluit: Besluit):
    return Document.objects.filter(besluit=besluit, soort="beschikking")


def pdf_tekst(inhoud: bytes) -> str:
    reader = PdfReader(io.BytesIO(inhoud))
    return " ".join(" ".join(pagina.extract_text() or "" for pagina in reader.pages).split())


def test_worker_maakt_de_beschikking_als_pdf_na_het_vaststellen(wereld_in_de_database, via_redis):
    with afgeronde_taken(beschikking_renderen.name) as afgerond, echte_worker():
        besluit = besluit_vaststellen(wereld_in_de_database)
        wacht_tot(lambda: beschikkingen(besluit).exists(), omschrijving="de worker heeft de beschikking opgeslagen")

    document = beschikkingen(besluit).get()
    assert afgerond == [("SUCCESS", document.pk, True)]
    with document.bestand.open("rb") as bestand:
        inhoud = bestand.read()
    assert inhoud.startswith(b"%PDF-")
    assert document.sha256 == hashlib.sha256(inhoud).hexdigest()
    assert document.grootte == len(inhoud)
    assert (document.soort, document.versie, document.aanvraag_id) == ("beschikking", 1, besluit.aanvraag_id)

    tekst = pdf_tekst(inhoud)
    assert WERKNEMER in tekst
    assert "3,5 uur per week" in tekst
    assert "bezwaar" in tekst
    assert besluit.aanvraag.nummer in tekst


def test_dubbel_afgeleverde_taak_maakt_maar_een_beschikking(wereld_in_de_database, via_redis):
    # Both messages wait in Redis before the worker starts: the one sent on commit of the
    # vaststelling, and a duplicate (a redelivery after a lost ack looks just like this).
    besluit = besluit_vaststellen(wereld_in_de_database)
    beschikking_renderen.delay(besluit.pk)

    with afgeronde_taken(beschikking_renderen.name) as afgerond:
        # Two threads, so the duplicate runs at the same time as the original, not after it.
        with echte_worker(pool="threads", concurrency=2):
            wacht_tot(lambda: len(afgerond) >= 2, omschrijving="de worker heeft beide berichten verwerkt")

    document = beschikkingen(besluit).get()
    assert afgerond == [("SUCCESS", document.pk, True), ("SUCCESS", document.pk, True)]
    with document.bestand.open("rb") as bestand:
        assert document.sha256 == hashlib.sha256(bestand.read()).hexdigest()
