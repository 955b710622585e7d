"""The spread of generated load data: sizes, identifiers and case histories (pure, no database)."""

import datetime as dt
import random

import pytest
from stdnum.nl import bsn

from aanvragen.bench import spreiding as sp
from aanvragen.bench.meting import percentiel
from aanvragen.models import Aanvraag, AanvraagStatus
from beoordeling.models import Beoordeling, BeoordelingStatus

VANDAAG = dt.date(2026, 11, 23)
MACHINES = {"aanvraag": Aanvraag, "beoordeling": Beoordeling}


def test_de_grootste_van_342_gemeenten_heeft_acht_procent_en_de_kleinste_nog_zaken():
    aandelen = sp.gemeente_aandelen(342)
    assert aandelen[0] == pytest.approx(0.08, abs=0.001)
    assert sum(aandelen) == pytest.approx(1.0)
    assert aandelen == sorted(aandelen, reverse=True)
    groottes = sp.verdeel(1_000_000, aandelen)
    assert 75_000 <= groottes[0] <= 85_000  # Amsterdam-like: tens of thousands of cases
    assert groottes[-1] >= 300


@pytest.mark.parametrize("aantal", [1, 2, 5, 40])
def test_met_weinig_gemeenten_blijft_de_verdeling_aflopend_en_compleet(aantal):
    aandelen = sp.gemeente_aandelen(aantal)
    assert sum(aandelen) == pytest.approx(1.0)
    assert aandelen == sorted(aandelen, reverse=True)


@pytest.mark.parametrize(
    "totaal,aandelen,verwacht",
    [
        (10, [0.5, 0.5], [5, 5]),
        (10, [1 / 3, 1 / 3, 1 / 3], [4, 3, 3]),
        (7, [0.6, 0.3, 0.1], [4, 2, 1]),
        (0, [0.7, 0.3], [0, 0]),
    ],
)
def test_verdeel_telt_precies_op(totaal, aandelen, verwacht):
    assert sp.verdeel(totaal, aandelen) == verwacht


@pytest.mark.parametrize(
    "volgnummer,code", [(1, "GM2001"), (342, "GM2342"), (999, "GM2999")],
)
def test_cbs_codes_lijken_echt_maar_botsen_nooit_met_echte(volgnummer, code):
    assert sp.cbs_code(volgnummer) == code


@pytest.mark.parametrize("volgnummer", [0, 1000])
def test_cbs_code_buiten_bereik_wordt_geweigerd(volgnummer):
    with pytest.raises(ValueError):
        sp.cbs_code(volgnummer)


@pytest.mark.parametrize("acht,negende", [("11122233", 3), ("12345678", 2), ("10000000", 9), ("10000006", None)])
def test_bsn_controlecijfer_volgens_de_elfproef(acht, negende):
    assert sp.bsn_controle(acht) == negende


def test_gegenereerde_bsns_zijn_geldig_en_uniek():
    reeks = sp.bsn_reeks()
    nummers = [next(reeks) for _ in range(5000)]
    assert len(set(nummers)) == len(nummers)
    assert all(bsn.is_valid(n) for n in nummers)


def test_statussen_en_fasen_zijn_die_van_de_modellen():
    assert {s for s, _ in sp.STATUS_AANDELEN} == set(AanvraagStatus.values)
    assert sum(a for _, a in sp.STATUS_AANDELEN) == pytest.approx(1.0)
    assert {f for f, _ in sp.FASE_AANDELEN_OPEN} | {"vastgesteld"} == set(BeoordelingStatus.values)
    open_aandeel = sum(a for s, a in sp.STATUS_AANDELEN if s in sp.OPEN)
    assert 0.03 <= open_aandeel <= 0.10  # a few percent open, the rest historic


def _toegestaan(machine: str, transitie: str, van: str, naar: str) -> bool:
    """Whether the model's own state machine has this transition (django-fsm metadata)."""
    methode = getattr(MACHINES[machine], transitie, None)
    meta = getattr(methode, "_django_fsm", None)
    if meta is None:
        return False
    overgang = meta.transitions.get(van) or meta.transitions.get("*")
    return overgang is not None and overgang.target == naar


@pytest.mark.parametrize("status", [s for s, _ in sp.STATUS_AANDELEN])
def test_elke_geschiedenis_is_een_geldig_pad_door_de_toestandsmachines(status):
    rng = random.Random(status)
    for _ in range(300):
        plan = sp.plan_zaak(status, rng, VANDAAG)
        stand = {"aanvraag": "concept", "beoordeling": "beeldvorming"}
        vorige = None
        for stap in plan.stappen:
            assert stap.van == stand[stap.machine], (status, stap)
            assert _toegestaan(stap.machine, stap.transitie, stap.van, stap.naar), stap
            assert vorige is None or stap.op >= vorige
            assert stap.op.date() < VANDAAG
            stand[stap.machine], vorige = stap.naar, stap.op
        assert stand["aanvraag"] == status
        if plan.beoordeling:
            assert stand["beoordeling"] == plan.beoordeling
            assert any(s.transitie == "in_behandeling_nemen" for s in plan.stappen)
        assert (plan.ontvangen is None) == (status == "concept")
        assert (plan.uitkomst is not None) == (status == "besloten")


def test_open_zaken_zijn_recent_en_een_deel_is_over_de_termijn():
    rng = random.Random(7)
    plannen = [sp.plan_zaak("in_behandeling", rng, VANDAAG) for _ in range(500)]
    leeftijden = [(VANDAAG - p.ontvangen).days for p in plannen]
    assert max(leeftijden) <= 84
    assert any(d > 56 for d in leeftijden)  # past the 8-week beslistermijn: the worklist shows them late


@pytest.mark.parametrize(
    "waarden,p,verwacht",
    [([5.0], 95, 5.0), ([1.0, 2.0, 3.0, 4.0], 50, 2.0), (list(map(float, range(1, 101))), 95, 95.0)],
)
def test_percentiel_volgens_nearest_rank(waarden, p, verwacht):
    assert percentiel(waarden, p) == verwacht
