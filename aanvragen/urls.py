from django.urls import path

from . import views

app_name = "aanvragen"
urlpatterns = [
    path("aanvragen/", views.mijn_aanvragen, name="mijn"),
    path("aanvragen/nieuw/", views.nieuw, name="nieuw"),
    path("aanvragen/<int:pk>/", views.detail, name="detail"),
    path("aanvragen/<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("aanvragen/<int:pk>/indienen/", views.indienen, name="indienen"),
    path("aanvragen/<int:pk>/intrekken/", views.intrekken, name="intrekken"),
    path("aanvragen/<int:pk>/in-behandeling/", views.in_behandeling_nemen, name="in_behandeling_nemen"),
    path("werklijst/", views.werklijst, name="werklijst"),
    path("overzicht/", views.overzicht, name="overzicht"),
]
