"""Table-driven tests of the verordening rule engine.

Every expected figure is worked out by hand in the comment of its case; the assertions check what a
client sees: the figure and the key phrases of the Dutch explanation.
"""

import json
from datetime import date
from decimal import Decimal as D

import pytest

from verordening.engine import (
    UWV_REGIMES,
    Casusfeiten,
    Eenheid,
    FeitenFout,
    IntensiteitSoort,
    Keurmerk,
    Opleidingsniveau,
    RegelFout,
    Verordeningsregels,
    bereken,
    bereken_einddatum,
    bereken_periode,
    bereken_verlenging,
    einde_termijn,
    nl_datum,
    nl_getal,
    plus_maanden,
    toets_geschiktheid,
    toets_kwaliteit,
)

PCT = IntensiteitSoort.PERCENTAGE_PER_JAAR
VAST_PCT = IntensiteitSoort.VAST_PERCENTAGE
VASTE_UREN = IntensiteitSoort.VASTE_UREN
BANDEN = IntensiteitSoort.REGIME_BANDEN
BANDEN_LMZ = {"licht": (10, 20), "midden": (20, 40), "zwaar": (40, 80)}
BEWIJS = "een uitgebreid plan van aanpak van de jobcoach"


def regels(**wijzigingen) -> Verordeningsregels:
    """UWV-like rules: percentage per trajectjaar, half-year periods, 24 months, no other requirements."""
    basis = dict(
        intensiteit_soort=PCT,
        percentage_regimes=UWV_REGIMES,
        standaard_max_maanden=24,
        toekenningsperiode_maanden=6,
    )
    basis.update(wijzigingen)
    return Verordeningsregels(**basis)


def feiten(**wijzigingen) -> Casusfeiten:
    """24 contract hours a week, traject from 1 januari 2026, regime midden, contract voor onbepaalde tijd."""
    basis = dict(
        contracturen_per_week=D(24),
        startdatum=date(2026, 1, 1),
        peildatum=date(2026, 1, 1),
        regime="midden",
    )
    basis.update(wijzigingen)
    return Casusfeiten(**basis)


# ---------------------------------------------------------------------------------------------------
# Dutch formatting and calendar arithmetic


@pytest.mark.parametrize(
    "waarde, tekst",
    [
        (D("62.4"), "62,4"),
        (D("1248"), "1.248"),
        (D("124.80"), "124,8"),  # trailing zero dropped
        (D("62.0"), "62"),  # no ",0" for whole numbers
        (D("1234567.25"), "1.234.567,25"),
        (D("0"), "0"),
        (D("-7.5"), "-7,5"),
    ],
)
def test_nl_getal(waarde, tekst):
    assert nl_getal(waarde) == tekst


@pytest.mark.parametrize(
    "datum, tekst",
    [
        (date(2026, 1, 1), "1 januari 2026"),
        (date(2028, 2, 29), "29 februari 2028"),
        (date(2027, 12, 31), "31 december 2027"),
    ],
)
def test_nl_datum(datum, tekst):
    assert nl_datum(datum) == tekst


@pytest.mark.parametrize(
    "datum, maanden, verwacht",
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),  # februari 2027 has 28 days
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # 2028 is a leap year
        (date(2028, 2, 29), 12, date(2029, 2, 28)),  # no 29 februari in 2029
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),  # backwards as well
        (date(2026, 11, 15), 3, date(2027, 2, 15)),  # across a year end
    ],
)
def test_plus_maanden(datum, maanden, verwacht):
    assert plus_maanden(datum, maanden) == verwacht


@pytest.mark.parametrize(
    "start, maanden, laatste_dag",
    [
        (date(2026, 1, 1), 24, date(2027, 12, 31)),  # day before 1 januari 2028
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # no 31 februari: last day of februari
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 1, 28), 1, date(2026, 2, 27)),  # 28 februari exists: the day before
        (date(2026, 3, 1), 6, date(2026, 8, 31)),
    ],
)
def test_einde_termijn(start, maanden, laatste_dag):
    assert einde_termijn(start, maanden) == laatste_dag


# ---------------------------------------------------------------------------------------------------
# Hours for one period: every intensity kind and regime


