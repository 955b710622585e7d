from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.models import GEMEENTE_ROLLEN, Rol
from accounts.scoping import rol_vereist, zichtbare_aanvragen

from . import selectors, services
from .forms import AanvraagForm, IntrekkenForm
from .models import Aanvraag, AanvraagStatus
from .services import AANVRAAG_VELDEN
from .transities import TransitieFout

AANVRAGERS = (Rol.WERKGEVER, Rol.WERKNEMER)
BEHANDELAARS = (Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE)


def _eigen_aanvraag(request, pk: int) -> Aanvraag:
    return get_object_or_404(zichtbare_aanvragen(request.user).select_related("gemeente"), pk=pk)


@rol_vereist(*AANVRAGERS)
def mijn_aanvragen(request):
    return render(request, "aanvragen/mijn_aanvragen.html", {"aanvragen": selectors.mijn_aanvragen(user=request.user)})


def _opslaan_of_indienen(request, form: AanvraagForm, aanvraag: Aanvraag | None):
    gegevens = {veld: form.cleaned_data[veld] for veld in AANVRAAG_VELDEN}
    aanvraag = services.aanvraag_concept_opslaan(
        door=request.user, gemeente=form.cleaned_data["gemeente"], gegevens=gegevens, aanvraag=aanvraag
    )
    if "indienen" not in request.POST:
        messages.success(request, "Uw aanvraag is als concept opgeslagen. U kunt later verder gaan.")
        return redirect("aanvragen:detail", pk=aanvraag.pk)
    try:
        aanvraag = services.aanvraag_indienen(aanvraag=aanvraag, door=request.user)
    except TransitieFout as fout:
        messages.error(request, f"Uw concept is bewaard, maar indienen lukte niet: {fout}")
        return redirect("aanvragen:detail", pk=aanvraag.pk)
    messages.success(request, f"Uw aanvraag is ingediend onder nummer {aanvraag.nummer}.")
    return redirect("aanvragen:detail", pk=aanvraag.pk)


@rol_vereist(*AANVRAGERS)
def nieuw(request):
    initial = {"werknemer_bsn": request.user.bsn} if request.user.rol == Rol.WERKNEMER else {}
    form = AanvraagForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        return _opslaan_of_indienen(request, form, None)
    return render(request, "aanvragen/formulier.html", {"form": form, "aanvraag": None})


@rol_vereist(*AANVRAGERS)
def bewerken(request, pk: int):
    aanvraag = _eigen_aanvraag(request, pk)
    if aanvraag.status != AanvraagStatus.CONCEPT:
        messages.info(request, "Deze aanvraag is al ingediend en kan niet meer worden gewijzigd.")
        return redirect("aanvragen:detail", pk=pk)
    initial = {veld: getattr(aanvraag, veld) for veld in AANVRAAG_VELDEN} | {"gemeente": aanvraag.gemeente}
    form = AanvraagForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        return _opslaan_of_indienen(request, form, aanvraag)
    return render(request, "aanvragen/formulier.html", {"form": form, "aanvraag": aanvraag})


@require_POST
@rol_vereist(*AANVRAGERS)
def indienen(request, pk: int):
    aanvraag = _eigen_aanvraag(request, pk)
    if aanvraag.status != AanvraagStatus.CONCEPT:
        messages.info(request, f"Deze aanvraag is al ingediend onder nummer {aanvraag.nummer}.")
        return redirect("aanvragen:detail", pk=pk)
    try:
        aanvraag = services.aanvraag_indienen(aanvraag=aanvraag, door=request.user)
        messages.success(request, f"Uw aanvraag is ingediend onder nummer {aanvraag.nummer}.")
    except TransitieFout as fout:
        messages.error(request, str(fout))
    return redirect("aanvragen:detail", pk=pk)


