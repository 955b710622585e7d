from django.contrib import admin

from .models import Gemeente, Jobcoachorganisatie, Regio, Verordening


@admin.register(Regio)
class RegioAdmin(admin.ModelAdmin):
    search_fields = ("naam",)


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ("naam", "cbs_code", "regio")
    search_fields = ("naam", "cbs_code")
    list_filter = ("regio",)


@admin.register(Verordening)
class VerordeningAdmin(admin.ModelAdmin):
    list_display = ("naam", "gemeente", "regio", "geldig_van", "geldig_tot", "beslistermijn_weken")
    list_filter = ("regio",)


@admin.register(Jobcoachorganisatie)
class JobcoachorganisatieAdmin(admin.ModelAdmin):
    search_fields = ("naam", "kvk_nummer")
