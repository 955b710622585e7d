"""The verordening rule engine: eligibility, quality, intensity and duration of jobcoaching.

Pure Python (standard library only, no Django, no I/O) so it can be unit-tested table by table and
called from views, the besluit and the beschikking alike. Every outcome carries the figure *and* a
Dutch explanation a client can follow ("24 uur/week × 26 weken × 10% = 62,4 uur (jaar 1, regime midden)").

Conventions used throughout:
- dates are calendar dates; every end date is inclusive ("tot en met");
- a term of n months beginning on a day ends the day before the same day-number n months later, or on
  the last day of that month when it is too short (31 januari + 1 maand → 28/29 februari);
- a granting period (toekenningsperiode) is 6 months, counted as 26 weeks of hours, or 12 months (52 weeks);
- hours and percentages are Decimals; hours are rounded to 1 decimal (ROUND_HALF_UP) only at the end of
  a calculation, intermediate figures are shown exactly;
- earlier granted periods (eerdere_perioden) count for the traject year and the maximum duration for the
  part that lies before the startdatum of this traject; overlapping periods count once.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum, StrEnum
from types import MappingProxyType
from typing import Any, Mapping

__all__ = [
    "ENGINE_VERSIE",
    "UWV_REGIMES",
    "Berekening",
    "Bevinding",
    "Casusfeiten",
    "Eenheid",
    "Einddatum",
    "FeitenFout",
    "IntensiteitSoort",
    "Keurmerk",
    "Onderdeel",
    "Opleidingsniveau",
    "Percentageregime",
    "RegelFout",
    "Toetsing",
    "Urenband",
    "Urenberekening",
    "Verlenging",
    "Verordeningsregels",
    "bereken",
    "bereken_einddatum",
    "bereken_periode",
    "bereken_verlenging",
    "einde_termijn",
    "nl_datum",
    "nl_getal",
    "plus_maanden",
    "toets_geschiktheid",
    "toets_kwaliteit",
]

# Stored with every Berekening.as_dict(), so a besluit shows which rules of arithmetic produced it.
ENGINE_VERSIE = 1

_EEN_DAG = timedelta(days=1)
_TIENDE = Decimal("0.1")
_HONDERD = Decimal(100)
_NOMINALE_WEKEN = {6: 26, 12: 52}
_WEKEN_PER_HALF_JAAR = 26


# --------------------------------------------------------------------------------------------------
# Vocabulary


class IntensiteitSoort(StrEnum):
    PERCENTAGE_PER_JAAR = "percentage_per_jaar"
    VAST_PERCENTAGE = "vast_percentage"
    VASTE_UREN = "vaste_uren"
    REGIME_BANDEN = "regime_banden"

    @property
    def label(self) -> str:
        return _SOORT_LABELS[self]


_SOORT_LABELS = {
    IntensiteitSoort.PERCENTAGE_PER_JAAR: "percentage van de contracturen per trajectjaar",
    IntensiteitSoort.VAST_PERCENTAGE: "vast percentage van de contracturen",
    IntensiteitSoort.VASTE_UREN: "vast aantal uren",
    IntensiteitSoort.REGIME_BANDEN: "regimes met urenbanden",
}


class Eenheid(StrEnum):
    """The unit of a fixed number of hours (intensiteit 'vaste_uren')."""

    PER_WEEK = "per_week"
    PER_HALFJAAR = "per_halfjaar"


class Keurmerk(StrEnum):
    OVAL = "OVAL"
    BLIK_OP_WERK = "BLIK_OP_WERK"
    UWV_ERKENNING = "UWV_ERKENNING"
    NOLOC = "NOLOC"
    NVS = "NVS"

    @property
    def label(self) -> str:
        return _KEURMERK_LABELS[self]


_KEURMERK_LABELS = {
    Keurmerk.OVAL: "OVAL-keurmerk",
    Keurmerk.BLIK_OP_WERK: "Blik op Werk-keurmerk",
    Keurmerk.UWV_ERKENNING: "UWV-erkenning",
    Keurmerk.NOLOC: "Noloc-jobcoachregister",
    Keurmerk.NVS: "NVS-beroepenregister",
}


class Opleidingsniveau(Enum):
    """Education level of the jobcoach, ordered MBO < HBO < WO (declaration order)."""

    MBO = "mbo"
    HBO = "hbo"
    WO = "wo"

    @property
    def rang(self) -> int:
        return list(type(self)).index(self)

    @property
    def label(self) -> str:
        return f"{self.value}-niveau"

    def _vergelijkbaar(self, other: object) -> bool:
        return isinstance(other, Opleidingsniveau)

    def __lt__(self, other: object) -> bool:
        return self.rang < other.rang if self._vergelijkbaar(other) else NotImplemented  # type: ignore[union-attr]

    def __le__(self, other: object) -> bool:
        return self.rang <= other.rang if self._vergelijkbaar(other) else NotImplemented  # type: ignore[union-attr]

    def __gt__(self, other: object) -> bool:
        return self.rang > other.rang if self._vergelijkbaar(other) else NotImplemented  # type: ignore[union-attr]

    def __ge__(self, other: object) -> bool:
        return self.rang >= other.rang if self._vergelijkbaar(other) else NotImplemented  # type: ignore[union-attr]


class RegelFout(ValueError):
    """Invalid verordening rule data; `meldingen` holds every problem as a Dutch sentence for a form."""

    def __init__(self, meldingen: list[str] | tuple[str, ...]):
        self.meldingen = tuple(meldingen)
        super().__init__("Ongeldige verordeningsregels: " + " ".join(self.meldingen))


class FeitenFout(ValueError):
    """Invalid or incomplete case facts; `meldingen` holds every problem as a Dutch sentence."""

    def __init__(self, meldingen: list[str] | tuple[str, ...]):
        self.meldingen = tuple(meldingen)
        super().__init__("Ongeldige casusfeiten: " + " ".join(self.meldingen))


# --------------------------------------------------------------------------------------------------
# Dutch formatting and calendar arithmetic

_MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


def nl_getal(waarde: Decimal | int) -> str:
    """Dutch notation, exact and without trailing zeros: 62,4 · 1.248 · 124,8 · 7,5."""
    getal = Decimal(waarde)
    teken = "-" if getal < 0 else ""
    geheel, _, breuk = format(abs(getal), "f").partition(".")
    breuk = breuk.rstrip("0")
    geheel = f"{int(geheel):,}".replace(",", ".")
    if teken and geheel == "0" and not breuk:
        teken = ""
    return f"{teken}{geheel},{breuk}" if breuk else f"{teken}{geheel}"


def nl_datum(datum: date) -> str:
    """'1 januari 2026'."""
    return f"{datum.day} {_MAANDEN[datum.month - 1]} {datum.year}"


def plus_maanden(datum: date, maanden: int) -> date:
    """Calendar month arithmetic, clamped to the month end: 31 januari + 1 maand = 28 (of 29) februari."""
    index = datum.year * 12 + datum.month - 1 + maanden
    jaar, maand = divmod(index, 12)
    laatste_dag = calendar.monthrange(jaar, maand + 1)[1]
    return date(jaar, maand + 1, min(datum.day, laatste_dag))


def einde_termijn(start: date, maanden: int) -> date:
    """Last day (inclusive) of a term of `maanden` months that begins on `start`.

    1 januari + 24 maanden ends on 31 december of the next year; a term of 1 month from 31 januari ends
    on the last day of februari (28 or 29), because februari has no 31st.
    """
    zelfde_dag = plus_maanden(start, maanden)
    if zelfde_dag.day < start.day:  # the target month is too short: the term ends on its last day
        return zelfde_dag
    return zelfde_dag - _EEN_DAG


def _duur(start: date, eind: date) -> tuple[int, int]:
    """Length of start..eind (inclusive) as whole months plus remaining days."""
    maanden = (eind.year - start.year) * 12 + eind.month - start.month + 1  # an upper bound
    while maanden > 0 and einde_termijn(start, maanden) > eind:
        maanden -= 1
    maanden = max(maanden, 0)
    return maanden, (eind - einde_termijn(start, maanden)).days


def _maanden_tekst(maanden: int, dagen: int = 0) -> str:
    tekst = "1 maand" if maanden == 1 else f"{maanden} maanden"
    if dagen:
        tekst += " en 1 dag" if dagen == 1 else f" en {dagen} dagen"
    return tekst


def _weken_tekst(weken: int) -> str:
    return "1 week" if weken == 1 else f"{weken} weken"


def _regime_label(naam: str) -> str:
    return naam.replace("_", " ")


def _rond_af(uren: Decimal) -> Decimal:
    return uren.quantize(_TIENDE, rounding=ROUND_HALF_UP)


def _is_tekst(uren: Decimal) -> str:
    """'= 62,4' for an intermediate figure; '≈ 30,769' when it has more than 3 decimals (e.g. 40 × 20/26)."""
    if uren == uren.quantize(Decimal("0.001")):
        return f"= {nl_getal(uren)}"
    return f"≈ {nl_getal(uren.quantize(Decimal('0.001'), rounding=ROUND_HALF_UP))}"


def _weken_afgerond(dagen: int) -> int:
    """Days to the nearest whole week (half up); used to split a period between traject years."""
    return int((Decimal(dagen) / 7).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --------------------------------------------------------------------------------------------------
# Coercion: forms and fixtures may hand us ints, strings ("7,5") or plain strings for enums.


def _als_decimal(waarde: Any) -> Any:
    """Decimal for numbers and numeric text; anything else is left for validation to report."""
    if waarde is None or isinstance(waarde, (Decimal, bool)):
        return waarde
    if isinstance(waarde, (int, float, str)):
        try:
            getal = Decimal(str(waarde).strip().replace(",", "."))
        except InvalidOperation:
            return waarde
        return getal if getal.is_finite() else waarde
    return waarde


def _als_enum(soort: type[Enum], waarde: Any) -> Any:
    """The enum member for a value or name; anything unknown is left for validation to report."""
    if waarde is None or isinstance(waarde, soort):
        return waarde
    try:
        return soort(waarde)
    except ValueError:
        pass
    if isinstance(waarde, str):
        try:
            return soort[waarde.strip().upper()]
        except KeyError:
            pass
    return waarde


def _is_getal(waarde: Any) -> bool:
    return isinstance(waarde, Decimal) and waarde.is_finite()


def _is_geheel(waarde: Any) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool)


# --------------------------------------------------------------------------------------------------
# Input 1: the rules of one verordening version


@dataclass(frozen=True)
class Percentageregime:
    """A named regime of kind 'percentage_per_jaar': percentage of contract hours per traject year."""

    jaar_1: Decimal
    jaar_2: Decimal
    jaar_3_en_verder: Decimal

    def __post_init__(self) -> None:
        for naam in ("jaar_1", "jaar_2", "jaar_3_en_verder"):
            object.__setattr__(self, naam, _als_decimal(getattr(self, naam)))

    def percentage(self, trajectjaar: int) -> Decimal:
        return (self.jaar_1, self.jaar_2, self.jaar_3_en_verder)[min(trajectjaar, 3) - 1]

    def omschrijving(self) -> str:
        return (
            f"{nl_getal(self.jaar_1)}% in jaar 1, {nl_getal(self.jaar_2)}% in jaar 2, "
            f"{nl_getal(self.jaar_3_en_verder)}% vanaf jaar 3"
        )


@dataclass(frozen=True)
class Urenband:
    """A named regime of kind 'regime_banden': minimum and maximum hours per half year."""

    min_uren: Decimal
    max_uren: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "min_uren", _als_decimal(self.min_uren))
        object.__setattr__(self, "max_uren", _als_decimal(self.max_uren))

    def omschrijving(self) -> str:
        return f"{nl_getal(self.min_uren)} tot {nl_getal(self.max_uren)} uur per half jaar"


# Default data from the UWV jobcoach protocol (predecessor, REFERENCE.md); editable per gemeente.
UWV_REGIMES: Mapping[str, Percentageregime] = MappingProxyType({
    "zeer_licht": Percentageregime(Decimal(3), Decimal(3), Decimal(3)),
    "licht": Percentageregime(Decimal(6), Decimal(3), Decimal(3)),
    "midden": Percentageregime(Decimal(10), Decimal(5), Decimal(3)),
    "intensief": Percentageregime(Decimal(15), Decimal("7.5"), Decimal(6)),
})


def _regimes(waarde: Any, soort: type) -> Mapping[str, Any]:
    """Read-only copy of a regime mapping; tuples such as (10, 5, 3) or (20, 40) become regime objects."""
    resultaat: dict[str, Any] = {}
    for naam, regime in dict(waarde or {}).items():
        if isinstance(regime, (tuple, list)):
            try:
                regime = soort(*regime)
            except TypeError:
                pass  # wrong number of figures: reported by validate()
        resultaat[naam] = regime
    return MappingProxyType(resultaat)


@dataclass(frozen=True, kw_only=True)
class Verordeningsregels:
    """The rules of one verordening version. Construction validates; RegelFout lists every problem."""

    # Geschiktheid (eligibility)
    doelgroepregister_vereist: bool = False
    min_loonwaarde_pct: Decimal | None = None
    sfb_vereist: bool = False
    min_contracturen_per_week: Decimal | None = None
    min_contractduur_maanden: int | None = None

    # Intensiteit
    intensiteit_soort: IntensiteitSoort
    percentage_regimes: Mapping[str, Percentageregime] = field(default_factory=dict)  # percentage_per_jaar
    vast_percentage: Decimal | None = None  # vast_percentage
    vaste_uren: Decimal | None = None  # vaste_uren
    vaste_uren_eenheid: Eenheid | None = None  # vaste_uren
    regime_banden: Mapping[str, Urenband] = field(default_factory=dict)  # regime_banden
    standaard_regime: str | None = None  # used when the case names no regime
    max_uren_per_periode: Decimal | None = None  # absolute cap per granting period

    # Duur
    standaard_max_maanden: int = 24
    toekenningsperiode_maanden: int = 6
    verlenging_toegestaan: bool = False
    verlenging_bewijs: str = ""
    max_totaal_maanden: int | None = None

    # Kwaliteit (an empty set of keurmerken means: no keurmerk required)
    geaccepteerde_keurmerken: frozenset[Keurmerk] = frozenset()
    min_opleiding: Opleidingsniveau | None = None
    jobcoach_niet_klantmanager: bool = True

    def __post_init__(self) -> None:
        zet = object.__setattr__
        for naam in ("min_loonwaarde_pct", "min_contracturen_per_week", "vast_percentage", "vaste_uren",
                     "max_uren_per_periode"):
            zet(self, naam, _als_decimal(getattr(self, naam)))
        zet(self, "intensiteit_soort", _als_enum(IntensiteitSoort, self.intensiteit_soort))
        zet(self, "vaste_uren_eenheid", _als_enum(Eenheid, self.vaste_uren_eenheid))
        zet(self, "min_opleiding", _als_enum(Opleidingsniveau, self.min_opleiding))
        zet(self, "geaccepteerde_keurmerken",
            frozenset(_als_enum(Keurmerk, k) for k in (self.geaccepteerde_keurmerken or ())))
        zet(self, "percentage_regimes", _regimes(self.percentage_regimes, Percentageregime))
        zet(self, "regime_banden", _regimes(self.regime_banden, Urenband))
        self.validate()

    def validate(self) -> None:
        meldingen = self.problemen()
        if meldingen:
            raise RegelFout(meldingen)

    def problemen(self) -> list[str]:
        """Every problem with these rules, as Dutch sentences (empty when valid)."""
        meldingen: list[str] = []
        self._problemen_geschiktheid(meldingen)
        self._problemen_intensiteit(meldingen)
        self._problemen_duur(meldingen)
        self._problemen_kwaliteit(meldingen)
        return meldingen

    def _problemen_geschiktheid(self, meldingen: list[str]) -> None:
        _controleer_percentage(meldingen, "De minimale loonwaarde", self.min_loonwaarde_pct)
        _controleer_uren(meldingen, "Het minimum aantal contracturen per week", self.min_contracturen_per_week)
        _controleer_maanden(meldingen, "De minimale contractduur", self.min_contractduur_maanden, minimum=0)

    def _problemen_intensiteit(self, meldingen: list[str]) -> None:
        soort = self.intensiteit_soort
        if not isinstance(soort, IntensiteitSoort):
            keuzes = ", ".join(s.value for s in IntensiteitSoort)
            meldingen.append(f"Onbekende soort intensiteit '{soort}'; kies uit: {keuzes}.")
        if soort == IntensiteitSoort.PERCENTAGE_PER_JAAR:
            _controleer_percentage_regimes(meldingen, self.percentage_regimes)
        _controleer_percentage(meldingen, "Het vaste percentage", self.vast_percentage,
                               verplicht=soort == IntensiteitSoort.VAST_PERCENTAGE)
        _controleer_uren(meldingen, "Het vaste aantal uren", self.vaste_uren,
                         verplicht=soort == IntensiteitSoort.VASTE_UREN)
        if soort == IntensiteitSoort.VASTE_UREN:
            _controleer_eenheid(meldingen, self.vaste_uren_eenheid)
        if soort == IntensiteitSoort.REGIME_BANDEN:
            _controleer_banden(meldingen, self.regime_banden)
        self._problemen_standaard_regime(meldingen)
        _controleer_uren(meldingen, "Het maximum aantal uren per periode", self.max_uren_per_periode)

    def _problemen_standaard_regime(self, meldingen: list[str]) -> None:
        if self.standaard_regime is None:
            return
        regimes = self.regimes()
        if regimes is None:
            meldingen.append("Een standaardregime past alleen bij een intensiteit met regimes.")
        elif _zoek_regime(self.standaard_regime, regimes) is None:
            meldingen.append(
                f"Het standaardregime '{self.standaard_regime}' komt niet voor in de regimes "
                f"({', '.join(regimes) or 'geen'})."
            )

    def _problemen_duur(self, meldingen: list[str]) -> None:
        if self.standaard_max_maanden is None:
            meldingen.append("De standaard maximale duur ontbreekt.")
        _controleer_maanden(meldingen, "De standaard maximale duur", self.standaard_max_maanden, minimum=1)
        if not _is_geheel(self.toekenningsperiode_maanden) or self.toekenningsperiode_maanden not in _NOMINALE_WEKEN:
            meldingen.append(
                f"De toekenningsperiode moet 6 of 12 maanden zijn (opgegeven: {self.toekenningsperiode_maanden})."
            )
        _controleer_maanden(meldingen, "Het totale maximum", self.max_totaal_maanden, minimum=1)
        if (
            _is_geheel(self.max_totaal_maanden)
            and _is_geheel(self.standaard_max_maanden)
            and self.max_totaal_maanden < self.standaard_max_maanden
        ):
            meldingen.append(
                f"Het totale maximum ({self.max_totaal_maanden} maanden) mag niet kleiner zijn dan de "
                f"standaard maximale duur ({self.standaard_max_maanden} maanden)."
            )
        if self.verlenging_toegestaan and not (self.verlenging_bewijs or "").strip():
            meldingen.append(
                "Als verlenging is toegestaan, moet zijn vastgelegd welk bewijs daarvoor nodig is "
                "(bijvoorbeeld een uitgebreid plan van aanpak)."
            )

    def _problemen_kwaliteit(self, meldingen: list[str]) -> None:
        for keurmerk in sorted(self.geaccepteerde_keurmerken, key=str):
            if not isinstance(keurmerk, Keurmerk):
                meldingen.append(f"Onbekend keurmerk '{keurmerk}'; kies uit: {', '.join(k.value for k in Keurmerk)}.")
        if self.min_opleiding is not None and not isinstance(self.min_opleiding, Opleidingsniveau):
            meldingen.append(f"Onbekend opleidingsniveau '{self.min_opleiding}'; kies uit: mbo, hbo, wo.")

    def regimes(self) -> Mapping[str, Any] | None:
        """The named regimes of this intensity kind, or None when the kind has no regimes."""
        if self.intensiteit_soort == IntensiteitSoort.PERCENTAGE_PER_JAAR:
            return self.percentage_regimes
        if self.intensiteit_soort == IntensiteitSoort.REGIME_BANDEN:
            return self.regime_banden
        return None


def _controleer_percentage(meldingen: list[str], wat: str, waarde: Any, verplicht: bool = False) -> None:
    if waarde is None:
        if verplicht:
            meldingen.append(f"{wat} ontbreekt.")
    elif not _is_getal(waarde):
        meldingen.append(f"{wat} is geen getal ('{waarde}').")
    elif not Decimal(0) <= waarde <= _HONDERD:
        meldingen.append(f"{wat} moet tussen 0 en 100% liggen (opgegeven: {nl_getal(waarde)}%).")


def _controleer_uren(meldingen: list[str], wat: str, waarde: Any, verplicht: bool = False) -> None:
    if waarde is None:
        if verplicht:
            meldingen.append(f"{wat} ontbreekt.")
    elif not _is_getal(waarde):
        meldingen.append(f"{wat} is geen getal ('{waarde}').")
    elif waarde < 0:
        meldingen.append(f"{wat} mag niet negatief zijn (opgegeven: {nl_getal(waarde)} uur).")


def _controleer_maanden(meldingen: list[str], wat: str, waarde: Any, minimum: int) -> None:
    if waarde is None:
        return
    if not _is_geheel(waarde):
        meldingen.append(f"{wat} moet een geheel aantal maanden zijn (opgegeven: '{waarde}').")
    elif waarde < minimum:
        meldingen.append(f"{wat} moet ten minste {_maanden_tekst(minimum)} zijn (opgegeven: {waarde}).")


def _controleer_eenheid(meldingen: list[str], eenheid: Any) -> None:
    keuzes = " of ".join(e.value for e in Eenheid)
    if eenheid is None:
        meldingen.append(f"Bij vaste uren moet de eenheid zijn opgegeven: {keuzes}.")
    elif not isinstance(eenheid, Eenheid):
        meldingen.append(f"Onbekende eenheid '{eenheid}' voor vaste uren; kies {keuzes}.")


def _controleer_percentage_regimes(meldingen: list[str], regimes: Mapping[str, Any]) -> None:
    if not regimes:
        meldingen.append(
            "Bij een percentage per trajectjaar moet ten minste één regime met percentages zijn opgegeven."
        )
    for naam, regime in regimes.items():
        if not isinstance(regime, Percentageregime):
            meldingen.append(f"Regime '{naam}' heeft geen percentages voor jaar 1, jaar 2 en jaar 3 en verder.")
            continue
        for jaar, waarde in (("jaar 1", regime.jaar_1), ("jaar 2", regime.jaar_2),
                             ("jaar 3 en verder", regime.jaar_3_en_verder)):
            _controleer_percentage(meldingen, f"Regime '{naam}': het percentage voor {jaar}", waarde, verplicht=True)


def _controleer_banden(meldingen: list[str], banden: Mapping[str, Any]) -> None:
    if not banden:
        meldingen.append("Bij regimes met urenbanden moet ten minste één regime met een urenband zijn opgegeven.")
    for naam, band in banden.items():
        if not isinstance(band, Urenband):
            meldingen.append(f"Regime '{naam}' heeft geen urenband (minimum en maximum uren per half jaar).")
            continue
        voor = len(meldingen)
        _controleer_uren(meldingen, f"Regime '{naam}': het minimum aantal uren", band.min_uren, verplicht=True)
        _controleer_uren(meldingen, f"Regime '{naam}': het maximum aantal uren", band.max_uren, verplicht=True)
        if len(meldingen) == voor and band.min_uren > band.max_uren:
            meldingen.append(
                f"Regime '{naam}': het minimum ({nl_getal(band.min_uren)} uur) is groter dan "
                f"het maximum ({nl_getal(band.max_uren)} uur)."
            )


def _zoek_regime(naam: str, regimes: Mapping[str, Any]) -> str | None:
    """The key of a regime; 'Zeer licht' finds 'zeer_licht'."""
    if naam in regimes:
        return naam
    genormaliseerd = naam.strip().lower().replace(" ", "_")
    return genormaliseerd if genormaliseerd in regimes else None


# --------------------------------------------------------------------------------------------------
# Input 2: the facts of one case


@dataclass(frozen=True, kw_only=True)
class Casusfeiten:
    """The facts of a case that the rules are applied to. Construction validates (FeitenFout)."""

    contracturen_per_week: Decimal
    startdatum: date  # start of the traject (or of this aanvraag's first period)
    peildatum: date  # the day on which keurmerken must be valid (normally the besluit date)
    contract_startdatum: date | None = None  # default: startdatum
    contract_einddatum: date | None = None  # None: contract voor onbepaalde tijd
    contractduur_maanden: int | None = None  # when given, used instead of the contract dates
    regime: str | None = None
    gevraagde_uren: Decimal | None = None  # per half year, for regime_banden
    eerdere_perioden: tuple[tuple[date, date], ...] = ()
    doelgroepregister: bool = False
    loonwaarde_pct: Decimal | None = None
    sfb: bool = False
    keurmerken: Mapping[Keurmerk, date | None] = field(default_factory=dict)  # geldig tot en met; None: geen einde
    jobcoach_opleidingsniveau: Opleidingsniveau | None = None
    jobcoach_is_klantmanager: bool = False

    def __post_init__(self) -> None:
        zet = object.__setattr__
        for naam in ("contracturen_per_week", "gevraagde_uren", "loonwaarde_pct"):
            zet(self, naam, _als_decimal(getattr(self, naam)))
        zet(self, "jobcoach_opleidingsniveau", _als_enum(Opleidingsniveau, self.jobcoach_opleidingsniveau))
        zet(self, "eerdere_perioden", tuple(tuple(p) for p in self.eerdere_perioden))
        zet(self, "keurmerken",
            MappingProxyType({_als_enum(Keurmerk, k): v for k, v in dict(self.keurmerken or {}).items()}))
        meldingen = self.problemen()
        if meldingen:
            raise FeitenFout(meldingen)

    @property
    def contract_begin(self) -> date:
        return self.contract_startdatum or self.startdatum

    def problemen(self) -> list[str]:
        meldingen: list[str] = []
        if self.contracturen_per_week is None:
            meldingen.append("De contracturen per week ontbreken.")
        else:
            _controleer_uren(meldingen, "Het aantal contracturen per week", self.contracturen_per_week)
        _controleer_percentage(meldingen, "De loonwaarde", self.loonwaarde_pct)
        _controleer_uren(meldingen, "Het gevraagde aantal uren", self.gevraagde_uren)
        _controleer_maanden(meldingen, "De contractduur", self.contractduur_maanden, minimum=0)
        if self.contract_startdatum and self.contract_einddatum and self.contract_einddatum < self.contract_startdatum:
            meldingen.append(
                f"De einddatum van het contract ({nl_datum(self.contract_einddatum)}) ligt vóór de "
                f"begindatum ({nl_datum(self.contract_startdatum)})."
            )
        for periode in self.eerdere_perioden:
            if len(periode) != 2 or periode[1] < periode[0]:
                meldingen.append(f"Eerdere periode {periode}: de einddatum ligt vóór de begindatum of ontbreekt.")
        for keurmerk in self.keurmerken:
            if not isinstance(keurmerk, Keurmerk):
                meldingen.append(f"Onbekend keurmerk '{keurmerk}'.")
        niveau = self.jobcoach_opleidingsniveau
        if niveau is not None and not isinstance(niveau, Opleidingsniveau):
            meldingen.append(f"Onbekend opleidingsniveau '{niveau}'; kies uit: mbo, hbo, wo.")
        return meldingen


# --------------------------------------------------------------------------------------------------
# Outputs


def _uitleg(regels: tuple[str, ...]) -> str:
    return "\n".join(regels)


def _json(waarde: Any) -> Any:
    """JSON-ready copy: Decimals as exact strings, dates ISO, enums by value, dataclasses as dicts."""
    if isinstance(waarde, Decimal):
        return format(waarde, "f")
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, Enum):
        return waarde.value
    if is_dataclass(waarde) and not isinstance(waarde, type):
        resultaat = {f.name: _json(getattr(waarde, f.name)) for f in fields(waarde)}
        if hasattr(waarde, "uitleg"):
            resultaat["uitleg"] = waarde.uitleg
        return resultaat
    if isinstance(waarde, Mapping):
        return {str(_json(k)): _json(v) for k, v in waarde.items()}
    if isinstance(waarde, (list, tuple)):
        return [_json(v) for v in waarde]
    if isinstance(waarde, (set, frozenset)):
        return sorted(_json(v) for v in waarde)
    return waarde


@dataclass(frozen=True)
class Bevinding:
    """One rule checked: its code, whether the case meets it, and the sentence naming the rule."""

    regel: str
    voldoet: bool
    tekst: str


@dataclass(frozen=True)
class Toetsing:
    """Verdict of a check (geschiktheid or kwaliteit) with one finding per rule."""

    voldoet: bool
    bevindingen: tuple[Bevinding, ...]

    @property
    def redenen(self) -> tuple[str, ...]:
        return tuple(b.tekst for b in self.bevindingen)

    @property
    def gebreken(self) -> tuple[str, ...]:
        """Only the rules that are not met."""
        return tuple(b.tekst for b in self.bevindingen if not b.voldoet)

    @property
    def uitlegregels(self) -> tuple[str, ...]:
        return self.redenen

    @property
    def uitleg(self) -> str:
        return _uitleg(self.redenen)

    def as_dict(self) -> dict[str, Any]:
        return _json(self)


@dataclass(frozen=True)
class Onderdeel:
    """One line of an hour calculation, e.g. the part of a period that falls in traject year 2."""

    trajectjaar: int | None
    weken: int
    uren: Decimal  # exact, not rounded
    berekening: str


@dataclass(frozen=True)
class Urenberekening:
    """Hours granted for one granting period."""

    periode_start: date
    periode_eind: date
    weken: int
    uren: Decimal  # rounded to 1 decimal, after the cap
    berekende_uren: Decimal  # rounded to 1 decimal, before the cap
    begrensd: bool
    onderdelen: tuple[Onderdeel, ...]
    uitlegregels: tuple[str, ...]

    @property
    def uitleg(self) -> str:
        return _uitleg(self.uitlegregels)

    def as_dict(self) -> dict[str, Any]:
        return _json(self)


@dataclass(frozen=True)
class Einddatum:
    """End date (inclusive) of the traject; None when no time is left within the standard maximum."""

    datum: date | None
    standaard_einddatum: date | None  # before the contract end is applied
    resterende_maanden: int
    eerder_gebruikt_maanden: int
    eerder_gebruikt_dagen: int
    begrensd_door_contract: bool
    uitlegregels: tuple[str, ...]

    @property
    def uitleg(self) -> str:
        return _uitleg(self.uitlegregels)

    def as_dict(self) -> dict[str, Any]:
        return _json(self)


@dataclass(frozen=True)
class Verlenging:
    """Whether an extension beyond the standard maximum duration is allowed."""

    toegestaan: bool
    gevraagde_maanden: int
    max_resterend_maanden: int | None  # None: the verordening sets no total maximum
    vereist_bewijs: str
    nieuwe_einddatum: date | None
    uitlegregels: tuple[str, ...]

    @property
    def uitleg(self) -> str:
        return _uitleg(self.uitlegregels)

    def as_dict(self) -> dict[str, Any]:
        return _json(self)


@dataclass(frozen=True)
class Berekening:
    """Everything the UI, the besluit and the beschikking show for one case under one verordening."""

    geschiktheid: Toetsing
    kwaliteit: Toetsing
    uren: Urenberekening | None  # the first granting period
    periodes: tuple[Urenberekening, ...]  # every granting period until the einddatum
    totaal_uren: Decimal
    einddatum: date | None
    duur: Einddatum
    uitlegregels: tuple[str, ...]

    @property
    def toekenbaar(self) -> bool:
        """Eligible, quality requirements met and some duration left."""
        return self.geschiktheid.voldoet and self.kwaliteit.voldoet and bool(self.periodes)

    @property
    def uitleg(self) -> str:
        return _uitleg(self.uitlegregels)

    def as_dict(self) -> dict[str, Any]:
        resultaat = _json(self)
        resultaat["toekenbaar"] = self.toekenbaar
        resultaat["engine_versie"] = ENGINE_VERSIE
        return resultaat


# --------------------------------------------------------------------------------------------------
# Time already used: earlier periods before the startdatum


@dataclass(frozen=True)
class _Gebruik:
    perioden: tuple[tuple[date, date], ...]
    maanden: int
    dagen: int

    def omschrijving(self) -> str:
        if not self.perioden:
            return "geen"
        lijst = "; ".join(f"{nl_datum(s)} tot en met {nl_datum(e)}" for s, e in self.perioden)
        return f"{_maanden_tekst(self.maanden, self.dagen)} ({lijst})"


def _eerder_gebruik(feiten: Casusfeiten) -> _Gebruik:
    """Earlier periods, clipped to before the startdatum and merged where they overlap."""
    voor_start = feiten.startdatum - _EEN_DAG
    geknipt = sorted((s, min(e, voor_start)) for s, e in feiten.eerdere_perioden if s <= voor_start)
    samengevoegd: list[tuple[date, date]] = []
    for start, eind in geknipt:
        if samengevoegd and start <= samengevoegd[-1][1]:
            samengevoegd[-1] = (samengevoegd[-1][0], max(samengevoegd[-1][1], eind))
        else:
            samengevoegd.append((start, eind))
    maanden = dagen = 0
    for start, eind in samengevoegd:
        m, d = _duur(start, eind)
        maanden, dagen = maanden + m, dagen + d
    return _Gebruik(tuple(samengevoegd), maanden, dagen)


def _begin_trajectjaar(feiten: Casusfeiten, gebruik: _Gebruik, jaar: int) -> date:
    """First day of traject year `jaar`, with the time granted before the startdatum counted."""
    laatste_dag_ervoor = einde_termijn(feiten.startdatum, 12 * (jaar - 1) - gebruik.maanden)
    return laatste_dag_ervoor + _EEN_DAG - timedelta(days=gebruik.dagen)


def _trajectjaar_op(feiten: Casusfeiten, gebruik: _Gebruik, dag: date) -> int:
    jaar = 1
    while _begin_trajectjaar(feiten, gebruik, jaar + 1) <= dag:
        jaar += 1
    return jaar


# --------------------------------------------------------------------------------------------------
# Geschiktheid and kwaliteit


def toets_geschiktheid(regels: Verordeningsregels, feiten: Casusfeiten) -> Toetsing:
    """Check the eligibility rules of the verordening; every rule gives one finding."""
    bevindingen = (
        _toets_doelgroepregister(regels, feiten),
        _toets_loonwaarde(regels, feiten),
        _toets_sfb(regels, feiten),
        _toets_contracturen(regels, feiten),
        _toets_contractduur(regels, feiten),
    )
    return Toetsing(all(b.voldoet for b in bevindingen), bevindingen)


def _toets_doelgroepregister(regels: Verordeningsregels, feiten: Casusfeiten) -> Bevinding:
    if not regels.doelgroepregister_vereist:
        return Bevinding("doelgroepregister", True,
                         "De verordening vereist geen inschrijving in het Doelgroepregister.")
    stand = "is ingeschreven" if feiten.doelgroepregister else "is niet ingeschreven"
    return Bevinding("doelgroepregister", feiten.doelgroepregister,
                     f"De verordening vereist inschrijving in het Doelgroepregister; de werknemer {stand}.")


def _toets_loonwaarde(regels: Verordeningsregels, feiten: Casusfeiten) -> Bevinding:
    minimum = regels.min_loonwaarde_pct
    if minimum is None:
        return Bevinding("loonwaarde", True, "De verordening stelt geen minimale loonwaarde.")
    eis = f"De verordening vereist een loonwaarde van ten minste {nl_getal(minimum)}%"
    if feiten.loonwaarde_pct is None:
        return Bevinding("loonwaarde", False, f"{eis}; er is geen loonwaarde vastgesteld.")
    return Bevinding("loonwaarde", feiten.loonwaarde_pct >= minimum,
                     f"{eis}; vastgesteld is {nl_getal(feiten.loonwaarde_pct)}%.")


def _toets_sfb(regels: Verordeningsregels, feiten: Casusfeiten) -> Bevinding:
    if not regels.sfb_vereist:
        return Bevinding("sfb", True, "De verordening vereist geen structureel functionele beperking (SFB).")
    stand = "die is vastgesteld" if feiten.sfb else "die is niet vastgesteld"
    return Bevinding("sfb", feiten.sfb,
                     f"De verordening vereist een structureel functionele beperking (SFB); {stand}.")


def _toets_contracturen(regels: Verordeningsregels, feiten: Casusfeiten) -> Bevinding:
    minimum = regels.min_contracturen_per_week
    if minimum is None:
        return Bevinding("contracturen", True, "De verordening stelt geen minimum aan de contracturen per week.")
    return Bevinding(
        "contracturen", feiten.contracturen_per_week >= minimum,
        f"De verordening vereist een contract van ten minste {nl_getal(minimum)} uur per week; "
        f"het contract is {nl_getal(feiten.contracturen_per_week)} uur per week.",
    )


def _toets_contractduur(regels: Verordeningsregels, feiten: Casusfeiten) -> Bevinding:
    minimum = regels.min_contractduur_maanden
    if minimum is None:
        return Bevinding("contractduur", True, "De verordening stelt geen minimale contractduur.")
    eis = f"De verordening vereist een contract van ten minste {_maanden_tekst(minimum)}"
    if feiten.contractduur_maanden is not None:
        return Bevinding("contractduur", feiten.contractduur_maanden >= minimum,
                         f"{eis}; het contract duurt {_maanden_tekst(feiten.contractduur_maanden)}.")
    if feiten.contract_einddatum is None:
        return Bevinding("contractduur", True, f"{eis}; het contract is voor onbepaalde tijd.")
    maanden, dagen = _duur(feiten.contract_begin, feiten.contract_einddatum)
    return Bevinding(
        "contractduur", maanden >= minimum,
        f"{eis}; het contract loopt van {nl_datum(feiten.contract_begin)} tot en met "
        f"{nl_datum(feiten.contract_einddatum)}, dat is {_maanden_tekst(maanden, dagen)}.",
    )


def toets_kwaliteit(regels: Verordeningsregels, feiten: Casusfeiten) -> Toetsing:
    """Check the quality requirements for the jobcoach and the jobcoachorganisatie on the peildatum."""
    bevindingen = (
        _toets_keurmerk(regels, feiten),
        _toets_opleiding(regels, feiten),
        _toets_klantmanager(regels, feiten),
    )
    return Toetsing(all(b.voldoet for b in bevindingen), bevindingen)


def _geldig_tot_tekst(geldig_tot: date | None) -> str:
    return "zonder einddatum" if geldig_tot is None else f"geldig tot en met {nl_datum(geldig_tot)}"


def _toets_keurmerk(regels: Verordeningsregels, feiten: Casusfeiten) -> Bevinding:
    geaccepteerd = [k for k in Keurmerk if k in regels.geaccepteerde_keurmerken]
    if not geaccepteerd:
        return Bevinding("keurmerk", True, "De verordening stelt geen eis aan een keurmerk of register.")
    eis = (
        f"De verordening vereist dat de jobcoachorganisatie op de peildatum ({nl_datum(feiten.peildatum)}) "
        f"een geldig keurmerk of geldige registratie heeft: {' of '.join(k.label for k in geaccepteerd)}"
    )
    aanwezig = [(k, feiten.keurmerken[k]) for k in geaccepteerd if k in feiten.keurmerken]
    # Valid up to and including its valid-until date; expired from the day after.
    geldig = [(k, tot) for k, tot in aanwezig if tot is None or feiten.peildatum <= tot]
    if geldig:
        lijst = ", ".join(f"{k.label} ({_geldig_tot_tekst(tot)})" for k, tot in geldig)
        return Bevinding("keurmerk", True, f"{eis}; de jobcoachorganisatie heeft: {lijst}.")
    if aanwezig:
        lijst = ", ".join(f"{k.label} is verlopen ({_geldig_tot_tekst(tot)})" for k, tot in aanwezig)
        return Bevinding("keurmerk", False, f"{eis}; {lijst}.")
    tekst = f"{eis}; de jobcoachorganisatie heeft geen daarvan"
    overig = [k for k in Keurmerk if k in feiten.keurmerken]
    if overig:
        tekst += f" ({', '.join(k.label for k in overig)} telt in deze verordening niet mee)"
    return Bevinding("keurmerk", False, tekst + ".")


def _toets_opleiding(regels: Verordeningsregels, feiten: Casusfeiten) -> Bevinding:
    minimum = regels.min_opleiding
    if minimum is None:
        return Bevinding("opleiding", True, "De verordening stelt geen eis aan het opleidingsniveau van de jobcoach.")
    eis = f"De verordening vereist voor de jobcoach ten minste {minimum.label} (werk- en denkniveau)"
    niveau = feiten.jobcoach_opleidingsniveau
    if niveau is None:
        return Bevinding("opleiding", False, f"{eis}; het opleidingsniveau van de jobcoach is niet bekend.")
    return Bevinding("opleiding", niveau >= minimum, f"{eis}; de jobcoach heeft {niveau.label}.")


def _toets_klantmanager(regels: Verordeningsregels, feiten: Casusfeiten) -> Bevinding:
    if not regels.jobcoach_niet_klantmanager:
        return Bevinding("jobcoach_niet_klantmanager", True,
                         "De verordening stelt geen eis aan de scheiding tussen jobcoach en klantmanager.")
    stand = "hier is de jobcoach ook de klantmanager" if feiten.jobcoach_is_klantmanager else \
        "de jobcoach is niet de klantmanager"
    return Bevinding(
        "jobcoach_niet_klantmanager", not feiten.jobcoach_is_klantmanager,
        "De verordening bepaalt dat de jobcoach niet ook de klantmanager is "
        f"(handhaving en begeleiding in verschillende handen); {stand}.",
    )


# --------------------------------------------------------------------------------------------------
# Hours for one granting period


def bereken_periode(regels: Verordeningsregels, feiten: Casusfeiten, periode_start: date) -> Urenberekening:
    """Hours for the granting period that begins on `periode_start` (pro rata if the contract ends in it)."""
    if periode_start < feiten.startdatum:
        raise FeitenFout([
            f"De periode kan niet vóór de startdatum van het traject ({nl_datum(feiten.startdatum)}) beginnen."
        ])
    eind = einde_termijn(periode_start, regels.toekenningsperiode_maanden)
    return _periode_uren(regels, feiten, periode_start, eind, feiten.contract_einddatum, "Het contract eindigt")


def _periode_uren(
    regels: Verordeningsregels, feiten: Casusfeiten, start: date, eind: date, grens: date | None, grens_tekst: str
) -> Urenberekening:
    nominaal = _NOMINALE_WEKEN[regels.toekenningsperiode_maanden]
    uitleg = [
        f"Periode van {nl_datum(start)} tot en met {nl_datum(eind)}: "
        f"{regels.toekenningsperiode_maanden} maanden, gerekend als {nominaal} weken."
    ]
    weken = nominaal
    if grens is not None and grens < eind:
        eind, weken = _naar_rato(start, eind, grens, grens_tekst, nominaal, uitleg)

    onderdelen = _onderdelen(regels, feiten, start, eind, weken, uitleg)
    uitleg.extend(o.berekening for o in onderdelen)
    exact = sum((o.uren for o in onderdelen), Decimal(0))
    if len(onderdelen) > 1:
        delen = " + ".join(_is_tekst(o.uren)[2:] for o in onderdelen)
        uitleg.append(f"Samen: {delen} {_is_tekst(exact)} uur.")
    berekend = _rond_af(exact)
    if berekend != exact:
        uitleg.append(f"Afgerond op één decimaal: {nl_getal(berekend)} uur.")

    uren, begrensd = berekend, False
    cap = regels.max_uren_per_periode
    if cap is not None and berekend > cap:
        uren, begrensd = _rond_af(cap), True
        uitleg.append(
            f"De uitkomst van {nl_getal(berekend)} uur is begrensd op het maximum van "
            f"{nl_getal(cap)} uur per periode."
        )
    uitleg.append(f"Toegekend voor deze periode: {nl_getal(uren)} uur.")
    return Urenberekening(start, eind, weken, uren, berekend, begrensd, tuple(onderdelen), tuple(uitleg))


def _naar_rato(
    start: date, eind: date, grens: date, grens_tekst: str, nominaal: int, uitleg: list[str]
) -> tuple[date, int]:
    """Shorten a period to `grens`: whole days divided by 7, rounded down to whole weeks."""
    if grens < start:
        uitleg.append(f"{grens_tekst} op {nl_datum(grens)}, vóór het begin van deze periode: geen uren.")
        return grens, 0
    dagen = (grens - start).days + 1
    weken = min(nominaal, dagen // 7)
    uitleg.append(
        f"{grens_tekst} op {nl_datum(grens)}, vóór het einde van de periode ({nl_datum(eind)}): naar rato "
        f"{dagen} dagen / 7 = {_weken_tekst(weken)} (naar beneden afgerond op hele weken) in plaats van {nominaal}."
    )
    return grens, weken


def _onderdelen(
    regels: Verordeningsregels, feiten: Casusfeiten, start: date, eind: date, weken: int, uitleg: list[str]
) -> list[Onderdeel]:
    soort = regels.intensiteit_soort
    if soort == IntensiteitSoort.PERCENTAGE_PER_JAAR:
        return _uren_percentage_per_jaar(regels, feiten, start, eind, weken, uitleg)
    if soort == IntensiteitSoort.VAST_PERCENTAGE:
        return [_uren_vast_percentage(regels, feiten, weken)]
    if soort == IntensiteitSoort.VASTE_UREN:
        return [_uren_vast(regels, weken)]
    return [_uren_regime_band(regels, feiten, weken, uitleg)]


def _kies_regime(regels: Verordeningsregels, feiten: Casusfeiten, uitleg: list[str]) -> str:
    """The regime named in the case, or the verordening's standaardregime when none is named."""
    regimes = regels.regimes() or {}
    naam = feiten.regime
    if naam is None:
        if regels.standaard_regime is None:
            raise FeitenFout([f"Kies een regime; de verordening kent: {', '.join(regimes)}."])
        naam = regels.standaard_regime
        uitleg.append(f"Er is geen regime gekozen; het standaardregime van de verordening is "
                      f"{_regime_label(_zoek_regime(naam, regimes) or naam)}.")
    sleutel = _zoek_regime(naam, regimes)
    if sleutel is None:
        raise FeitenFout([f"Onbekend regime '{naam}'; de verordening kent: {', '.join(regimes)}."])
    return sleutel


