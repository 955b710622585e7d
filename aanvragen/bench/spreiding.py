"""How generated load data is spread: pure Python, no Django, no I/O, no clock.

Every function takes its random generator and its "vandaag", so a seed gives the same data set.
The state names are the values of `AanvraagStatus` and `BeoordelingStatus` (a test guards that).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

#: The oldest receipt date in a generated data set.
BEGIN_HISTORIE = dt.date(2019, 1, 1)

#: Share of every aanvraag state: most cases are historic, a few percent are open.
STATUS_AANDELEN: tuple[tuple[str, float], ...] = (
    ("besloten", 0.800),
    ("ingetrokken", 0.085),
    ("buiten_behandeling", 0.030),
    ("concept", 0.020),
    ("ingediend", 0.015),
    ("in_behandeling", 0.040),
    ("aanvulling_gevraagd", 0.010),
)
HISTORISCH = frozenset({"besloten", "ingetrokken", "buiten_behandeling"})
OPEN = frozenset({"ingediend", "in_behandeling", "aanvulling_gevraagd"})

#: Where the onderzoek of an open case in behandeling stands.
FASE_AANDELEN_OPEN: tuple[tuple[str, float], ...] = (
    ("beeldvorming", 0.40),
    ("oordeelsvorming", 0.25),
    ("besluitvorming", 0.20),
    ("ter_ondertekening", 0.15),
)
UITKOMST_AANDELEN: tuple[tuple[str, float], ...] = (
    ("toekenning", 0.75),
    ("gedeeltelijke_toekenning", 0.10),
    ("afwijzing", 0.15),
)
#: How far a withdrawn case had got before the applicant withdrew it.
INGETROKKEN_NA: tuple[tuple[str, float], ...] = (("ingediend", 0.40), ("in_behandeling", 0.45), ("aanvulling", 0.15))

KANS_AANVULLING = 0.15  # a besloten case had a request for more information first
KANS_TERUGGESTUURD = 0.06  # the arbeidsdeskundige sent the proposal back once
BESLISTERMIJN_OVERSCHREDEN = 0.08  # historic cases decided after the term

REDENEN_AANVULLING = (
    "Arbeidsovereenkomst en functieomschrijving ontbreken.",
    "Loonwaardemeting ontbreekt.",
    "Verklaring van de werkgever over de begeleiding op de werkvloer ontbreekt.",
)
REDENEN_INTREKKEN = (
    "Werknemer heeft een andere baan gevonden.",
    "De werkgever regelt de begeleiding zelf.",
    "Het dienstverband is in de proeftijd beëindigd.",
)
REDEN_BUITEN_BEHANDELING = "De hersteltermijn is verstreken zonder de gevraagde gegevens."
REDEN_TERUGSTUREN = "Motiveer waarom interne begeleiding door de werkgever niet volstaat."

# (machine, transitie, van, naar): the steps a case can take, as the state machines allow them.
INDIENEN = ("aanvraag", "indienen", "concept", "ingediend")
REGISTREREN = ("aanvraag", "registreren", "concept", "ingediend")  # by letter or phone, by the klantmanager
IN_BEHANDELING_NEMEN = ("aanvraag", "in_behandeling_nemen", "ingediend", "in_behandeling")
AANVULLING_VRAGEN = ("aanvraag", "aanvulling_vragen", "in_behandeling", "aanvulling_gevraagd")
AANVULLING_ONTVANGEN = ("aanvraag", "aanvulling_ontvangen", "aanvulling_gevraagd", "in_behandeling")
BUITEN_BEHANDELING = ("aanvraag", "buiten_behandeling_stellen", "aanvulling_gevraagd", "buiten_behandeling")
BESLUIT_NEMEN = ("aanvraag", "besluit_nemen", "in_behandeling", "besloten")
NAAR_OORDEELSVORMING = ("beoordeling", "naar_oordeelsvorming", "beeldvorming", "oordeelsvorming")
NAAR_BESLUITVORMING = ("beoordeling", "naar_besluitvorming", "oordeelsvorming", "besluitvorming")
AANBIEDEN = ("beoordeling", "ter_ondertekening_aanbieden", "besluitvorming", "ter_ondertekening")
TERUGSTUREN = ("beoordeling", "terugsturen", "ter_ondertekening", "besluitvorming")
VASTSTELLEN = ("beoordeling", "vaststellen", "ter_ondertekening", "vastgesteld")
ONDERZOEK_TOT = {
    "beeldvorming": (),
    "oordeelsvorming": (NAAR_OORDEELSVORMING,),
    "besluitvorming": (NAAR_OORDEELSVORMING, NAAR_BESLUITVORMING),
    "ter_ondertekening": (NAAR_OORDEELSVORMING, NAAR_BESLUITVORMING, AANBIEDEN),
}
# Who takes each step: the applicant, the klantmanager or the arbeidsdeskundige.
DOOR = {"indienen": "aanvrager", "intrekken": "aanvrager", "aanvulling_ontvangen": "aanvrager",
        "terugsturen": "ad", "vaststellen": "ad", "besluit_nemen": "ad"}
HERSTELTERMIJN_DAGEN = 16  # two weeks, plus a weekend or holiday the Atw may add


@dataclass(slots=True)
class Stap:
    machine: str
    transitie: str
    van: str
    naar: str
    door: str  # "aanvrager", "km" or "ad"
    op: dt.datetime
    reden: str = ""


@dataclass(slots=True)
class Zaakplan:
    """Everything about one generated case that follows from its state and its dates."""

    status: str
    aangemaakt: dt.datetime
    ontvangen: dt.date | None
    stappen: list[Stap] = field(default_factory=list)
    beoordeling: str | None = None  # the onderzoek's final phase, None when there is none
    teruggestuurd: bool = False  # the proposal is back with the klantmanager, with a reason
    uitkomst: str | None = None  # set for besloten cases

    @property
    def gewijzigd(self) -> dt.datetime:
        return self.stappen[-1].op if self.stappen else self.aangemaakt

    def laatste(self, machine: str) -> Stap | None:
        for stap in reversed(self.stappen):
            if stap.machine == machine:
                return stap
        return None


# --- sizes ------------------------------------------------------------------------------------


def _zipf_aandelen(aantal: int, offset: float) -> list[float]:
    gewichten = [1.0 / (i + offset) for i in range(aantal)]
    totaal = sum(gewichten)
    return [g / totaal for g in gewichten]


def gemeente_aandelen(aantal: int, grootste: float = 0.08) -> list[float]:
    """Shares of the cases per gemeente, largest first: Zipf-like, the largest one `grootste`.

    With 342 gemeenten the largest has 8% (an Amsterdam) and the smallest about 0.05%. With few
    gemeenten an 8% share is impossible; then every gemeente gets 1/(rank+1).
    """
    if aantal < 1:
        raise ValueError("er moet ten minste één gemeente zijn")
    if _zipf_aandelen(aantal, 1.0)[0] <= grootste:
        return _zipf_aandelen(aantal, 1.0)
    laag, hoog = 1.0, float(aantal)  # the offset that gives the largest its share, by bisection
    for _ in range(60):
        midden = (laag + hoog) / 2
        if _zipf_aandelen(aantal, midden)[0] > grootste:
            laag = midden
        else:
            hoog = midden
    return _zipf_aandelen(aantal, (laag + hoog) / 2)


def verdeel(totaal: int, aandelen: list[float]) -> list[int]:
    """Split `totaal` by `aandelen` into whole numbers that add up exactly (largest remainder)."""
    ruw = [totaal * a for a in aandelen]
    hele = [int(r) for r in ruw]
    rest = totaal - sum(hele)
    for i in sorted(range(len(ruw)), key=lambda i: hele[i] - ruw[i])[:rest]:
        hele[i] += 1
    return hele


def staf_omvang(aanvragen: int) -> dict[str, int]:
    """Staff of a gemeente with this many cases (over the whole history)."""
    return {
        "klantmanager": max(2, -(-aanvragen // 2500)),
        "arbeidsdeskundige": max(2, -(-aanvragen // 10000)),
        "bezwaarbehandelaar": 1,
        "functioneel_beheerder": 1,
        "beleidsmedewerker": 1,
    }


def aantal_werkgevers(aanvragen: int) -> int:
    return max(3, aanvragen // 20)


def aantal_regios(gemeenten: int) -> int:
    """35 arbeidsmarktregio's for the 342 gemeenten of the Netherlands, proportionally fewer else."""
    return max(1, min(gemeenten, round(gemeenten * 35 / 342)))


