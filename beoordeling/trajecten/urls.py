from django.urls import path

from . import views

app_name = "trajecten"
urlpatterns = [
    path("monitoring/mijn-trajecten/", views.jobcoach_lijst, name="jobcoach"),
    path("monitoring/mijn-trajecten/<int:pk>/", views.jobcoach_traject, name="jobcoach_traject"),
    path("monitoring/rapportage/<int:pk>/herzien/", views.rapportage_herzien, name="herzien"),
    path("monitoring/trajecten/", views.overzicht, name="overzicht"),
    path("monitoring/trajecten/<int:pk>/", views.traject, name="traject"),
    path("monitoring/rapportage/<int:pk>/beoordelen/", views.rapportage_beoordelen, name="beoordelen"),
]
