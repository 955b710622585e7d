"""`manage.py bench` (`make bench`): the speed figures of DESIGN.md §8, one `key: value` line each.

Creates and migrates the database when needed, generates the load data when it holds fewer than
BENCH_AANVRAGEN aanvragen (default 1,000,000), then measures. Only the figures go to stdout;
progress, query plans and the load test's log go to stderr. A copy of the figures is written to
bench-results/laatste.json.
"""

import json
import os
import statistics
import sys
import traceback
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, connection

from aanvragen.bench import belasting, generator, meting


def _maak_database_als_nodig() -> None:
    try:
        connection.ensure_connection()
        return
    except OperationalError as fout:
        if "does not exist" not in str(fout):
            raise
    params = connection.get_connection_params()
    naam = params.pop("dbname")
    meting.log(f"Database {naam} bestaat niet; aanmaken.")
    with psycopg.connect(**(params | {"dbname": "postgres"}), autocommit=True) as beheer:
        beheer.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(naam)))


class Command(BaseCommand):
    help = "Meet werklijst, detailpagina, beschikking-PDF en belasting tegen 1.000.000 gegenereerde aanvragen."

    def add_arguments(self, parser):
        parser.add_argument("--aanvragen", type=int, default=int(os.environ.get("BENCH_AANVRAGEN", 1_000_000)))
        parser.add_argument("--gemeenten", type=int, default=int(os.environ.get("BENCH_GEMEENTEN", 342)))
        parser.add_argument("--sessies", type=int, default=int(os.environ.get("BENCH_SESSIES", 100)))
        parser.add_argument("--duur", type=int, default=int(os.environ.get("BENCH_DUUR", 30)),
                            help="Seconden dat de belastingstest meet (na het inloggen).")
        parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", 5)))
        # A busy klantmanager clicks every 2 to 8 seconds (reading a case or typing takes longer): 100 such
        # sessions offer about 20 requests a second. BENCH_DENKTIJD=1,3 is the stress variant.
        parser.add_argument("--denktijd", default=os.environ.get("BENCH_DENKTIJD", "2,8"),
                            help="Wachttijd tussen klikken per sessie, 'min,max' in seconden.")
        parser.add_argument("--zonder-belasting", action="store_true", help="Sla de belastingstest over.")

    def handle(self, *args, **opties):
        if connection.vendor != "postgresql":
            raise CommandError("De benchmark draait tegen PostgreSQL; zet DATABASE_URL.")
        if settings.DEBUG:
            raise CommandError("Zet DEBUG=0: met DEBUG bewaart Django elke query en meet de benchmark iets anders.")
        _maak_database_als_nodig()
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        self.figuren: dict[str, object] = {}
        self.fouten = 0
        # Other work on the machine skews every figure: say how busy it was, before and after.
        self.drukte = {"voor": os.getloadavg()}
        meting.log(f"{os.cpu_count()} cores; load average (1, 5, 15 min) vooraf: {self.drukte['voor']}")
        aantal = meting.aantal_aanvragen()
        if aantal < opties["aanvragen"]:
            meting.log(f"{aantal} aanvragen aanwezig, {opties['aanvragen']} nodig: genereren.")
            call_command("generate_load", aanvragen=opties["aanvragen"], gemeenten=opties["gemeenten"], reset=True,
                         stdout=sys.stderr)
        self._figuur("aanvragen", meting.aantal_aanvragen)
        doel = meting.grootste_gemeente()
        meting.log(f"Grootste gemeente: id {doel.gemeente_id} met {doel.aanvragen} aanvragen; "
                   f"klantmanager {doel.klantmanager.username}.")
        self._pagina_figuren(doel)
        self._document_figuren(doel)
        if not opties["zonder_belasting"]:
            self._belasting(opties)
        self.drukte["na"] = os.getloadavg()
        meting.log(f"load average achteraf: {self.drukte['na']}")
        self._bewaar()
        if self.fouten:
            raise CommandError(f"{self.fouten} meting(en) mislukt; zie de meldingen hierboven.")

    def _figuur(self, sleutel: str, meten) -> None:
        """Measure one figure and print `sleutel: waarde` at once; a failure prints `fout` and goes on."""
        try:
            waarde = meten()
        except Exception:
            meting.log(f"Meting {sleutel} mislukt:\n{traceback.format_exc()}")
            self.fouten += 1
            waarde = "fout"
        if waarde is None:
            waarde = "n/a"
        elif isinstance(waarde, float):
            waarde = round(waarde, 1)
        self.figuren[sleutel] = waarde
        self.stdout.write(f"{sleutel}: {waarde}")
        self.stdout.flush()

    def _pagina_figuren(self, doel) -> None:
        tijden: list[float] = []

        def werklijst():
            tijden.extend(meting.werklijst_tijden(doel))
            return meting.percentiel(tijden, 50)

        self._figuur("worklist_p50_ms", werklijst)
        self._figuur("worklist_p95_ms", lambda: meting.percentiel(tijden, 95))

        def queries():
            hoogste, gezien = meting.werklijst_queries(doel)
            if max(gezien) - min(gezien) > 1:  # one less on an empty page is the Paginator, not an N+1
                meting.log(f"LET OP: het aantal queries van de werklijst varieert: {sorted(gezien)}")
            return hoogste

        self._figuur("worklist_queries", queries)
        self._figuur("worklist_sql_ms", lambda: meting.werklijst_sql(doel))
        self._figuur("detail_p95_ms", lambda: meting.percentiel(meting.detail_tijden(doel), 95))

    def _document_figuren(self, doel) -> None:
        tijden: dict[str, list[float]] = {}

        def beschikking():
            tijden["project"], tijden["kaal"] = meting.beschikking_tijden(doel)
            return statistics.median(tijden["project"])

        self._figuur("beschikking_pdf_median_ms", beschikking)
        self._figuur("weasyprint_bare_median_ms", lambda: statistics.median(tijden["kaal"]))
        self._figuur("dossier_pdf_ms", lambda: meting.dossier_ms(doel))
        self._figuur("monitoring_scan_s", meting.monitoring_s)

    def _belasting(self, opties) -> None:
        uitkomst: dict = {}

        def meet():
            gebruikers = meting.laadgebruikers(opties["sessies"])
            if len(gebruikers) < opties["sessies"]:
                raise RuntimeError(f"Maar {len(gebruikers)} gegenereerde medewerkers om mee in te loggen.")
            uitkomst.update(belasting.belastingstest(
                gebruikers=gebruikers, wachtwoord=generator.WACHTWOORD, duur=opties["duur"],
                workers=opties["workers"], denktijd=opties["denktijd"]))
            meting.log(f"belastingstest: {json.dumps(uitkomst)}")
            if not uitkomst["gemeten"]:
                raise RuntimeError("Niet alle sessies kwamen door het inloggen; er is niet gemeten.")
            return uitkomst["rps"]

        self._figuur("load_rps", meet)
        self._figuur("load_p95_ms", lambda: uitkomst.get("p95_ms") if uitkomst.get("gemeten") else "fout")
        self._figuur("load_errors", lambda: uitkomst["fouten"] + uitkomst["inlogfouten"] if uitkomst else "fout")

    def _bewaar(self) -> None:
        map_ = Path(settings.BASE_DIR, "bench-results")
        map_.mkdir(exist_ok=True)
        (map_ / "laatste.json").write_text(json.dumps(self.figuren | {"cpu": os.cpu_count(), "load_average": self.drukte}, indent=2) + "\n",
                                           encoding="utf-8")
