"""Celery tasks: thin, idempotent wrappers around services. They take ids, never objects."""

from celery import shared_task

from .documenten import beschikking_opslaan


@shared_task(
    bind=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=6,
    acks_late=True,
)
def beschikking_renderen(self, besluit_id: int) -> int:
    return beschikking_opslaan(besluit_id=besluit_id).pk