@pytest.mark.parametrize(
    "regel_wijziging, feit_wijziging, periode_start, uren, fragmenten",
    [
        pytest.param(
            {}, {"regime": "zeer_licht"}, date(2026, 1, 1), "18.7",
            # 24 × 26 × 3% = 18,72 → 18,7
            ["24 uur/week × 26 weken × 3% = 18,72 uur (jaar 1, regime zeer licht)",
             "Afgerond op één decimaal: 18,7 uur"],
            id="uwv-zeer-licht-jaar1",
        ),
        pytest.param(
            {}, {"regime": "licht"}, date(2026, 1, 1), "37.4",
            # 24 × 26 × 6% = 37,44 → 37,4
            ["24 uur/week × 26 weken × 6% = 37,44 uur (jaar 1, regime licht)"],
            id="uwv-licht-jaar1",
        ),
        pytest.param(
            {}, {}, date(2026, 1, 1), "62.4",
            # 24 × 26 × 10% = 62,4
            ["24 uur/week × 26 weken × 10% = 62,4 uur (jaar 1, regime midden)",
             "Toegekend voor deze periode: 62,4 uur"],
            id="uwv-midden-jaar1",
        ),
        pytest.param(
            {}, {"regime": "intensief"}, date(2026, 1, 1), "93.6",
            # 24 × 26 × 15% = 93,6
            ["24 uur/week × 26 weken × 15% = 93,6 uur (jaar 1, regime intensief)"],
            id="uwv-intensief-jaar1",
        ),
        pytest.param(
            {}, {"regime": "zeer_licht"}, date(2027, 1, 1), "18.7",
            # year 2 starts 1 januari 2027: 24 × 26 × 3% = 18,72 → 18,7
            ["× 3% = 18,72 uur (jaar 2, regime zeer licht)", "valt in trajectjaar 2"],
            id="uwv-zeer-licht-jaar2",
        ),
        pytest.param(
            {}, {"regime": "licht"}, date(2027, 1, 1), "18.7",
            # 24 × 26 × 3% = 18,72 → 18,7
            ["× 3% = 18,72 uur (jaar 2, regime licht)"],
            id="uwv-licht-jaar2",
        ),
        pytest.param(
            {}, {}, date(2027, 1, 1), "31.2",
            # 24 × 26 × 5% = 31,2
            ["24 uur/week × 26 weken × 5% = 31,2 uur (jaar 2, regime midden)"],
            id="uwv-midden-jaar2",
        ),
        pytest.param(
            {}, {"regime": "intensief"}, date(2027, 1, 1), "46.8",
            # 24 × 26 × 7,5% = 46,8
            ["24 uur/week × 26 weken × 7,5% = 46,8 uur (jaar 2, regime intensief)"],
            id="uwv-intensief-jaar2",
        ),
        pytest.param(
            {}, {}, date(2028, 1, 1), "18.7",
            # year 3 starts 1 januari 2028: 24 × 26 × 3% = 18,72 → 18,7
            ["× 3% = 18,72 uur (jaar 3, regime midden)"],
            id="uwv-midden-jaar3",
        ),
        pytest.param(
            {}, {"regime": "intensief"}, date(2028, 7, 1), "37.4",
            # 24 × 26 × 6% = 37,44 → 37,4
            ["× 6% = 37,44 uur (jaar 3, regime intensief)"],
            id="uwv-intensief-jaar3",
        ),
        pytest.param(
            {}, {"regime": "intensief"}, date(2029, 1, 1), "37.4",
            # year 4 uses the percentage for "jaar 3 en verder": 24 × 26 × 6% = 37,44 → 37,4
            ["× 6% = 37,44 uur (jaar 4, regime intensief)"],
            id="uwv-intensief-jaar4-is-jaar3-en-verder",
        ),
        pytest.param(
            {"standaard_regime": "midden"}, {"regime": None}, date(2026, 1, 1), "62.4",
            # no regime chosen → standaardregime midden: 24 × 26 × 10% = 62,4
            ["het standaardregime van de verordening is midden", "= 62,4 uur (jaar 1, regime midden)"],
            id="standaardregime",
        ),
        pytest.param(
            {}, {"regime": "Zeer licht", "contracturen_per_week": D(32)}, date(2026, 1, 1), "25",
            # "Zeer licht" finds zeer_licht: 32 × 26 × 3% = 24,96 → 25,0 (shown as 25)
            ["32 uur/week × 26 weken × 3% = 24,96 uur", "Toegekend voor deze periode: 25 uur"],
            id="regime-naam-met-spatie",
        ),
        pytest.param(
            {"intensiteit_soort": VAST_PCT, "vast_percentage": D(5)}, {"regime": None}, date(2026, 1, 1), "31.2",
            # 24 × 26 × 5% = 31,2
            ["24 uur/week × 26 weken × 5% = 31,2 uur (vast percentage van de contracturen)"],
            id="vast-percentage-halfjaar",
        ),
        pytest.param(
            {"intensiteit_soort": VAST_PCT, "vast_percentage": D(5), "toekenningsperiode_maanden": 12}, {},
            date(2026, 1, 1), "62.4",
            # 12-month period = 52 weeks: 24 × 52 × 5% = 62,4
            ["24 uur/week × 52 weken × 5% = 62,4 uur", "12 maanden, gerekend als 52 weken"],
            id="vast-percentage-jaar",
        ),
        pytest.param(
            {"intensiteit_soort": VAST_PCT, "vast_percentage": D(5)}, {"contracturen_per_week": D("10.5")},
            date(2026, 1, 1), "13.7",
            # 10,5 × 26 × 5% = 13,65 → ROUND_HALF_UP 13,7 (banker's rounding would give 13,6)
            ["10,5 uur/week × 26 weken × 5% = 13,65 uur", "Afgerond op één decimaal: 13,7 uur"],
            id="afronding-half-up",
        ),
        pytest.param(
            {"intensiteit_soort": VASTE_UREN, "vaste_uren": D(1), "vaste_uren_eenheid": Eenheid.PER_WEEK}, {},
            date(2026, 1, 1), "26",
            # 1 uur/week × 26 weken = 26
            ["1 uur/week × 26 weken = 26 uur (vast aantal uren per week)"],
            id="vaste-uren-per-week",
        ),
        pytest.param(
            {"intensiteit_soort": VASTE_UREN, "vaste_uren": D("1.5"), "vaste_uren_eenheid": "per_week",
             "toekenningsperiode_maanden": 12}, {}, date(2026, 1, 1), "78",
            # 1,5 uur/week × 52 weken = 78
            ["1,5 uur/week × 52 weken = 78 uur"],
            id="vaste-uren-per-week-jaarperiode",
        ),
        pytest.param(
            {"intensiteit_soort": VASTE_UREN, "vaste_uren": D(12), "vaste_uren_eenheid": Eenheid.PER_HALFJAAR}, {},
            date(2026, 1, 1), "12",
            # 12 uur per half jaar, the period is one half year → 12
            ["12 uur per half jaar (26 weken) = 12 uur"],
            id="vaste-uren-per-halfjaar",
        ),
        pytest.param(
            {"intensiteit_soort": VASTE_UREN, "vaste_uren": D(12), "vaste_uren_eenheid": Eenheid.PER_HALFJAAR,
             "toekenningsperiode_maanden": 12}, {}, date(2026, 1, 1), "24",
            # 12 uur per half jaar × 52/26 = 24
            ["12 uur per half jaar × 52/26 weken = 24 uur"],
            id="vaste-uren-per-halfjaar-jaarperiode",
        ),
        pytest.param(
            {"intensiteit_soort": BANDEN, "regime_banden": BANDEN_LMZ}, {}, date(2026, 1, 1), "40",
            # midden band 20–40 uur per half jaar, nothing asked → band maximum 40
            ["Regime midden: 20 tot 40 uur per half jaar", "het maximum van de band, 40 uur"],
            id="banden-maximum",
        ),
        pytest.param(
            {"intensiteit_soort": BANDEN, "regime_banden": BANDEN_LMZ}, {"gevraagde_uren": D(30)},
            date(2026, 1, 1), "30",
            # asked 30 < maximum 40 → 30
            ["Gevraagd is 30 uur per half jaar", "uitgegaan wordt van de gevraagde 30 uur"],
            id="banden-lager-gevraagd",
        ),
        pytest.param(
            {"intensiteit_soort": BANDEN, "regime_banden": BANDEN_LMZ}, {"gevraagde_uren": D(50)},
            date(2026, 1, 1), "40",
            # asked 50 > maximum 40 → 40
            ["Gevraagd is 50 uur; meer dan het maximum kan niet worden toegekend"],
            id="banden-meer-gevraagd",
        ),
        pytest.param(
            {"intensiteit_soort": BANDEN, "regime_banden": BANDEN_LMZ}, {"gevraagde_uren": D(10)},
            date(2026, 1, 1), "10",
            # asked 10, below the band minimum 20: the lower figure asked is granted, with a warning
            ["Let op: dat is minder dan de ondergrens van 20 uur van regime midden"],
            id="banden-onder-ondergrens",
        ),
        pytest.param(
            {"intensiteit_soort": BANDEN, "regime_banden": BANDEN_LMZ, "toekenningsperiode_maanden": 12},
            {"regime": "zwaar"}, date(2026, 1, 1), "160",
            # zwaar 40–80 per half jaar; year period: 80 × 52/26 = 160
            ["80 uur per half jaar × 52/26 weken = 160 uur (regime zwaar)"],
            id="banden-zwaar-jaarperiode",
        ),
        pytest.param(
            {"intensiteit_soort": BANDEN, "regime_banden": BANDEN_LMZ}, {"regime": "licht"}, date(2026, 1, 1), "20",
            # licht 10–20 → 20
            ["Regime licht: 10 tot 20 uur per half jaar"],
            id="banden-licht",
        ),
    ],
)
def test_uren_per_periode(regel_wijziging, feit_wijziging, periode_start, uren, fragmenten):
    uitkomst = bereken_periode(regels(**regel_wijziging), feiten(**feit_wijziging), periode_start)
    assert uitkomst.uren == D(uren)
    for fragment in fragmenten:
        assert fragment in uitkomst.uitleg


# ---------------------------------------------------------------------------------------------------
# Part years, straddling periods, contract ending inside the period, caps


