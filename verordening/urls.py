from django.urls import path

from . import views

app_name = "verordening"
urlpatterns = [
    path("verordeningen/", views.lijst, name="lijst"),
    path("verordeningen/nieuw/<str:soort>/<int:pk>/", views.nieuw, name="nieuw"),
    path("verordeningen/vergelijken/", views.vergelijken, name="vergelijken"),
    path("verordeningen/<int:pk>/", views.detail, name="detail"),
    path("verordeningen/<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("verordeningen/<int:pk>/publiceren/", views.publiceren, name="publiceren"),
    path("verordeningen/<int:pk>/verwijderen/", views.verwijderen, name="verwijderen"),
    path("verordeningen/<int:pk>/voorbeeld/", views.voorbeeld, name="voorbeeld"),
    path("jobcoachorganisaties/", views.register, name="register"),
    path("jobcoachorganisaties/nieuw/", views.organisatie_nieuw, name="organisatie_nieuw"),
    path("jobcoachorganisaties/<int:pk>/keurmerk/", views.keurmerk_nieuw, name="keurmerk_nieuw"),
]
