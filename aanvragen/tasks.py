"""Celery tasks of the intake: thin, idempotent wrappers around aanvragen.brieven. They take ids."""

from celery import shared_task

from . import brieven

PDF_TAAK = {
    "bind": True,
    "autoretry_for": (Exception,),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 6,
    "acks_late": True,
}


@shared_task(**PDF_TAAK)
def ontvangstbevestiging_maken(self, aanvraag_id: int) -> int:
    return brieven.ontvangstbevestiging_opslaan(aanvraag_id=aanvraag_id).pk


@shared_task(**PDF_TAAK)
def aanvullingsbrief_maken(self, opschorting_id: int) -> int:
    return brieven.aanvullingsbrief_opslaan(opschorting_id=opschorting_id).pk


@shared_task(**PDF_TAAK)
def verdagingsbrief_maken(self, verdaging_id: int) -> int:
    return brieven.verdagingsbrief_opslaan(verdaging_id=verdaging_id).pk


@shared_task(**PDF_TAAK)
def buiten_behandeling_brief_maken(self, aanvraag_id: int) -> int:
    return brieven.buiten_behandeling_brief_opslaan(aanvraag_id=aanvraag_id).pk


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5, acks_late=True)
def bericht_mailen(self, aanvraag_id: int, soort: str) -> int:
    return brieven.bericht_versturen(aanvraag_id=aanvraag_id, soort=soort)