@pytest.mark.parametrize(
    "regel_wijziging, feit_wijziging, periode_start, weken, uren, fragmenten",
    [
        pytest.param(
            {"toekenningsperiode_maanden": 12},
            {"eerdere_perioden": ((date(2025, 7, 1), date(2025, 12, 31)),)},
            date(2026, 1, 1), 52, "93.6",
            # 6 months granted before → year 2 starts 1 juli 2026; 1 jan–1 jul = 181 days / 7 = 25,9 → 26 weeks
            # 24 × 26 × 10% = 62,4 + 24 × 26 × 5% = 31,2 → 93,6
            ["jaar 2 begint op 1 juli 2026", "24 uur/week × 26 weken × 10% = 62,4 uur (jaar 1, regime midden)",
             "24 uur/week × 26 weken × 5% = 31,2 uur (jaar 2, regime midden)", "Samen: 62,4 + 31,2 = 93,6 uur"],
            id="jaarperiode-over-jaargrens-door-eerdere-periode",
        ),
        pytest.param(
            {}, {}, date(2026, 10, 1), 26, "46.8",
            # period 1 okt 2026–31 mrt 2027; year 2 starts 1 jan 2027: 92 days / 7 = 13,1 → 13 weeks, rest 13
            # 24 × 13 × 10% = 31,2 + 24 × 13 × 5% = 15,6 → 46,8
            ["deels in jaar 1 (13 weken) en deels in jaar 2 (13 weken)", "jaar 2 begint op 1 januari 2027",
             "= 31,2 uur (jaar 1", "= 15,6 uur (jaar 2", "Samen: 31,2 + 15,6 = 46,8 uur"],
            id="halfjaar-over-jaargrens-1-2",
        ),
        pytest.param(
            {}, {"regime": "intensief"}, date(2027, 10, 1), 26, "42.1",
            # year 3 starts 1 jan 2028: 13 + 13 weeks
            # 24 × 13 × 7,5% = 23,4 + 24 × 13 × 6% = 18,72 → 42,12 → 42,1
            ["= 23,4 uur (jaar 2, regime intensief)", "= 18,72 uur (jaar 3, regime intensief)",
             "Afgerond op één decimaal: 42,1 uur"],
            id="halfjaar-over-jaargrens-2-3",
        ),
        pytest.param(
            {}, {"eerdere_perioden": ((date(2025, 1, 1), date(2025, 12, 31)),)}, date(2026, 1, 1), 26, "31.2",
            # a full year granted before: the traject is in year 2 from the startdatum; 24 × 26 × 5% = 31,2
            ["valt in trajectjaar 2", "met de eerder toegekende 12 maanden meegeteld"],
            id="eerdere-periode-telt-mee",
        ),
        pytest.param(
            {}, {"eerdere_perioden": ((date(2025, 1, 1), date(2025, 6, 30)), (date(2025, 4, 1), date(2025, 12, 31)))},
            date(2026, 1, 1), 26, "31.2",
            # overlapping earlier periods count once: 1 jan–31 dec 2025 = 12 months → year 2; 24 × 26 × 5% = 31,2
            ["met de eerder toegekende 12 maanden meegeteld"],
            id="overlappende-eerdere-perioden-eenmaal",
        ),
        pytest.param(
            {}, {"eerdere_perioden": ((date(2025, 10, 1), date(2025, 12, 31)),)}, date(2026, 7, 1), 26, "46.8",
            # 3 months before → year 2 starts 1 okt 2026; period 1 jul–31 dec 2026: 92 days → 13 + 13 weeks
            # 24 × 13 × 10% = 31,2 + 24 × 13 × 5% = 15,6 → 46,8
            ["jaar 2 begint op 1 oktober 2026", "met de eerder toegekende 3 maanden meegeteld"],
            id="deeljaar-door-eerdere-drie-maanden",
        ),
        pytest.param(
            {}, {"contract_einddatum": date(2026, 3, 31)}, date(2026, 1, 1), 12, "28.8",
            # contract ends 31 mrt: 90 days / 7 = 12,9 → 12 whole weeks; 24 × 12 × 10% = 28,8
            ["Het contract eindigt op 31 maart 2026", "90 dagen / 7 = 12 weken (naar beneden afgerond",
             "24 uur/week × 12 weken × 10% = 28,8 uur"],
            id="contract-eindigt-in-periode",
        ),
        pytest.param(
            {}, {"contract_einddatum": date(2026, 2, 15)}, date(2026, 1, 1), 6, "14.4",
            # 46 days / 7 = 6,6 → 6 weeks; 24 × 6 × 10% = 14,4
            ["46 dagen / 7 = 6 weken", "= 14,4 uur"],
            id="contract-eindigt-na-zes-weken",
        ),
        pytest.param(
            {}, {"contract_einddatum": date(2027, 2, 14)}, date(2026, 10, 1), 19, "38.4",
            # 1 okt 2026–14 feb 2027 = 137 days → 19 weeks; year 2 starts 1 jan 2027 (13 weeks), rest 6 weeks
            # 24 × 13 × 10% = 31,2 + 24 × 6 × 5% = 7,2 → 38,4
            ["137 dagen / 7 = 19 weken", "= 31,2 uur (jaar 1", "24 uur/week × 6 weken × 5% = 7,2 uur (jaar 2"],
            id="contract-eindigt-in-periode-over-jaargrens",
        ),
        pytest.param(
            {"intensiteit_soort": VASTE_UREN, "vaste_uren": D(12), "vaste_uren_eenheid": Eenheid.PER_HALFJAAR},
            {"contract_einddatum": date(2026, 3, 31)}, date(2026, 1, 1), 12, "5.5",
            # 12 weeks: 12 × 12/26 = 5,538… → 5,5
            ["12 uur per half jaar × 12/26 weken", "Afgerond op één decimaal: 5,5 uur"],
            id="vaste-uren-naar-rato",
        ),
        pytest.param(
            {"intensiteit_soort": BANDEN, "regime_banden": BANDEN_LMZ}, {"contract_einddatum": date(2026, 5, 20)},
            date(2026, 1, 1), 20, "30.8",
            # 1 jan–20 mei 2026 = 140 days → 20 weeks; band maximum 40 × 20/26 = 30,769… → 30,8
            ["140 dagen / 7 = 20 weken", "40 uur per half jaar × 20/26 weken ≈ 30,769 uur (regime midden)",
             "Afgerond op één decimaal: 30,8 uur"],
            id="banden-naar-rato",
        ),
        pytest.param(
            {}, {"contract_einddatum": date(2026, 12, 31)}, date(2027, 1, 1), 0, "0",
            # the contract ended before this period starts → 0
            ["vóór het begin van deze periode: geen uren"],
            id="contract-al-geeindigd",
        ),
        pytest.param(
            {}, {"contract_einddatum": date(2026, 6, 30)}, date(2026, 1, 1), 26, "62.4",
            # contract ends on the last day of the period: full 26 weeks; 24 × 26 × 10% = 62,4
            ["24 uur/week × 26 weken × 10% = 62,4 uur"],
            id="contract-eindigt-op-periode-einde",
        ),
        pytest.param(
            {"max_uren_per_periode": D(60)}, {}, date(2026, 1, 1), 26, "60",
            # 24 × 26 × 10% = 62,4 > 60 → 60
            ["De uitkomst van 62,4 uur is begrensd op het maximum van 60 uur per periode",
             "Toegekend voor deze periode: 60 uur"],
            id="maximum-per-periode-toegepast",
        ),
        pytest.param(
            {"max_uren_per_periode": D("62.4")}, {}, date(2026, 1, 1), 26, "62.4",
            # 62,4 equals the cap → not capped
            ["Toegekend voor deze periode: 62,4 uur"],
            id="maximum-gelijk-niet-begrensd",
        ),
        pytest.param(
            {"max_uren_per_periode": D(100)}, {"regime": "intensief", "contracturen_per_week": D(32)},
            date(2026, 1, 1), 26, "100",
            # 32 × 26 × 15% = 124,8 > 100 → 100
            ["32 uur/week × 26 weken × 15% = 124,8 uur", "begrensd op het maximum van 100 uur per periode"],
            id="maximum-intensief",
        ),
        pytest.param(
            {"max_uren_per_periode": D(90), "toekenningsperiode_maanden": 12},
            {"eerdere_perioden": ((date(2025, 7, 1), date(2025, 12, 31)),)}, date(2026, 1, 1), 52, "90",
            # split 62,4 + 31,2 = 93,6 first, then the cap last → 90
            ["Samen: 62,4 + 31,2 = 93,6 uur", "De uitkomst van 93,6 uur is begrensd op het maximum van 90 uur"],
            id="maximum-na-splitsing",
        ),
    ],
)
def test_deeljaren_contracteinde_en_maximum(regel_wijziging, feit_wijziging, periode_start, weken, uren, fragmenten):
    uitkomst = bereken_periode(regels(**regel_wijziging), feiten(**feit_wijziging), periode_start)
    assert uitkomst.weken == weken
    assert uitkomst.uren == D(uren)
    for fragment in fragmenten:
        assert fragment in uitkomst.uitleg


