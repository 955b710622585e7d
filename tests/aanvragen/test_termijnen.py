"""Termijnen (Awb / Algemene termijnenwet): tabellen met met de hand uitgerekende datums.

Elke verwachte datum is met de hand uitgerekend; het commentaar geeft de redenering. De
weekdag staat erbij zodat een rekenfout opvalt (en `test_weekdagen_in_de_tabellen_kloppen`
controleert die weekdagen). Daarna eigenschappen met hypothesis.

Kalender 2026, handig bij het narekenen: 1 januari is een donderdag; Goede Vrijdag 3 april,
Pasen 5/6 april, Koningsdag maandag 27 april, 5 mei dinsdag, Hemelvaart 14 mei (vrijdag 15 mei
gelijkgesteld), Pinksteren 24/25 mei, Kerst vrijdag 25 en zaterdag 26 december.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aanvragen import termijnen as t
from aanvragen.termijnen import (
    GELIJKGESTELDE_DAGEN,
    Opschorting,
    Termijn,
    amsterdam_vandaag,
    atw_feestdagen,
    atw_feestdagen_met_naam,
    atw_verlengen,
    beslistermijn,
    beslistermijn_bezwaar,
    beslistermijn_bezwaar_einde,
    beslistermijn_einde,
    bezwaar_tijdig,
    bezwaartermijn,
    bezwaartermijn_einde,
    dagen_resterend,
    eerste_paasdag,
    hersteltermijn,
    hersteltermijn_einde,
    is_werkdag,
    nl_datum,
    signaal,
    verdaging_tijdig,
)

D = date
UTC = timezone.utc
MA, DI, WO, DO, VR, ZA, ZO = range(7)


# =========================================================================== feestdagen (Atw 3)

FEESTDAGEN = {
    2024: {
        D(2024, 1, 1),  # Nieuwjaarsdag
        D(2024, 3, 29),  # Goede Vrijdag (Pasen 31 maart)
        D(2024, 3, 31), D(2024, 4, 1),  # eerste en tweede Paasdag
        D(2024, 4, 27),  # Koningsdag: 27 april 2024 is een zaterdag, blijft staan
        D(2024, 5, 5),  # 5 mei (zondag)
        D(2024, 5, 9),  # Hemelvaart = Pasen + 39
        D(2024, 5, 10),  # gelijkgesteld (KB): vrijdag na Hemelvaart
        D(2024, 5, 19), D(2024, 5, 20),  # Pinksteren = Pasen + 49/50
        D(2024, 12, 25), D(2024, 12, 26),
        D(2024, 12, 27),  # gelijkgesteld (KB): vrijdag na tweede Kerstdag op donderdag
    },
    2025: {
        D(2025, 1, 1),
        D(2025, 4, 18),  # Goede Vrijdag (Pasen 20 april)
        D(2025, 4, 20), D(2025, 4, 21),
        D(2025, 4, 26),  # Koningsdag: 27 april 2025 is een zondag -> zaterdag 26 april
        D(2025, 5, 5),
        D(2025, 5, 29),  # Hemelvaart
        D(2025, 5, 30),  # gelijkgesteld (KB)
        D(2025, 6, 8), D(2025, 6, 9),
        D(2025, 12, 25), D(2025, 12, 26),
    },
    2026: {
        D(2026, 1, 1),
        D(2026, 1, 2),  # gelijkgesteld (KB): vrijdag na Nieuwjaarsdag op donderdag
        D(2026, 4, 3),  # Goede Vrijdag (Pasen 5 april)
        D(2026, 4, 5), D(2026, 4, 6),
        D(2026, 4, 27),  # Koningsdag, maandag
        D(2026, 5, 5),
        D(2026, 5, 14),  # Hemelvaart
        D(2026, 5, 15),  # gelijkgesteld (KB)
        D(2026, 5, 24), D(2026, 5, 25),
        D(2026, 12, 25), D(2026, 12, 26),
    },
    2027: {
        D(2027, 1, 1),
        D(2027, 3, 26),  # Goede Vrijdag (Pasen 28 maart)
        D(2027, 3, 28), D(2027, 3, 29),
        D(2027, 4, 27),  # Koningsdag, dinsdag
        D(2027, 5, 5),  # 5 mei, woensdag
        D(2027, 5, 6),  # Hemelvaart, donderdag
        D(2027, 5, 7),  # gelijkgesteld (KB)
        D(2027, 5, 16), D(2027, 5, 17),
        D(2027, 12, 25), D(2027, 12, 26),
    },
    2028: {
        D(2028, 1, 1),
        D(2028, 4, 14),  # Goede Vrijdag (Pasen 16 april)
        D(2028, 4, 16), D(2028, 4, 17),
        D(2028, 4, 27),  # Koningsdag, donderdag
        D(2028, 4, 28),  # gelijkgesteld (KB): vrijdag na Koningsdag
        D(2028, 5, 5),
        D(2028, 5, 25),  # Hemelvaart
        D(2028, 5, 26),  # gelijkgesteld (KB)
        D(2028, 6, 4), D(2028, 6, 5),
        D(2028, 12, 25), D(2028, 12, 26),
    },
}


@pytest.mark.parametrize("jaar", sorted(FEESTDAGEN))
def test_feestdagen_per_jaar_compleet(jaar):
    assert atw_feestdagen(jaar) == frozenset(FEESTDAGEN[jaar])


@pytest.mark.parametrize(
    ("jaar", "pasen"),
    [
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2028, D(2028, 4, 16)),
        # Randen van het bereik 22 maart .. 25 april:
        (2008, D(2008, 3, 23)),
        (2011, D(2011, 4, 24)),
        (2038, D(2038, 4, 25)),
        (2285, D(2285, 3, 22)),
        (2000, D(2000, 4, 23)),
    ],
)
def test_paasdatum(jaar, pasen):
    assert eerste_paasdag(jaar) == pasen


@pytest.mark.parametrize(
    ("dag", "naam"),
    [
        (D(2024, 4, 27), "Koningsdag"),  # zaterdag: blijft op de 27e
        (D(2025, 4, 26), "Koningsdag"),  # 27 april 2025 is zondag -> 26 april
        (D(2026, 4, 27), "Koningsdag"),
        (D(2013, 4, 30), "Koninginnedag"),  # vóór 2014: 30 april
        (D(2006, 4, 29), "Koninginnedag"),  # 30 april 2006 was een zondag -> 29 april
        (D(2027, 5, 5), "Bevrijdingsdag (5 mei)"),  # elk jaar, ook als het geen lustrum is
        (D(2026, 4, 3), "Goede Vrijdag"),
    ],
)
def test_feestdag_namen(dag, naam):
    assert atw_feestdagen_met_naam(dag.year)[dag] == naam


@pytest.mark.parametrize(
    "dag",
    [
        D(2025, 4, 27),  # zondag, maar Koningsdag is in 2025 op de 26e
        D(2026, 5, 4),  # 4 mei (Dodenherdenking) is geen feestdag
        D(2026, 12, 24), D(2025, 12, 31),  # kerstavond en oudejaarsdag: gewone werkdagen
        D(2029, 5, 11),  # vrijdag na Hemelvaart 2029: (nog) geen besluit in de data
    ],
)
def test_geen_feestdag(dag):
    assert dag not in atw_feestdagen(dag.year)
    assert is_werkdag(dag) is (dag.weekday() < ZA)


def test_vijf_mei_elk_jaar():
    for jaar in range(2015, 2040):
        assert D(jaar, 5, 5) in atw_feestdagen(jaar)


def test_extra_gelijkgestelde_dagen_alleen_in_hun_eigen_jaar():
    # Hemelvaart 2029 = Pasen (1 april) + 39 = donderdag 10 mei; de vrijdag erna via `extra`.
    extra = [D(2029, 5, 11), D(2030, 1, 2)]
    assert D(2029, 5, 11) in atw_feestdagen(2029, extra=extra)
    assert D(2030, 1, 2) not in atw_feestdagen(2029, extra=extra)
    assert not is_werkdag(D(2029, 5, 11), extra=extra)
    assert atw_feestdagen_met_naam(2029, extra)[D(2029, 5, 11)] == (
        "een met een feestdag gelijkgestelde dag"
    )


def test_gelijkgestelde_dagen_zijn_onderhoudbare_data(monkeypatch):
    assert is_werkdag(D(2029, 5, 11))
    monkeypatch.setitem(GELIJKGESTELDE_DAGEN, 2029, (D(2029, 5, 11),))
    assert not is_werkdag(D(2029, 5, 11))
    assert D(2029, 5, 11) in atw_feestdagen(2029)


def test_gelijkgestelde_dagen_data_is_consistent():
    for jaar, dagen in GELIJKGESTELDE_DAGEN.items():
        for dag in dagen:
            assert dag.year == jaar
            assert dag.weekday() < ZA  # gelijkstellen van een weekenddag heeft geen zin
            assert dag not in dict(t._wettelijke_feestdagen(jaar))


@pytest.mark.parametrize(
    ("dag", "werkdag"),
    [
        (D(2026, 3, 6), True),  # vrijdag
        (D(2026, 3, 7), False),  # zaterdag
        (D(2026, 3, 8), False),  # zondag
        (D(2026, 4, 3), False),  # Goede Vrijdag
        (D(2026, 4, 6), False),  # tweede Paasdag
        (D(2026, 4, 7), True),  # dinsdag na Pasen
        (D(2026, 5, 15), False),  # gelijkgestelde vrijdag na Hemelvaart
    ],
)
def test_is_werkdag(dag, werkdag):
    assert is_werkdag(dag) is werkdag


def test_datetime_is_geen_datum():
    with pytest.raises(TypeError):
        is_werkdag(datetime(2026, 3, 3, 12, tzinfo=UTC))
    with pytest.raises(TypeError):
        nl_datum(datetime(2026, 3, 3, 12))


# =========================================================================== Atw art. 1 en 2

# (eind, begin, verwacht, weekdag van verwacht)
ATW_GEVALLEN = [
    # --- art. 1: weekend
    pytest.param(D(2026, 5, 2), D(2026, 3, 8), D(2026, 5, 4), MA,
                 id="zaterdag-naar-maandag"),  # za 2 mei -> zo -> ma 4 mei (geen feestdag)
    pytest.param(D(2026, 5, 3), D(2026, 3, 9), D(2026, 5, 4), MA,
                 id="zondag-naar-maandag"),
    # --- art. 1: feestdagen
    pytest.param(D(2026, 4, 3), D(2026, 2, 21), D(2026, 4, 7), DI,
                 id="goede-vrijdag"),  # vr 3/4 GV, za, zo Pasen, ma 2e Paasdag -> di 7 april
    pytest.param(D(2026, 4, 27), D(2026, 3, 17), D(2026, 4, 28), DI,
                 id="koningsdag"),  # ma 27/4 Koningsdag -> di 28/4
    pytest.param(D(2025, 4, 26), D(2025, 3, 16), D(2025, 4, 28), MA,
                 id="koningsdag-op-zaterdag-2025"),  # za 26/4 (Koningsdag), zo 27/4 -> ma 28/4
    pytest.param(D(2026, 5, 5), D(2026, 3, 25), D(2026, 5, 6), WO,
                 id="vijf-mei-2026"),  # di 5 mei -> wo 6 mei
    pytest.param(D(2025, 5, 5), D(2025, 3, 25), D(2025, 5, 6), DI,
                 id="vijf-mei-2025"),  # ma 5 mei (geen lustrumjaar, toch feestdag) -> di 6 mei
    pytest.param(D(2027, 5, 5), D(2027, 3, 25), D(2027, 5, 10), MA,
                 id="vijf-mei-hemelvaart-2027"),  # wo 5/5, do 6/5 Hemelvaart, vr 7/5 KB, weekend
    pytest.param(D(2026, 5, 14), D(2026, 4, 3), D(2026, 5, 18), MA,
                 id="hemelvaart-2026"),  # do 14/5 Hemelvaart, vr 15/5 KB, za, zo -> ma 18/5
    pytest.param(D(2025, 5, 29), D(2025, 4, 18), D(2025, 6, 2), MA,
                 id="hemelvaart-2025"),  # do 29/5, vr 30/5 KB, weekend -> ma 2 juni
    pytest.param(D(2026, 5, 24), D(2026, 4, 13), D(2026, 5, 26), DI,
                 id="pinksteren-2026"),  # zo 24/5 1e, ma 25/5 2e Pinksterdag -> di 26/5
    pytest.param(D(2025, 6, 9), D(2025, 4, 29), D(2025, 6, 10), DI,
                 id="tweede-pinksterdag-2025"),
    # --- art. 1: Kerst en jaarwisseling
    pytest.param(D(2026, 12, 25), D(2026, 11, 14), D(2026, 12, 28), MA,
                 id="kerst-2026"),  # vr 25/12, za 26/12 (2e Kerstdag), zo -> ma 28/12
    pytest.param(D(2025, 12, 25), D(2025, 11, 14), D(2025, 12, 29), MA,
                 id="kerst-2025"),  # do 25, vr 26, za, zo -> ma 29/12
    pytest.param(D(2024, 12, 25), D(2024, 11, 14), D(2024, 12, 30), MA,
                 id="kerst-2024"),  # wo 25, do 26, vr 27 (KB), za, zo -> ma 30/12
    pytest.param(D(2026, 1, 1), D(2025, 11, 21), D(2026, 1, 5), MA,
                 id="nieuwjaar-2026"),  # do 1/1, vr 2/1 (KB), za, zo -> ma 5/1
    pytest.param(D(2028, 12, 31), D(2028, 11, 20), D(2029, 1, 2), DI,
                 id="oudejaar-op-zondag"),  # zo 31/12/2028, ma 1/1/2029 Nieuwjaar -> di 2/1
    pytest.param(D(2028, 1, 1), D(2027, 11, 21), D(2028, 1, 3), MA,
                 id="nieuwjaar-op-zaterdag"),  # za 1/1/2028, zo -> ma 3/1
    pytest.param(D(2025, 12, 31), D(2025, 11, 20), D(2025, 12, 31), WO,
                 id="oudejaarsdag-werkdag"),  # wo 31/12 is een werkdag: geen verlenging
    pytest.param(D(2026, 12, 24), D(2026, 11, 13), D(2026, 12, 24), DO,
                 id="kerstavond-werkdag"),
    # --- art. 2: termijn van ten minste drie dagen met minder dan twee werkdagen
    pytest.param(D(2026, 3, 9), D(2026, 3, 7), D(2026, 3, 10), DI,
                 id="art2-za-zo-ma"),  # za, zo, ma: 1 werkdag -> verlengd tot di
    pytest.param(D(2026, 4, 5), D(2026, 4, 3), D(2026, 4, 8), WO,
                 id="art2-pasen"),  # GV, za, Pasen: art.1 -> di 7/4 (1 werkdag) -> art.2 wo 8/4
    pytest.param(D(2026, 12, 27), D(2026, 12, 25), D(2026, 12, 29), DI,
                 id="art2-kerst"),  # vr 25, za 26, zo 27: art.1 ma 28 (1 werkdag) -> di 29
    pytest.param(D(2026, 12, 26), D(2026, 12, 24), D(2026, 12, 28), MA,
                 id="art2-niet-nodig"),  # do 24 (werkdag), vr, za: art.1 ma 28 -> 2 werkdagen
    pytest.param(D(2027, 5, 7), D(2027, 5, 5), D(2027, 5, 11), DI,
                 id="art2-mei-2027"),  # wo 5/5, do 6/5, vr 7/5 vrij: art.1 ma 10 -> art.2 di 11
    pytest.param(D(2026, 3, 7), D(2026, 3, 5), D(2026, 3, 9), MA,
                 id="art2-al-twee-werkdagen"),  # do, vr werkdag, eindigt za: alleen art.1
    pytest.param(D(2026, 3, 4), D(2026, 3, 2), D(2026, 3, 4), WO,
                 id="drie-werkdagen-ongemoeid"),
    # --- art. 2 geldt niet voor korte termijnen
    pytest.param(D(2026, 4, 5), D(2026, 4, 4), D(2026, 4, 7), DI,
                 id="twee-dagen-geen-art2"),  # za, zo: art.1 -> di 7/4; 1 werkdag, mag (< 3 dagen)
    pytest.param(D(2026, 3, 7), D(2026, 3, 7), D(2026, 3, 9), MA,
                 id="een-dag"),
]


@pytest.mark.parametrize(("eind", "begin", "verwacht", "weekdag"), ATW_GEVALLEN)
def test_atw_verlengen(eind, begin, verwacht, weekdag):
    assert verwacht.weekday() == weekdag
    assert atw_verlengen(eind, begin) == verwacht


def test_atw_met_extra_dag():
    # vr 11 mei 2029 is een werkdag, tenzij de aanroeper hem als gelijkgesteld meegeeft:
    # dan za, zo -> ma 14 mei 2029 (Pinksteren 2029 is pas 20/21 mei).
    assert atw_verlengen(D(2029, 5, 11), D(2029, 4, 1)) == D(2029, 5, 11)
    assert atw_verlengen(D(2029, 5, 11), D(2029, 4, 1), extra=[D(2029, 5, 11)]) == D(2029, 5, 14)


def test_atw_begin_na_eind():
    with pytest.raises(ValueError):
        atw_verlengen(D(2026, 3, 1), D(2026, 3, 2))


# =========================================================================== beslistermijn 4:13

# ontvangst di 3 maart 2026 -> + 56 dagen = di 28 april 2026 (werkdag; 27/4 is Koningsdag).
ONTVANGST = D(2026, 3, 3)

BESLISTERMIJN_GEVALLEN = [
    pytest.param(ONTVANGST, {}, D(2026, 4, 28), DI, id="gewoon"),
    pytest.param(D(2026, 3, 7), {}, D(2026, 5, 4), MA,
                 id="ontvangen-op-zaterdag"),  # + 56 = za 2/5 -> ma 4/5
    pytest.param(D(2026, 2, 6), {}, D(2026, 4, 7), DI,
                 id="eindigt-goede-vrijdag"),  # vr 6/2 + 56 = vr 3/4 GV -> di 7/4
    pytest.param(D(2026, 3, 2), {}, D(2026, 4, 28), DI,
                 id="eindigt-koningsdag"),  # ma 2/3 + 56 = ma 27/4 -> di 28/4
    pytest.param(D(2026, 3, 10), {}, D(2026, 5, 6), WO,
                 id="eindigt-5-mei"),  # di 10/3 + 56 = di 5/5 -> wo 6/5
    pytest.param(D(2026, 10, 30), {}, D(2026, 12, 28), MA,
                 id="eindigt-kerst"),  # vr 30/10 + 56 = vr 25/12 -> ma 28/12
    pytest.param(D(2026, 3, 25), {}, D(2026, 5, 20), WO,
                 id="zomertijd-week"),  # wo 25/3 (zomertijd 29/3) + 56 = wo 20/5
    pytest.param(D(2026, 10, 26), {}, D(2026, 12, 21), MA,
                 id="wintertijd-week"),  # ma 26/10 (wintertijd 25/10) + 56 = ma 21/12
    pytest.param(ONTVANGST, {"weken": 6}, D(2026, 4, 14), DI, id="zes-weken"),
    # --- opschorting (4:15): opgeschort van start t/m eind-1
    pytest.param(ONTVANGST, {"opschortingen": [Opschorting.na_verzoek(D(2026, 3, 10),
                                                                      D(2026, 3, 18))]},
                 D(2026, 5, 6), WO,
                 id="opschorting-enkel"),  # 11..17/3 = 7 dagen: 28/4 + 7 = di 5/5 -> wo 6/5
    pytest.param(ONTVANGST, {"opschortingen": [Opschorting(D(2026, 3, 11), D(2026, 3, 20))]},
                 D(2026, 5, 7), DO,
                 id="opschorting-9-dagen"),  # 11..19/3 = 9 dagen: 28/4 + 9 = do 7/5
    pytest.param(ONTVANGST, {"opschortingen": [Opschorting(D(2026, 3, 11), D(2026, 3, 20)),
                                               Opschorting(D(2026, 4, 2), D(2026, 4, 8))]},
                 D(2026, 5, 13), WO,
                 id="opschorting-meerdere"),  # 9 + 6 (2..7/4) = 15: 28/4 + 15 = wo 13/5
    pytest.param(ONTVANGST, {"opschortingen": [Opschorting(D(2026, 3, 11), D(2026, 3, 20)),
                                               Opschorting(D(2026, 3, 15), D(2026, 3, 25))]},
                 D(2026, 5, 12), DI,
                 id="opschorting-overlap"),  # samen 11..24/3 = 14 dagen (niet 9 + 10 = 19)
    pytest.param(ONTVANGST, {"opschortingen": [Opschorting(D(2026, 3, 11), D(2026, 3, 20))] * 2},
                 D(2026, 5, 7), DO,
                 id="opschorting-dubbel"),  # dezelfde opschorting twee keer telt één keer
    pytest.param(ONTVANGST, {"opschortingen": [Opschorting(D(2026, 3, 11), D(2026, 3, 20)),
                                               Opschorting(D(2026, 3, 20), D(2026, 3, 25))]},
                 D(2026, 5, 12), DI,
                 id="opschorting-aansluitend"),  # 9 + 5 = 14 dagen
    pytest.param(ONTVANGST, {"opschortingen": [Opschorting(D(2026, 3, 11))],
                             "peildatum": D(2026, 4, 1)},
                 D(2026, 5, 19), DI,
                 id="opschorting-lopend"),  # 11..31/3 = 21 dagen: 28/4 + 21 = di 19/5
    pytest.param(ONTVANGST, {"opschortingen": [Opschorting(D(2026, 3, 11))],
                             "peildatum": D(2026, 3, 5)},
                 D(2026, 4, 28), DI,
                 id="opschorting-lopend-peildatum-ervoor"),  # nog niets opgeschort
    pytest.param(ONTVANGST, {"opschortingen": [Opschorting(D(2026, 4, 28), D(2026, 4, 30))]},
                 D(2026, 4, 30), DO,
                 id="opschorting-op-laatste-dag"),  # 28 en 29/4 opgeschort: + 2 = do 30/4
    pytest.param(ONTVANGST, {"opschortingen": [Opschorting(D(2026, 4, 29), D(2026, 5, 10))]},
                 D(2026, 4, 28), DI,
                 id="opschorting-na-afloop-telt-niet"),  # termijn al verstreken op 28/4
    pytest.param(ONTVANGST, {"opschortingen": [
                     Opschorting.hersteltermijn_verstreken(D(2026, 3, 10), D(2026, 3, 24))]},
                 D(2026, 5, 12), DI,
                 id="hersteltermijn-ongebruikt"),  # 11..24/3 = 14 dagen: 28/4 + 14 = di 12/5
    pytest.param(ONTVANGST, {"opschortingen": [Opschorting.na_verzoek(D(2026, 3, 10),
                                                                      D(2026, 3, 10))]},
                 D(2026, 4, 28), DI,
                 id="aangevuld-op-dag-van-verzoek"),  # 0 dagen
    pytest.param(ONTVANGST, {"opschortingen": [Opschorting.na_verzoek(D(2026, 3, 10),
                                                                      D(2026, 3, 11))]},
                 D(2026, 4, 28), DI,
                 id="aangevuld-dag-na-verzoek"),  # "tot de dag waarop": 11/3 telt weer -> 0
    # --- verdaging (4:14 lid 3)
    pytest.param(ONTVANGST, {"verdaging_weken": 4}, D(2026, 5, 26), DI,
                 id="verdaging-4-weken"),  # + 84 = di 26/5 (25/5 is 2e Pinksterdag)
    pytest.param(ONTVANGST, {"verdaging_weken": 6,
                             "opschortingen": [Opschorting.na_verzoek(D(2026, 3, 10),
                                                                      D(2026, 3, 18))]},
                 D(2026, 6, 16), DI,
                 id="verdaging-en-opschorting"),  # 56 + 42 + 7 = 105 dagen: di 16/6
    pytest.param(ONTVANGST, {"verdaging_weken": 2,
                             "opschortingen": [Opschorting(D(2026, 5, 5), D(2026, 5, 8))]},
                 D(2026, 5, 18), MA,
                 id="opschorting-tijdens-verdaging"),  # 12/5 + 3 = vr 15/5 (KB) -> ma 18/5
]


@pytest.mark.parametrize(("ontvangst", "kwargs", "verwacht", "weekdag"), BESLISTERMIJN_GEVALLEN)
def test_beslistermijn_einde(ontvangst, kwargs, verwacht, weekdag):
    assert verwacht.weekday() == weekdag
    assert beslistermijn_einde(ontvangst, **kwargs) == verwacht
    assert beslistermijn(ontvangst, **kwargs).einde == verwacht


def test_beslistermijn_uitleg():
    termijn = beslistermijn(
        ONTVANGST, opschortingen=[Opschorting.na_verzoek(D(2026, 3, 10), D(2026, 3, 18))]
    )
    assert termijn == Termijn(
        D(2026, 5, 6),
        (
            "Aanvraag ontvangen op 3 maart 2026; de beslistermijn loopt vanaf 4 maart 2026.",
            "Beslistermijn 8 weken (art. 4:13 Awb): 3 maart 2026 + 56 dagen = 28 april 2026.",
            "Opgeschort van 11 maart 2026 tot 18 maart 2026 (art. 4:15 Awb): 7 dagen.",
            "Met 7 dagen opschorting: 5 mei 2026.",
            "5 mei 2026 is Bevrijdingsdag (5 mei); de termijn loopt door tot en met woensdag "
            "6 mei 2026, de eerstvolgende dag die geen zaterdag, zondag of feestdag is "
            "(art. 1 Algemene termijnenwet).",
            "Uiterste beslisdatum: woensdag 6 mei 2026.",
        ),
    )


def test_beslistermijn_uitleg_lopend_overlap_en_verdaging():
    uitleg = beslistermijn(
        ONTVANGST,
        opschortingen=[Opschorting(D(2026, 3, 11)), Opschorting(D(2026, 3, 15), D(2026, 3, 25))],
        verdaging_weken=2,
        peildatum=D(2026, 4, 1),
    ).uitleg
    assert "Verdaagd met 2 weken (art. 4:14 lid 3 Awb): + 14 dagen = 12 mei 2026." in uitleg
    assert any("nog lopend" in regel and "peildatum 1 april 2026: 21 dagen" in regel
               for regel in uitleg)
    assert "Overlappende opschortingen zijn één keer geteld." in uitleg
    assert uitleg[-1] == "Uiterste beslisdatum: dinsdag 2 juni 2026."  # 12/5 + 21


def test_beslistermijn_uitleg_opschorting_na_afloop():
    uitleg = beslistermijn(
        ONTVANGST, opschortingen=[Opschorting(D(2026, 4, 29), D(2026, 5, 10))]
    ).uitleg
    assert "Opschorting vanaf 29 april 2026 telt niet mee: de termijn was toen al verstreken." in (
        uitleg
    )


@pytest.mark.parametrize(
    ("kwargs", "fout"),
    [
        ({"opschortingen": [Opschorting(D(2026, 3, 11))]}, ValueError),  # lopend, geen peildatum
        # een opschorting kan niet ingaan vóór de dag na ontvangst
        ({"opschortingen": [Opschorting(ONTVANGST, D(2026, 3, 10))]}, ValueError),
        ({"weken": 0}, ValueError),
        ({"verdaging_weken": -1}, ValueError),
        ({"peildatum": datetime(2026, 4, 1, 12, tzinfo=UTC)}, TypeError),
        ({"opschortingen": [(D(2026, 3, 11), D(2026, 3, 20))]}, TypeError),
    ],
)
def test_beslistermijn_fouten(kwargs, fout):
    with pytest.raises(fout):
        beslistermijn_einde(ONTVANGST, **kwargs)


def test_opschorting_eind_voor_verzoek_is_fout():
    with pytest.raises(ValueError):
        Opschorting(D(2026, 3, 11), D(2026, 3, 9))


@pytest.mark.parametrize(
    ("opschorting", "peildatum", "dagen"),
    [
        (Opschorting(D(2026, 3, 11), D(2026, 3, 18)), None, 7),
        (Opschorting(D(2026, 3, 11), D(2026, 3, 10)), None, 0),
        (Opschorting(D(2026, 3, 11)), D(2026, 4, 1), 21),
        (Opschorting.hersteltermijn_verstreken(D(2026, 3, 10), D(2026, 3, 24)), None, 14),
    ],
)
def test_opschorting_dagen(opschorting, peildatum, dagen):
    assert opschorting.dagen(peildatum) == dagen


# =========================================================================== verdaging tijdig

@pytest.mark.parametrize(
    ("ontvangst", "gemeld", "kwargs", "tijdig"),
    [
        pytest.param(ONTVANGST, D(2026, 4, 28), {}, True, id="laatste-dag"),
        pytest.param(ONTVANGST, D(2026, 4, 29), {}, False, id="dag-te-laat"),
        # za 7/3 + 56 = za 2/5 -> Atw: ma 4/5 is nog binnen de termijn
        pytest.param(D(2026, 3, 7), D(2026, 5, 4), {}, True, id="atw-maandag"),
        pytest.param(D(2026, 3, 7), D(2026, 5, 5), {}, False, id="atw-dinsdag"),
        # opgeschorte termijn eindigt wo 6/5 (zie opschorting-enkel)
        pytest.param(ONTVANGST, D(2026, 5, 6),
                     {"opschortingen": [Opschorting.na_verzoek(D(2026, 3, 10), D(2026, 3, 18))]},
                     True, id="opgeschort-laatste-dag"),
        pytest.param(ONTVANGST, D(2026, 5, 7),
                     {"opschortingen": [Opschorting.na_verzoek(D(2026, 3, 10), D(2026, 3, 18))]},
                     False, id="opgeschort-te-laat"),
        # opschorting loopt nog op de meldingsdag 20/5: 28/4 + (20/5 - 11/3 = 70) = 7/7
        pytest.param(ONTVANGST, D(2026, 5, 20), {"opschortingen": [Opschorting(D(2026, 3, 11))]},
                     True, id="opschorting-loopt-nog"),
    ],
)
def test_verdaging_tijdig(ontvangst, gemeld, kwargs, tijdig):
    assert verdaging_tijdig(ontvangst, gemeld, **kwargs) is tijdig


def test_verdaging_voor_ontvangst_is_fout():
    with pytest.raises(ValueError):
        verdaging_tijdig(ONTVANGST, D(2026, 3, 2))


# =========================================================================== hersteltermijn 4:5

@pytest.mark.parametrize(
    ("verzonden", "weken", "verwacht", "weekdag"),
    [
        pytest.param(D(2026, 3, 10), 2, D(2026, 3, 24), DI, id="gewoon"),
        pytest.param(D(2026, 3, 20), 2, D(2026, 4, 7), DI,
                     id="goede-vrijdag"),  # vr 20/3 + 14 = vr 3/4 -> di 7/4
        pytest.param(D(2026, 4, 13), 2, D(2026, 4, 28), DI,
                     id="koningsdag"),  # ma 13/4 + 14 = ma 27/4 -> di 28/4
        pytest.param(D(2026, 12, 18), 1, D(2026, 12, 28), MA,
                     id="een-week-kerst"),  # vr 18/12 + 7 = vr 25/12 -> ma 28/12
    ],
)
def test_hersteltermijn_einde(verzonden, weken, verwacht, weekdag):
    assert verwacht.weekday() == weekdag
    assert hersteltermijn_einde(verzonden, weken) == verwacht


def test_hersteltermijn_uitleg():
    assert hersteltermijn(D(2026, 3, 20)).uitleg == (
        "Verzoek om aanvulling verzonden op 20 maart 2026.",
        "Hersteltermijn 2 weken (art. 4:5 Awb): 20 maart 2026 + 14 dagen = 3 april 2026.",
        "3 april 2026 is Goede Vrijdag; de termijn loopt door tot en met dinsdag 7 april 2026, "
        "de eerstvolgende dag die geen zaterdag, zondag of feestdag is "
        "(art. 1 Algemene termijnenwet).",
        "Laatste dag: dinsdag 7 april 2026.",
    )


# =========================================================================== bezwaar 6:7-6:9

@pytest.mark.parametrize(
    ("bekendmaking", "verwacht", "weekdag"),
    [
        pytest.param(D(2026, 3, 3), D(2026, 4, 14), DI, id="gewoon"),  # di 3/3 + 42 = di 14/4
        pytest.param(D(2026, 2, 20), D(2026, 4, 7), DI,
                     id="goede-vrijdag"),  # vr 20/2 + 42 = vr 3/4 -> di 7/4
        pytest.param(D(2026, 3, 16), D(2026, 4, 28), DI,
                     id="koningsdag"),  # ma 16/3 + 42 = ma 27/4 -> di 28/4
        pytest.param(D(2025, 11, 13), D(2025, 12, 29), MA,
                     id="kerst"),  # do 13/11 + 42 = do 25/12 -> ma 29/12
        pytest.param(D(2025, 11, 20), D(2026, 1, 5), MA,
                     id="nieuwjaar"),  # do 20/11 + 42 = do 1/1, vr 2/1 (KB) -> ma 5/1/2026
        pytest.param(D(2026, 3, 28), D(2026, 5, 11), MA,
                     id="zomertijd-weekend"),  # za 28/3 + 42 = za 9/5 -> ma 11/5
        pytest.param(D(2026, 10, 23), D(2026, 12, 4), VR,
                     id="wintertijd-weekend"),  # vr 23/10 + 42 = vr 4/12
    ],
)
def test_bezwaartermijn_einde(bekendmaking, verwacht, weekdag):
    assert verwacht.weekday() == weekdag
    assert bezwaartermijn_einde(bekendmaking) == verwacht


def test_bezwaartermijn_uitleg():
    assert bezwaartermijn(D(2026, 3, 3)).uitleg == (
        "Besluit bekendgemaakt op 3 maart 2026; de bezwaartermijn begint op 4 maart 2026.",
        "Bezwaartermijn 6 weken (art. 6:7 en 6:8 Awb): 3 maart 2026 + 42 dagen = 14 april 2026.",
        "Laatste dag: dinsdag 14 april 2026.",
    )


# bekendmaking di 3/3/2026: laatste dag di 14/4; postweek 15..21/4 (di 21/4 werkdag).
# bekendmaking ma 9/3/2026: laatste dag ma 20/4; postweek tot ma 27/4 = Koningsdag -> di 28/4.
@pytest.mark.parametrize(
    ("bekendmaking", "ontvangen", "ter_post", "tijdig"),
    [
        pytest.param(D(2026, 3, 3), D(2026, 4, 14), None, True, id="ontvangen-laatste-dag"),
        pytest.param(D(2026, 3, 3), D(2026, 4, 15), None, False, id="ontvangen-dag-erna"),
        pytest.param(D(2026, 3, 3), D(2026, 3, 2), None, True, id="te-vroeg-is-niet-te-laat"),
        pytest.param(D(2026, 3, 3), D(2026, 4, 21), D(2026, 4, 14), True,
                     id="post-laatste-dag-ontvangen-binnen-week"),
        pytest.param(D(2026, 3, 3), D(2026, 4, 22), D(2026, 4, 14), False,
                     id="post-op-tijd-ontvangen-na-week"),
        pytest.param(D(2026, 3, 3), D(2026, 4, 16), D(2026, 4, 15), False,
                     id="post-te-laat"),
        pytest.param(D(2026, 3, 3), D(2026, 4, 20), D(2026, 4, 10), True, id="post-ruim-op-tijd"),
        pytest.param(D(2026, 3, 3), D(2026, 4, 14), D(2026, 4, 14), True,
                     id="post-en-zelfde-dag-ontvangen"),
        pytest.param(D(2026, 2, 20), D(2026, 4, 7), None, True,
                     id="atw-laatste-dag"),  # einde vr 3/4 GV -> di 7/4
        pytest.param(D(2026, 2, 20), D(2026, 4, 8), None, False, id="atw-dag-erna"),
        pytest.param(D(2026, 3, 9), D(2026, 4, 28), D(2026, 4, 20), True,
                     id="postweek-atw-koningsdag"),
        pytest.param(D(2026, 3, 9), D(2026, 4, 29), D(2026, 4, 20), False,
                     id="postweek-atw-dag-erna"),
    ],
)
def test_bezwaar_tijdig(bekendmaking, ontvangen, ter_post, tijdig):
    assert bezwaar_tijdig(bekendmaking, ontvangen, ter_post) is tijdig


def test_bezwaar_ter_post_na_ontvangst_is_fout():
    with pytest.raises(ValueError):
        bezwaar_tijdig(D(2026, 3, 3), D(2026, 4, 10), D(2026, 4, 11))


# =========================================================================== bezwaar 7:10

@pytest.mark.parametrize(
    ("einde_bezwaartermijn", "commissie", "verdaging", "verwacht", "weekdag"),
    [
        pytest.param(D(2026, 4, 14), False, False, D(2026, 5, 26), DI,
                     id="zes-weken"),  # di 14/4 + 42 = di 26/5 (ma 25/5 was 2e Pinksterdag)
        pytest.param(D(2026, 4, 14), True, False, D(2026, 7, 7), DI,
                     id="commissie-twaalf-weken"),  # + 84
        pytest.param(D(2026, 4, 14), False, True, D(2026, 7, 7), DI,
                     id="zes-plus-verdaging"),  # + 42 + 42
        pytest.param(D(2026, 4, 14), True, True, D(2026, 8, 18), DI,
                     id="commissie-plus-verdaging"),  # + 84 + 42 = 126
        pytest.param(D(2026, 4, 13), False, False, D(2026, 5, 26), DI,
                     id="eindigt-tweede-pinksterdag"),  # ma 13/4 + 42 = ma 25/5 -> di 26/5
        pytest.param(D(2026, 11, 13), False, False, D(2026, 12, 28), MA,
                     id="eindigt-kerst"),  # vr 13/11 + 42 = vr 25/12 -> ma 28/12
        pytest.param(D(2026, 1, 5), False, False, D(2026, 2, 16), MA,
                     id="na-bezwaartermijn-nieuwjaar"),  # ma 5/1 + 42 = ma 16/2
    ],
)
def test_beslistermijn_bezwaar(einde_bezwaartermijn, commissie, verdaging, verwacht, weekdag):
    assert verwacht.weekday() == weekdag
    assert beslistermijn_bezwaar_einde(einde_bezwaartermijn, commissie, verdaging) == verwacht


def test_bezwaar_keten():
    # Bekendmaking do 20/11/2025 -> bezwaartermijn tot ma 5/1/2026 -> beslissen tot ma 16/2/2026.
    einde = bezwaartermijn_einde(D(2025, 11, 20))
    assert beslistermijn_bezwaar_einde(einde, commissie=False, verdaging=False) == D(2026, 2, 16)


def test_beslistermijn_bezwaar_uitleg():
    uitleg = beslistermijn_bezwaar(D(2026, 4, 14), True, True).uitleg
    assert uitleg == (
        "De bezwaartermijn verstreek op 14 april 2026; de beslistermijn begint op 15 april 2026.",
        "Beslistermijn op bezwaar 12 weken (met adviescommissie, art. 7:10 lid 1 Awb): "
        "14 april 2026 + 84 dagen = 7 juli 2026.",
        "Verdaagd met 6 weken (art. 7:10 lid 3 Awb): + 42 dagen = 18 augustus 2026.",
        "Uiterste beslisdatum op bezwaar: dinsdag 18 augustus 2026.",
    )


# =========================================================================== werkvoorraad

@pytest.mark.parametrize(
    ("einde", "vandaag", "rest", "sig"),
    [
        pytest.param(D(2026, 4, 28), D(2026, 4, 28), 0, "bijna", id="laatste-dag"),
        pytest.param(D(2026, 4, 28), D(2026, 4, 29), -1, "te_laat", id="dag-te-laat"),
        pytest.param(D(2026, 4, 28), D(2026, 4, 21), 7, "bijna", id="zeven-dagen"),
        pytest.param(D(2026, 4, 28), D(2026, 4, 20), 8, "op_tijd", id="acht-dagen"),
        pytest.param(D(2026, 4, 28), D(2026, 3, 3), 56, "op_tijd", id="net-ontvangen"),
        pytest.param(D(2026, 3, 30), D(2026, 3, 27), 3, "bijna",
                     id="over-zomertijd"),  # vr 27/3 -> ma 30/3, 29/3 heeft 23 uur: nog 3 dagen
        pytest.param(D(2026, 10, 26), D(2026, 10, 24), 2, "bijna", id="over-wintertijd"),
        pytest.param(D(2026, 1, 5), D(2025, 12, 29), 7, "bijna", id="over-jaarwisseling"),
        pytest.param(D(2026, 1, 5), D(2025, 11, 5), 61, "op_tijd", id="ver-weg"),
        pytest.param(D(2025, 12, 31), D(2026, 3, 1), -60, "te_laat", id="lang-te-laat"),
    ],
)
def test_dagen_resterend_en_signaal(einde, vandaag, rest, sig):
    assert dagen_resterend(einde, vandaag) == rest
    assert signaal(einde, vandaag) == sig


NY = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("moment", "verwacht"),
    [
        # Wintertijd (CET = UTC+1): middernacht Amsterdam = 23:00 UTC de dag ervoor.
        pytest.param(datetime(2025, 12, 31, 22, 59, tzinfo=UTC), D(2025, 12, 31), id="oud-2359"),
        pytest.param(datetime(2025, 12, 31, 23, 0, tzinfo=UTC), D(2026, 1, 1), id="nieuw-0000"),
        pytest.param(datetime(2026, 1, 1, 0, 30, tzinfo=UTC), D(2026, 1, 1), id="utc-middernacht"),
        # Zomertijd in op zo 29/3/2026 om 01:00 UTC (02:00 CET -> 03:00 CEST).
        pytest.param(datetime(2026, 3, 28, 22, 59, tzinfo=UTC), D(2026, 3, 28), id="za-2359-cet"),
        pytest.param(datetime(2026, 3, 28, 23, 0, tzinfo=UTC), D(2026, 3, 29), id="zo-0000-cet"),
        pytest.param(datetime(2026, 3, 29, 0, 59, tzinfo=UTC), D(2026, 3, 29), id="zo-0159-cet"),
        pytest.param(datetime(2026, 3, 29, 1, 0, tzinfo=UTC), D(2026, 3, 29), id="zo-0300-cest"),
        pytest.param(datetime(2026, 3, 29, 21, 59, tzinfo=UTC), D(2026, 3, 29), id="zo-2359-cest"),
        pytest.param(datetime(2026, 3, 29, 22, 0, tzinfo=UTC), D(2026, 3, 30), id="ma-0000-cest"),
        # Zomertijd (CEST = UTC+2): middernacht Amsterdam = 22:00 UTC.
        pytest.param(datetime(2026, 6, 30, 21, 59, tzinfo=UTC), D(2026, 6, 30), id="juni-2359"),
        pytest.param(datetime(2026, 6, 30, 22, 0, tzinfo=UTC), D(2026, 7, 1), id="juli-0000"),
        # Wintertijd in op zo 25/10/2026 om 01:00 UTC (03:00 CEST -> 02:00 CET).
        pytest.param(datetime(2026, 10, 24, 21, 59, tzinfo=UTC), D(2026, 10, 24), id="za-2359"),
        pytest.param(datetime(2026, 10, 24, 22, 0, tzinfo=UTC), D(2026, 10, 25), id="zo-0000"),
        pytest.param(datetime(2026, 10, 25, 22, 59, tzinfo=UTC), D(2026, 10, 25), id="zo-2359-cet"),
        pytest.param(datetime(2026, 10, 25, 23, 0, tzinfo=UTC), D(2026, 10, 26), id="ma-0000-cet"),
        # Andere tijdzone: 31/12 17:59 in New York (UTC-5) = 23:59 in Amsterdam.
        pytest.param(datetime(2025, 12, 31, 17, 59, tzinfo=NY), D(2025, 12, 31), id="ny-1759"),
        pytest.param(datetime(2025, 12, 31, 18, 0, tzinfo=NY), D(2026, 1, 1), id="ny-1800"),
    ],
)
def test_amsterdam_vandaag(moment, verwacht):
    assert amsterdam_vandaag(moment) == verwacht


def test_amsterdam_vandaag_eist_tijdzone():
    with pytest.raises(ValueError):
        amsterdam_vandaag(datetime(2026, 3, 3, 12, 0))
    with pytest.raises(TypeError):
        amsterdam_vandaag(D(2026, 3, 3))


@pytest.mark.parametrize(
    ("dag", "tekst"),
    [
        (D(2026, 3, 3), "3 maart 2026"),
        (D(2026, 1, 1), "1 januari 2026"),
        (D(2025, 12, 31), "31 december 2025"),
        (D(2026, 2, 28), "28 februari 2026"),
        (D(2026, 4, 7), "7 april 2026"),
        (D(2026, 5, 15), "15 mei 2026"),
        (D(2026, 6, 9), "9 juni 2026"),
        (D(2026, 7, 10), "10 juli 2026"),
        (D(2026, 8, 18), "18 augustus 2026"),
        (D(2026, 9, 1), "1 september 2026"),
        (D(2026, 10, 25), "25 oktober 2026"),
        (D(2026, 11, 11), "11 november 2026"),
    ],
)
def test_nl_datum(dag, tekst):
    assert nl_datum(dag) == tekst


def test_weekdagen_in_de_tabellen_kloppen():
    # De tabellen noemen de weekdag van elke verwachte datum; dat is de controle op rekenfouten.
    for tabel in (ATW_GEVALLEN, BESLISTERMIJN_GEVALLEN):
        for geval in tabel:
            verwacht, weekdag = geval.values[-2], geval.values[-1]
            assert verwacht.weekday() == weekdag, geval.id


# =========================================================================== eigenschappen

datums = st.dates(min_value=D(2015, 1, 1), max_value=D(2035, 12, 31))


def _werkdagen(begin: date, eind: date) -> int:
    return sum(is_werkdag(begin + timedelta(days=i)) for i in range((eind - begin).days + 1))


def _referentie_beslistermijn(ontvangst, weken, opschortingen, verdaging_weken, peildatum):
    """Naïeve dag-voor-dag-telling: tel lopende (niet-opgeschorte) dagen tot het aantal vol is."""
    opgeschort = set()
    for o in opschortingen:
        eind = o.eind_op(peildatum)
        opgeschort.update(o.start + timedelta(days=i) for i in range((eind - o.start).days))
    nodig = (weken + verdaging_weken) * 7
    dag, geteld = ontvangst, 0
    while geteld < nodig:
        dag += timedelta(days=1)
        if dag not in opgeschort:
            geteld += 1
    return atw_verlengen(dag, ontvangst + timedelta(days=1))


@st.composite
def opschortingen(draw, ontvangst):
    resultaat = []
    for _ in range(draw(st.integers(0, 4))):
        start = ontvangst + timedelta(days=draw(st.integers(1, 120)))
        if draw(st.booleans()):
            resultaat.append(Opschorting(start, None))
        else:
            resultaat.append(Opschorting(start, start + timedelta(days=draw(st.integers(-1, 60)))))
    return resultaat


@given(ontvangst=datums, weken=st.integers(1, 26))
def test_beslistermijn_valt_op_werkdag_en_nooit_te_vroeg(ontvangst, weken):
    einde = beslistermijn_einde(ontvangst, weken)
    kaal = ontvangst + timedelta(weeks=weken)
    assert is_werkdag(einde)
    assert kaal <= einde <= kaal + timedelta(days=10)
    # Alleen Atw art. 1: niets tussen het kale einde en het resultaat is een werkdag.
    assert all(not is_werkdag(kaal + timedelta(days=i)) for i in range((einde - kaal).days))


@settings(max_examples=300)
@given(data=st.data(), ontvangst=datums, weken=st.integers(1, 12), verdaging=st.integers(0, 6))
def test_beslistermijn_gelijk_aan_dag_voor_dag_telling(data, ontvangst, weken, verdaging):
    lijst = data.draw(opschortingen(ontvangst))
    peildatum = ontvangst + timedelta(days=data.draw(st.integers(0, 150)))
    einde = beslistermijn_einde(
        ontvangst, weken, lijst, verdaging, peildatum=peildatum
    )
    assert einde == _referentie_beslistermijn(ontvangst, weken, lijst, verdaging, peildatum)
    assert is_werkdag(einde)
    assert einde >= ontvangst + timedelta(weeks=weken + verdaging)
    # Volgorde en dubbelingen maken niet uit.
    omgekeerd = list(reversed(lijst)) + lijst
    assert beslistermijn_einde(ontvangst, weken, omgekeerd, verdaging, peildatum=peildatum) == einde


@given(data=st.data(), ontvangst=datums)
def test_lopende_opschorting_schuift_mee_met_peildatum(data, ontvangst):
    start = ontvangst + timedelta(days=data.draw(st.integers(1, 40)))
    p1 = ontvangst + timedelta(days=data.draw(st.integers(0, 100)))
    p2 = p1 + timedelta(days=data.draw(st.integers(0, 30)))
    o = [Opschorting(start)]
    e1 = beslistermijn_einde(ontvangst, opschortingen=o, peildatum=p1)
    e2 = beslistermijn_einde(ontvangst, opschortingen=o, peildatum=p2)
    assert e1 <= e2
    # Lopend tot de peildatum is hetzelfde als aangevuld op de peildatum.
    assert e1 == beslistermijn_einde(
        ontvangst, opschortingen=[Opschorting(start, max(p1, start))]
    )


@given(eind=datums, lengte=st.integers(1, 60))
def test_atw_verlengen_minimaal_en_werkdag(eind, lengte):
    begin = eind - timedelta(days=lengte - 1)
    nieuw = atw_verlengen(eind, begin)
    assert is_werkdag(nieuw)
    assert eind <= nieuw <= eind + timedelta(days=12)
    if lengte >= 3:
        assert _werkdagen(begin, nieuw) >= 2
    # Minimaal: geen eerdere dag voldoet ook al aan art. 1 en (zo nodig) art. 2.
    for i in range((nieuw - eind).days):
        eerder = eind + timedelta(days=i)
        voldoet = is_werkdag(eerder) and (lengte < 3 or _werkdagen(begin, eerder) >= 2)
        assert not voldoet


@given(jaar=st.integers(1583, 4099))
def test_pasen_is_zondag_tussen_22_maart_en_25_april(jaar):
    pasen = eerste_paasdag(jaar)
    assert pasen.weekday() == ZO
    assert D(jaar, 3, 22) <= pasen <= D(jaar, 4, 25)


def test_pasen_gelijk_aan_dateutil():
    easter = pytest.importorskip("dateutil.easter")
    for jaar in range(1900, 2300):
        assert eerste_paasdag(jaar) == easter.easter(jaar), jaar


@given(bekendmaking=datums, na=st.integers(-10, 80))
def test_bezwaar_zonder_post_tijdig_tot_en_met_laatste_dag(bekendmaking, na):
    ontvangen = bekendmaking + timedelta(days=na)
    assert bezwaar_tijdig(bekendmaking, ontvangen) == (
        ontvangen <= bezwaartermijn_einde(bekendmaking)
    )


@given(bekendmaking=datums, post=st.integers(0, 60), vertraging=st.integers(0, 20))
def test_bezwaar_per_post(bekendmaking, post, vertraging):
    ter_post = bekendmaking + timedelta(days=post)
    ontvangen = ter_post + timedelta(days=vertraging)
    einde = bezwaartermijn_einde(bekendmaking)
    tijdig = bezwaar_tijdig(bekendmaking, ontvangen, ter_post)
    if ter_post > einde and ontvangen > einde:
        assert not tijdig  # te laat gepost en te laat ontvangen
    if ontvangen <= einde + timedelta(days=7) and ter_post <= einde:
        assert tijdig  # de postweek (eventueel door de Atw langer) is minstens 7 dagen
    if ontvangen > einde + timedelta(days=7 + 12):
        assert not tijdig  # de Atw verlengt de postweek nooit zo ver


@given(
    moment=st.datetimes(
        min_value=datetime(2015, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
    )
)
def test_amsterdam_vandaag_is_utc_plus_een_of_twee_uur(moment):
    dag = amsterdam_vandaag(moment)
    assert dag in {
        (moment + timedelta(hours=1)).date(),
        (moment + timedelta(hours=2)).date(),
    }
    # In juli is het altijd zomertijd, in januari altijd wintertijd.
    if moment.month == 7:
        assert dag == (moment + timedelta(hours=2)).date()
    if moment.month == 1:
        assert dag == (moment + timedelta(hours=1)).date()


@given(einde=datums, vandaag=datums)
def test_signaal_volgt_dagen_resterend(einde, vandaag):
    rest = dagen_resterend(einde, vandaag)
    assert rest == (einde - vandaag).days
    assert signaal(einde, vandaag) == (
        "te_laat" if rest < 0 else "bijna" if rest <= 7 else "op_tijd"
    )


MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"]


@given(dag=st.dates())
def test_nl_datum_terug_te_lezen(dag):
    m = re.fullmatch(r"([1-9]\d?) ([a-z]+) (\d+)", nl_datum(dag))
    assert m
    assert D(int(m[3]), MAANDEN.index(m[2]) + 1, int(m[1])) == dag
