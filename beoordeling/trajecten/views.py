"""Traject pages: the jobcoach's portal (own organisation only) and the klantmanager's overview and
review (own gemeenten only). Objects come through scoped selectors, so others get a 404."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aanvragen.transities import TransitieFout
from accounts.models import Rol
from accounts.scoping import rol_vereist

from . import selectors, services
from .forms import BeoordelenForm, RapportageForm
from .models import R, TrajectStatus

# --- jobcoach ------------------------------------------------------------------------------------


@rol_vereist(Rol.JOBCOACH)
def jobcoach_lijst(request):
    return render(request, "trajecten/jobcoach_lijst.html",
                  {"trajecten": selectors.trajecten_van_jobcoach(user=request.user)})


@rol_vereist(Rol.JOBCOACH)
def jobcoach_traject(request, pk: int):
    traject = selectors.traject_voor_jobcoach(user=request.user, pk=pk)
    doelen = selectors.doelen(traject)
    form = RapportageForm(request.POST or None, doelen=doelen)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.rapportage_indienen(traject=traject, door=request.user, gegevens=form.gegevens())
            except TransitieFout as fout:
                messages.error(request, str(fout))
            else:
                messages.success(request, "De voortgangsrapportage is ingediend bij de klantmanager.")
            return redirect("trajecten:jobcoach_traject", pk=pk)
        status = 422
    return render(request, "trajecten/jobcoach_traject.html", {
        "traject": traject, "form": form, "rapportages": selectors.rapportages(traject),
        "kan_rapporteren": selectors.kan_rapporteren(traject),
    }, status=status)


@rol_vereist(Rol.JOBCOACH)
def rapportage_herzien(request, pk: int):
    rapportage = selectors.rapportage_voor_jobcoach(user=request.user, pk=pk)
    if rapportage.status != R.WIJZIGING_GEVRAAGD:
        messages.error(request, "Deze rapportage wacht niet op een wijziging.")
        return redirect("trajecten:jobcoach_traject", pk=rapportage.traject_id)
    doelen = selectors.doelen(rapportage.traject)
    form = RapportageForm(request.POST or None, doelen=doelen, initial=RapportageForm.initial_uit(rapportage))
    if request.method == "POST" and form.is_valid():
        try:
            services.rapportage_herzien(rapportage=rapportage, door=request.user, gegevens=form.gegevens())
        except TransitieFout as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, "De gewijzigde rapportage is opnieuw ingediend.")
        return redirect("trajecten:jobcoach_traject", pk=rapportage.traject_id)
    return render(request, "trajecten/herzien.html", {"rapportage": rapportage, "form": form},
                  status=422 if request.method == "POST" else 200)


# --- klantmanager --------------------------------------------------------------------------------


@rol_vereist(Rol.KLANTMANAGER)
def overzicht(request):
    status = request.GET.get("status", "")
    if status not in TrajectStatus.values:
        status = ""
    achterstallig = request.GET.get("achterstallig") == "1"
    trajecten = selectors.trajecten_van_gemeenten(user=request.user, status=status, achterstallig=achterstallig)
    return render(request, "trajecten/overzicht.html", {
        "trajecten": trajecten, "statussen": TrajectStatus.choices, "status": status, "achterstallig": achterstallig,
    })


def _traject_pagina(request, pk: int, *, fouten: dict | None = None, status: int = 200):
    traject = selectors.traject_voor_gemeente(user=request.user, pk=pk)
    rapportages = list(selectors.rapportages(traject))
    for r in rapportages:
        r.form = (fouten or {}).get(r.pk) or BeoordelenForm(prefix=f"r{r.pk}")
    return render(request, "trajecten/traject.html", {"traject": traject, "rapportages": rapportages}, status=status)


@rol_vereist(Rol.KLANTMANAGER)
def traject(request, pk: int):
    return _traject_pagina(request, pk)


@rol_vereist(Rol.KLANTMANAGER)
@require_POST
def rapportage_beoordelen(request, pk: int):
    rapportage = selectors.rapportage_voor_gemeente(user=request.user, pk=pk)
    form = BeoordelenForm(request.POST, prefix=f"r{rapportage.pk}")
    if not form.is_valid():
        return _traject_pagina(request, rapportage.traject_id, fouten={rapportage.pk: form}, status=422)
    try:
        if form.cleaned_data["besluit"] == "accepteren":
            services.rapportage_accepteren(rapportage=rapportage, door=request.user)
            messages.success(request, "De rapportage is geaccepteerd.")
        else:
            services.rapportage_wijziging_vragen(rapportage=rapportage, door=request.user,
                                                 reden=form.cleaned_data["reden"].strip())
            messages.success(request, "De jobcoach is om een wijziging gevraagd.")
    except TransitieFout as fout:
        messages.error(request, str(fout))
    return redirect("trajecten:traject", pk=rapportage.traject_id)
