"""Reads for the traject pages, scoped so other organisations and gemeenten get a 404. Every list is
a fixed number of queries: aggregates and the open signal come as annotations."""

from django.db.models import DecimalField, Exists, OuterRef, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import ACTIEF, Signaal, SignaalSoort, Traject, Voortgangsrapportage


def _met_cijfers(qs: QuerySet) -> QuerySet:
    ontbreekt = Signaal.objects.filter(traject=OuterRef("pk"), soort=SignaalSoort.RAPPORTAGE_ONTBREEKT,
                                       opgelost=False)
    return qs.select_related("aanvraag", "gemeente", "jobcoachorganisatie").annotate(
        uren_besteed=Coalesce(Sum("rapportages__uren_besteed"), Value(0),
                              output_field=DecimalField(max_digits=7, decimal_places=1)),
        rapportage_ontbreekt=Exists(ontbreekt),
    )


def trajecten_van_jobcoach(*, user) -> QuerySet:
    if not user.jobcoachorganisatie_id:
        return Traject.objects.none()
    return _met_cijfers(Traject.objects.filter(jobcoachorganisatie_id=user.jobcoachorganisatie_id))


def trajecten_van_gemeenten(*, user, status: str = "", achterstallig: bool = False) -> QuerySet:
    qs = Traject.objects.filter(gemeente_id__in=user.gemeente_ids())
    if status:
        qs = qs.filter(status=status)
    qs = _met_cijfers(qs)
    if achterstallig:
        qs = qs.filter(rapportage_ontbreekt=True)
    return qs


def traject_voor_jobcoach(*, user, pk: int) -> Traject:
    return get_object_or_404(trajecten_van_jobcoach(user=user), pk=pk)


def traject_voor_gemeente(*, user, pk: int) -> Traject:
    return get_object_or_404(trajecten_van_gemeenten(user=user), pk=pk)


def rapportages(traject: Traject) -> QuerySet:
    return traject.rapportages.select_related("ingediend_door").order_by("-periode_einde")


def rapportage_voor_jobcoach(*, user, pk: int) -> Voortgangsrapportage:
    qs = Voortgangsrapportage.objects.select_related("traject__aanvraag")
    return get_object_or_404(qs, pk=pk, traject__jobcoachorganisatie_id=user.jobcoachorganisatie_id or -1)


def rapportage_voor_gemeente(*, user, pk: int) -> Voortgangsrapportage:
    qs = Voortgangsrapportage.objects.select_related("traject__aanvraag")
    return get_object_or_404(qs, pk=pk, traject__gemeente_id__in=user.gemeente_ids())


def doelen(traject: Traject) -> list:
    """The besluit's coaching goals the report answers per goal."""
    return list(traject.besluit.beoordeling.doelen.order_by("id"))


def kan_rapporteren(traject: Traject) -> bool:
    return traject.status in ACTIEF and traject.status != "gepland" and traject.startdatum <= timezone.localdate()
