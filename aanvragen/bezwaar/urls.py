from django.urls import path

from . import views

app_name = "bezwaar"
urlpatterns = [
    path("besluiten/<int:besluit_pk>/bezwaar/", views.indienen, name="indienen"),
    path("besluiten/<int:besluit_pk>/bezwaar/registreren/", views.registreren, name="registreren"),
    path("bezwaren/", views.lijst, name="lijst"),
    path("bezwaren/<int:pk>/", views.detail, name="detail"),
    path("bezwaren/<int:pk>/in-behandeling/", views.in_behandeling_nemen, name="in_behandeling_nemen"),
    path("bezwaren/<int:pk>/verdagen/", views.verdagen, name="verdagen"),
    path("bezwaren/<int:pk>/hoorzitting/", views.hoorzitting, name="hoorzitting"),
    path("bezwaren/<int:pk>/verschoonbaar/", views.verschoonbaar, name="verschoonbaar"),
    path("bezwaren/<int:pk>/beslissen/", views.beslissen, name="beslissen"),
]
