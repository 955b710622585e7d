"""Pure schedule arithmetic for trajecten: evaluation moments, the herbeoordeling date and the hours
granted for a period. No I/O, so every rule is covered by table-driven tests."""

import calendar
import datetime
from decimal import ROUND_HALF_UP, Decimal

MAANDEN_PER_EVALUATIE = {"kwartaal": 3, "halfjaar": 6}


def maanden_erbij(datum: datetime.date, maanden: int) -> datetime.date:
    """Same day `maanden` later; a day the target month lacks becomes its last day (31 jan + 1 = 28/29 feb)."""
    index = datum.month - 1 + maanden
    jaar, maand = datum.year + index // 12, index % 12 + 1
    return datetime.date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def evaluatiemoment(startdatum: datetime.date, frequentie: str, nummer: int) -> datetime.date:
    """The `nummer`-th evaluation (1-based), always counted from the start so month ends never drift."""
    return maanden_erbij(startdatum, MAANDEN_PER_EVALUATIE[frequentie] * nummer)


def volgende_evaluatie(startdatum: datetime.date, frequentie: str, na: datetime.date) -> datetime.date:
    """The first evaluation moment strictly after `na`."""
    nummer = 1
    while (moment := evaluatiemoment(startdatum, frequentie, nummer)) <= na:
        nummer += 1
    return moment


def herbeoordeling_vanaf(einddatum: datetime.date, weken_voor_einde: int) -> datetime.date:
    return einddatum - datetime.timedelta(weeks=weken_voor_einde)


def toegekende_uren(uren_per_week: Decimal | None, van: datetime.date, tot: datetime.date) -> Decimal:
    """Hours granted from `van` up to and including `tot` at `uren_per_week`, to one decimal."""
    if not uren_per_week or tot < van:
        return Decimal("0")
    weken = Decimal((tot - van).days + 1) / Decimal(7)
    return (uren_per_week * weken).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