def _uren_percentage_per_jaar(
    regels: Verordeningsregels, feiten: Casusfeiten, start: date, eind: date, weken: int, uitleg: list[str]
) -> list[Onderdeel]:
    naam = _kies_regime(regels, feiten, uitleg)
    regime: Percentageregime = regels.percentage_regimes[naam]
    uitleg.append(f"Regime {_regime_label(naam)}: {regime.omschrijving()}.")
    gebruik = _eerder_gebruik(feiten)
    stukken = _splits_per_trajectjaar(feiten, gebruik, start, eind, weken)
    uitleg.append(_trajectjaar_uitleg(feiten, gebruik, stukken))
    onderdelen = []
    for jaar, stuk_weken in stukken:
        pct = regime.percentage(jaar)
        uren = feiten.contracturen_per_week * stuk_weken * pct / _HONDERD
        regel = (
            f"{nl_getal(feiten.contracturen_per_week)} uur/week × {_weken_tekst(stuk_weken)} × {nl_getal(pct)}% "
            f"{_is_tekst(uren)} uur (jaar {jaar}, regime {_regime_label(naam)})"
        )
        onderdelen.append(Onderdeel(jaar, stuk_weken, uren, regel))
    return onderdelen


def _splits_per_trajectjaar(
    feiten: Casusfeiten, gebruik: _Gebruik, start: date, eind: date, weken: int
) -> list[tuple[int, int]]:
    """Divide the weeks of a period over the traject years it touches, pro rata by days, in whole weeks."""
    eerste_jaar = _trajectjaar_op(feiten, gebruik, start)
    grenzen = []
    jaar = eerste_jaar + 1
    while (begin := _begin_trajectjaar(feiten, gebruik, jaar)) <= eind:
        grenzen.append(begin)
        jaar += 1
    tot_grens = [min(weken, _weken_afgerond((g - start).days)) for g in grenzen]
    cumulatief = [0, *tot_grens, weken]
    stukken = [
        (eerste_jaar + i, cumulatief[i + 1] - cumulatief[i])
        for i in range(len(cumulatief) - 1)
        if cumulatief[i + 1] > cumulatief[i]
    ]
    return stukken or [(eerste_jaar, weken)]


