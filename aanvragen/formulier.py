"""Views of the online aanvraag: the steps, the summary, submitting, bijlagen, and the klantmanager's
registration of a request received by phone or letter.

Every step saves to the concept in the database (never the session), also the valid part of a step
with errors, so nothing is lost on a validation error, an expired session or a double submit.
"""

import uuid

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import Rol
from accounts.scoping import rol_vereist
from verordening.models import Gemeente
from verordening.selectors import GeenVerordening, verordening_op_datum

from . import bijlagen as bijlage_regels
from . import selectors, services, stappen
from .bijlagen import BijlageGeweigerd
from .forms import BijlagenForm, GemeenteZoekveld, RegistratieForm
from .models import Aanvraag, AanvraagStatus, Kanaal
from .transities import GeenToestemming, TransitieFout

AANVRAGERS = (Rol.WERKGEVER, Rol.WERKNEMER, Rol.JOBCOACH)
INVULLERS = (*AANVRAGERS, Rol.KLANTMANAGER)


def _stappen(aanvraag: Aanvraag | None, huidig: str) -> list[dict]:
    return [
        {"nummer": i, "slug": s.slug, "titel": s.label, "huidig": s.slug == huidig,
         "bereikbaar": aanvraag is not None and aanvraag.pk is not None}
        for i, s in enumerate(stappen.STAPPEN, start=1)
    ]


def _render_stap(request, *, slug: str, form, aanvraag: Aanvraag | None, status: int = 200, **extra):
    stap = stappen.PER_SLUG[slug]
    context = {
        "stap": stap,
        "stappen": _stappen(aanvraag, slug),
        "form": form,
        "aanvraag": aanvraag,
        "vorige": stappen.buur(slug, -1),
        "is_registratie": aanvraag is not None and aanvraag.kanaal != Kanaal.ONLINE,
        **extra,
    }
    if slug == "werknemer":
        context["datalist_id"] = GemeenteZoekveld.DATALIST_ID
        context["gemeenten"] = form.fields["gemeente"].gemeenten
    return render(request, "aanvragen/stap.html", context, status=status)


def _na_opslaan(request, aanvraag: Aanvraag, slug: str):
    actie = request.POST.get("actie", "volgende")
    if actie == "opslaan":
        messages.success(request, "Uw aanvraag is als concept bewaard. U kunt later verder gaan via Mijn aanvragen.")
        if request.user.rol == Rol.KLANTMANAGER:
            return redirect("aanvragen:registreren")
        return redirect("aanvragen:mijn")
    doel = stappen.buur(slug, -1 if actie == "vorige" else 1) or slug
    return redirect("aanvragen:stap", pk=aanvraag.pk, stap=doel)


def _verwerk_stap(request, *, slug: str, form, aanvraag: Aanvraag | None, invoer_sleutel=None):
    geldig = form.is_valid()
    try:
        opgeslagen = stappen.opslaan(slug, form, aanvraag=aanvraag, user=request.user, invoer_sleutel=invoer_sleutel)
    except TransitieFout:
        messages.info(request, "Deze aanvraag is al ingediend en kan niet meer worden gewijzigd.")
        return redirect("aanvragen:detail", pk=aanvraag.pk) if aanvraag else redirect("aanvragen:mijn")
    aanvraag = opgeslagen or aanvraag
    later_verder = request.POST.get("actie") == "opslaan" and aanvraag is not None
    if not geldig and not (later_verder and not _getypt_maar_ongeldig(form)):
        return _render_stap(request, slug=slug, form=form, aanvraag=aanvraag, status=422,
                            invoer_sleutel=invoer_sleutel)
    return _na_opslaan(request, aanvraag, slug)


def _getypt_maar_ongeldig(form) -> bool:
    """Whether a field with an error holds something typed: leaving then would lose it. Fields that are
    merely empty may stay empty in a concept ("opslaan en later verder")."""
    return any(form[naam].data not in (None, "", []) for naam in form.errors if naam in form.fields)


def _sleutel(request) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get("invoer_sleutel", ""))
    except ValueError:
        return None