def test_maximum_niet_genoemd_als_het_niet_begrenst():
    uitkomst = bereken_periode(regels(max_uren_per_periode=D(70)), feiten(), date(2026, 1, 1))
    # 62,4 < 70: the cap plays no part
    assert uitkomst.uren == D("62.4")
    assert not uitkomst.begrensd
    assert "begrensd" not in uitkomst.uitleg


def test_periode_voor_startdatum_is_een_fout():
    with pytest.raises(FeitenFout) as fout:
        bereken_periode(regels(), feiten(), date(2025, 12, 1))
    assert "vóór de startdatum" in fout.value.meldingen[0]


@pytest.mark.parametrize(
    "feit_wijziging, melding",
    [
        ({"regime": "zwaar"}, "Onbekend regime 'zwaar'; de verordening kent: zeer_licht, licht, midden, intensief."),
        ({"regime": None}, "Kies een regime; de verordening kent: zeer_licht, licht, midden, intensief."),
    ],
)
def test_regime_ontbreekt_of_onbekend(feit_wijziging, melding):
    with pytest.raises(FeitenFout) as fout:
        bereken_periode(regels(), feiten(**feit_wijziging), date(2026, 1, 1))
    assert fout.value.meldingen == (melding,)


# ---------------------------------------------------------------------------------------------------
# End date


@pytest.mark.parametrize(
    "regel_wijziging, feit_wijziging, einddatum, fragmenten",
    [
        pytest.param({}, {}, date(2027, 12, 31),
                     # 1 jan 2026 + 24 months → last day 31 dec 2027
                     ["tot en met 31 december 2027 (24 maanden)", "Einddatum van het traject: 31 december 2027"],
                     id="24-maanden"),
        pytest.param({"standaard_max_maanden": 36}, {}, date(2028, 12, 31),
                     # 1 jan 2026 + 36 months → 31 dec 2028
                     ["ten hoogste 36 maanden"], id="36-maanden"),
        pytest.param({"standaard_max_maanden": 13}, {"startdatum": date(2027, 1, 31)}, date(2028, 2, 29),
                     # 31 jan 2027 + 13 months → februari 2028 has no 31st → last day, 29 feb (leap year)
                     ["Februari 2028 heeft geen 31e dag", "Einddatum van het traject: 29 februari 2028"],
                     id="maandeinde-schrikkeljaar"),
        pytest.param({}, {"startdatum": date(2028, 2, 29)}, date(2030, 2, 28),
                     # 29 feb 2028 + 24 months → februari 2030 has no 29th → 28 feb 2030
                     ["Februari 2030 heeft geen 29e dag"], id="start-op-schrikkeldag"),
        pytest.param({"standaard_max_maanden": 12}, {"startdatum": date(2027, 3, 1)}, date(2028, 2, 29),
                     # 1 mrt 2027 + 12 months = 1 mrt 2028; day before = 29 feb 2028 (leap year)
                     ["tot en met 29 februari 2028"], id="dag-voor-1-maart-schrikkeljaar"),
        pytest.param({"standaard_max_maanden": 12}, {"startdatum": date(2028, 3, 1)}, date(2029, 2, 28),
                     # 1 mrt 2029 − 1 day = 28 feb 2029
                     ["tot en met 28 februari 2029"], id="dag-voor-1-maart"),
        pytest.param({}, {"eerdere_perioden": ((date(2025, 7, 1), date(2025, 12, 31)),)}, date(2027, 6, 30),
                     # 6 months used: 24 − 6 = 18 → 1 jan 2026 + 18 months − 1 day = 30 jun 2027
                     ["Eerder toegekend: 6 maanden (1 juli 2025 tot en met 31 december 2025)",
                      "Resterend: 24 − 6 = 18 maanden"], id="min-eerdere-perioden"),
        pytest.param({}, {"eerdere_perioden": ((date(2025, 1, 1), date(2025, 7, 10)),)}, date(2027, 6, 20),
                     # 6 months and 10 days used: 18 months → 30 jun 2027, minus 10 days = 20 jun 2027
                     ["6 maanden en 10 dagen", "Resterend: 24 − 6 = 18 maanden, min 10 dagen"],
                     id="min-eerdere-perioden-met-dagen"),
        pytest.param({}, {"contract_einddatum": date(2026, 9, 30)}, date(2026, 9, 30),
                     # the contract ends before 31 dec 2027 → 30 sep 2026
                     ["Het contract eindigt op 30 september 2026, eerder dan 31 december 2027"],
                     id="begrensd-door-contract"),
        pytest.param({}, {"contract_einddatum": date(2030, 12, 31)}, date(2027, 12, 31),
                     # the contract ends later → no effect
                     ["dat begrenst de einddatum niet"], id="contract-loopt-langer"),
        pytest.param({}, {"eerdere_perioden": ((date(2024, 1, 1), date(2025, 12, 31)),)}, None,
                     # 24 months already used: nothing left
                     ["resteert geen tijd meer", "de verordening staat geen verlenging toe"],
                     id="maximum-al-benut"),
        pytest.param({}, {"contract_einddatum": date(2025, 12, 31), "contract_startdatum": date(2025, 1, 1)}, None,
                     # contract ended the day before the startdatum
                     ["vóór de startdatum; er resteert geen duur"], id="contract-voor-start-geeindigd"),
    ],
)
def test_einddatum(regel_wijziging, feit_wijziging, einddatum, fragmenten):
    uitkomst = bereken_einddatum(regels(**regel_wijziging), feiten(**feit_wijziging))
    assert uitkomst.datum == einddatum
    for fragment in fragmenten:
        assert fragment in uitkomst.uitleg


# ---------------------------------------------------------------------------------------------------
# Extension

VERLENGBAAR = dict(verlenging_toegestaan=True, verlenging_bewijs=BEWIJS, max_totaal_maanden=36)


