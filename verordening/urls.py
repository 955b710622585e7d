from django.urls import path

from . import views

app_name = "verordening"
urlpatterns = [path("verordeningen/", views.lijst, name="lijst")]