@rol_vereist(*AANVRAGERS)
def nieuw(request):
    """The first step of a new aanvraag; the concept is made when the first step is sent. (A klantmanager
    starts from `registreren`.)"""
    try:
        leeg = services.leeg_concept(request.user)
    except GeenToestemming as fout:
        messages.error(request, str(fout))
        return redirect("start")
    if request.method == "POST":
        form = stappen.formulier("werknemer", leeg, request.user, data=request.POST)
        return _verwerk_stap(request, slug="werknemer", form=form, aanvraag=None, invoer_sleutel=_sleutel(request))
    form = stappen.formulier("werknemer", leeg, request.user)
    return _render_stap(request, slug="werknemer", form=form, aanvraag=None, invoer_sleutel=uuid.uuid4())


@rol_vereist(*INVULLERS)
def bewerken(request, pk: int):
    """Continue a concept: the first step with something missing, else the summary."""
    aanvraag = selectors.aanvraag_voor_indienen(user=request.user, pk=pk)
    if aanvraag.status != AanvraagStatus.CONCEPT:
        messages.info(request, "Deze aanvraag is al ingediend en kan niet meer worden gewijzigd.")
        return redirect("aanvragen:detail", pk=pk)
    aanvraag = selectors.concept_voor(user=request.user, pk=pk)
    fouten = stappen.stappen_met_fouten(stappen.controle(aanvraag, request.user))
    return redirect("aanvragen:stap", pk=pk, stap=fouten[0].slug if fouten else "controleren")


@rol_vereist(*INVULLERS)
def stap(request, pk: int, stap: str):
    if stap not in stappen.PER_SLUG:
        raise Http404("Deze stap bestaat niet")
    aanvraag = selectors.concept_voor(user=request.user, pk=pk)
    if stap == "controleren":
        return _controleren(request, aanvraag)
    if stap == "bijlagen":
        return _bijlagen(request, aanvraag)
    if request.method == "POST":
        form = stappen.formulier(stap, aanvraag, request.user, data=request.POST)
        return _verwerk_stap(request, slug=stap, form=form, aanvraag=aanvraag)
    return _render_stap(request, slug=stap, form=stappen.formulier(stap, aanvraag, request.user), aanvraag=aanvraag)


def _bijlagen(request, aanvraag: Aanvraag):
    form = BijlagenForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        toegevoegd = []
        for bestand in form.cleaned_data["bestanden"]:
            try:
                bijlage = services.bijlage_toevoegen(aanvraag=aanvraag, door=request.user, bestand=bestand)
                toegevoegd.append(bijlage.naam)
            except BijlageGeweigerd as fout:
                form.add_error("bestanden", str(fout))
        if toegevoegd:
            messages.success(request, "Toegevoegd: " + ", ".join(toegevoegd) + ".")
        if not form.errors:
            return _na_opslaan(request, aanvraag, "bijlagen")
    status = 422 if request.method == "POST" else 200
    bijlagen = list(aanvraag.bijlagen.all()) if request.method == "GET" else list(aanvraag.bijlagen.order_by("id"))
    return _render_stap(request, slug="bijlagen", form=form, aanvraag=aanvraag, status=status, bijlagen=bijlagen,
                        totaal=bijlage_regels.mb(sum(b.grootte for b in bijlagen)))


def _beslistermijn_weken(gemeente: Gemeente | None) -> int | None:
    if gemeente is None:
        return None
    try:
        return verordening_op_datum(gemeente=gemeente, datum=timezone.localdate()).beslistermijn_weken
    except GeenVerordening:
        return None


def _controleren(request, aanvraag: Aanvraag, status: int = 200):
    controles = stappen.controle(aanvraag, request.user)
    return _render_stap(
        request, slug="controleren", form=None, aanvraag=aanvraag, status=status,
        fouten=[(stappen.PER_SLUG[slug], form) for slug, form in controles.items() if not form.is_valid()],
        beslistermijn_weken=_beslistermijn_weken(aanvraag.gemeente),
        ondersteuning=list(aanvraag.ondersteuningsvragen.all()),
        werkplek=list(aanvraag.werkplekfactoren.all()),
        bijlagen=list(aanvraag.bijlagen.all()),
    )