def _trajectjaar_uitleg(feiten: Casusfeiten, gebruik: _Gebruik, stukken: list[tuple[int, int]]) -> str:
    basis = f"trajectjaren tellen vanaf de startdatum {nl_datum(feiten.startdatum)}"
    if gebruik.perioden:
        basis += f", met de eerder toegekende {_maanden_tekst(gebruik.maanden, gebruik.dagen)} meegeteld"
    if len(stukken) == 1:
        return f"Deze periode valt in trajectjaar {stukken[0][0]} ({basis})."
    jaren = " en ".join(f"deels in jaar {jaar} ({_weken_tekst(w)})" for jaar, w in stukken)
    begin = ", ".join(
        f"jaar {jaar} begint op {nl_datum(_begin_trajectjaar(feiten, gebruik, jaar))}" for jaar, _ in stukken[1:]
    )
    return (
        f"Deze periode valt {jaren}; {begin} ({basis}). "
        "De uren zijn naar rato van de weken over de trajectjaren verdeeld."
    )


def _uren_vast_percentage(regels: Verordeningsregels, feiten: Casusfeiten, weken: int) -> Onderdeel:
    pct = regels.vast_percentage
    uren = feiten.contracturen_per_week * weken * pct / _HONDERD
    regel = (
        f"{nl_getal(feiten.contracturen_per_week)} uur/week × {_weken_tekst(weken)} × {nl_getal(pct)}% "
        f"{_is_tekst(uren)} uur (vast percentage van de contracturen)"
    )
    return Onderdeel(None, weken, uren, regel)


