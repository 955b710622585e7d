"""Demo part of monitoring: a traject for every toekenning the demo already decided (idempotent:
traject_aanmaken makes at most one per besluit), then one scan so the statuses match today."""

from django.db import transaction

from beoordeling.models import Besluit

from . import services


def laad_trajecten() -> int:
    with transaction.atomic():
        besluiten = Besluit.objects.filter(uitkomst__in=services.TOEKENNINGEN, traject__isnull=True).select_related(
            "verordening")
        aantal = sum(1 for besluit in besluiten if services.traject_aanmaken(besluit=besluit))
    services.monitoring_scan()
    return aantal
