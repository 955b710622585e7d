"""Reads for the aanvraag pages: each returns exactly what its page renders."""

import datetime

from django.db.models import Prefetch, QuerySet

from accounts.scoping import zichtbare_aanvragen

from . import termijnen
from .models import Aanvraag, Transitie


def werklijst(*, user, status: str = "", sorteer: str = "oudste") -> QuerySet:
    qs = zichtbare_aanvragen(user).select_related("werkgever", "behandelaar", "gemeente")
    if status:
        qs = qs.filter(status=status)
    volgorde = ("ontvangen_op", "id") if sorteer == "oudste" else ("-ontvangen_op", "-id")
    return qs.order_by(*volgorde)


def mijn_aanvragen(*, user) -> QuerySet:
    return zichtbare_aanvragen(user).select_related("gemeente").order_by("-aangemaakt_op")


def aanvraag_detail(*, user, pk: int) -> Aanvraag:
    from beoordeling.models import Beoordeling, Document

    qs = zichtbare_aanvragen(user).select_related("gemeente", "werkgever", "behandelaar", "aangemaakt_door")
    qs = qs.prefetch_related(
        Prefetch("transities", queryset=Transitie.objects.select_related("door")),
        Prefetch("beoordelingen", queryset=Beoordeling.objects.order_by("ronde")),
        Prefetch("documenten", queryset=Document.objects.order_by("-aangemaakt_op")),
    )
    return qs.get(pk=pk)


def beslistermijn_einde(aanvraag: Aanvraag) -> datetime.date | None:
    """Awb 4:13 with the Algemene termijnenwet; suspensions and verdaging join with the intake issue."""
    if not aanvraag.ontvangen_op or not aanvraag.beslistermijn_weken:
        return None
    return termijnen.beslistermijn_einde(aanvraag.ontvangen_op, weken=aanvraag.beslistermijn_weken)