# --- identifiers ------------------------------------------------------------------------------


def cbs_code(volgnummer: int) -> str:
    """A CBS-like gemeentecode GM2001…GM2999. Real codes are below GM2000, so they never clash."""
    if not 1 <= volgnummer <= 999:
        raise ValueError("de generator maakt ten hoogste 999 gemeenten")
    return f"GM{2000 + volgnummer:04d}"


def bsn_controle(acht_cijfers: str) -> int | None:
    """The ninth digit that makes `acht_cijfers` pass the elfproef, None when none exists."""
    som = sum(int(c) * w for c, w in zip(acht_cijfers, range(9, 1, -1), strict=True))
    laatste = som % 11
    return laatste if laatste <= 9 else None


def bsn_reeks(start: int = 0):
    """Distinct valid BSNs (elfproef), in a fixed order, starting from a 8-digit counter."""
    n = start
    while True:
        basis = f"{20000000 + n:08d}"
        n += 1
        controle = bsn_controle(basis)
        if controle is not None:
            yield basis + str(controle)


# --- one case ---------------------------------------------------------------------------------


def kies(rng: random.Random, aandelen: tuple[tuple[str, float], ...]) -> str:
    r = rng.random()
    for waarde, aandeel in aandelen:
        r -= aandeel
        if r < 0:
            return waarde
    return aandelen[-1][0]


