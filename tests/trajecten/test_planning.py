"""The schedule rules of planning.py, table-driven: month ends, leap years, catch-up, hours."""

import datetime
from decimal import Decimal

import pytest

from beoordeling.trajecten import planning

D = datetime.date


@pytest.mark.parametrize("datum,maanden,verwacht", [
    (D(2026, 1, 15), 3, D(2026, 4, 15)),
    (D(2026, 1, 31), 1, D(2026, 2, 28)),     # no 31 February: last day of the month
    (D(2028, 1, 31), 1, D(2028, 2, 29)),     # leap year
    (D(2026, 8, 31), 6, D(2027, 2, 28)),
    (D(2027, 8, 31), 6, D(2028, 2, 29)),
    (D(2026, 11, 30), 3, D(2027, 2, 28)),    # over the year end
    (D(2026, 10, 31), 12, D(2027, 10, 31)),
])
def test_maanden_erbij(datum, maanden, verwacht):
    assert planning.maanden_erbij(datum, maanden) == verwacht


@pytest.mark.parametrize("start,frequentie,nummer,verwacht", [
    (D(2026, 1, 31), "kwartaal", 1, D(2026, 4, 30)),
    (D(2026, 1, 31), "kwartaal", 2, D(2026, 7, 31)),   # counted from the start: no drift to the 30th
    (D(2026, 1, 31), "kwartaal", 4, D(2027, 1, 31)),
    (D(2027, 11, 30), "kwartaal", 1, D(2028, 2, 29)),  # leap day
    (D(2026, 8, 31), "halfjaar", 1, D(2027, 2, 28)),
    (D(2026, 8, 31), "halfjaar", 2, D(2027, 8, 31)),
    (D(2028, 2, 29), "halfjaar", 2, D(2029, 2, 28)),
])
def test_evaluatiemoment(start, frequentie, nummer, verwacht):
    assert planning.evaluatiemoment(start, frequentie, nummer) == verwacht


@pytest.mark.parametrize("start,frequentie,na,verwacht", [
    (D(2026, 1, 31), "kwartaal", D(2026, 1, 31), D(2026, 4, 30)),
    (D(2026, 1, 31), "kwartaal", D(2026, 4, 30), D(2026, 7, 31)),   # strictly after
    (D(2026, 1, 31), "kwartaal", D(2026, 12, 1), D(2027, 1, 31)),   # skips missed moments
    (D(2026, 1, 1), "halfjaar", D(2026, 7, 1), D(2027, 1, 1)),
])
def test_volgende_evaluatie(start, frequentie, na, verwacht):
    assert planning.volgende_evaluatie(start, frequentie, na) == verwacht


@pytest.mark.parametrize("einde,weken,verwacht", [
    (D(2026, 12, 31), 8, D(2026, 11, 5)),
    (D(2028, 3, 14), 2, D(2028, 2, 29)),
    (D(2026, 6, 30), 0, D(2026, 6, 30)),
])
def test_herbeoordeling_vanaf(einde, weken, verwacht):
    assert planning.herbeoordeling_vanaf(einde, weken) == verwacht


@pytest.mark.parametrize("per_week,van,tot,verwacht", [
    (Decimal("4"), D(2026, 1, 1), D(2026, 1, 7), Decimal("4.0")),
    (Decimal("4"), D(2026, 1, 1), D(2026, 12, 31), Decimal("208.6")),
    (Decimal("2.5"), D(2028, 1, 1), D(2028, 12, 31), Decimal("130.7")),   # 366 days
    (None, D(2026, 1, 1), D(2026, 12, 31), Decimal("0")),
    (Decimal("4"), D(2026, 2, 1), D(2026, 1, 1), Decimal("0")),
])
def test_toegekende_uren(per_week, van, tot, verwacht):
    assert planning.toegekende_uren(per_week, van, tot) == verwacht
