import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from . import selectors
from .forms import VerwerkingenZoekForm
from .models import Rol
from .navigation import startpagina
from .scoping import rol_vereist


@login_required
def start(request):
    """Every role lands on its own start page."""
    return redirect(startpagina(request.user))


@rol_vereist(Rol.FUNCTIONEEL_BEHEERDER)
def verwerkingen(request):
    """The verwerkingenlog per person, for an AVG inzageverzoek; shown on the page or exported as CSV."""
    form = VerwerkingenZoekForm(request.POST or None)
    regels = None
    if request.method == "POST" and form.is_valid():
        regels = list(selectors.verwerkingen_van_persoon(user=request.user, **form.cleaned_data))
        if "csv" in request.POST:
            return _als_csv(regels)
    return render(request, "accounts/verwerkingen.html", {"form": form, "regels": regels})


def _als_csv(regels) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="verwerkingenlog.csv"'
    schrijver = csv.writer(response, delimiter=";")
    schrijver.writerow(["Datum en tijd", "Medewerker", "Rol", "Aanvraag", "Actie", "Werkproces", "Pagina"])
    for regel in regels:
        schrijver.writerow([
            timezone.localtime(regel.wanneer).strftime("%d-%m-%Y %H:%M:%S"),
            regel.wie.get_full_name() or regel.wie.username, regel.wie.get_rol_display(), regel.aanvraag_id,
            regel.get_actie_display(), regel.get_werkproces_display(), regel.url_naam,
        ])
    return response