def _per_half_jaar(per_half_jaar: Decimal, weken: int, toelichting: str) -> Onderdeel:
    """Hours set per half year (26 weeks), scaled to the weeks of the period."""
    uren = per_half_jaar * weken / _WEKEN_PER_HALF_JAAR
    if weken == _WEKEN_PER_HALF_JAAR:
        regel = f"{nl_getal(per_half_jaar)} uur per half jaar (26 weken) {_is_tekst(uren)} uur ({toelichting})"
    else:
        regel = (
            f"{nl_getal(per_half_jaar)} uur per half jaar × {weken}/26 weken {_is_tekst(uren)} uur ({toelichting})"
        )
    return Onderdeel(None, weken, uren, regel)


def _uren_vast(regels: Verordeningsregels, weken: int) -> Onderdeel:
    if regels.vaste_uren_eenheid == Eenheid.PER_HALFJAAR:
        return _per_half_jaar(regels.vaste_uren, weken, "vast aantal uren per half jaar")
    uren = regels.vaste_uren * weken
    regel = (
        f"{nl_getal(regels.vaste_uren)} uur/week × {_weken_tekst(weken)} {_is_tekst(uren)} uur "
        "(vast aantal uren per week)"
    )
    return Onderdeel(None, weken, uren, regel)


def _uren_regime_band(regels: Verordeningsregels, feiten: Casusfeiten, weken: int, uitleg: list[str]) -> Onderdeel:
    """The band maximum, unless a lower figure is asked."""
    naam = _kies_regime(regels, feiten, uitleg)
    band: Urenband = regels.regime_banden[naam]
    label = _regime_label(naam)
    gevraagd = feiten.gevraagde_uren
    if gevraagd is not None and gevraagd < band.max_uren:
        basis = gevraagd
        uitleg.append(
            f"Regime {label}: {band.omschrijving()}. Gevraagd is {nl_getal(gevraagd)} uur per half jaar, "
            f"minder dan het maximum; uitgegaan wordt van de gevraagde {nl_getal(gevraagd)} uur."
        )
        if gevraagd < band.min_uren:
            uitleg.append(
                f"Let op: dat is minder dan de ondergrens van {nl_getal(band.min_uren)} uur van regime {label}."
            )
    else:
        basis = band.max_uren
        tekst = (
            f"Regime {label}: {band.omschrijving()}; uitgegaan wordt van het maximum van de band, "
            f"{nl_getal(basis)} uur."
        )
        if gevraagd is not None and gevraagd > band.max_uren:
            tekst += f" Gevraagd is {nl_getal(gevraagd)} uur; meer dan het maximum kan niet worden toegekend."
        uitleg.append(tekst)
    return _per_half_jaar(basis, weken, f"regime {label}")