@pytest.mark.parametrize(
    "regel_wijziging, feit_wijziging, gevraagd, toegestaan, max_rest, nieuwe_einddatum, fragmenten",
    [
        pytest.param({}, {}, 6, False, 0, None,
                     ["De verordening staat geen verlenging toe na de standaard maximale duur van 24 maanden"],
                     id="verlenging-niet-toegestaan"),
        pytest.param(VERLENGBAAR, {}, 12, True, 12, date(2028, 12, 31),
                     # 36 − 24 = 12 left; 1 jan 2026 + 24 + 12 months → 31 dec 2028
                     ["resterend 36 − 24 = 12 maanden", f"mits onderbouwd met: {BEWIJS}",
                      "Nieuwe einddatum na verlenging: 31 december 2028"], id="verlenging-binnen-maximum"),
        pytest.param(VERLENGBAAR, {}, 13, False, 12, None,
                     # 24 + 13 = 37 > 36: refused, at most 12
                     ["gaat 1 maand over het maximum van 36 maanden in totaal en wordt daarom geweigerd",
                      "ten hoogste 12 maanden is mogelijk"], id="verlenging-boven-maximum"),
        pytest.param(VERLENGBAAR, {"contract_einddatum": date(2028, 3, 31)}, 6, True, 12, date(2028, 3, 31),
                     # 24 + 6 months would run to 30 jun 2028; the contract ends 31 mrt 2028
                     ["de verlenging loopt niet verder dan die datum"], id="verlenging-begrensd-door-contract"),
        pytest.param(VERLENGBAAR,
                     {"startdatum": date(2025, 7, 1), "eerdere_perioden": ((date(2023, 1, 1), date(2025, 6, 30)),)},
                     6, True, 6, date(2025, 12, 31),
                     # 30 months granted already: 36 − 30 = 6 left; 1 jul 2025 + 6 months → 31 dec 2025
                     ["meegeteld als 30 maanden", "resterend 36 − 30 = 6 maanden"],
                     id="verlenging-na-eerdere-verlenging"),
        pytest.param(VERLENGBAAR,
                     {"startdatum": date(2025, 7, 11), "eerdere_perioden": ((date(2023, 1, 1), date(2025, 7, 10)),)},
                     6, False, 5, None,
                     # 30 months and 10 days → counted as 31: 36 − 31 = 5 left; 6 refused
                     ["een deel van een maand telt als hele maand", "ten hoogste 5 maanden is mogelijk"],
                     id="verlenging-deel-van-maand"),
        pytest.param(dict(verlenging_toegestaan=True, verlenging_bewijs=BEWIJS), {}, 24, True, None,
                     date(2029, 12, 31),
                     # no total maximum: 24 + 24 months → 31 dec 2029
                     ["De verordening stelt geen maximum aan de totale duur"], id="verlenging-zonder-totaalmaximum"),
        pytest.param({**VERLENGBAAR, "standaard_max_maanden": 36}, {}, 1, False, 0, None,
                     # total maximum equals the standard maximum: 36 − 36 = 0
                     ["resterend 36 − 36 = 0 maanden"], id="verlenging-geen-ruimte"),
    ],
)
def test_verlenging(regel_wijziging, feit_wijziging, gevraagd, toegestaan, max_rest, nieuwe_einddatum, fragmenten):
    uitkomst = bereken_verlenging(regels(**regel_wijziging), feiten(**feit_wijziging), gevraagd)
    assert uitkomst.toegestaan is toegestaan
    assert uitkomst.max_resterend_maanden == max_rest
    assert uitkomst.nieuwe_einddatum == nieuwe_einddatum
    for fragment in fragmenten:
        assert fragment in uitkomst.uitleg


def test_verlenging_van_nul_maanden_is_een_fout():
    with pytest.raises(FeitenFout):
        bereken_verlenging(regels(**VERLENGBAAR), feiten(), 0)


# ---------------------------------------------------------------------------------------------------
# Geschiktheid: every rule, pass and fail


@pytest.mark.parametrize(
    "regel_wijziging, feit_wijziging, voldoet, regel, tekst",
    [
        pytest.param({"doelgroepregister_vereist": True}, {"doelgroepregister": True}, True, "doelgroepregister",
                     "De verordening vereist inschrijving in het Doelgroepregister; de werknemer is ingeschreven.",
                     id="doelgroepregister-voldoet"),
        pytest.param({"doelgroepregister_vereist": True}, {"doelgroepregister": False}, False, "doelgroepregister",
                     "De verordening vereist inschrijving in het Doelgroepregister; de werknemer is niet ingeschreven.",
                     id="doelgroepregister-ontbreekt"),
        pytest.param({}, {"doelgroepregister": False}, True, "doelgroepregister",
                     "De verordening vereist geen inschrijving in het Doelgroepregister.",
                     id="doelgroepregister-niet-vereist"),
        pytest.param({"min_loonwaarde_pct": D(30)}, {"loonwaarde_pct": D(25)}, False, "loonwaarde",
                     # 25 < 30
                     "De verordening vereist een loonwaarde van ten minste 30%; vastgesteld is 25%.",
                     id="loonwaarde-te-laag"),
        pytest.param({"min_loonwaarde_pct": D(30)}, {"loonwaarde_pct": D(30)}, True, "loonwaarde",
                     # 30 ≥ 30: the boundary itself passes
                     "De verordening vereist een loonwaarde van ten minste 30%; vastgesteld is 30%.",
                     id="loonwaarde-op-grens"),
        pytest.param({"min_loonwaarde_pct": D(35)}, {"loonwaarde_pct": D("34.5")}, False, "loonwaarde",
                     "De verordening vereist een loonwaarde van ten minste 35%; vastgesteld is 34,5%.",
                     id="loonwaarde-net-te-laag"),
        pytest.param({"min_loonwaarde_pct": D(30)}, {}, False, "loonwaarde",
                     "De verordening vereist een loonwaarde van ten minste 30%; er is geen loonwaarde vastgesteld.",
                     id="loonwaarde-onbekend"),
        pytest.param({"sfb_vereist": True}, {"sfb": True}, True, "sfb",
                     "De verordening vereist een structureel functionele beperking (SFB); die is vastgesteld.",
                     id="sfb-voldoet"),
        pytest.param({"sfb_vereist": True}, {"sfb": False}, False, "sfb",
                     "De verordening vereist een structureel functionele beperking (SFB); die is niet vastgesteld.",
                     id="sfb-ontbreekt"),
        pytest.param({"min_contracturen_per_week": D(12)}, {"contracturen_per_week": D(8)}, False, "contracturen",
                     "De verordening vereist een contract van ten minste 12 uur per week; "
                     "het contract is 8 uur per week.", id="contracturen-te-laag"),
        pytest.param({"min_contracturen_per_week": D(12)}, {"contracturen_per_week": D(12)}, True, "contracturen",
                     "De verordening vereist een contract van ten minste 12 uur per week; "
                     "het contract is 12 uur per week.", id="contracturen-op-grens"),
        pytest.param({"min_contractduur_maanden": 6}, {"contract_einddatum": date(2026, 6, 30)}, True, "contractduur",
                     # 1 jan–30 jun 2026 = exactly 6 months
                     "De verordening vereist een contract van ten minste 6 maanden; het contract loopt van "
                     "1 januari 2026 tot en met 30 juni 2026, dat is 6 maanden.", id="contractduur-op-grens"),
        pytest.param({"min_contractduur_maanden": 6}, {"contract_einddatum": date(2026, 6, 29)}, False, "contractduur",
                     # 1 jan–29 jun 2026 = 5 months (to 31 mei) and 29 days
                     "De verordening vereist een contract van ten minste 6 maanden; het contract loopt van "
                     "1 januari 2026 tot en met 29 juni 2026, dat is 5 maanden en 29 dagen.",
                     id="contractduur-een-dag-te-kort"),
        pytest.param({"min_contractduur_maanden": 6}, {"contractduur_maanden": 5}, False, "contractduur",
                     "De verordening vereist een contract van ten minste 6 maanden; het contract duurt 5 maanden.",
                     id="contractduur-opgegeven-te-kort"),
        pytest.param({"min_contractduur_maanden": 6}, {}, True, "contractduur",
                     "De verordening vereist een contract van ten minste 6 maanden; "
                     "het contract is voor onbepaalde tijd.", id="contractduur-onbepaalde-tijd"),
    ],
)
def test_geschiktheid(regel_wijziging, feit_wijziging, voldoet, regel, tekst):
    oordeel = toets_geschiktheid(regels(**regel_wijziging), feiten(**feit_wijziging))
    assert oordeel.voldoet is voldoet
    bevinding = next(b for b in oordeel.bevindingen if b.regel == regel)
    assert bevinding.tekst == tekst
    assert bevinding.voldoet is voldoet
    assert tekst in oordeel.redenen
    assert (tekst in oordeel.gebreken) is (not voldoet)


