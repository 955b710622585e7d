"""Celery tasks of the bezwaar: thin, idempotent wrappers that take ids."""

from celery import shared_task

from beoordeling.tasks import RENDERTAAK

from . import services


@shared_task(**RENDERTAAK)
def beslissing_renderen(self, bezwaar_id: int) -> int:
    return services.beslissing_opslaan(bezwaar_id=bezwaar_id).pk
