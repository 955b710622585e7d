from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User, Werkgever


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    list_display = ("username", "get_full_name", "rol", "werkgever", "jobcoachorganisatie", "is_active")
    list_filter = ("rol", "is_active", "gemeenten")
    fieldsets = UserAdmin.fieldsets + (
        ("Rol en organisatie", {"fields": ("rol", "gemeenten", "werkgever", "jobcoachorganisatie", "bsn")}),
    )
    filter_horizontal = ("gemeenten",)


@admin.register(Werkgever)
class WerkgeverAdmin(admin.ModelAdmin):
    list_display = ("naam", "kvk_nummer")
    search_fields = ("naam", "kvk_nummer")