def test_geschiktheid_zonder_eisen_voldoet_en_noemt_elke_regel():
    oordeel = toets_geschiktheid(regels(), feiten())
    assert oordeel.voldoet
    assert [b.regel for b in oordeel.bevindingen] == [
        "doelgroepregister", "loonwaarde", "sfb", "contracturen", "contractduur"
    ]


# ---------------------------------------------------------------------------------------------------
# Kwaliteit

PEILDATUM = date(2026, 4, 1)
KWALITEITSEISEN = dict(
    geaccepteerde_keurmerken=frozenset({Keurmerk.OVAL, Keurmerk.UWV_ERKENNING}),
    min_opleiding=Opleidingsniveau.HBO,
    jobcoach_niet_klantmanager=True,
)
GOEDE_JOBCOACH = dict(
    peildatum=PEILDATUM,
    keurmerken={Keurmerk.OVAL: date(2026, 12, 31)},
    jobcoach_opleidingsniveau=Opleidingsniveau.HBO,
    jobcoach_is_klantmanager=False,
)


@pytest.mark.parametrize(
    "regel_wijziging, feit_wijziging, voldoet, regel, fragment",
    [
        pytest.param({}, {}, True, "keurmerk",
                     "de jobcoachorganisatie heeft: OVAL-keurmerk (geldig tot en met 31 december 2026)",
                     id="keurmerk-geldig"),
        pytest.param({}, {"keurmerken": {Keurmerk.OVAL: PEILDATUM}}, True, "keurmerk",
                     # valid up to and including 1 april 2026, the peildatum itself
                     "OVAL-keurmerk (geldig tot en met 1 april 2026)", id="keurmerk-laatste-geldige-dag"),
        pytest.param({}, {"keurmerken": {Keurmerk.OVAL: date(2026, 3, 31)}}, False, "keurmerk",
                     # expired on 31 maart: fails from 1 april, the peildatum
                     "OVAL-keurmerk is verlopen (geldig tot en met 31 maart 2026)", id="keurmerk-dag-ervoor-verlopen"),
        pytest.param({}, {"keurmerken": {Keurmerk.OVAL: None}}, True, "keurmerk",
                     "OVAL-keurmerk (zonder einddatum)", id="keurmerk-zonder-einddatum"),
        pytest.param({}, {"keurmerken": {Keurmerk.OVAL: date(2026, 1, 1), Keurmerk.UWV_ERKENNING: date(2027, 1, 1)}},
                     True, "keurmerk", "de jobcoachorganisatie heeft: UWV-erkenning (geldig tot en met 1 januari 2027)",
                     id="een-verlopen-een-geldig"),
        pytest.param({}, {"keurmerken": {Keurmerk.NVS: None}}, False, "keurmerk",
                     "heeft geen daarvan (NVS-beroepenregister telt in deze verordening niet mee)",
                     id="keurmerk-niet-geaccepteerd"),
        pytest.param({}, {"keurmerken": {}}, False, "keurmerk",
                     "een geldig keurmerk of geldige registratie heeft: OVAL-keurmerk of UWV-erkenning; "
                     "de jobcoachorganisatie heeft geen daarvan.", id="keurmerk-ontbreekt"),
        pytest.param({"geaccepteerde_keurmerken": frozenset()}, {"keurmerken": {}}, True, "keurmerk",
                     "De verordening stelt geen eis aan een keurmerk of register.", id="geen-keurmerk-vereist"),
        pytest.param({}, {"jobcoach_opleidingsniveau": Opleidingsniveau.MBO}, False, "opleiding",
                     "ten minste hbo-niveau (werk- en denkniveau); de jobcoach heeft mbo-niveau.",
                     id="opleiding-te-laag"),
        pytest.param({}, {"jobcoach_opleidingsniveau": Opleidingsniveau.WO}, True, "opleiding",
                     "de jobcoach heeft wo-niveau", id="opleiding-hoger"),
        pytest.param({}, {"jobcoach_opleidingsniveau": None}, False, "opleiding",
                     "het opleidingsniveau van de jobcoach is niet bekend", id="opleiding-onbekend"),
        pytest.param({}, {"jobcoach_is_klantmanager": True}, False, "jobcoach_niet_klantmanager",
                     "(handhaving en begeleiding in verschillende handen); hier is de jobcoach ook de klantmanager.",
                     id="jobcoach-is-klantmanager"),
        pytest.param({"jobcoach_niet_klantmanager": False}, {"jobcoach_is_klantmanager": True}, True,
                     "jobcoach_niet_klantmanager", "geen eis aan de scheiding tussen jobcoach en klantmanager",
                     id="klantmanager-regel-uit"),
    ],
)
def test_kwaliteit(regel_wijziging, feit_wijziging, voldoet, regel, fragment):
    oordeel = toets_kwaliteit(
        regels(**{**KWALITEITSEISEN, **regel_wijziging}), feiten(**{**GOEDE_JOBCOACH, **feit_wijziging})
    )
    assert oordeel.voldoet is voldoet
    bevinding = next(b for b in oordeel.bevindingen if b.regel == regel)
    assert bevinding.voldoet is voldoet
    assert fragment in bevinding.tekst


def test_keurmerk_verloopt_de_dag_na_geldig_tot():
    eisen = regels(**KWALITEITSEISEN)
    geldig_tot = date(2026, 6, 30)
    # geldig tot en met 30 juni: valid on 29 and 30 juni, expired from 1 juli
    uitkomsten = [
        toets_kwaliteit(eisen, feiten(**GOEDE_JOBCOACH | {"peildatum": dag, "keurmerken": {Keurmerk.OVAL: geldig_tot}}))
        .voldoet
        for dag in (date(2026, 6, 29), date(2026, 6, 30), date(2026, 7, 1))
    ]
    assert uitkomsten == [True, True, False]