@require_POST
@rol_vereist(*INVULLERS)
def indienen(request, pk: int):
    """Submit (or, for a klantmanager, register) a complete concept. A second click changes nothing."""
    aanvraag = selectors.aanvraag_voor_indienen(user=request.user, pk=pk)
    if aanvraag.status != AanvraagStatus.CONCEPT:
        messages.info(request, f"Deze aanvraag is al ingediend onder nummer {aanvraag.nummer}.")
        return redirect("aanvragen:detail", pk=pk)
    aanvraag = selectors.concept_voor(user=request.user, pk=pk)
    fouten = stappen.stappen_met_fouten(stappen.controle(aanvraag, request.user))
    if fouten:
        messages.error(request, "Uw aanvraag is nog niet compleet. Vul eerst aan: "
                       + ", ".join(s.titel.lower() for s in fouten) + ". Wat u al invulde, is bewaard.")
        return redirect("aanvragen:stap", pk=pk, stap="controleren")
    try:
        aanvraag = services.aanvraag_indienen(aanvraag=aanvraag, door=request.user)
    except TransitieFout as fout:
        messages.error(request, f"Uw aanvraag is bewaard, maar indienen lukte niet: {fout}")
        return redirect("aanvragen:stap", pk=pk, stap="controleren")
    if aanvraag.kanaal == Kanaal.ONLINE:
        messages.success(request, f"Uw aanvraag is ingediend onder nummer {aanvraag.nummer}.")
    else:
        messages.success(request, f"De aanvraag is geregistreerd onder nummer {aanvraag.nummer}.")
    return redirect("aanvragen:detail", pk=pk)


@rol_vereist(*INVULLERS, Rol.ARBEIDSDESKUNDIGE, Rol.BEZWAARBEHANDELAAR)
def bijlage(request, pk: int, bijlage_pk: int):
    """Download a bijlage: only for who may see the case (404 otherwise)."""
    bijlage = selectors.bijlage_voor(user=request.user, aanvraag_pk=pk, pk=bijlage_pk)
    soort = bijlage_regels.SOORTEN.get(bijlage.soort)
    return FileResponse(bijlage.bestand.open("rb"), as_attachment=True, filename=bijlage.naam,
                        content_type=soort.mime if soort else "application/octet-stream")


@require_POST
@rol_vereist(*INVULLERS)
def bijlage_verwijderen(request, pk: int, bijlage_pk: int):
    aanvraag = selectors.concept_voor(user=request.user, pk=pk)
    bijlage = selectors.bijlage_voor(user=request.user, aanvraag_pk=aanvraag.pk, pk=bijlage_pk)
    services.bijlage_verwijderen(bijlage=bijlage, door=request.user)
    messages.success(request, f"{bijlage.naam} is verwijderd.")
    return redirect("aanvragen:stap", pk=pk, stap="bijlagen")


@rol_vereist(Rol.KLANTMANAGER)
def registreren(request):
    """Register a request received by phone or letter; then fill in the same steps as online."""
    gemeenten = Gemeente.objects.filter(pk__in=request.user.gemeente_ids()).order_by("naam")
    form = RegistratieForm(request.POST or None, gemeenten=gemeenten,
                           initial={"ontvangen_op": timezone.localdate(), "gemeente": gemeenten.first()})
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        aanvraag = services.aanvraag_registratie_starten(
            door=request.user, gemeente=gegevens["gemeente"], kanaal=gegevens["kanaal"],
            ontvangen_op=gegevens["ontvangen_op"], aanvrager=gegevens["aanvrager"],
            jobcoachorganisatie=gegevens["jobcoachorganisatie"], namens=gegevens["namens"],
        )
        return redirect("aanvragen:stap", pk=aanvraag.pk, stap="werknemer")
    concepten = (Aanvraag.objects.filter(aangemaakt_door=request.user, status=AanvraagStatus.CONCEPT)
                 .exclude(kanaal=Kanaal.ONLINE).select_related("gemeente").order_by("-aangemaakt_op"))
    return render(request, "aanvragen/registreren.html", {"form": form, "concepten": concepten},
                  status=422 if request.method == "POST" else 200)

