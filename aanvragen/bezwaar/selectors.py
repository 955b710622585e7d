"""Reads of the bezwaar pages, scoped to what the user may see (404 otherwise), with a fixed query count."""

from django.http import Http404

from accounts.scoping import zichtbare_aanvragen
from beoordeling.models import Besluit

from .models import OPEN_STATUSSEN, Bezwaar, BezwaarStatus

FILTERS = {"open": "Open", "beslist": "Beslist", "alle": "Alle"}


def besluit_voor(*, user, pk: int) -> Besluit:
    """A besluit of a case the user may see."""
    besluit = (Besluit.objects.select_related("aanvraag__gemeente", "aanvraag__werkgever")
               .filter(aanvraag__in=zichtbare_aanvragen(user), pk=pk).first())
    if besluit is None:
        raise Http404("Besluit niet gevonden")
    return besluit


def _zichtbaar(user):
    return Bezwaar.objects.filter(besluit__aanvraag__in=zichtbare_aanvragen(user))


def bezwaren(*, user, filter_: str = "open") -> list[Bezwaar]:
    """The workspace list: the bezwaren of the user's gemeenten, the nearest beslisdatum first."""
    qs = _zichtbaar(user).select_related("besluit__aanvraag", "gemeente", "behandelaar")
    if filter_ == "open":
        qs = qs.filter(status__in=OPEN_STATUSSEN)
    elif filter_ == "beslist":
        qs = qs.filter(status=BezwaarStatus.BESLIST)
    return list(qs.order_by("uiterste_beslisdatum", "id"))


def bezwaar_detail(*, user, pk: int) -> Bezwaar:
    bezwaar = (_zichtbaar(user)
               .select_related("besluit__aanvraag__gemeente", "besluit__aanvraag__werkgever", "besluit__beoordeling",
                               "behandelaar", "ingediend_door", "beslissing", "herbeoordeling", "gemeente")
               .filter(pk=pk).first())
    if bezwaar is None:
        raise Http404("Bezwaar niet gevonden")
    return bezwaar


def bezwaren_op_aanvraag(*, aanvraag) -> list[Bezwaar]:
    """The bezwaren against the besluiten of one case (the caller fetched the case through the scope)."""
    return list(Bezwaar.objects.filter(besluit__aanvraag=aanvraag).select_related("beslissing").order_by("id"))
