from django.apps import AppConfig


class TrajectenConfig(AppConfig):
    """Monitoring after a toekenning: the traject, the jobcoach's reports and the daily scan."""

    name = "beoordeling.trajecten"
    label = "trajecten"
    verbose_name = "Trajecten"
    default_auto_field = "django.db.models.BigAutoField"