def test_opleidingsniveaus_zijn_geordend():
    assert Opleidingsniveau.MBO < Opleidingsniveau.HBO < Opleidingsniveau.WO
    assert Opleidingsniveau.WO >= Opleidingsniveau.HBO >= Opleidingsniveau.HBO
    assert max(Opleidingsniveau) is Opleidingsniveau.WO


# ---------------------------------------------------------------------------------------------------
# Invalid rule data: every problem gets a clear Dutch message


@pytest.mark.parametrize(
    "wijziging, melding",
    [
        pytest.param({"percentage_regimes": {"midden": (110, 5, 3)}},
                     "Regime 'midden': het percentage voor jaar 1 moet tussen 0 en 100% liggen (opgegeven: 110%).",
                     id="percentage-boven-100"),
        pytest.param({"percentage_regimes": {"midden": (10, -5, 3)}},
                     "Regime 'midden': het percentage voor jaar 2 moet tussen 0 en 100% liggen (opgegeven: -5%).",
                     id="percentage-negatief"),
        pytest.param({"intensiteit_soort": VAST_PCT, "vast_percentage": D(-5)},
                     "Het vaste percentage moet tussen 0 en 100% liggen (opgegeven: -5%).",
                     id="vast-percentage-negatief"),
        pytest.param({"intensiteit_soort": VAST_PCT}, "Het vaste percentage ontbreekt.",
                     id="vast-percentage-ontbreekt"),
        pytest.param({"intensiteit_soort": VAST_PCT, "vast_percentage": "veel"},
                     "Het vaste percentage is geen getal ('veel').", id="vast-percentage-geen-getal"),
        pytest.param({"min_loonwaarde_pct": D(120)},
                     "De minimale loonwaarde moet tussen 0 en 100% liggen (opgegeven: 120%).",
                     id="loonwaarde-boven-100"),
        pytest.param({"min_contracturen_per_week": D(-12)},
                     "Het minimum aantal contracturen per week mag niet negatief zijn (opgegeven: -12 uur).",
                     id="contracturen-negatief"),
        pytest.param({"intensiteit_soort": VASTE_UREN, "vaste_uren": D(-1), "vaste_uren_eenheid": Eenheid.PER_WEEK},
                     "Het vaste aantal uren mag niet negatief zijn (opgegeven: -1 uur).", id="vaste-uren-negatief"),
        pytest.param({"intensiteit_soort": VASTE_UREN, "vaste_uren_eenheid": Eenheid.PER_WEEK},
                     "Het vaste aantal uren ontbreekt.", id="vaste-uren-ontbreken"),
        pytest.param({"max_uren_per_periode": D(-10)},
                     "Het maximum aantal uren per periode mag niet negatief zijn (opgegeven: -10 uur).",
                     id="maximum-negatief"),
        pytest.param({"percentage_regimes": {}},
                     "Bij een percentage per trajectjaar moet ten minste één regime met percentages zijn opgegeven.",
                     id="geen-percentageregimes"),
        pytest.param({"percentage_regimes": {"midden": None}},
                     "Regime 'midden' heeft geen percentages voor jaar 1, jaar 2 en jaar 3 en verder.",
                     id="regime-zonder-percentages"),
        pytest.param({"intensiteit_soort": BANDEN},
                     "Bij regimes met urenbanden moet ten minste één regime met een urenband zijn opgegeven.",
                     id="geen-banden"),
        pytest.param({"intensiteit_soort": BANDEN, "regime_banden": {"licht": None}},
                     "Regime 'licht' heeft geen urenband (minimum en maximum uren per half jaar).",
                     id="regime-zonder-band"),
        pytest.param({"intensiteit_soort": BANDEN, "regime_banden": {"licht": (20, 10)}},
                     "Regime 'licht': het minimum (20 uur) is groter dan het maximum (10 uur).",
                     id="band-min-boven-max"),
        pytest.param({"intensiteit_soort": BANDEN, "regime_banden": {"licht": (-2, 10)}},
                     "Regime 'licht': het minimum aantal uren mag niet negatief zijn (opgegeven: -2 uur).",
                     id="band-negatief"),
        pytest.param({"intensiteit_soort": VASTE_UREN, "vaste_uren": D(1), "vaste_uren_eenheid": "per_maand"},
                     "Onbekende eenheid 'per_maand' voor vaste uren; kies per_week of per_halfjaar.",
                     id="onbekende-eenheid"),
        pytest.param({"intensiteit_soort": VASTE_UREN, "vaste_uren": D(1)},
                     "Bij vaste uren moet de eenheid zijn opgegeven: per_week of per_halfjaar.",
                     id="eenheid-ontbreekt"),
        pytest.param({"intensiteit_soort": "uren_per_maand"},
                     "Onbekende soort intensiteit 'uren_per_maand'; kies uit: percentage_per_jaar, vast_percentage, "
                     "vaste_uren, regime_banden.", id="onbekende-soort"),
        pytest.param({"standaard_max_maanden": 36, "max_totaal_maanden": 30},
                     "Het totale maximum (30 maanden) mag niet kleiner zijn dan de standaard maximale duur "
                     "(36 maanden).",
                     id="totaal-kleiner-dan-standaard"),
        pytest.param({"toekenningsperiode_maanden": 3},
                     "De toekenningsperiode moet 6 of 12 maanden zijn (opgegeven: 3).", id="toekenningsperiode-3"),
        pytest.param({"standaard_max_maanden": 0},
                     "De standaard maximale duur moet ten minste 1 maand zijn (opgegeven: 0).", id="standaard-duur-0"),
        pytest.param({"verlenging_toegestaan": True, "verlenging_bewijs": "  "},
                     "Als verlenging is toegestaan, moet zijn vastgelegd welk bewijs daarvoor nodig is "
                     "(bijvoorbeeld een uitgebreid plan van aanpak).", id="verlenging-zonder-bewijs"),
        pytest.param({"standaard_regime": "zwaar"},
                     "Het standaardregime 'zwaar' komt niet voor in de regimes (zeer_licht, licht, midden, intensief).",
                     id="onbekend-standaardregime"),
        pytest.param({"geaccepteerde_keurmerken": {"ISO"}},
                     "Onbekend keurmerk 'ISO'; kies uit: OVAL, BLIK_OP_WERK, UWV_ERKENNING, NOLOC, NVS.",
                     id="onbekend-keurmerk"),
        pytest.param({"min_opleiding": "phd"}, "Onbekend opleidingsniveau 'phd'; kies uit: mbo, hbo, wo.",
                     id="onbekend-opleidingsniveau"),
    ],
)
def test_ongeldige_regels(wijziging, melding):
    with pytest.raises(RegelFout) as fout:
        regels(**wijziging)
    assert isinstance(fout.value, ValueError)
    assert melding in fout.value.meldingen


def test_alle_problemen_worden_tegelijk_gemeld():
    with pytest.raises(RegelFout) as fout:
        regels(
            percentage_regimes={"midden": (110, 5, 3), "licht": None},
            toekenningsperiode_maanden=3,
            standaard_max_maanden=36,
            max_totaal_maanden=24,
            max_uren_per_periode=D(-1),
        )
    assert len(fout.value.meldingen) == 5
    assert "De toekenningsperiode moet 6 of 12 maanden zijn (opgegeven: 3)." in str(fout.value)


