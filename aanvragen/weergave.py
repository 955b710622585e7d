"""How deadlines and next steps read for users. Pure functions: dates and states in, Dutch text out."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from . import termijnen


@dataclass(frozen=True)
class Termijnweergave:
    """One case's beslistermijn as the worklist shows it."""

    einde: datetime.date | None
    dagen: int | None
    signaal: str  # te_laat, bijna, op_tijd, or "" when there is no running term
    tekst: str


def termijnweergave(
    *, einde: datetime.date | None, vandaag: datetime.date, open_: bool, opgeschort: bool = False
) -> Termijnweergave:
    """Days left of the beslistermijn with the signal the CSS colours (termijn--te_laat/bijna/op_tijd).

    A suspended term (aanvulling gevraagd) shows the date it would end if the hersteltermijn lapsed,
    flagged as suspended: the days do not run down while the applicant is asked for information.
    """
    if einde is None or not open_:
        return Termijnweergave(einde, None, "", "—")
    dagen = termijnen.dagen_resterend(einde, vandaag)
    signaal = termijnen.signaal(einde, vandaag)
    if opgeschort and dagen >= 0:
        # Not counting down while the applicant is asked for information: no colour signal.
        return Termijnweergave(einde, dagen, "", "Opgeschort (aanvulling gevraagd)")
    if dagen < 0:
        tekst = f"{_dagen(-dagen)} te laat"
    elif dagen == 0:
        tekst = "Vandaag de laatste dag"
    else:
        tekst = f"Nog {_dagen(dagen)}"
    return Termijnweergave(einde, dagen, signaal, tekst)


def _dagen(n: int) -> str:
    return "1 dag" if n == 1 else f"{n} dagen"


def volgende_stap(
    *,
    status: str,
    gemeente: str,
    uiterste_beslisdatum: datetime.date | None,
    hersteltermijn_einde: datetime.date | None = None,
    verdaagd: bool = False,
    vandaag: datetime.date | None = None,
) -> str:
    """What happens next, in plain Dutch, for the applicant's "Mijn aanvragen"."""
    datum = termijnen.nl_datum(uiterste_beslisdatum) if uiterste_beslisdatum else None
    beslissen = f" De gemeente beslist uiterlijk op {datum}." if datum else ""
    if verdaagd and datum:
        beslissen = f" De gemeente heeft de beslistermijn verlengd en beslist uiterlijk op {datum}."
    if datum and vandaag and vandaag > uiterste_beslisdatum:
        beslissen = (f" De gemeente had uiterlijk op {datum} moeten beslissen. U kunt de gemeente schriftelijk in "
                     "gebreke stellen (artikel 4:17 Awb).")
    teksten = {
        "concept": "Maak uw aanvraag af en dien hem in. Wat u invulde, is bewaard.",
        "ingediend": f"De gemeente {gemeente} heeft uw aanvraag ontvangen. Een klantmanager neemt hem in "
        f"behandeling.{beslissen}",
        "in_behandeling": "Een klantmanager onderzoekt of jobcoaching nodig is, hoeveel en hoe lang. Misschien "
        f"neemt hij of zij contact met u op.{beslissen}",
        "aanvulling_gevraagd": "De gemeente mist gegevens. Lever die aan"
        + (f" uiterlijk op {termijnen.nl_datum(hersteltermijn_einde)}" if hersteltermijn_einde else "")
        + ". Tot dan staat de beslistermijn stil.",
        "besloten": "De gemeente heeft besloten. Lees de beschikking bij de aanvraag.",
        "buiten_behandeling": "De gemeente behandelt de aanvraag niet verder, omdat de gevraagde gegevens niet "
        "op tijd kwamen. Lees de brief bij de aanvraag. U kunt een nieuwe aanvraag doen.",
        "ingetrokken": "De aanvraag is ingetrokken. Er gebeurt niets meer mee.",
    }
    return teksten.get(status, "")