# --------------------------------------------------------------------------------------------------
# Duration and extension


def bereken_einddatum(regels: Verordeningsregels, feiten: Casusfeiten) -> Einddatum:
    """End date: startdatum + the standard maximum minus earlier periods, never past the contract end."""
    gebruik = _eerder_gebruik(feiten)
    maximum = regels.standaard_max_maanden
    uitleg = [f"De verordening staat standaard ten hoogste {_maanden_tekst(maximum)} jobcoaching toe."]
    rest = maximum - gebruik.maanden
    if gebruik.perioden:
        uitleg.append(f"Eerder toegekend: {gebruik.omschrijving()}.")
        min_dagen = f", min {gebruik.dagen} dagen" if gebruik.dagen else ""
        uitleg.append(f"Resterend: {maximum} − {gebruik.maanden} = {_maanden_tekst(max(rest, 0))}{min_dagen}.")

    standaard = einde_termijn(feiten.startdatum, rest) - timedelta(days=gebruik.dagen) if rest > 0 else None
    if standaard is None or standaard < feiten.startdatum:
        uitleg.append(_geen_duur_tekst(regels))
        return Einddatum(None, None, max(rest, 0), gebruik.maanden, gebruik.dagen, False, tuple(uitleg))

    uitleg.append(_termijn_tekst(feiten.startdatum, rest, gebruik.dagen, standaard))
    datum, begrensd = standaard, False
    contract_eind = feiten.contract_einddatum
    if contract_eind is None:
        uitleg.append("Het contract is voor onbepaalde tijd; dat begrenst de einddatum niet.")
    elif contract_eind < feiten.startdatum:
        uitleg.append(f"Het contract eindigt op {nl_datum(contract_eind)}, vóór de startdatum; er resteert geen duur.")
        return Einddatum(None, standaard, rest, gebruik.maanden, gebruik.dagen, True, tuple(uitleg))
    elif contract_eind < standaard:
        datum, begrensd = contract_eind, True
        uitleg.append(
            f"Het contract eindigt op {nl_datum(contract_eind)}, eerder dan {nl_datum(standaard)}; "
            "het traject eindigt daarom met het contract."
        )
    else:
        uitleg.append(f"Het contract loopt tot en met {nl_datum(contract_eind)}; dat begrenst de einddatum niet.")
    uitleg.append(f"Einddatum van het traject: {nl_datum(datum)}.")
    return Einddatum(datum, standaard, rest, gebruik.maanden, gebruik.dagen, begrensd, tuple(uitleg))


