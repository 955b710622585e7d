"""The daily monitoring scan as a Celery (beat) task: a thin wrapper over services.monitoring_scan,
which is idempotent and catches up everything due on or before the peildatum."""

import datetime

from celery import shared_task

from . import services


@shared_task(acks_late=True)
def monitoring_scan_dagelijks(peildatum: str | None = None) -> dict[str, int]:
    datum = datetime.date.fromisoformat(peildatum) if peildatum else None
    return services.monitoring_scan(datum)
