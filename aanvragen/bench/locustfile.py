"""Locust scenario for `make bench`: staff sessions browsing worklists and case pages.

Run by `aanvragen.bench.belasting` (never imported by Django). Every simulated user logs in with its
own staff account through the real login form. When all have logged in, the statistics are reset
and the measurement runs for BENCH_DUUR seconds; then Locust stops itself and writes the figures to
BENCH_UITVOER as JSON. Only the host given with --host (127.0.0.1) is ever contacted.
"""

import json
import os
import random
import re

import gevent
from gevent.event import Event
from locust import HttpUser, between, events, task

GEBRUIKERS = json.loads(open(os.environ["BENCH_GEBRUIKERS"], encoding="utf-8").read())
WACHTWOORD = os.environ["BENCH_WACHTWOORD"]
DUUR = float(os.environ.get("BENCH_DUUR", "30"))
DENKTIJD = tuple(float(x) for x in os.environ.get("BENCH_DENKTIJD", "2,8").split(","))
STATUSSEN = ("", "", "", "ingediend", "in_behandeling", "aanvulling_gevraagd", "besloten")
DETAIL = re.compile(r'href="/aanvragen/(\d+)/"')

_vrij = list(GEBRUIKERS)
_ingelogd = Event()
_stand = {"ingelogd": 0, "inlogfouten": 0, "meting_gestart": None}


def _klaar_met_inloggen(environment) -> None:
    """Called once every user has tried to log in: start the measurement from zero."""
    environment.runner.stats.reset_all()
    _stand["meting_gestart"] = True
    _ingelogd.set()
    gevent.spawn_later(DUUR, environment.runner.quit)


class Medewerker(HttpUser):
    wait_time = between(*DENKTIJD)

    def on_start(self) -> None:
        self.zaken: list[str] = []
        try:
            self._inloggen(_vrij.pop())
        except Exception:  # a user that cannot log in still counts, so the measurement starts
            _stand["inlogfouten"] += 1
        finally:
            _stand["ingelogd"] += 1
            if _stand["ingelogd"] == len(GEBRUIKERS):
                _klaar_met_inloggen(self.environment)
        _ingelogd.wait()

    def _inloggen(self, gebruikersnaam: str) -> None:
        self.client.get("/inloggen/", name="inloggen")
        token = self.client.cookies.get("csrftoken", "")
        with self.client.post(
            "/inloggen/", name="inloggen", catch_response=True,
            data={"username": gebruikersnaam, "password": WACHTWOORD, "csrfmiddlewaretoken": token},
        ) as response:
            if response.status_code != 200 or response.url.rstrip("/").endswith("/inloggen"):
                _stand["inlogfouten"] += 1
                response.failure(f"inloggen als {gebruikersnaam} mislukt")

    @task(3)
    def werklijst(self) -> None:
        params = {"status": random.choice(STATUSSEN), "sorteer": random.choice(("oudste", "nieuwste")),
                  "pagina": random.choice((1, 1, 1, 2, 2, 3, 5, 10))}
        with self.client.get("/werklijst/", params=params, name="werklijst", catch_response=True) as response:
            if response.status_code == 200:
                self.zaken = DETAIL.findall(response.text) or self.zaken
            else:
                response.failure(f"werklijst gaf {response.status_code}")

    @task(2)
    def detail(self) -> None:
        if not self.zaken:
            return self.werklijst()
        pk = random.choice(self.zaken)
        self.client.get(f"/aanvragen/{pk}/", name="detail")


@events.quitting.add_listener
def _schrijf_uitkomst(environment, **kwargs) -> None:
    totaal = environment.stats.total
    uitkomst = {
        "gemeten": bool(_stand["meting_gestart"]),
        "verzoeken": totaal.num_requests,
        "fouten": totaal.num_failures,
        "inlogfouten": _stand["inlogfouten"],
        "rps": totaal.total_rps,
        "p95_ms": totaal.get_response_time_percentile(0.95) if totaal.num_requests else None,
        "p50_ms": totaal.get_response_time_percentile(0.5) if totaal.num_requests else None,
        "per_naam": {naam: {"verzoeken": s.num_requests, "fouten": s.num_failures,
                            "p95_ms": s.get_response_time_percentile(0.95) if s.num_requests else None}
                     for (naam, _methode), s in environment.stats.entries.items()},
    }
    with open(os.environ["BENCH_UITVOER"], "w", encoding="utf-8") as bestand:
        json.dump(uitkomst, bestand)
