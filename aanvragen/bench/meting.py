"""The in-process figures of `make bench`: worklist, detail page, beschikking PDF, dossier, monitoring.

Pages are measured through the whole Django stack (middleware, view, template) with the test
Client, as a klantmanager of the largest generated gemeente. Times are wall-clock milliseconds of
`Client.get`; nothing else runs on the database meanwhile.
"""

from __future__ import annotations

import inspect
import math
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanvragen.models import Aanvraag, AanvraagStatus
from accounts.models import Rol, User

from . import generator


def log(tekst: str) -> None:
    print(tekst, file=sys.stderr, flush=True)


def percentiel(waarden: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    geordend = sorted(waarden)
    rang = max(1, min(len(geordend), math.ceil(p / 100 * len(geordend))))
    return geordend[rang - 1]


@dataclass
class Doel:
    """Who the bench acts as, and where."""

    gemeente_id: int
    aanvragen: int
    klantmanager: User


def grootste_gemeente() -> Doel:
    """The gemeente with the most aanvragen and one of its klantmanagers."""
    rij = (Aanvraag.objects.values("gemeente_id").annotate(n=Count("id")).order_by("-n").first())
    if rij is None:
        raise RuntimeError("Er zijn geen aanvragen; draai eerst manage.py generate_load.")
    km = User.objects.filter(rol=Rol.KLANTMANAGER, gemeenten=rij["gemeente_id"]).order_by("id").first()
    if km is None:
        raise RuntimeError("De grootste gemeente heeft geen klantmanager.")
    return Doel(gemeente_id=rij["gemeente_id"], aanvragen=rij["n"], klantmanager=km)


def ingelogde_client(user: User) -> Client:
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    return client


# --- worklist -------------------------------------------------------------------------------------


WERKLIJST_FILTERS = (
    {}, {"status": "ingediend"}, {"status": "in_behandeling"}, {"status": "aanvulling_gevraagd"},
    {"status": "besloten"}, {"status": "ingetrokken"}, {"status": "buiten_behandeling"},
    {"behandelaar": "mij"}, {"behandelaar": "mij", "status": "in_behandeling"}, {"behandelaar": "niemand"},
    {"te_laat": "1"}, {"te_laat": "1", "behandelaar": "mij"},
)


def werklijst_scenarios(doel: Doel) -> list[dict]:
    """What a klantmanager does on the worklist: every filter (status, only mine, not taken yet, past
    the uiterste beslisdatum), both sort orders, mostly the first pages and now and then a deep one."""
    return [filters | {"sorteer": sorteer, "pagina": str(pagina)}
            for filters in WERKLIJST_FILTERS for sorteer in ("oudste", "nieuwste") for pagina in (1, 2, 3, 10, 40)]


def _tijd_ms(actie: Callable[[], object]) -> float:
    start = time.perf_counter()
    actie()
    return (time.perf_counter() - start) * 1000


def _get(client: Client, url: str, params: dict | None = None):
    response = client.get(url, params or {})
    if response.status_code != 200:
        raise RuntimeError(f"{url} {params} gaf status {response.status_code}")
    return response


def werklijst_tijden(doel: Doel, rondes: int = 3) -> list[float]:
    client = ingelogde_client(doel.klantmanager)
    url = reverse("aanvragen:werklijst")
    scenarios = werklijst_scenarios(doel)
    for params in scenarios[:10]:  # warm-up: templates compiled, connection open, caches filled
        _get(client, url, params)
    tijden, cpu = [], []
    for _ in range(rondes):
        for params in scenarios:
            start = time.process_time()
            tijden.append(_tijd_ms(lambda p=params: _get(client, url, p)))
            cpu.append((time.process_time() - start) * 1000)
    # The Python CPU time is what other work on the machine cannot inflate (the database's time is not in it).
    log(f"werklijst, Python-CPU per verzoek: p50 {percentiel(cpu, 50):.1f} ms, p95 {percentiel(cpu, 95):.1f} ms")
    traagste = sorted(zip(tijden, scenarios * rondes, strict=True), key=lambda t: -t[0])[:5]
    log("werklijst, traagste verzoeken: " + "; ".join(f"{ms:.0f} ms {p}" for ms, p in traagste))
    return tijden


def werklijst_queries(doel: Doel, scenarios: list[dict] | None = None) -> tuple[int, set[int]]:
    """Queries per worklist request for every scenario: (maximum, the distinct counts seen). An empty
    result has one query less: the Paginator does not fetch rows when the count is 0."""
    client = ingelogde_client(doel.klantmanager)
    url = reverse("aanvragen:werklijst")
    aantallen = set()
    for params in scenarios or werklijst_scenarios(doel):
        with CaptureQueriesContext(connection) as ctx:
            _get(client, url, params)
        aantallen.add(len(ctx.captured_queries))
    return max(aantallen), aantallen


def _uitvoeringstijd(sql: str) -> tuple[float, str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        plan = "\n".join(r[0] for r in cursor.fetchall())
    gevonden = re.search(r"Execution Time: ([\d.]+) ms", plan)
    return float(gevonden.group(1)), plan


def werklijst_sql(doel: Doel, params: dict | None = None) -> float:
    """EXPLAIN ANALYZE of the worklist's main query (the page of rows) as the view sends it.

    Every query on the aanvragen table in one request is explained; the plans go to stderr.
    """
    client = ingelogde_client(doel.klantmanager)
    with CaptureQueriesContext(connection) as ctx:
        _get(client, reverse("aanvragen:werklijst"), params or {})
    tabel = Aanvraag._meta.db_table
    hoofd = None
    for query in ctx.captured_queries:
        sql = query["sql"]
        if not sql.lstrip().upper().startswith("SELECT") or f'FROM "{tabel}"' not in sql:
            continue
        ms, plan = _uitvoeringstijd(sql)
        soort = "COUNT" if "COUNT(" in sql.upper() else "rijen"
        log(f"\n--- werklijstquery ({soort}, {ms:.2f} ms) ---\n{sql}\n{plan}")
        if soort == "rijen" and "LIMIT" in sql.upper():
            hoofd = ms
    if hoofd is None:
        raise RuntimeError("De hoofdquery van de werklijst (met LIMIT) is niet gevonden.")
    return hoofd


# --- detail page ------------------------------------------------------------------------------------


def detail_tijden(doel: Doel, aantal: int = 60, rondes: int = 2) -> list[float]:
    """The detail page of cases in every state of the largest gemeente."""
    ids = []
    for status in AanvraagStatus.values:
        if status == AanvraagStatus.CONCEPT:
            continue
        ids += list(Aanvraag.objects.filter(gemeente_id=doel.gemeente_id, status=status)
                    .order_by("-id").values_list("id", flat=True)[: max(2, aantal // 6)])
    client = ingelogde_client(doel.klantmanager)
    for pk in ids[:5]:
        _get(client, reverse("aanvragen:detail", args=[pk]))
    return [_tijd_ms(lambda pk=pk: _get(client, reverse("aanvragen:detail", args=[pk])))
            for _ in range(rondes) for pk in ids]


# --- documents ---------------------------------------------------------------------------------------


def _besluit(doel: Doel):
    from beoordeling.models import Besluit, Uitkomst

    besluit = (Besluit.objects.filter(aanvraag__gemeente_id=doel.gemeente_id, uitkomst=Uitkomst.TOEKENNING)
               .order_by("-id").first())
    if besluit is None:
        raise RuntimeError("Geen besluit gevonden om de beschikking van te maken.")
    return besluit


def beschikking_tijden(doel: Doel, keer: int = 15) -> tuple[list[float], list[float]]:
    """(beschikking_html + html_naar_pdf, the same HTML through bare WeasyPrint) per run, in ms."""
    import weasyprint
    from beoordeling.documenten import beschikking_html
    from beoordeling.models import Besluit
    from beoordeling.pdf import html_naar_pdf

    pk = _besluit(doel).pk
    html_naar_pdf(beschikking_html(Besluit.objects.get(pk=pk)))  # warm-up: fonts and stylesheet loaded
    project = [_tijd_ms(lambda: html_naar_pdf(beschikking_html(Besluit.objects.get(pk=pk)))) for _ in range(keer)]
    html = beschikking_html(Besluit.objects.get(pk=pk))
    kaal = [_tijd_ms(lambda: weasyprint.HTML(string=html).write_pdf()) for _ in range(keer)]
    return project, kaal


def dossier_ms(doel: Doel) -> float | None:
    """The onderzoek dossier PDF, when beoordeling.documenten has a renderer for it (issue #5)."""
    from beoordeling import documenten

    functie = next((getattr(documenten, naam) for naam in dir(documenten)
                    if naam.startswith("dossier_") and naam.endswith("pdf") and callable(getattr(documenten, naam))),
                   None)
    if functie is None:
        return None
    besluit = _besluit(doel)
    argumenten = inspect.signature(functie).parameters
    if "beoordeling" in argumenten:
        actie = lambda: functie(beoordeling=besluit.beoordeling)  # noqa: E731
    elif "aanvraag" in argumenten:
        actie = lambda: functie(aanvraag=besluit.aanvraag)  # noqa: E731
    else:
        actie = lambda: functie(besluit.beoordeling)  # noqa: E731
    actie()
    return statistics.median(_tijd_ms(actie) for _ in range(3))


def monitoring_s() -> float | None:
    """The nightly monitoring scan over all trajecten (issue #7), when it exists. It runs inside a
    transaction that is rolled back, so every bench run scans the same data."""
    from django.db import transaction
    from django.utils.module_loading import import_string

    try:
        scan = import_string("beoordeling.trajecten.services.monitoring_scan")
    except ImportError:
        return None
    with transaction.atomic():
        start = time.perf_counter()
        uitkomst = scan()
        duur = time.perf_counter() - start
        transaction.set_rollback(True)
    log(f"monitoring-scan: {uitkomst}")
    return duur


def aantal_aanvragen() -> int:
    return Aanvraag.objects.count()


def laadgebruikers(aantal: int = 100) -> list[str]:
    """Distinct generated staff users who browse worklists: klantmanagers and arbeidsdeskundigen of
    the largest gemeenten first."""
    grootte = dict(Aanvraag.objects.values_list("gemeente_id").annotate(n=Count("id")).values_list("gemeente_id", "n"))
    staf = (User.objects.filter(rol__in=(Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE),
                                username__startswith=generator.USER_PREFIX)
            .values_list("username", "gemeenten"))
    geordend = sorted(staf, key=lambda rij: (-grootte.get(rij[1], 0), rij[0]))
    return list(dict.fromkeys(naam for naam, _ in geordend))[:aantal]
