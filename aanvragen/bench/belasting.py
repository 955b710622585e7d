"""The load test of `make bench`: gunicorn on 127.0.0.1 and Locust headless, both stopped afterwards.

Only loopback is contacted. The run is bounded twice: the locustfile stops itself after the
measurement, and Locust's own run time (-t) and a subprocess timeout stop it if anything hangs.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

from .meting import log

LOCUSTFILE = Path(__file__).with_name("locustfile.py")
HOST = "127.0.0.1"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _start_gunicorn(poort: int, workers: int) -> subprocess.Popen:
    opdracht = [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"{HOST}:{poort}",
                "--workers", str(workers), "--log-level", "warning", "--chdir", str(settings.BASE_DIR)]
    return subprocess.Popen(opdracht, env=os.environ | {"DEBUG": "0"}, stdout=sys.stderr, stderr=sys.stderr)


def _wacht_op(poort: int, server: subprocess.Popen, seconden: float = 60) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopte direct (exitcode {server.returncode})")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{poort}/inloggen/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError("gunicorn kwam niet op binnen een minuut")


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def belastingstest(*, gebruikers: list[str], wachtwoord: str, duur: int = 30, workers: int = 5,
                   denktijd: str = "2,8") -> dict:
    """Log in `gebruikers` (one simulated session each) and let them browse for `duur` seconds."""
    poort = _vrije_poort()
    with tempfile.TemporaryDirectory(prefix="jcl-bench-") as tmp:
        gebruikers_pad, uitvoer = Path(tmp, "gebruikers.json"), Path(tmp, "uitkomst.json")
        gebruikers_pad.write_text(json.dumps(gebruikers), encoding="utf-8")
        server = _start_gunicorn(poort, workers)
        try:
            _wacht_op(poort, server)
            log(f"belastingstest: {len(gebruikers)} sessies, gunicorn {workers} workers op {HOST}:{poort}, "
                f"denktijd {denktijd} s, meting {duur} s na het inloggen")
            omgeving = os.environ | {"BENCH_GEBRUIKERS": str(gebruikers_pad), "BENCH_WACHTWOORD": wachtwoord,
                                     "BENCH_DUUR": str(duur), "BENCH_UITVOER": str(uitvoer),
                                     "BENCH_DENKTIJD": denktijd}
            locust = Path(sys.executable).with_name("locust")
            subprocess.run(
                [str(locust), "-f", str(LOCUSTFILE), "--headless", "-u", str(len(gebruikers)),
                 "-r", str(len(gebruikers)), "-t", f"{duur + 150}s", "--host", f"http://{HOST}:{poort}",
                 "--only-summary", "--stop-timeout", "5", "--loglevel", "WARNING"],
                env=omgeving, stdout=sys.stderr, stderr=sys.stderr, timeout=duur + 240, check=False,
            )
        finally:
            _stop(server)
        if not uitvoer.exists():
            raise RuntimeError("Locust schreef geen uitkomst.")
        return json.loads(uitvoer.read_text(encoding="utf-8"))
