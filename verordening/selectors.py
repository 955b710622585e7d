import datetime

from django.db.models import F, Q

from .models import Gemeente, Verordening


class GeenVerordening(Exception):
    """No verordening version is in force for a gemeente on a date: never fall back to a default."""


def verordening_op_datum(*, gemeente: Gemeente, datum: datetime.date) -> Verordening:
    """The version in force on `datum`: the gemeente's own, else its regio's shared one."""
    in_force = Q(geldig_van__lte=datum) & (Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=datum))
    eigen = Q(gemeente=gemeente)
    if gemeente.regio_id:
        eigen |= Q(regio_id=gemeente.regio_id)
    # A gemeente's own version wins over a regio's shared one.
    versies = Verordening.objects.filter(in_force & eigen).order_by(F("regio_id").asc(nulls_first=True), "-geldig_van")
    versie = versies.first()
    if versie is None:
        raise GeenVerordening(
            f"Voor gemeente {gemeente.naam} is op {datum:%d-%m-%Y} geen verordening van kracht."
        )
    return versie
