from django.apps import AppConfig


class BezwaarConfig(AppConfig):
    name = "aanvragen.bezwaar"
    label = "bezwaar"
    verbose_name = "Bezwaar"
