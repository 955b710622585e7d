from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from aanvragen.models import Transitie
from aanvragen.transities import GelijktijdigGewijzigd, TransitieFout
from accounts.models import GEMEENTE_ROLLEN, Rol
from accounts.scoping import rol_vereist, zichtbare_aanvragen

from . import selectors, services
from .dossier import download_registreren
from .forms import OvernemenForm, TerugsturenForm
from .models import BeoordelingStatus
from .paginas import FASE_TITEL, FasePagina, lege_rij, overzicht
from .volledigheid import FASEN

STAF = (Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE, Rol.BEZWAARBEHANDELAAR)


def _fase_url(pk: int, fase: str, anker: str = "") -> str:
    return reverse("beoordeling:fase", args=[pk, fase]) + (f"#{anker}" if anker else "")


# --- the whole onderzoek on one page (review, sign-off, bezwaar) -----------------------------------


def _overzicht(request, pk: int, *, terugsturen_form=None, status=200):
    beoordeling = selectors.onderzoek_voor(user=request.user, pk=pk)
    context = overzicht(request.user, beoordeling)
    context["terugsturen_form"] = terugsturen_form or TerugsturenForm()
    return render(request, "beoordeling/detail.html", context, status=status)


@rol_vereist(*STAF)
def detail(request, pk: int):
    return _overzicht(request, pk)


@rol_vereist(*STAF)
def geschiedenis(request, pk: int):
    beoordeling = selectors.beoordeling_voor(user=request.user, pk=pk)
    pagina = Paginator(selectors.wijzigingen(user=request.user, beoordeling=beoordeling), 100).get_page(
        request.GET.get("pagina"))
    transities = Transitie.objects.filter(machine="beoordeling", object_id=beoordeling.pk).select_related("door")
    return render(request, "beoordeling/geschiedenis.html", {
        "beoordeling": beoordeling, "aanvraag": beoordeling.aanvraag, "pagina": pagina,
        "transities": transities, "querystring": "",
        "medisch_verborgen": not selectors.mag_medisch_zien(request.user, beoordeling.aanvraag),
    })


# --- the phase pages (klantmanager) -------------------------------------------------------------------


def _fase_of_404(fase: str) -> str:
    if fase not in FASEN:
        raise Http404("Onbekende fase")
    return fase


def _render_fase(request, pagina: FasePagina, *, status=200, ontbreekt_fout=False):
    return render(request, "beoordeling/fase.html", pagina.context(ontbreekt_fout=ontbreekt_fout), status=status)


@rol_vereist(Rol.KLANTMANAGER)
def fase(request, pk: int, fase: str):
    fase = _fase_of_404(fase)
    beoordeling = selectors.onderzoek_voor(user=request.user, pk=pk)
    if not services.mag_bewerken(beoordeling, request.user, fase):
        messages.info(request, f"De {FASE_TITEL[fase].lower()} kan nu niet worden bewerkt.")
        return redirect("beoordeling:detail", pk=pk)
    if request.method != "POST":
        return _render_fase(request, FasePagina(beoordeling, fase), ontbreekt_fout="ontbreekt" in request.GET)
    pagina = FasePagina(beoordeling, fase, data=request.POST)
    if not pagina.is_valid():
        return _render_fase(request, pagina, status=422)
    try:
        services.beoordeling_fase_opslaan(beoordeling=beoordeling, door=request.user, gegevens=pagina.gegevens(),
                                          versie=pagina.versie, fase=fase)
    except GelijktijdigGewijzigd as fout:
        return _conflict(request, pk, fase, pagina.versie, str(fout))
    except services.OnderzoekFout as fout:
        pagina.fout(str(fout), veld=getattr(fout, "veld", None))
        return _render_fase(request, pagina, status=422)
    except TransitieFout as fout:
        messages.error(request, str(fout))
        return redirect("beoordeling:detail", pk=pk)
    return _na_opslaan(request, beoordeling, fase)


def _conflict(request, pk: int, fase: str, oude_versie: str, melding: str):
    """Someone saved first: show the user's own input again, the other's changes, and the conflict.

    The form now carries the current version, so saving again (after taking the other's changes into
    account) is a deliberate choice rather than a silent overwrite."""
    beoordeling = selectors.onderzoek_voor(user=request.user, pk=pk)
    data = request.POST.copy()
    data["versie"] = services.versie_token(beoordeling)
    pagina = FasePagina(beoordeling, fase, data=data)
    pagina.is_valid()
    pagina.fout(melding)
    pagina.conflict = selectors.wijzigingen_sinds(user=request.user, beoordeling=beoordeling, versie=oude_versie)
    return _render_fase(request, pagina, status=409)


