"""Pages of the bezwaar: filing (belanghebbende), registering a letter and the workspace (bezwaarbehandelaar)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from aanvragen import weergave
from aanvragen.transities import TransitieFout
from accounts.models import Rol
from accounts.scoping import rol_vereist

from . import forms, selectors, services

BEHANDELAAR = Rol.BEZWAARBEHANDELAAR


@rol_vereist(Rol.WERKGEVER, Rol.WERKNEMER)
def indienen(request, besluit_pk: int):
    besluit = selectors.besluit_voor(user=request.user, pk=besluit_pk)
    form = forms.BezwaarIndienenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.bezwaar_indienen(besluit=besluit, door=request.user, gronden=form.cleaned_data["gronden"])
        except TransitieFout as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, "Wij hebben uw bezwaar ontvangen. U krijgt een beslissing per brief.")
            return redirect("aanvragen:detail", pk=besluit.aanvraag_id)
    status = 422 if request.method == "POST" else 200
    return render(request, "bezwaar/indienen.html", {"besluit": besluit, "form": form}, status=status)


@rol_vereist(BEHANDELAAR)
def registreren(request, besluit_pk: int):
    besluit = selectors.besluit_voor(user=request.user, pk=besluit_pk)
    form = forms.BezwaarRegistrerenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            bezwaar = services.bezwaar_registreren(besluit=besluit, door=request.user, **form.cleaned_data)
        except TransitieFout as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, "Het bezwaarschrift is geregistreerd.")
            return redirect("bezwaar:detail", pk=bezwaar.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "bezwaar/registreren.html", {"besluit": besluit, "form": form}, status=status)


@rol_vereist(BEHANDELAAR)
def lijst(request):
    filter_ = request.GET.get("filter", "open")
    if filter_ not in selectors.FILTERS:
        filter_ = "open"
    vandaag = timezone.localdate()
    rijen = [(b, _termijn(b, vandaag)) for b in selectors.bezwaren(user=request.user, filter_=filter_)]
    return render(request, "bezwaar/lijst.html", {"rijen": rijen, "filter": filter_, "filters": selectors.FILTERS})


def _termijn(bezwaar, vandaag):
    return weergave.termijnweergave(einde=bezwaar.uiterste_beslisdatum, vandaag=vandaag, open_=bezwaar.is_open)


def _detail(request, pk: int, *, status: int = 200, **formulieren):
    bezwaar = selectors.bezwaar_detail(user=request.user, pk=pk)
    context = {
        "bezwaar": bezwaar,
        "besluit": bezwaar.besluit,
        "aanvraag": bezwaar.besluit.aanvraag,
        "termijn": _termijn(bezwaar, timezone.localdate()),
        "beslistermijn": bezwaar.beslistermijn(),
        "in_behandeling_form": forms.InBehandelingForm(),
        "verdagen_form": forms.VerdagenForm(),
        "hoorzitting_form": forms.HoorzittingForm(initial={
            "op": bezwaar.hoorzitting_op, "genodigden": bezwaar.hoorzitting_genodigden,
            "verslag": bezwaar.hoorzitting_verslag}),
        "verschoonbaar_form": forms.VerschoonbaarForm(),
        "beslissen_form": forms.BeslissenForm(),
        **formulieren,
    }
    return render(request, "bezwaar/detail.html", context, status=status)


@rol_vereist(BEHANDELAAR)
def detail(request, pk: int):
    return _detail(request, pk)


def _actie(request, pk: int, form_class, naam: str, uitvoeren, gelukt: str):
    """A POSTed action: an invalid form re-renders with what was typed, a refused one shows why."""
    bezwaar = selectors.bezwaar_detail(user=request.user, pk=pk)
    form = form_class(request.POST)
    if not form.is_valid():
        return _detail(request, pk, status=422, **{naam: form})
    try:
        uitvoeren(bezwaar, form.cleaned_data)
    except TransitieFout as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, gelukt)
    return redirect("bezwaar:detail", pk=pk)


@require_POST
@rol_vereist(BEHANDELAAR)
def in_behandeling_nemen(request, pk: int):
    return _actie(request, pk, forms.InBehandelingForm, "in_behandeling_form",
                  lambda b, d: services.bezwaar_in_behandeling_nemen(bezwaar=b, door=request.user, **d),
                  "U behandelt dit bezwaar.")


@require_POST
@rol_vereist(BEHANDELAAR)
def verdagen(request, pk: int):
    return _actie(request, pk, forms.VerdagenForm, "verdagen_form",
                  lambda b, d: services.bezwaar_verdagen(bezwaar=b, door=request.user, **d),
                  "De beslissing is met zes weken verdaagd.")


@require_POST
@rol_vereist(BEHANDELAAR)
def hoorzitting(request, pk: int):
    return _actie(request, pk, forms.HoorzittingForm, "hoorzitting_form",
                  lambda b, d: services.bezwaar_hoorzitting_vastleggen(bezwaar=b, door=request.user, **d),
                  "De hoorzitting is vastgelegd.")


@require_POST
@rol_vereist(BEHANDELAAR)
def verschoonbaar(request, pk: int):
    return _actie(request, pk, forms.VerschoonbaarForm, "verschoonbaar_form",
                  lambda b, d: services.bezwaar_verschoonbaarheid_vastleggen(bezwaar=b, door=request.user, **d),
                  "Het oordeel over de termijnoverschrijding is vastgelegd.")


@require_POST
@rol_vereist(BEHANDELAAR)
def beslissen(request, pk: int):
    return _actie(request, pk, forms.BeslissenForm, "beslissen_form",
                  lambda b, d: services.bezwaar_beslissen(bezwaar=b, door=request.user, **d),
                  "De beslissing op bezwaar is genomen; de brief wordt gemaakt.")