def _termijn_tekst(start: date, maanden: int, min_dagen: int, eind: date) -> str:
    tekst = (
        f"Binnen de standaard maximale duur loopt het traject van {nl_datum(start)} tot en met "
        f"{nl_datum(eind)} ({_maanden_tekst(maanden)}"
    )
    tekst += f" min {min_dagen} dagen)." if min_dagen else ")."
    zelfde_dag = plus_maanden(start, maanden)
    if zelfde_dag.day < start.day:  # explain the month-end rule where it applies
        maand = _MAANDEN[zelfde_dag.month - 1]
        tekst += (
            f" {maand.capitalize()} {zelfde_dag.year} heeft geen {start.day}e dag; "
            "de termijn eindigt op de laatste dag van die maand."
        )
    return tekst


def _geen_duur_tekst(regels: Verordeningsregels) -> str:
    tekst = "Binnen de standaard maximale duur resteert geen tijd meer"
    if regels.verlenging_toegestaan:
        return tekst + "; alleen een verlenging is nog mogelijk."
    return tekst + "; de verordening staat geen verlenging toe."


def bereken_verlenging(regels: Verordeningsregels, feiten: Casusfeiten, gevraagde_maanden: int) -> Verlenging:
    """Whether `gevraagde_maanden` of extension beyond the standard maximum is allowed, and what remains."""
    if not _is_geheel(gevraagde_maanden) or gevraagde_maanden < 1:
        raise FeitenFout([f"De gevraagde verlenging moet ten minste 1 maand zijn (opgegeven: {gevraagde_maanden})."])
    standaard = regels.standaard_max_maanden
    bewijs = (regels.verlenging_bewijs or "").strip()
    if not regels.verlenging_toegestaan:
        tekst = (f"De verordening staat geen verlenging toe na de standaard maximale duur van "
                 f"{_maanden_tekst(standaard)}; de gevraagde verlenging van {_maanden_tekst(gevraagde_maanden)} "
                 "wordt geweigerd.")
        return Verlenging(False, gevraagde_maanden, 0, bewijs, None, (tekst,))

    gebruik = _eerder_gebruik(feiten)
    uitleg = [f"De verordening staat verlenging toe na de standaard maximale duur van {_maanden_tekst(standaard)}."]
    basis = _verlenging_basis(standaard, gebruik, uitleg)
    maximum = regels.max_totaal_maanden
    if maximum is None:
        rest = None
        uitleg.append("De verordening stelt geen maximum aan de totale duur.")
    else:
        rest = max(maximum - basis, 0)
        uitleg.append(f"Ten hoogste {_maanden_tekst(maximum)} in totaal: resterend {maximum} − {basis} = "
                      f"{_maanden_tekst(rest)} voor verlenging.")

    if rest is not None and gevraagde_maanden > rest:
        uitleg.append(
            f"De gevraagde verlenging van {_maanden_tekst(gevraagde_maanden)} gaat "
            f"{_maanden_tekst(gevraagde_maanden - rest)} over het maximum van {_maanden_tekst(maximum)} in totaal "
            f"en wordt daarom geweigerd; ten hoogste {_maanden_tekst(rest)} is mogelijk."
        )
        return Verlenging(False, gevraagde_maanden, rest, bewijs, None, tuple(uitleg))

    uitleg.append(f"De gevraagde verlenging van {_maanden_tekst(gevraagde_maanden)} is toegestaan, "
                  f"mits onderbouwd met: {bewijs}.")
    nieuwe_einddatum = _einddatum_na_verlenging(regels, feiten, gebruik, gevraagde_maanden, uitleg)
    return Verlenging(True, gevraagde_maanden, rest, bewijs, nieuwe_einddatum, tuple(uitleg))


