"""Termijnen van de Algemene wet bestuursrecht (Awb) en de Algemene termijnenwet (Atw).

Pure Python: alleen de standaardbibliotheek, geen Django, geen I/O en geen klok. Elke functie
krijgt de datums die ze nodig heeft; "vandaag" bestaat hier niet (zie `amsterdam_vandaag`).
Alle datums zijn kalenderdatums in Europe/Amsterdam.

Telwijze (de gangbare voor Awb-termijnen): een termijn "na" of "vanaf de dag na" een
gebeurtenis begint op de dag na die gebeurtenis en eindigt na N weken op dezelfde weekdag als
de gebeurtenis, dus laatste dag = gebeurtenis + 7·N dagen. Daarna past de Atw het einde aan.

Bronnen: Awb art. 4:5, 4:13, 4:14 lid 3, 4:15, 6:7, 6:8, 6:9, 7:10; Atw art. 1, 2, 3
(tekst: wetten.overheid.nl BWBR0002448). Zie ook /work/shared/REFERENCE.md.

Keuzes bij de uitleg van de wet (laat een jurist ze bevestigen voordat ze in brieven komen):
- De Atw passen we toe op alle termijnen hier, ook op de hersteltermijn (4:5) en de verdaagde
  termijn (4:14 lid 3), al stelt het bestuursorgaan die en niet de wet. Dat is de ruimere keuze
  voor de burger. Atw art. 4 sluit termijnen uit die in meer dan twaalf weken zijn omschreven;
  de termijnen hier zijn omschreven in 8, 12 en 6 weken, dus de Atw geldt. Het einde wordt één
  keer aangepast, na optellen van termijn, verdaging en opschorting.
- Opschorting (4:15): "tot de dag waarop" is exclusief; zie `Opschorting`. Een opschorting die
  begint nadat de termijn al verstreken was, telt niet meer.
- Bezwaar per post (6:9 lid 2): ook de week na afloop van de termijn krijgt de Atw.
- De dwangsomtermijn van 4:17 (42 dagen, zonder Atw) staat niet in deze module.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

__all__ = [
    "AMSTERDAM",
    "BIJNA_DAGEN",
    "GELIJKGESTELDE_DAGEN",
    "Opschorting",
    "Signaal",
    "Termijn",
    "amsterdam_vandaag",
    "atw_feestdagen",
    "atw_feestdagen_met_naam",
    "atw_verlengen",
    "beslistermijn",
    "beslistermijn_bezwaar",
    "beslistermijn_bezwaar_einde",
    "beslistermijn_einde",
    "bezwaar_tijdig",
    "bezwaartermijn",
    "bezwaartermijn_einde",
    "dagen_resterend",
    "eerste_paasdag",
    "hersteltermijn",
    "hersteltermijn_einde",
    "is_werkdag",
    "nl_datum",
    "signaal",
    "verdaging_tijdig",
]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

#: Een termijn die binnen zoveel dagen (of vandaag) afloopt, krijgt het signaal "bijna".
BIJNA_DAGEN = 7

#: Dagen die bij koninklijk besluit (Atw art. 3 lid 3) met een algemeen erkende feestdag zijn
#: gelijkgesteld, per jaar. Dit is DATA: vul aan zodra een nieuw besluit in de Staatscourant
#: staat (meestal eens per drie jaar). Een aanroeper (later een databasetabel) kan via de
#: parameter `extra` van elke functie meer dagen meegeven.
#: Bronnen (titels van de besluiten, Staatscourant):
#: - "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en
#:   30 mei 2025 met een algemeen erkende feestdag"
#: - "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en
#:   26 mei 2028 met een algemeen erkende feestdag"
GELIJKGESTELDE_DAGEN: dict[int, tuple[date, ...]] = {
    2023: (date(2023, 4, 28), date(2023, 5, 19)),
    2024: (date(2024, 5, 10), date(2024, 12, 27)),
    2025: (date(2025, 5, 30),),
    2026: (date(2026, 1, 2), date(2026, 5, 15)),
    2027: (date(2027, 5, 7),),
    2028: (date(2028, 4, 28), date(2028, 5, 26)),
}

_MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
_WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

_GELIJKGESTELD_KB = "een bij koninklijk besluit met een feestdag gelijkgestelde dag"
_GELIJKGESTELD_EXTRA = "een met een feestdag gelijkgestelde dag"

Signaal = Literal["te_laat", "bijna", "op_tijd"]


# --------------------------------------------------------------------------- hulpjes

def _datum(waarde: object, naam: str) -> date:
    """Eis een kalenderdatum; een datetime is hier een fout (welke tijdzone?)."""
    if isinstance(waarde, datetime) or not isinstance(waarde, date):
        raise TypeError(f"{naam} moet een datetime.date zijn (geen datetime), niet {waarde!r}")
    return waarde


def _extra(extra: Iterable[date]) -> frozenset[date]:
    dagen = frozenset(extra)
    for d in dagen:
        _datum(d, "extra")
    return dagen


def nl_datum(d: date) -> str:
    """Nederlandse datum zonder voorloopnul: date(2026, 3, 3) -> "3 maart 2026"."""
    _datum(d, "d")
    return f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


def _nl_dag(d: date) -> str:
    """"dinsdag 3 maart 2026"."""
    return f"{_WEEKDAGEN[d.weekday()]} {nl_datum(d)}"


def _dagen(n: int) -> str:
    return "1 dag" if n == 1 else f"{n} dagen"


def _weken(n: int) -> str:
    return "1 week" if n == 1 else f"{n} weken"


# --------------------------------------------------------------------------- Atw art. 3

def eerste_paasdag(jaar: int) -> date:
    """Paaszondag (gregoriaans), met het anonieme algoritme (Meeus/Jones/Butcher)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    maand, dag = divmod(h + l_ - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


def _koningsdag(jaar: int) -> tuple[date, str]:
    # Sinds 2014 27 april, of 26 april als de 27e een zondag is. Daarvoor Koninginnedag:
    # 30 april, of 29 april als de 30e een zondag is.
    if jaar >= 2014:
        dag, naam = date(jaar, 4, 27), "Koningsdag"
    else:
        dag, naam = date(jaar, 4, 30), "Koninginnedag"
    if dag.weekday() == 6:
        dag -= timedelta(days=1)
    return dag, naam


@lru_cache(maxsize=512)
def _wettelijke_feestdagen(jaar: int) -> tuple[tuple[date, str], ...]:
    """Atw art. 3 lid 1 en 2, zonder de bij besluit gelijkgestelde dagen."""
    pasen = eerste_paasdag(jaar)
    koningsdag, koningsdag_naam = _koningsdag(jaar)
    return (
        (date(jaar, 1, 1), "Nieuwjaarsdag"),
        (pasen - timedelta(days=2), "Goede Vrijdag"),  # art. 3 lid 2: gelijkgesteld
        (pasen, "eerste Paasdag"),  # altijd een zondag; volledigheidshalve
        (pasen + timedelta(days=1), "tweede Paasdag"),
        (koningsdag, koningsdag_naam),
        (date(jaar, 5, 5), "Bevrijdingsdag (5 mei)"),  # elk jaar, niet alleen eens per 5 jaar
        (pasen + timedelta(days=39), "Hemelvaartsdag"),
        (pasen + timedelta(days=49), "eerste Pinksterdag"),  # altijd een zondag
        (pasen + timedelta(days=50), "tweede Pinksterdag"),
        (date(jaar, 12, 25), "eerste Kerstdag"),
        (date(jaar, 12, 26), "tweede Kerstdag"),
    )


def _feestdagen_met_naam(jaar: int, extra: frozenset[date]) -> dict[date, str]:
    namen: dict[date, list[str]] = {}
    for dag, naam in _wettelijke_feestdagen(jaar):
        namen.setdefault(dag, []).append(naam)
    for dag in GELIJKGESTELDE_DAGEN.get(jaar, ()):
        if dag.year == jaar:
            namen.setdefault(dag, []).append(_GELIJKGESTELD_KB)
    for dag in extra:
        if dag.year == jaar and dag not in namen:
            namen[dag] = [_GELIJKGESTELD_EXTRA]
    return {dag: " en ".join(n) for dag, n in sorted(namen.items())}


def atw_feestdagen_met_naam(jaar: int, extra: Iterable[date] = ()) -> dict[date, str]:
    """De algemeen erkende feestdagen van `jaar` (Atw art. 3) met hun naam, gesorteerd."""
    return _feestdagen_met_naam(jaar, _extra(extra))


def atw_feestdagen(jaar: int, extra: Iterable[date] = ()) -> frozenset[date]:
    """De algemeen erkende feestdagen van `jaar` in de zin van de Atw (art. 3).

    Nieuwjaarsdag, Goede Vrijdag (lid 2), eerste en tweede Paasdag, Koningsdag, 5 mei,
    Hemelvaartsdag, eerste en tweede Pinksterdag, eerste en tweede Kerstdag, plus de dagen uit
    `GELIJKGESTELDE_DAGEN` en die uit `extra` die in `jaar` vallen.
    """
    return frozenset(_feestdagen_met_naam(jaar, _extra(extra)))


def _is_werkdag(d: date, extra: frozenset[date]) -> bool:
    if d.weekday() >= 5 or d in extra:
        return False
    if any(d == dag for dag, _ in _wettelijke_feestdagen(d.year)):
        return False
    return d not in GELIJKGESTELDE_DAGEN.get(d.year, ())


def is_werkdag(d: date, extra: Iterable[date] = ()) -> bool:
    """Geen zaterdag, geen zondag en geen algemeen erkende (of gelijkgestelde) feestdag."""
    return _is_werkdag(_datum(d, "d"), _extra(extra))


def _waarom_vrij(d: date, extra: frozenset[date]) -> str:
    delen = []
    if d.weekday() == 5:
        delen.append("een zaterdag")
    elif d.weekday() == 6:
        delen.append("een zondag")
    naam = _feestdagen_met_naam(d.year, extra).get(d)
    if naam:
        delen.append(naam)
    return " en ".join(delen)


# --------------------------------------------------------------------------- Atw art. 1 en 2

def _atw(eind: date, begin: date, extra: frozenset[date]) -> tuple[date, list[str]]:
    """Pas Atw art. 1 en 2 toe op een termijn die loopt van `begin` tot en met `eind`.

    Uitleg van art. 2 ("Een in een wet gestelde termijn van ten minste drie dagen wordt, zo
    nodig, zoveel verlengd, dat daarin ten minste twee dagen voorkomen die niet een zaterdag,
    zondag of algemeen erkende feestdag zijn"):
    - "de termijn" is de reeks kalenderdagen van de eerste dag (`begin`, bij Awb-termijnen de
      dag na de gebeurtenis) tot en met de laatste dag (`eind`), beide meegeteld;
    - "ten minste drie dagen" gaat over die oorspronkelijke lengte in kalenderdagen;
    - "zoveel verlengd" betekent: het einde schuift dag voor dag op tot de termijn twee
      werkdagen bevat. Het nieuwe einde is dan zelf een werkdag, zodat art. 1 daarna niets meer
      verandert. De volgorde van art. 1 en 2 maakt voor de uitkomst niet uit: het resultaat is
      de vroegste werkdag op of na `eind` waarop de termijn (als hij ≥ 3 dagen is) ten minste
      twee werkdagen telt.
    Bij termijnen van weken (zoals alle Awb-termijnen hier) heeft art. 2 nooit effect; het doet
    ertoe bij korte termijnen rond de feestdagen.
    """
    if begin > eind:
        raise ValueError(f"begin ({begin}) ligt na eind ({eind})")
    uitleg: list[str] = []

    # Art. 1: eindigt de termijn op een zaterdag, zondag of feestdag, dan loopt hij door tot en
    # met de eerstvolgende dag die geen van die dagen is.
    nieuw = eind
    while not _is_werkdag(nieuw, extra):
        nieuw += timedelta(days=1)
    if nieuw != eind:
        uitleg.append(
            f"{nl_datum(eind)} is {_waarom_vrij(eind, extra)}; de termijn loopt door tot en met "
            f"{_nl_dag(nieuw)}, de eerstvolgende dag die geen zaterdag, zondag of feestdag is "
            f"(art. 1 Algemene termijnenwet)."
        )

    # Art. 2: alleen voor termijnen van ten minste drie (kalender)dagen.
    if (eind - begin).days + 1 >= 3:
        werkdagen = sum(
            _is_werkdag(begin + timedelta(days=i), extra) for i in range((nieuw - begin).days + 1)
        )
        if werkdagen < 2:
            while werkdagen < 2:
                nieuw += timedelta(days=1)
                werkdagen += _is_werkdag(nieuw, extra)
            uitleg.append(
                f"De termijn van {nl_datum(begin)} tot en met {nl_datum(eind)} bevat minder dan "
                f"twee werkdagen; hij is verlengd tot en met {_nl_dag(nieuw)} "
                f"(art. 2 Algemene termijnenwet)."
            )
    return nieuw, uitleg


def atw_verlengen(eind: date, begin: date, extra: Iterable[date] = ()) -> date:
    """Het einde van de termijn `begin`..`eind` (beide inclusief) na Atw art. 1 en 2.

    `begin` is de eerste dag van de termijn (bij een termijn "vanaf de dag na" een gebeurtenis:
    de dag na die gebeurtenis). Zie `_atw` voor de uitleg van art. 2.
    """
    return _atw(_datum(eind, "eind"), _datum(begin, "begin"), _extra(extra))[0]


@dataclass(frozen=True)
class Termijn:
    """Het einde van een termijn (de laatste dag, inclusief) en hoe het berekend is."""

    einde: date
    uitleg: tuple[str, ...]


def _termijn_in_weken(
    *, na: date, weken: int, wat: str, artikel: str, extra: frozenset[date], aanloop: str
) -> Termijn:
    if weken < 1:
        raise ValueError(f"weken moet ten minste 1 zijn, niet {weken}")
    eind = na + timedelta(weeks=weken)
    uitleg = [
        aanloop,
        f"{wat} {_weken(weken)} ({artikel}): {nl_datum(na)} + {_dagen(weken * 7)} = "
        f"{nl_datum(eind)}.",
    ]
    einde, atw = _atw(eind, na + timedelta(days=1), extra)
    uitleg.extend(atw)
    uitleg.append(f"Laatste dag: {_nl_dag(einde)}.")
    return Termijn(einde, tuple(uitleg))


# --------------------------------------------------------------------------- Awb 4:13-4:15

@dataclass(frozen=True)
class Opschorting:
    """Opschorting van de beslistermijn (Awb art. 4:15 lid 1 onder a).

    "met ingang van de dag na die waarop het bestuursorgaan de aanvrager uitnodigt de aanvraag
    aan te vullen, tot de dag waarop de aanvraag is aangevuld of de daarvoor gestelde termijn
    ongebruikt is verstreken".

    - `start`: de eerste opgeschorte dag = de dag NA verzending van het verzoek om aanvulling.
    - `eind`: de dag waarop de termijn weer loopt. "tot" is in wetgeving exclusief ("tot en
      met" is inclusief): de dag van aanvulling telt dus weer mee als dag van de beslistermijn.
      Opgeschort zijn `start` .. `eind - 1`; `dagen` = eind - start.
      Is de hersteltermijn ongebruikt verstreken, gebruik dan `hersteltermijn_verstreken`:
      de hele hersteltermijn (tot en met de laatste dag) telt dan als opgeschort.
    - `eind=None`: de opschorting loopt nog. Bij een berekening telt ze dan tot de expliciet
      opgegeven peildatum, alsof de aanvraag op de peildatum is aangevuld (dus de vroegst
      mogelijke einddatum; elke verdere dag zonder aanvulling schuift het einde een dag op).
    """

    start: date
    eind: date | None = None

    def __post_init__(self) -> None:
        _datum(self.start, "start")
        if self.eind is not None:
            _datum(self.eind, "eind")
            # eind == start - 1: aangevuld op de dag van het verzoek zelf -> 0 dagen.
            if self.eind < self.start - timedelta(days=1):
                raise ValueError(
                    f"opschorting eindigt ({self.eind}) vóór de dag van het verzoek "
                    f"({self.start - timedelta(days=1)})"
                )

    @classmethod
    def na_verzoek(cls, verzonden: date, aangevuld_op: date | None = None) -> Opschorting:
        """Verzoek om aanvulling verzonden op `verzonden`; aangevuld op `aangevuld_op`."""
        return cls(_datum(verzonden, "verzonden") + timedelta(days=1), aangevuld_op)

    @classmethod
    def hersteltermijn_verstreken(cls, verzonden: date, laatste_dag: date) -> Opschorting:
        """Verzoek verzonden op `verzonden`; de hersteltermijn verstreek ongebruikt na
        `laatste_dag` (de laatste dag van de hersteltermijn, na Atw). De termijn loopt weer
        vanaf de dag daarna."""
        return cls(
            _datum(verzonden, "verzonden") + timedelta(days=1),
            _datum(laatste_dag, "laatste_dag") + timedelta(days=1),
        )

    @property
    def lopend(self) -> bool:
        return self.eind is None

    def eind_op(self, peildatum: date | None) -> date:
        """De (voorlopige) dag waarop de termijn weer loopt; nooit vóór `start`."""
        if self.eind is not None:
            return max(self.eind, self.start)
        if peildatum is None:
            raise ValueError("een lopende opschorting vraagt om een expliciete peildatum")
        return max(_datum(peildatum, "peildatum"), self.start)

    def dagen(self, peildatum: date | None = None) -> int:
        """Aantal opgeschorte dagen (een lopende opschorting: tot de peildatum)."""
        return (self.eind_op(peildatum) - self.start).days


def _samengevoegd(
    opschortingen: Iterable[Opschorting], peildatum: date | None
) -> tuple[list[tuple[date, date, bool]], bool]:
    """Halfopen intervallen [start, eind), gesorteerd en met overlap samengevoegd.

    Het derde element zegt of het einde van het interval de peildatum van een nog lopende
    opschorting is. Het tweede resultaat zegt of er echte overlap was.
    """
    intervallen = sorted(
        (o.start, o.eind_op(peildatum), o.lopend)
        for o in opschortingen
        if o.eind_op(peildatum) > o.start
    )
    samen: list[tuple[date, date, bool]] = []
    overlap = False
    for start, eind, lopend in intervallen:
        if samen and start <= samen[-1][1]:
            vorige_start, vorige_eind, vorige_lopend = samen[-1]
            overlap = overlap or start < vorige_eind
            if eind > vorige_eind:
                samen[-1] = (vorige_start, eind, lopend)
            else:
                lopend = vorige_lopend or (lopend and eind == vorige_eind)
                samen[-1] = (vorige_start, vorige_eind, lopend)
        else:
            samen.append((start, eind, lopend))
    return samen, overlap


def beslistermijn(
    ontvangst: date,
    weken: int = 8,
    opschortingen: Iterable[Opschorting] = (),
    verdaging_weken: int = 0,
    extra: Iterable[date] = (),
    *,
    peildatum: date | None = None,
) -> Termijn:
    """De beslistermijn op een aanvraag, met uitleg in het Nederlands.

    - Awb 4:13 lid 2: `weken` (standaard 8) na ontvangst; de termijn begint de dag na ontvangst.
    - Awb 4:14 lid 3: één verdaging met `verdaging_weken` (0 = niet verdaagd).
    - Awb 4:15: opgeschorte dagen tellen niet. Overlappende opschortingen tellen één keer.
      Alleen dagen binnen de lopende termijn tellen: een opschorting die pas begint nadat de
      termijn (inclusief verdaging) al verstreken was, verlengt hem niet meer.
    - Daarna de Atw (art. 1 en 2) op het einde.

    `peildatum` is verplicht zodra een opschorting nog loopt (eind None); er is bewust geen
    standaardwaarde "vandaag".
    """
    _datum(ontvangst, "ontvangst")
    extra_ = _extra(extra)
    opschortingen = tuple(opschortingen)
    if weken < 1:
        raise ValueError(f"weken moet ten minste 1 zijn, niet {weken}")
    if verdaging_weken < 0:
        raise ValueError(f"verdaging_weken mag niet negatief zijn, niet {verdaging_weken}")
    for o in opschortingen:
        if not isinstance(o, Opschorting):
            raise TypeError(f"verwacht Opschorting, niet {o!r}")
    if peildatum is not None:
        _datum(peildatum, "peildatum")
    elif any(o.lopend for o in opschortingen):
        raise ValueError("er loopt een opschorting: geef een expliciete peildatum op")
    for o in opschortingen:
        if o.start <= ontvangst:
            raise ValueError(
                f"opschorting begint op {o.start}, maar kan pas ingaan op de dag na het verzoek "
                f"en dus niet vóór {ontvangst + timedelta(days=1)} (de dag na ontvangst)"
            )

    begin = ontvangst + timedelta(days=1)
    basis = ontvangst + timedelta(weeks=weken)
    uitleg = [
        f"Aanvraag ontvangen op {nl_datum(ontvangst)}; de beslistermijn loopt vanaf "
        f"{nl_datum(begin)}.",
        f"Beslistermijn {_weken(weken)} (art. 4:13 Awb): {nl_datum(ontvangst)} + "
        f"{_dagen(weken * 7)} = {nl_datum(basis)}.",
    ]
    einde = basis
    if verdaging_weken:
        einde += timedelta(weeks=verdaging_weken)
        uitleg.append(
            f"Verdaagd met {_weken(verdaging_weken)} (art. 4:14 lid 3 Awb): + "
            f"{_dagen(verdaging_weken * 7)} = {nl_datum(einde)}."
        )

    # Opschorting: de termijn telt een vast aantal lopende dagen; opgeschorte dagen tellen niet.
    # Loop de samengevoegde intervallen op volgorde af en schuif het einde op met elk interval
    # dat begint op of vóór het (tot dan toe verschoven) einde.
    intervallen, overlap = _samengevoegd(opschortingen, peildatum)
    totaal = 0
    for start, eind, lopend in intervallen:
        if start > einde:
            uitleg.append(
                f"Opschorting vanaf {nl_datum(start)} telt niet mee: de termijn was toen al "
                f"verstreken."
            )
            continue
        dagen = (eind - start).days
        totaal += dagen
        einde += timedelta(days=dagen)
        if lopend:
            uitleg.append(
                f"Opgeschort vanaf {nl_datum(start)} en nog lopend (art. 4:15 Awb); geteld tot de "
                f"peildatum {nl_datum(eind)}: {_dagen(dagen)}. Elke verdere dag zonder "
                f"aanvulling schuift het einde een dag op."
            )
        else:
            uitleg.append(
                f"Opgeschort van {nl_datum(start)} tot {nl_datum(eind)} (art. 4:15 Awb): "
                f"{_dagen(dagen)}."
            )
    if overlap:
        uitleg.append("Overlappende opschortingen zijn één keer geteld.")
    if totaal:
        uitleg.append(f"Met {_dagen(totaal)} opschorting: {nl_datum(einde)}.")

    einde_atw, atw = _atw(einde, begin, extra_)
    uitleg.extend(atw)
    uitleg.append(f"Uiterste beslisdatum: {_nl_dag(einde_atw)}.")
    return Termijn(einde_atw, tuple(uitleg))


def beslistermijn_einde(
    ontvangst: date,
    weken: int = 8,
    opschortingen: Iterable[Opschorting] = (),
    verdaging_weken: int = 0,
    extra: Iterable[date] = (),
    *,
    peildatum: date | None = None,
) -> date:
    """De laatste dag van de beslistermijn (zie `beslistermijn`)."""
    return beslistermijn(
        ontvangst, weken, opschortingen, verdaging_weken, extra, peildatum=peildatum
    ).einde


def verdaging_tijdig(
    ontvangst: date,
    verdaging_gemeld_op: date,
    weken: int = 8,
    opschortingen: Iterable[Opschorting] = (),
    extra: Iterable[date] = (),
    *,
    peildatum: date | None = None,
) -> bool:
    """Is de verdaging (Awb 4:14 lid 3) gemeld "binnen deze termijn"?

    De mededeling moet uiterlijk op de laatste dag van de oorspronkelijke (eventueel
    opgeschorte, en volgens de Atw verlengde) termijn gedaan zijn. Een opschorting die op de
    meldingsdag nog loopt, telt tot de peildatum; standaard is dat de meldingsdag zelf.
    """
    _datum(verdaging_gemeld_op, "verdaging_gemeld_op")
    if verdaging_gemeld_op < ontvangst:
        raise ValueError("een verdaging kan niet vóór de ontvangst van de aanvraag gemeld zijn")
    einde = beslistermijn_einde(
        ontvangst, weken, opschortingen, 0, extra, peildatum=peildatum or verdaging_gemeld_op
    )
    return verdaging_gemeld_op <= einde


# --------------------------------------------------------------------------- Awb 4:5

def hersteltermijn(verzonden: date, weken: int = 2, extra: Iterable[date] = ()) -> Termijn:
    """De hersteltermijn voor aanvulling (Awb 4:5), met uitleg; `weken` na verzending."""
    _datum(verzonden, "verzonden")
    return _termijn_in_weken(
        na=verzonden, weken=weken, wat="Hersteltermijn", artikel="art. 4:5 Awb",
        extra=_extra(extra),
        aanloop=f"Verzoek om aanvulling verzonden op {nl_datum(verzonden)}.",
    )


def hersteltermijn_einde(verzonden: date, weken: int = 2, extra: Iterable[date] = ()) -> date:
    """De laatste dag van de hersteltermijn (Awb 4:5), met Atw."""
    return hersteltermijn(verzonden, weken, extra).einde


# --------------------------------------------------------------------------- Awb 6:7-6:9

def bezwaartermijn(bekendmaking: date, extra: Iterable[date] = ()) -> Termijn:
    """De bezwaartermijn (Awb 6:7, 6:8), met uitleg: zes weken vanaf de dag na bekendmaking."""
    _datum(bekendmaking, "bekendmaking")
    return _termijn_in_weken(
        na=bekendmaking, weken=6, wat="Bezwaartermijn", artikel="art. 6:7 en 6:8 Awb",
        extra=_extra(extra),
        aanloop=(
            f"Besluit bekendgemaakt op {nl_datum(bekendmaking)}; de bezwaartermijn begint op "
            f"{nl_datum(bekendmaking + timedelta(days=1))}."
        ),
    )


def bezwaartermijn_einde(bekendmaking: date, extra: Iterable[date] = ()) -> date:
    """De laatste dag van de bezwaartermijn: bekendmaking + 42 dagen, daarna Atw."""
    return bezwaartermijn(bekendmaking, extra).einde


def bezwaar_tijdig(
    bekendmaking: date,
    ontvangen: date,
    ter_post_bezorgd: date | None = None,
    extra: Iterable[date] = (),
) -> bool:
    """Is het bezwaarschrift tijdig ingediend (Awb 6:9)?

    - Lid 1: tijdig als het uiterlijk op de laatste dag van de termijn is ontvangen.
    - Lid 2: per post ook tijdig als het uiterlijk op de laatste dag ter post is bezorgd en
      niet later dan een week na afloop van de termijn is ontvangen. Op die week passen we de
      Atw toe (het is een in de wet gestelde termijn; zo nodig verlengd).
    Een te vroeg ingediend bezwaar (vóór de bekendmaking) geldt hier als tijdig; of het
    ontvankelijk is, beoordeelt art. 6:10. `False` betekent "te laat", niet "niet-ontvankelijk":
    een termijnoverschrijding kan verschoonbaar zijn (art. 6:11).
    """
    _datum(ontvangen, "ontvangen")
    extra_ = _extra(extra)
    if ter_post_bezorgd is not None:
        _datum(ter_post_bezorgd, "ter_post_bezorgd")
        if ter_post_bezorgd > ontvangen:
            raise ValueError("ter post bezorgd na de ontvangst: dat kan niet")
    einde = bezwaartermijn(bekendmaking, extra_).einde
    if ontvangen <= einde:
        return True
    if ter_post_bezorgd is None:
        return False
    postweek_einde, _ = _atw(einde + timedelta(weeks=1), einde + timedelta(days=1), extra_)
    return ter_post_bezorgd <= einde and ontvangen <= postweek_einde


# --------------------------------------------------------------------------- Awb 7:10

def beslistermijn_bezwaar(
    einde_bezwaartermijn: date,
    commissie: bool,
    verdaging: bool,
    extra: Iterable[date] = (),
) -> Termijn:
    """De beslistermijn op bezwaar (Awb 7:10), met uitleg.

    Zes weken, of twaalf met een adviescommissie (art. 7:13), gerekend vanaf de dag na de
    laatste dag van de bezwaartermijn (`einde_bezwaartermijn`, zoals `bezwaartermijn_einde`
    die geeft: na Atw). Verdaging (lid 3): eenmaal ten hoogste zes weken; hier altijd zes.
    Uitstel met instemming (lid 4) en opschorting (lid 2) vallen buiten deze functie.
    """
    _datum(einde_bezwaartermijn, "einde_bezwaartermijn")
    weken = 12 if commissie else 6
    eind = einde_bezwaartermijn + timedelta(weeks=weken)
    uitleg = [
        f"De bezwaartermijn verstreek op {nl_datum(einde_bezwaartermijn)}; de beslistermijn "
        f"begint op {nl_datum(einde_bezwaartermijn + timedelta(days=1))}.",
        f"Beslistermijn op bezwaar {_weken(weken)} "
        f"({'met adviescommissie, ' if commissie else ''}art. 7:10 lid 1 Awb): "
        f"{nl_datum(einde_bezwaartermijn)} + {_dagen(weken * 7)} = {nl_datum(eind)}.",
    ]
    if verdaging:
        eind += timedelta(weeks=6)
        uitleg.append(f"Verdaagd met 6 weken (art. 7:10 lid 3 Awb): + 42 dagen = {nl_datum(eind)}.")
    einde, atw = _atw(eind, einde_bezwaartermijn + timedelta(days=1), _extra(extra))
    uitleg.extend(atw)
    uitleg.append(f"Uiterste beslisdatum op bezwaar: {_nl_dag(einde)}.")
    return Termijn(einde, tuple(uitleg))


def beslistermijn_bezwaar_einde(
    einde_bezwaartermijn: date,
    commissie: bool,
    verdaging: bool,
    extra: Iterable[date] = (),
) -> date:
    """De laatste dag om op het bezwaar te beslissen (Awb 7:10), met Atw."""
    return beslistermijn_bezwaar(einde_bezwaartermijn, commissie, verdaging, extra).einde


# --------------------------------------------------------------------------- werkvoorraad

def dagen_resterend(einde: date, vandaag: date) -> int:
    """Kalenderdagen tot en met de laatste dag: 0 op de laatste dag, negatief als te laat."""
    return (_datum(einde, "einde") - _datum(vandaag, "vandaag")).days


def signaal(einde: date, vandaag: date) -> Signaal:
    """"te_laat" na de laatste dag; "bijna" vanaf 7 dagen ervoor tot en met de laatste dag."""
    rest = dagen_resterend(einde, vandaag)
    if rest < 0:
        return "te_laat"
    if rest <= BIJNA_DAGEN:
        return "bijna"
    return "op_tijd"


def amsterdam_vandaag(now: datetime) -> date:
    """De kalenderdatum in Europe/Amsterdam op het moment `now` (moet tijdzonebewust zijn)."""
    if not isinstance(now, datetime):
        raise TypeError(f"now moet een datetime zijn, niet {now!r}")
    if now.tzinfo is None or now.tzinfo.utcoffset(now) is None:
        raise ValueError("now moet tijdzonebewust zijn (bijvoorbeeld django.utils.timezone.now())")
    return now.astimezone(AMSTERDAM).date()
