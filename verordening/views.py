from django.shortcuts import render

from accounts.models import Rol
from accounts.scoping import rol_vereist

from .models import Verordening
from django.db.models import Q


@rol_vereist(Rol.FUNCTIONEEL_BEHEERDER)
def lijst(request):
    gemeente_ids = request.user.gemeente_ids()
    versies = (
        Verordening.objects.filter(Q(gemeente_id__in=gemeente_ids) | Q(regio__gemeenten__id__in=gemeente_ids))
        .select_related("gemeente", "regio")
        .distinct()
        .order_by("gemeente__naam", "regio__naam", "-geldig_van")
    )
    return render(request, "verordening/lijst.html", {"versies": versies})
