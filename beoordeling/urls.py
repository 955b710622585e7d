from django.urls import path

from . import views

app_name = "beoordeling"
urlpatterns = [
    path("onderzoek/<int:pk>/", views.detail, name="detail"),
    path("onderzoek/<int:pk>/opslaan/", views.opslaan, name="opslaan"),
    path("onderzoek/<int:pk>/vaststellen/", views.vaststellen, name="vaststellen"),
    path("onderzoek/<int:pk>/terugsturen/", views.terugsturen, name="terugsturen"),
    path("ondertekenen/", views.ondertekenen, name="ondertekenen"),
    path("besluiten/", views.besluiten, name="besluiten"),
    path("trajecten/", views.trajecten, name="trajecten"),
    path("documenten/<int:pk>/", views.document, name="document"),
    path("aanvragen/<int:aanvraag_pk>/documenten/", views.documenten_status, name="documenten_status"),
]
