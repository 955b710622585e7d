from django.contrib import admin

from .models import (
    Gemeente,
    Jobcoachorganisatie,
    Jobcoachprofiel,
    Keurmerkregistratie,
    Regio,
    Verordening,
    VersieStatus,
)


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
    """Concepts can be edited here too; publishing happens on the beheer pages (with the overlap checks).

    A published version is shown read-only and cannot be deleted: a correction is a new version.
    """

    list_display = ("naam", "gemeente", "regio", "geldig_van", "geldig_tot", "status", "beslistermijn_weken")
    list_filter = ("status", "regio")
    search_fields = ("naam", "gemeente__naam", "regio__naam")
    readonly_fields = ("status", "gepubliceerd_op", "gepubliceerd_door", "afgeleid_van", "gewijzigd_op")

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status == VersieStatus.GEPUBLICEERD:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status == VersieStatus.GEPUBLICEERD:
            return False
        return super().has_delete_permission(request, obj)


class KeurmerkregistratieInline(admin.TabularInline):
    model = Keurmerkregistratie
    extra = 1


@admin.register(Jobcoachorganisatie)
class JobcoachorganisatieAdmin(admin.ModelAdmin):
    search_fields = ("naam", "kvk_nummer")
    list_display = ("naam", "kvk_nummer")
    inlines = [KeurmerkregistratieInline]


@admin.register(Jobcoachprofiel)
class JobcoachprofielAdmin(admin.ModelAdmin):
    list_display = ("jobcoach", "opleidingsniveau")
    list_select_related = ("jobcoach",)