@require_POST
@rol_vereist(*AANVRAGERS)
def intrekken(request, pk: int):
    aanvraag = _eigen_aanvraag(request, pk)
    form = IntrekkenForm(request.POST)
    form.is_valid()
    try:
        services.aanvraag_intrekken(aanvraag=aanvraag, door=request.user, reden=form.cleaned_data.get("reden", ""))
        messages.success(request, "Uw aanvraag is ingetrokken.")
    except TransitieFout as fout:
        messages.error(request, str(fout))
    return redirect("aanvragen:detail", pk=pk)


@rol_vereist(*AANVRAGERS, *GEMEENTE_ROLLEN, Rol.JOBCOACH)
def detail(request, pk: int):
    try:
        aanvraag = selectors.aanvraag_detail(user=request.user, pk=pk)
    except Aanvraag.DoesNotExist:
        raise Http404("Aanvraag niet gevonden") from None
    beoordelingen = list(aanvraag.beoordelingen.all())
    documenten = list(aanvraag.documenten.all())
    return render(
        request,
        "aanvragen/detail.html",
        {
            "aanvraag": aanvraag,
            "beoordeling": beoordelingen[-1] if beoordelingen else None,
            "documenten": documenten,
            "wacht_op_beschikking": aanvraag.status == AanvraagStatus.BESLOTEN and not documenten,
            "transities": aanvraag.transities.all(),
            "beslistermijn_einde": selectors.beslistermijn_einde(aanvraag),
            "is_aanvrager": request.user.rol in AANVRAGERS,
            "is_klantmanager": request.user.rol == Rol.KLANTMANAGER,
            "intrekken_form": IntrekkenForm(),
            "open_statussen": [s.value for s in (AanvraagStatus.INGEDIEND, AanvraagStatus.IN_BEHANDELING,
                                                 AanvraagStatus.AANVULLING_GEVRAAGD)],
        },
    )


@rol_vereist(*BEHANDELAARS)
def werklijst(request):
    status = request.GET.get("status", "")
    if status not in AanvraagStatus.values:
        status = ""
    sorteer = "nieuwste" if request.GET.get("sorteer") == "nieuwste" else "oudste"
    paginator = Paginator(selectors.werklijst(user=request.user, status=status, sorteer=sorteer),
                          settings.WERKLIJST_PER_PAGINA)
    pagina = paginator.get_page(request.GET.get("pagina"))
    rijen = [(a, selectors.beslistermijn_einde(a)) for a in pagina.object_list]
    return render(
        request,
        "aanvragen/werklijst.html",
        {
            "pagina": pagina,
            "rijen": rijen,
            "status": status,
            "sorteer": sorteer,
            "statussen": [c for c in AanvraagStatus.choices if c[0] != AanvraagStatus.CONCEPT],
            "querystring": urlencode({"status": status, "sorteer": sorteer}) + "&",
        },
    )


@require_POST
@rol_vereist(Rol.KLANTMANAGER)
def in_behandeling_nemen(request, pk: int):
    aanvraag = _eigen_aanvraag(request, pk)
    try:
        services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=request.user)
        messages.success(request, "U behandelt deze aanvraag. Het onderzoek begint met de beeldvorming.")
    except TransitieFout as fout:
        messages.error(request, str(fout))
    return redirect("aanvragen:detail", pk=pk)


@rol_vereist(Rol.BELEIDSMEDEWERKER)
def overzicht(request):
    """Management information: number of cases per gemeente and status."""
    rijen = (
        zichtbare_aanvragen(request.user)
        .values("gemeente__naam", "status")
        .annotate(aantal=Count("id"))
        .order_by("gemeente__naam", "status")
    )
    labels = dict(AanvraagStatus.choices)
    tabel: dict[str, dict[str, int]] = {}
    for rij in rijen:
        tabel.setdefault(rij["gemeente__naam"], {})[rij["status"]] = rij["aantal"]
    statussen = [s for s in AanvraagStatus.values if s != AanvraagStatus.CONCEPT]
    return render(
        request,
        "aanvragen/overzicht.html",
        {
            "kolommen": [labels[s] for s in statussen],
            "tabel": [(g, [aantallen.get(s, 0) for s in statussen]) for g, aantallen in tabel.items()],
        },
    )
