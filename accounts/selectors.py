"""Reads for the accounts pages."""

from django.db.models import QuerySet

from .models import Verwerking


def verwerkingen_van_persoon(*, user, bsn: str, van=None, tot=None) -> QuerySet:
    """The log entries for one person, limited to the cases of the beheerder's gemeenten. One query."""
    from aanvragen.models import Aanvraag

    eigen_zaken = Aanvraag.objects.filter(gemeente_id__in=user.gemeente_ids()).values("id")
    qs = Verwerking.objects.filter(persoon_sleutel=Verwerking.sleutel(bsn), aanvraag_id__in=eigen_zaken)
    if van:
        qs = qs.filter(wanneer__date__gte=van)
    if tot:
        qs = qs.filter(wanneer__date__lte=tot)
    return qs.select_related("wie")