def _verlenging_basis(standaard: int, gebruik: _Gebruik, uitleg: list[str]) -> int:
    """Months counted before the extension: the standard maximum, or more if more was granted already."""
    gebruikt = gebruik.maanden + (1 if gebruik.dagen else 0)  # a part of a month counts as a whole month
    if gebruikt > standaard:
        uitleg.append(f"Eerder toegekend: {gebruik.omschrijving()}; meegeteld als {_maanden_tekst(gebruikt)}"
                      + (" (een deel van een maand telt als hele maand)." if gebruik.dagen else "."))
        return gebruikt
    uitleg.append(f"Voor de verlenging telt de standaardduur van {_maanden_tekst(standaard)} mee.")
    return standaard


def _einddatum_na_verlenging(
    regels: Verordeningsregels, feiten: Casusfeiten, gebruik: _Gebruik, maanden: int, uitleg: list[str]
) -> date:
    rest_standaard = regels.standaard_max_maanden - gebruik.maanden
    if rest_standaard > 0:
        eind = einde_termijn(feiten.startdatum, rest_standaard + maanden) - timedelta(days=gebruik.dagen)
    else:
        eind = einde_termijn(feiten.startdatum, maanden)
    if feiten.contract_einddatum is not None and feiten.contract_einddatum < eind:
        uitleg.append(f"Het contract eindigt op {nl_datum(feiten.contract_einddatum)}; de verlenging loopt "
                      "niet verder dan die datum.")
        eind = feiten.contract_einddatum
    uitleg.append(f"Nieuwe einddatum na verlenging: {nl_datum(eind)}.")
    return eind