def getal(rng: random.Random, laag: int, hoog: int) -> int:
    """A whole number from laag to hoog inclusive; faster than randint, which matters a million times over."""
    return laag + int(rng.random() * (hoog - laag + 1))


def uit(rng: random.Random, reeks):
    """One element of a sequence; faster than rng.choice."""
    return reeks[int(rng.random() * len(reeks))]


def _tijdstip(dag: dt.date, rng: random.Random) -> dt.datetime:
    """A moment during office hours (8:30-17:00) on `dag`, Amsterdam time."""
    seconde = 30600 + int(rng.random() * 30600)
    return dt.datetime(dag.year, dag.month, dag.day, seconde // 3600, seconde // 60 % 60, seconde % 60,
                       tzinfo=AMSTERDAM)


def _historische_ontvangst(rng: random.Random, vandaag: dt.date, marge: int = 21) -> dt.date:
    """Uniform over the years with growth: later years have more cases."""
    laatste = (vandaag - BEGIN_HISTORIE).days - marge
    dag = rng.uniform(0, laatste) if rng.random() < 0.5 else rng.triangular(0, laatste, laatste)
    return BEGIN_HISTORIE + dt.timedelta(days=int(dag))


def _open_ontvangst(status: str, rng: random.Random, vandaag: dt.date) -> dt.date:
    # Some open cases are past their 8-week term, so the worklist has overdue cases to show.
    dagen = {"ingediend": (1, 21), "in_behandeling": (3, 84), "aanvulling_gevraagd": (7, 70)}[status]
    return vandaag - dt.timedelta(days=getal(rng, *dagen))


def _pad(status: str, rng: random.Random) -> tuple[list[tuple], str | None, bool, str | None]:
    """The transitions after indienen, the onderzoek's final phase, teruggestuurd, the uitkomst."""
    if status == "ingediend":
        return [], None, False, None
    pad = [IN_BEHANDELING_NEMEN]
    if status == "aanvulling_gevraagd":
        return pad + [AANVULLING_VRAGEN], "beeldvorming", False, None
    if status == "buiten_behandeling":
        return pad + [AANVULLING_VRAGEN, BUITEN_BEHANDELING], "beeldvorming", False, None
    if status == "in_behandeling":
        fase = kies(rng, FASE_AANDELEN_OPEN)
        teruggestuurd = fase == "besluitvorming" and rng.random() < 0.25
        extra = [AANBIEDEN, TERUGSTUREN] if teruggestuurd else []
        return pad + list(ONDERZOEK_TOT[fase]) + extra, fase, teruggestuurd, None
    if status == "ingetrokken":
        na = kies(rng, INGETROKKEN_NA)
        intrekken = ("aanvraag", "intrekken", "", "ingetrokken")
        if na == "ingediend":
            return [intrekken], None, False, None
        if na == "aanvulling":
            return pad + [AANVULLING_VRAGEN, intrekken], "beeldvorming", False, None
        fase = "oordeelsvorming" if rng.random() < 0.3 else "beeldvorming"
        return pad + list(ONDERZOEK_TOT[fase]) + [intrekken], fase, False, None
    # besloten
    if rng.random() < KANS_AANVULLING:
        pad += [AANVULLING_VRAGEN, AANVULLING_ONTVANGEN]
    pad += list(ONDERZOEK_TOT["ter_ondertekening"])
    if rng.random() < KANS_TERUGGESTUURD:
        pad += [TERUGSTUREN, AANBIEDEN]
    return pad + [VASTSTELLEN, BESLUIT_NEMEN], "vastgesteld", False, kies(rng, UITKOMST_AANDELEN)


