from django.urls import path

from . import formulier, views

app_name = "aanvragen"
urlpatterns = [
    path("aanvragen/", views.mijn_aanvragen, name="mijn"),
    # The online form (and the klantmanager's registration of a phone or letter request)
    path("aanvragen/nieuw/", formulier.nieuw, name="nieuw"),
    path("aanvragen/registreren/", formulier.registreren, name="registreren"),
    path("aanvragen/<int:pk>/bewerken/", formulier.bewerken, name="bewerken"),
    path("aanvragen/<int:pk>/stap/<slug:stap>/", formulier.stap, name="stap"),
    path("aanvragen/<int:pk>/indienen/", formulier.indienen, name="indienen"),
    path("aanvragen/<int:pk>/bijlagen/<int:bijlage_pk>/", formulier.bijlage, name="bijlage"),
    path("aanvragen/<int:pk>/bijlagen/<int:bijlage_pk>/verwijderen/", formulier.bijlage_verwijderen,
         name="bijlage_verwijderen"),
    # The case
    path("aanvragen/<int:pk>/", views.detail, name="detail"),
    path("aanvragen/<int:pk>/brieven/", views.documenten, name="documenten"),
    path("aanvragen/<int:pk>/brieven/<int:document_pk>/", views.document, name="document"),
    path("aanvragen/<int:pk>/intrekken/", views.intrekken, name="intrekken"),
    path("aanvragen/<int:pk>/aanvullen/", views.aanvullen, name="aanvullen"),
    path("aanvragen/<int:pk>/in-behandeling/", views.in_behandeling_nemen, name="in_behandeling_nemen"),
    path("aanvragen/<int:pk>/aanvulling-vragen/", views.aanvulling_vragen, name="aanvulling_vragen"),
    path("aanvragen/<int:pk>/verdagen/", views.verdagen, name="verdagen"),
    path("aanvragen/<int:pk>/buiten-behandeling/", views.buiten_behandeling, name="buiten_behandeling"),
    path("werklijst/", views.werklijst, name="werklijst"),
    path("overzicht/", views.overzicht, name="overzicht"),
]
