from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.scoping import zichtbare_aanvragen

from .models import Beoordeling, BeoordelingStatus, Besluit, Document


def beoordeling_voor(*, user, pk: int) -> Beoordeling:
    qs = Beoordeling.objects.filter(aanvraag__in=zichtbare_aanvragen(user)).select_related(
        "aanvraag__gemeente", "aanvraag__werkgever", "voorbereid_door", "vastgesteld_door",
        "voorstel_jobcoachorganisatie",
    )
    return get_object_or_404(qs, pk=pk)


def ter_ondertekening(*, user) -> QuerySet:
    return (
        Beoordeling.objects.filter(aanvraag__in=zichtbare_aanvragen(user), status=BeoordelingStatus.TER_ONDERTEKENING)
        .select_related("aanvraag__werkgever", "voorbereid_door")
        .order_by("gewijzigd_op")
    )


def besluiten(*, user, jobcoachorganisatie_id: int | None = None) -> QuerySet:
    qs = Besluit.objects.filter(aanvraag__in=zichtbare_aanvragen(user))
    if jobcoachorganisatie_id is not None:
        qs = qs.filter(jobcoachorganisatie_id=jobcoachorganisatie_id)
    return qs.select_related("aanvraag__werkgever", "aanvraag__gemeente", "jobcoachorganisatie").order_by("-vastgesteld_op")


def document_voor(*, user, pk: int) -> Document:
    qs = Document.objects.filter(aanvraag__in=zichtbare_aanvragen(user)).select_related("aanvraag")
    return get_object_or_404(qs, pk=pk)