def _reden(transitie: str, rng: random.Random) -> str:
    if transitie == "aanvulling_vragen":
        return uit(rng, REDENEN_AANVULLING)
    if transitie == "intrekken":
        return uit(rng, REDENEN_INTREKKEN)
    if transitie == "buiten_behandeling_stellen":
        return REDEN_BUITEN_BEHANDELING
    if transitie == "terugsturen":
        return REDEN_TERUGSTUREN
    return ""


def _doorlooptijd(status: str, ontvangen: dt.date, rng: random.Random, vandaag: dt.date) -> int:
    """Days from receipt to the last step, never reaching today."""
    ruimte = max(0, (vandaag - ontvangen).days - 1)
    if status in OPEN:
        return int(ruimte * rng.uniform(0.3, 1.0))
    dagen = getal(rng, 57, 110) if rng.random() < BESLISTERMIJN_OVERSCHREDEN else getal(rng, 10, 56)
    return min(dagen, ruimte)


def plan_zaak(status: str, rng: random.Random, vandaag: dt.date, kanaal: str = "online") -> Zaakplan:
    """The dates and the transition history of one case that is now in `status`.

    Online the applicant submits (indienen); a letter or phone call is registered by a klantmanager.
    """
    if status == "concept":
        dag = vandaag - dt.timedelta(days=getal(rng, 1, 120))
        return Zaakplan(status=status, aangemaakt=_tijdstip(dag, rng), ontvangen=None)
    if status in OPEN:
        ontvangen = _open_ontvangst(status, rng, vandaag)
    else:  # buiten behandeling only after the hersteltermijn: such cases are at least two months old
        ontvangen = _historische_ontvangst(rng, vandaag, 130 if status == "buiten_behandeling" else 21)
    pad, fase, teruggestuurd, uitkomst = _pad(status, rng)
    ingediend_op = _tijdstip(ontvangen, rng)
    plan = Zaakplan(status=status, aangemaakt=ingediend_op - dt.timedelta(minutes=getal(rng, 5, 3 * 24 * 60)),
                    ontvangen=ontvangen, beoordeling=fase, teruggestuurd=teruggestuurd, uitkomst=uitkomst)
    eerste = INDIENEN if kanaal == "online" else REGISTREREN
    plan.stappen.append(Stap(*eerste, door="aanvrager" if kanaal == "online" else "km", op=ingediend_op))
    duur = _doorlooptijd(status, ontvangen, rng, vandaag)
    dagen = sorted(getal(rng, 0, duur) for _ in pad)
    vorige, huidig = ingediend_op, "ingediend"
    for (machine, transitie, van, naar), dag in zip(pad, dagen, strict=True):
        if machine == "aanvraag":
            van, huidig = van or huidig, naar
        op = max(_tijdstip(ontvangen + dt.timedelta(days=dag), rng), vorige + dt.timedelta(minutes=1))
        if transitie == "besluit_nemen":
            op = vorige  # the besluit closes the aanvraag in the same moment as the vaststelling
        elif transitie == "buiten_behandeling_stellen":  # Awb 4:5: only once the hersteltermijn has passed
            op = max(op, _tijdstip(vorige.date() + dt.timedelta(days=HERSTELTERMIJN_DAGEN), rng))
        plan.stappen.append(Stap(machine, transitie, van, naar, DOOR.get(transitie, "km"), op, _reden(transitie, rng)))
        vorige = op
    return plan


def startdatum_werk(ontvangen: dt.date, rng: random.Random) -> dt.date:
    """Work usually starts around the application: from a month before to two months after."""
    return ontvangen + dt.timedelta(days=getal(rng, -30, 60))
