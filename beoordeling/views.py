from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aanvragen.transities import TransitieFout
from accounts.models import GEMEENTE_ROLLEN, Rol
from accounts.scoping import rol_vereist, zichtbare_aanvragen

from . import selectors, services
from .forms import BesluitvormingForm, FaseForm, TerugsturenForm
from .models import BeoordelingStatus

STAF = (Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE, Rol.BEZWAARBEHANDELAAR)


def _fase_form(beoordeling, data=None):
    fase = services.FASE_VELD.get(beoordeling.status)
    if fase is None:
        return None
    initial = {"versie": services.versie_token(beoordeling), fase: getattr(beoordeling, fase)}
    if fase == "besluitvorming":
        initial |= {naam: getattr(beoordeling, naam) for naam in services.VOORSTEL_VELDEN}
        return BesluitvormingForm(data, initial=initial)
    return FaseForm(data, initial=initial, fase=fase)


def _pagina(request, beoordeling, form=None, terugsturen_form=None, status=200):
    mag_bewerken = request.user.rol == Rol.KLANTMANAGER
    return render(
        request,
        "beoordeling/detail.html",
        {
            "beoordeling": beoordeling,
            "aanvraag": beoordeling.aanvraag,
            "form": form or (_fase_form(beoordeling) if mag_bewerken else None),
            "terugsturen_form": terugsturen_form or TerugsturenForm(),
            "ontbreekt": beoordeling.ontbrekend_voor_ondertekening(),
            "mag_ondertekenen": request.user.rol == Rol.ARBEIDSDESKUNDIGE
            and beoordeling.status == BeoordelingStatus.TER_ONDERTEKENING
            and beoordeling.voorbereid_door_id != request.user.pk,
            "is_voorbereider": beoordeling.voorbereid_door_id == request.user.pk,
        },
        status=status,
    )


@rol_vereist(*STAF)
def detail(request, pk: int):
    return _pagina(request, selectors.beoordeling_voor(user=request.user, pk=pk))


@require_POST
@rol_vereist(Rol.KLANTMANAGER)
def opslaan(request, pk: int):
    """Save the current phase; with `verder` also move on to the next phase (or to ondertekening)."""
    beoordeling = selectors.beoordeling_voor(user=request.user, pk=pk)
    form = _fase_form(beoordeling, request.POST)
    if form is None:
        messages.error(request, "In deze fase kan het onderzoek niet meer worden gewijzigd.")
        return redirect("beoordeling:detail", pk=pk)
    if not form.is_valid():
        return _pagina(request, beoordeling, form=form, status=422)
    try:
        services.beoordeling_fase_opslaan(
            beoordeling=beoordeling, door=request.user, gegevens=form.cleaned_data, versie=form.cleaned_data["versie"]
        )
    except TransitieFout as fout:
        form.add_error(None, str(fout))
        return _pagina(request, beoordeling, form=form, status=409)
    if "verder" not in request.POST:
        messages.success(request, "Opgeslagen.")
        return redirect("beoordeling:detail", pk=pk)
    try:
        if beoordeling.status == BeoordelingStatus.BESLUITVORMING:
            services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=request.user)
            messages.success(request, "Opgeslagen en ter ondertekening aangeboden aan een arbeidsdeskundige.")
        else:
            services.beoordeling_volgende_fase(beoordeling=beoordeling, door=request.user)
            messages.success(request, f"Opgeslagen. Het onderzoek is nu in de fase {beoordeling.get_status_display().lower()}.")
    except TransitieFout as fout:
        messages.error(request, f"Opgeslagen, maar nog niet door naar de volgende fase: {_fase_fout(beoordeling, fout)}")
    return redirect("beoordeling:detail", pk=pk)


def _fase_fout(beoordeling, fout: TransitieFout) -> str:
    veld = services.FASE_VELD.get(beoordeling.status)
    if veld and veld != "besluitvorming" and not getattr(beoordeling, veld).strip():
        return f"vul eerst de {veld} in."
    return str(fout)


@require_POST
@rol_vereist(Rol.ARBEIDSDESKUNDIGE)
def vaststellen(request, pk: int):
    beoordeling = selectors.beoordeling_voor(user=request.user, pk=pk)
    try:
        services.beoordeling_vaststellen(beoordeling=beoordeling, door=request.user)
        messages.success(request, "Het besluit is vastgesteld. De beschikking wordt aangemaakt.")
    except TransitieFout as fout:
        messages.error(request, str(fout))
        return redirect("beoordeling:detail", pk=pk)
    return redirect("aanvragen:detail", pk=beoordeling.aanvraag_id)


@require_POST
@rol_vereist(Rol.ARBEIDSDESKUNDIGE)
def terugsturen(request, pk: int):
    beoordeling = selectors.beoordeling_voor(user=request.user, pk=pk)
    form = TerugsturenForm(request.POST)
    if not form.is_valid():
        return _pagina(request, beoordeling, terugsturen_form=form, status=422)
    try:
        services.beoordeling_terugsturen(beoordeling=beoordeling, door=request.user, reden=form.cleaned_data["reden"])
        messages.success(request, "Het besluit is teruggestuurd naar de klantmanager.")
    except TransitieFout as fout:
        messages.error(request, str(fout))
    return redirect("beoordeling:detail", pk=pk)


@rol_vereist(Rol.ARBEIDSDESKUNDIGE)
def ondertekenen(request):
    return render(request, "beoordeling/ondertekenen.html",
                  {"beoordelingen": selectors.ter_ondertekening(user=request.user)})


@rol_vereist(Rol.BEZWAARBEHANDELAAR)
def besluiten(request):
    return render(request, "beoordeling/besluiten.html", {"besluiten": selectors.besluiten(user=request.user)})


@rol_vereist(Rol.JOBCOACH)
def trajecten(request):
    besluiten = selectors.besluiten(user=request.user, jobcoachorganisatie_id=request.user.jobcoachorganisatie_id)
    return render(request, "beoordeling/trajecten.html", {"besluiten": besluiten})


@rol_vereist(Rol.WERKGEVER, Rol.WERKNEMER, *GEMEENTE_ROLLEN)
def document(request, pk: int):
    doc = selectors.document_voor(user=request.user, pk=pk)
    return FileResponse(doc.bestand.open("rb"), as_attachment=True, filename=doc.bestandsnaam,
                        content_type="application/pdf")


@rol_vereist(Rol.WERKGEVER, Rol.WERKNEMER, *GEMEENTE_ROLLEN)
def documenten_status(request, aanvraag_pk: int):
    """htmx fragment: the documents of a case, polled while the beschikking is being made."""
    from django.shortcuts import get_object_or_404

    aanvraag = get_object_or_404(zichtbare_aanvragen(request.user), pk=aanvraag_pk)
    documenten = list(aanvraag.documenten.order_by("-aangemaakt_op"))
    return render(request, "beoordeling/_documenten.html",
                  {"aanvraag": aanvraag, "documenten": documenten, "wacht_op_beschikking": not documenten})
