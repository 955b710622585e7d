"""Celery tasks: thin, idempotent wrappers around services. They take ids, never objects.

The rendering tasks are acks_late (settings: reject_on_worker_lost, prefetch 1), so a worker killed
mid-task has its message redelivered; each service locks its row and returns what is already done,
so a redelivery or a duplicate never makes a second document.
"""

from celery import Task, shared_task

from . import documenten, dossier

RENDERTAAK = {
    "bind": True,
    "autoretry_for": (Exception,),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 6,
    "acks_late": True,
}


@shared_task(**RENDERTAAK)
def beschikking_renderen(self, besluit_id: int, versie: int = 1) -> int:
    return documenten.beschikking_opslaan(besluit_id=besluit_id, versie=versie).pk


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5, acks_late=True)
def beschikking_melden(self, document_id: int) -> int:
    return documenten.beschikking_melden(document_id=document_id)


class Dossiertaak(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Called once the retries are used up: the request is marked, so its page stops waiting.
        dossier.dossier_mislukt(verzoek_id=kwargs.get("verzoek_id", args[0] if args else None))


@shared_task(base=Dossiertaak, **RENDERTAAK)
def dossier_maken(self, verzoek_id: int) -> int:
    return dossier.dossier_maken(verzoek_id=verzoek_id).pk


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5, acks_late=True)
def dossier_gereed_melden(self, verzoek_id: int) -> int:
    return dossier.dossier_gereed_melden(verzoek_id=verzoek_id)