def _na_opslaan(request, beoordeling, fase: str):
    pk = beoordeling.pk
    if "toevoegen" in request.POST:
        messages.success(request, "Opgeslagen. Vul de nieuwe regel in.")
        return redirect(_fase_url(pk, fase, f"{request.POST['toevoegen']}-nieuw"))
    if "verder" not in request.POST or fase != beoordeling.status:
        messages.success(request, "Opgeslagen.")
        return redirect(_fase_url(pk, fase))
    try:
        if beoordeling.status == BeoordelingStatus.BESLUITVORMING:
            services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=request.user)
            messages.success(request, "Opgeslagen en ter ondertekening aangeboden aan een arbeidsdeskundige.")
            return redirect("beoordeling:detail", pk=pk)
        services.beoordeling_volgende_fase(beoordeling=beoordeling, door=request.user)
    except services.Onvolledig:
        messages.error(request, "Opgeslagen, maar nog niet door naar de volgende fase: er ontbreekt nog iets "
                                "(zie de lijst hieronder).")
        return redirect(reverse("beoordeling:fase", args=[pk, fase]) + "?ontbreekt=1#ontbreekt")
    except TransitieFout as fout:
        messages.error(request, f"Opgeslagen, maar nog niet door naar de volgende fase: {fout}")
        return redirect(_fase_url(pk, fase))
    messages.success(request, f"Opgeslagen. Het onderzoek is nu in de fase {beoordeling.get_status_display().lower()}.")
    return redirect(_fase_url(pk, beoordeling.status))


@require_GET
@rol_vereist(Rol.KLANTMANAGER)
def rij(request, pk: int, fase: str, soort: str):
    """htmx: one more empty row for a phase's formset, appended without saving (or "" to remove one)."""
    fase = _fase_of_404(fase)
    beoordeling = selectors.onderzoek_voor(user=request.user, pk=pk)
    if not services.mag_bewerken(beoordeling, request.user, fase):
        raise Http404("Dit onderdeel kan niet worden bewerkt")
    if "weghalen" in request.GET:
        return HttpResponse("")
    try:
        index = int(request.GET.get("index", ""))
    except ValueError:
        raise Http404("Geen regelnummer") from None
    context = lege_rij(beoordeling, fase, soort, index)
    if context is None:
        raise Http404("Onbekend soort regel")
    return render(request, "beoordeling/_rij.html", context)


@require_POST
@rol_vereist(Rol.KLANTMANAGER)
def overnemen(request, pk: int):
    beoordeling = selectors.beoordeling_voor(user=request.user, pk=pk)
    form = OvernemenForm(request.POST)
    if not form.is_valid():
        raise Http404("Geen versie")
    try:
        services.beoordeling_aanvraag_overnemen(beoordeling=beoordeling, door=request.user,
                                                versie=form.cleaned_data["versie"])
        messages.success(request, "De antwoorden uit de aanvraag staan nu in de beeldvorming. Controleer en vul ze aan.")
    except TransitieFout as fout:
        messages.error(request, str(fout))
    return redirect(_fase_url(pk, "beeldvorming", "factoren"))


# --- sign-off (arbeidsdeskundige) -----------------------------------------------------------------------


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
        return _overzicht(request, pk, terugsturen_form=form, status=422)
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


@rol_vereist(Rol.WERKGEVER, Rol.WERKNEMER, *GEMEENTE_ROLLEN)
def document(request, pk: int):
    doc = selectors.document_voor(user=request.user, pk=pk)
    download_registreren(document=doc, door=request.user)
    return FileResponse(doc.bestand.open("rb"), as_attachment=True, filename=doc.bestandsnaam,
                        content_type="application/pdf")


@rol_vereist(Rol.WERKGEVER, Rol.WERKNEMER, *GEMEENTE_ROLLEN)
def documenten_status(request, aanvraag_pk: int):
    """htmx fragment: the documents of a case, polled while the beschikking is being made."""
    aanvraag = get_object_or_404(zichtbare_aanvragen(request.user), pk=aanvraag_pk)
    documenten = list(aanvraag.documenten.order_by("-aangemaakt_op"))
    return render(request, "beoordeling/_documenten.html",
                  {"aanvraag": aanvraag, "documenten": documenten, "wacht_op_beschikking": not documenten})
