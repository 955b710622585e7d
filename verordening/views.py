"""Beheer of verordening versions (functioneel beheerder), the comparison page, and the register.

A beheerder only reaches versions of his own gemeenten and their regio's; any other id is a 404.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import Rol
from accounts.scoping import rol_vereist

from . import selectors, services, weergave
from .forms import (
    JobcoachorganisatieForm,
    KeurmerkregistratieForm,
    RegioDatumForm,
    VergelijkingForm,
    VerordeningFormulier,
    VoorbeeldForm,
    voorbeeld_standaard,
)
from .models import KeurmerkKeuze, Verordening, VersieOnwijzigbaar
from .voorbeeld import bereken_voorbeeld, casusfeiten, regimenamen

BEHEERDER = Rol.FUNCTIONEEL_BEHEERDER
VERGELIJKERS = (Rol.FUNCTIONEEL_BEHEERDER, Rol.BELEIDSMEDEWERKER)


def _versie(request, pk: int) -> Verordening:
    try:
        return selectors.verordening_voor_beheer(request.user, pk)
    except Verordening.DoesNotExist:
        raise Http404("Verordening niet gevonden") from None


@rol_vereist(BEHEERDER)
def lijst(request):
    eigenaren = selectors.beheeroverzicht(request.user, vandaag=timezone.localdate())
    return render(request, "verordening/lijst.html", {"eigenaren": eigenaren})


@require_POST
@rol_vereist(BEHEERDER)
def nieuw(request, soort: str, pk: int):
    try:
        eigenaar = selectors.beheerbare_eigenaar(request.user, soort=soort, pk=pk)
    except ObjectDoesNotExist:
        raise Http404("Gemeente of regio niet gevonden") from None
    concept = services.verordening_concept_maken(door=request.user, **{soort: eigenaar})
    bron = f" op basis van '{concept.afgeleid_van.naam}'" if concept.afgeleid_van else ""
    messages.success(request, f"Er is een nieuwe conceptversie gemaakt{bron}. Pas haar aan en publiceer haar.")
    return redirect("verordening:bewerken", pk=concept.pk)


@rol_vereist(BEHEERDER)
def detail(request, pk: int):
    versie = _versie(request, pk)
    voorbeeldgemeente = versie.gemeente or versie.regio.gemeenten.order_by("naam").first()
    return render(request, "verordening/detail.html", {
        "versie": versie,
        "onderdelen": weergave.samenvatting(versie),
        "briefhoofd": versie.briefhoofd_voor(voorbeeldgemeente) if voorbeeldgemeente else versie.briefhoofd_naam,
        "logo": versie.logo_als_data_uri(),
    })


@rol_vereist(BEHEERDER)
def bewerken(request, pk: int):
    versie = _versie(request, pk)
    if not versie.is_concept:
        messages.info(request, "Deze versie is gepubliceerd en kan niet meer worden gewijzigd. "
                               "Maak een nieuwe versie om iets te veranderen.")
        return redirect("verordening:detail", pk=pk)
    if request.method != "POST":
        formulier = VerordeningFormulier(verordening=versie, versie=services.versie_token(versie))
        return render(request, "verordening/bewerken.html", {"versie": versie, "formulier": formulier})
    formulier = VerordeningFormulier(verordening=versie, versie=services.versie_token(versie),
                                     data=request.POST, files=request.FILES)
    if formulier.is_valid():
        try:
            services.verordening_concept_opslaan(verordening=versie, door=request.user, gegevens=formulier.gegevens,
                                                 versie=formulier.gegevens.get("versie", ""))
        except services.GelijktijdigGewijzigd as fout:
            formulier = _na_gelijktijdige_wijziging(request, pk, fout)
        except (services.VerordeningFout, VersieOnwijzigbaar) as fout:
            for melding in getattr(fout, "meldingen", [str(fout)]):
                formulier.fout(melding)
        except Verordening.DoesNotExist:
            formulier.fout("Dit concept is intussen verwijderd; uw wijzigingen zijn niet opgeslagen.")
        else:
            messages.success(request, "Het concept is opgeslagen.")
            return redirect("verordening:detail", pk=pk)
    return render(request, "verordening/bewerken.html", {"versie": versie, "formulier": formulier}, status=422)


def _na_gelijktijdige_wijziging(request, pk: int, fout) -> VerordeningFormulier:
    """The typed form again, now carrying the current version token: saving once more overwrites knowingly."""
    actueel = _versie(request, pk)
    data = request.POST.copy()
    data["versie"] = services.versie_token(actueel)
    formulier = VerordeningFormulier(verordening=actueel, versie=data["versie"], data=data, files=request.FILES)
    formulier.is_valid()
    for melding in fout.meldingen:
        formulier.fout(melding)
    return formulier


@require_POST
@rol_vereist(BEHEERDER)
def publiceren(request, pk: int):
    versie = _versie(request, pk)
    try:
        services.verordening_publiceren(verordening=versie, door=request.user)
    except services.VerordeningFout as fout:
        for melding in fout.meldingen:
            messages.error(request, f"Niet gepubliceerd: {melding}")
        return redirect("verordening:detail", pk=pk)
    except PermissionDenied:
        raise Http404("Verordening niet gevonden") from None
    messages.success(request, f"'{versie.naam}' is gepubliceerd en geldt vanaf {versie.geldig_van:%d-%m-%Y}. "
                              "Deze versie kan nu niet meer worden gewijzigd.")
    return redirect("verordening:detail", pk=pk)


@require_POST
@rol_vereist(BEHEERDER)
def verwijderen(request, pk: int):
    versie = _versie(request, pk)
    try:
        services.verordening_concept_verwijderen(verordening=versie, door=request.user)
    except VersieOnwijzigbaar as fout:
        messages.error(request, str(fout))
        return redirect("verordening:detail", pk=pk)
    messages.success(request, f"Het concept '{versie.naam}' is verwijderd.")
    return redirect("verordening:lijst")


def _voorbeeldgegevens(request) -> dict:
    """The typed example case, or the standard example when the page is opened without one."""
    if "contracturen_per_week" in request.GET:
        return request.GET
    return voorbeeld_standaard()


@rol_vereist(BEHEERDER)
def voorbeeld(request, pk: int):
    versie = _versie(request, pk)
    form = VoorbeeldForm(_voorbeeldgegevens(request), regimes=regimenamen([versie]))
    resultaat = None
    if form.is_valid():
        resultaat = bereken_voorbeeld(versie, casusfeiten(form.cleaned_data),
                                      kwaliteit_getoetst=form.cleaned_data["jobcoachorganisatie"] is not None)
    return render(request, "verordening/voorbeeld.html", {"versie": versie, "form": form, "resultaat": resultaat},
                  status=200 if form.is_valid() else 422)


@rol_vereist(*VERGELIJKERS)
def vergelijken(request):
    regio_s = selectors.regio_s_met_gemeenten()
    gegevens = dict(_voorbeeldgegevens(request).items())
    if "regio" not in gegevens:
        standaard = selectors.standaard_regio(request.user) or regio_s.first()
        gegevens["regio"] = standaard.pk if standaard else ""
    # First the regio and date alone: they decide the versions, whose regime names the full form offers.
    keuze = RegioDatumForm(gegevens, regio_s=regio_s)
    kolommen = selectors.vergelijking(**keuze.cleaned_data) if keuze.is_valid() else []
    form = VergelijkingForm(gegevens, regio_s=regio_s, regimes=regimenamen(k.verordening for k in kolommen))
    uitkomsten = []
    if form.is_valid():
        feiten = casusfeiten(form.cleaned_data)
        getoetst = form.cleaned_data["jobcoachorganisatie"] is not None
        uitkomsten = [(k, bereken_voorbeeld(k.verordening, feiten, kwaliteit_getoetst=getoetst)
                       if k.verordening else None) for k in kolommen]
    return render(request, "verordening/vergelijken.html", {
        "form": form,
        "kolommen": kolommen,
        "onderdelen": weergave.naast_elkaar([k.verordening for k in kolommen]),
        "uitkomsten": uitkomsten,
    }, status=200 if form.is_valid() else 422)


@rol_vereist(BEHEERDER)
def register(request):
    return render(request, "verordening/register.html",
                  {"organisaties": selectors.register(), "vandaag": timezone.localdate()})



@rol_vereist(BEHEERDER)
def organisatie_nieuw(request):
    form = JobcoachorganisatieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisatie = services.jobcoachorganisatie_registreren(door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            for veld, meldingen in fout.message_dict.items():
                for melding in meldingen:
                    form.add_error(veld if veld in form.fields else None, melding)
        else:
            messages.success(request, f"{organisatie.naam} staat in het register. Leg nu de keurmerken vast.")
            return redirect("verordening:keurmerk_nieuw", pk=organisatie.pk)
    return render(request, "verordening/organisatie_nieuw.html", {"form": form},
                  status=422 if form.is_bound else 200)


@rol_vereist(BEHEERDER)
def keurmerk_nieuw(request, pk: int):
    organisatie = get_object_or_404(selectors.register(), pk=pk)
    form = KeurmerkregistratieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.keurmerk_registreren(door=request.user, organisatie=organisatie, **form.cleaned_data)
        messages.success(request, f"Het {KeurmerkKeuze(form.cleaned_data['keurmerk']).label} van "
                                  f"{organisatie.naam} is vastgelegd.")
        return redirect("verordening:register")
    return render(request, "verordening/keurmerk_nieuw.html",
                  {"form": form, "organisatie": organisatie, "vandaag": timezone.localdate()},
                  status=422 if form.is_bound else 200)
