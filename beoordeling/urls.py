from django.urls import path

from . import views, views_documenten

app_name = "beoordeling"
urlpatterns = [
    path("onderzoek/<int:pk>/", views.detail, name="detail"),
    path("onderzoek/<int:pk>/geschiedenis/", views.geschiedenis, name="geschiedenis"),
    path("onderzoek/<int:pk>/overnemen/", views.overnemen, name="overnemen"),
    path("onderzoek/<int:pk>/vaststellen/", views.vaststellen, name="vaststellen"),
    path("onderzoek/<int:pk>/terugsturen/", views.terugsturen, name="terugsturen"),
    path("onderzoek/<int:pk>/<str:fase>/", views.fase, name="fase"),
    path("onderzoek/<int:pk>/<str:fase>/rij/<str:soort>/", views.rij, name="rij"),
    path("ondertekenen/", views.ondertekenen, name="ondertekenen"),
    path("besluiten/", views.besluiten, name="besluiten"),
    path("documenten/<int:pk>/", views.document, name="document"),
    path("aanvragen/<int:aanvraag_pk>/documenten/", views.documenten_status, name="documenten_status"),
    # Stored documents: the onderzoek dossier on request, and the logged, permission-checked download
    path("besluiten/<int:besluit_pk>/dossier/", views_documenten.dossier_opvragen, name="dossier_opvragen"),
    path("dossierverzoeken/<int:pk>/", views_documenten.dossierverzoek, name="dossierverzoek"),
    path("documenten/<int:pk>/download/", views_documenten.download, name="download"),
]