# --------------------------------------------------------------------------------------------------
# The aggregate


def bereken(regels: Verordeningsregels, feiten: Casusfeiten) -> Berekening:
    """Apply all rules to one case: eligibility, quality, duration and the hours of every period."""
    geschiktheid = toets_geschiktheid(regels, feiten)
    kwaliteit = toets_kwaliteit(regels, feiten)
    duur = bereken_einddatum(regels, feiten)
    periodes = _alle_periodes(regels, feiten, duur)
    totaal = sum((p.uren for p in periodes), Decimal("0.0"))
    uitleg = _uitleg_berekening(geschiktheid, kwaliteit, duur, periodes, totaal)
    return Berekening(
        geschiktheid=geschiktheid,
        kwaliteit=kwaliteit,
        uren=periodes[0] if periodes else None,
        periodes=periodes,
        totaal_uren=totaal,
        einddatum=duur.datum,
        duur=duur,
        uitlegregels=uitleg,
    )


def _alle_periodes(regels: Verordeningsregels, feiten: Casusfeiten, duur: Einddatum) -> tuple[Urenberekening, ...]:
    """Granting periods from the startdatum, each counted from the startdatum so month ends do not drift."""
    if duur.datum is None:
        return ()
    grens_tekst = "Het contract eindigt" if duur.begrensd_door_contract else "Het traject eindigt"
    n = regels.toekenningsperiode_maanden
    periodes = []
    start, k = feiten.startdatum, 1
    while start <= duur.datum:
        eind = einde_termijn(feiten.startdatum, k * n)
        periodes.append(_periode_uren(regels, feiten, start, eind, duur.datum, grens_tekst))
        start, k = eind + _EEN_DAG, k + 1
    return tuple(periodes)


def _uitleg_berekening(
    geschiktheid: Toetsing, kwaliteit: Toetsing, duur: Einddatum,
    periodes: tuple[Urenberekening, ...], totaal: Decimal,
) -> tuple[str, ...]:
    def oordeel(toetsing: Toetsing) -> str:
        return "voldoet" if toetsing.voldoet else "voldoet niet"

    regels = [f"Geschiktheid: {oordeel(geschiktheid)}."]
    regels += [f"- {r}" for r in geschiktheid.redenen]
    regels.append(f"Kwaliteit van de jobcoach en de jobcoachorganisatie: {oordeel(kwaliteit)}.")
    regels += [f"- {r}" for r in kwaliteit.redenen]
    regels.append("Duur:")
    regels += [f"- {r}" for r in duur.uitlegregels]
    regels.append("Intensiteit:")
    for nummer, periode in enumerate(periodes, start=1):
        regels.append(
            f"Periode {nummer}, {nl_datum(periode.periode_start)} tot en met {nl_datum(periode.periode_eind)}: "
            f"{nl_getal(periode.uren)} uur."
        )
        regels += [f"- {r}" for r in periode.uitlegregels]
    if periodes:
        som = " + ".join(nl_getal(p.uren) for p in periodes)
        regels.append(f"Totaal over het traject: {som} = {nl_getal(totaal)} uur.")
    else:
        regels.append("Er zijn geen perioden toe te kennen; totaal 0 uur.")
    return tuple(regels)
