from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import views as accounts_views

admin.site.site_header = "Jobcoachloket – beheer"

urlpatterns = [
    path("", accounts_views.start, name="start"),
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("aanvragen.urls")),
    path("", include("beoordeling.urls")),
    path("", include("beoordeling.trajecten.urls")),
    path("", include("aanvragen.bezwaar.urls")),
    path("", include("verordening.urls")),
    path("", include("accounts.urls")),
    path("beheer/", admin.site.urls),
]