def test_geldige_regels_zonder_problemen_en_met_nederlandse_invoer():
    eisen = regels(intensiteit_soort="vast_percentage", vast_percentage="7,5", min_opleiding="HBO",
                   geaccepteerde_keurmerken={"OVAL"})
    assert eisen.problemen() == []
    assert eisen.vast_percentage == D("7.5")
    assert eisen.min_opleiding is Opleidingsniveau.HBO
    assert eisen.geaccepteerde_keurmerken == frozenset({Keurmerk.OVAL})


def test_ongeldige_casusfeiten():
    with pytest.raises(FeitenFout) as fout:
        feiten(contracturen_per_week=D(-4), loonwaarde_pct=D(101))
    assert fout.value.meldingen == (
        "Het aantal contracturen per week mag niet negatief zijn (opgegeven: -4 uur).",
        "De loonwaarde moet tussen 0 en 100% liggen (opgegeven: 101%).",
    )


# ---------------------------------------------------------------------------------------------------
# The aggregate


@pytest.mark.parametrize(
    "regel_wijziging, feit_wijziging, periode_uren, totaal, einddatum, fragment",
    [
        pytest.param({}, {}, ["62.4", "62.4", "31.2", "31.2"], "187.2", date(2027, 12, 31),
                     # year 1: 2 × 24 × 26 × 10% = 2 × 62,4; year 2: 2 × 24 × 26 × 5% = 2 × 31,2 → 187,2
                     "Totaal over het traject: 62,4 + 62,4 + 31,2 + 31,2 = 187,2 uur.", id="twee-jaar-midden"),
        pytest.param({}, {"contract_einddatum": date(2027, 3, 31)}, ["62.4", "62.4", "14.4"], "139.2",
                     date(2027, 3, 31),
                     # third period 1 jan–31 mrt 2027 = 90 days → 12 weeks: 24 × 12 × 5% = 14,4
                     "Het contract eindigt op 31 maart 2027", id="contract-eindigt-in-jaar-2"),
        pytest.param({"toekenningsperiode_maanden": 12, "standaard_max_maanden": 36}, {"regime": "intensief"},
                     ["187.2", "93.6", "74.9"], "355.7", date(2028, 12, 31),
                     # 24 × 52 × 15% = 187,2; 24 × 52 × 7,5% = 93,6; 24 × 52 × 6% = 74,88 → 74,9; sum 355,7
                     "Totaal over het traject: 187,2 + 93,6 + 74,9 = 355,7 uur.", id="drie-jaarperioden-intensief"),
        pytest.param({}, {"eerdere_perioden": ((date(2025, 4, 1), date(2025, 12, 31)),)},
                     ["46.8", "31.2", "14.4"], "92.4", date(2027, 3, 31),
                     # 9 months used → 15 left, end 31 mrt 2027; year 2 starts 1 apr 2026.
                     # P1: 90 days → 13 weeks y1 + 13 weeks y2 = 31,2 + 15,6 = 46,8; P2: 24 × 26 × 5% = 31,2;
                     # P3: 1 jan–31 mrt 2027 = 12 weeks × 24 × 5% = 14,4
                     "Het traject eindigt op 31 maart 2027", id="resterende-vijftien-maanden"),
        pytest.param({}, {"startdatum": date(2026, 8, 31)}, ["62.4", "62.4", "31.2", "31.2"], "187.2",
                     date(2028, 8, 30),
                     # month ends: periods 31 aug 2026–28 feb 2027 (no 31 feb), 1 mrt–30 aug 2027,
                     # 31 aug 2027–29 feb 2028 (leap year), 1 mrt–30 aug 2028; all full: 26 weeks each
                     # year 2 starts 31 aug 2027 = start of period 3: 62,4 + 62,4 + 31,2 + 31,2 = 187,2
                     "Periode 3, 31 augustus 2027 tot en met 29 februari 2028: 31,2 uur.", id="start-op-maandeinde"),
        pytest.param({"intensiteit_soort": VASTE_UREN, "vaste_uren": D(1), "vaste_uren_eenheid": Eenheid.PER_WEEK,
                      "max_uren_per_periode": D(20)}, {}, ["20", "20", "20", "20"], "80", date(2027, 12, 31),
                     # 1 × 26 = 26 per period, capped at 20; 4 × 20 = 80
                     "begrensd op het maximum van 20 uur per periode", id="vaste-uren-begrensd"),
    ],
)
def test_bereken_traject(regel_wijziging, feit_wijziging, periode_uren, totaal, einddatum, fragment):
    uitkomst = bereken(regels(**regel_wijziging), feiten(**feit_wijziging))
    assert [p.uren for p in uitkomst.periodes] == [D(u) for u in periode_uren]
    assert uitkomst.uren == uitkomst.periodes[0]
    assert uitkomst.totaal_uren == D(totaal)
    assert uitkomst.einddatum == einddatum
    assert uitkomst.periodes[-1].periode_eind == einddatum
    assert fragment in uitkomst.uitleg


def test_bereken_is_compleet_en_json_serialiseerbaar():
    eisen = regels(min_loonwaarde_pct=D(30), **KWALITEITSEISEN)
    casus = feiten(loonwaarde_pct=D(25), **{**GOEDE_JOBCOACH, "peildatum": date(2026, 1, 1)})
    uitkomst = bereken(eisen, casus)

    assert not uitkomst.geschiktheid.voldoet
    assert uitkomst.kwaliteit.voldoet
    assert not uitkomst.toekenbaar
    assert "De verordening vereist een loonwaarde van ten minste 30%; vastgesteld is 25%." in uitkomst.uitleg
    assert "24 uur/week × 26 weken × 10% = 62,4 uur (jaar 1, regime midden)" in uitkomst.uitleg

    opgeslagen = json.loads(json.dumps(uitkomst.as_dict()))
    assert opgeslagen["totaal_uren"] == "187.2"
    assert opgeslagen["einddatum"] == "2027-12-31"
    assert opgeslagen["uren"]["uren"] == "62.4"
    assert opgeslagen["periodes"][0]["periode_start"] == "2026-01-01"
    assert opgeslagen["geschiktheid"]["voldoet"] is False
    assert opgeslagen["toekenbaar"] is False
    assert opgeslagen["uitleg"] == uitkomst.uitleg
    # deterministic: the same input gives byte-for-byte the same stored result
    assert json.dumps(bereken(eisen, casus).as_dict()) == json.dumps(uitkomst.as_dict())


def test_bereken_zonder_resterende_duur():
    uitkomst = bereken(regels(), feiten(eerdere_perioden=((date(2024, 1, 1), date(2025, 12, 31)),)))
    assert uitkomst.periodes == ()
    assert uitkomst.uren is None
    assert uitkomst.totaal_uren == 0
    assert uitkomst.einddatum is None
    assert not uitkomst.toekenbaar
    assert "Er zijn geen perioden toe te kennen; totaal 0 uur." in uitkomst.uitleg
    assert json.loads(json.dumps(uitkomst.as_dict()))["uren"] is None


def test_uwv_regimes_standaardwaarden():
    # REFERENCE.md: zeer licht 3/3/3, licht 6/3/3, midden 10/5/3, intensief 15/7,5/6
    assert {naam: (r.jaar_1, r.jaar_2, r.jaar_3_en_verder) for naam, r in UWV_REGIMES.items()} == {
        "zeer_licht": (D(3), D(3), D(3)),
        "licht": (D(6), D(3), D(3)),
        "midden": (D(10), D(5), D(3)),
        "intensief": (D(15), D("7.5"), D(6)),
    }
