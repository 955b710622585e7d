"""Pages of a submitted aanvraag: the applicant's list and status, the case page with the Awb actions
(aanvulling, verdaging, buiten behandeling, intrekken), the klantmanager's worklist and the letters.

The online form itself lives in `formulier.py`.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_fsm import has_transition_perm

from accounts.models import GEMEENTE_ROLLEN, Rol
from accounts.scoping import rol_vereist, zichtbare_aanvragen
from beoordeling.dossier import download_registreren
from beoordeling.models import DocumentSoort

from . import selectors, services, weergave
from .bijlagen import BijlageGeweigerd
from .formulier import AANVRAGERS
from .forms import AanvullenForm, AanvullingVragenForm, BuitenBehandelingForm, IntrekkenForm, VerdagenForm
from .models import OPEN_STATUSSEN, Aanvraag, AanvraagStatus
from .paginering import BegrensdePaginator
from .transities import TransitieFout

BEHANDELAARS = (Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE)
ALLE_BETROKKENEN = (*AANVRAGERS, *GEMEENTE_ROLLEN)


def _eigen_aanvraag(request, pk: int) -> Aanvraag:
    return get_object_or_404(zichtbare_aanvragen(request.user).select_related("gemeente"), pk=pk)


# --- the applicant ----------------------------------------------------------------------------------------


@rol_vereist(*AANVRAGERS)
def mijn_aanvragen(request):
    rijen = []
    vandaag = timezone.localdate()
    for aanvraag in selectors.mijn_aanvragen(user=request.user):
        lopend = aanvraag.lopende_opschortingen[0] if aanvraag.lopende_opschortingen else None
        rijen.append((aanvraag, weergave.volgende_stap(
            status=aanvraag.status,
            gemeente=aanvraag.gemeente.naam if aanvraag.gemeente_id else "",
            uiterste_beslisdatum=aanvraag.uiterste_beslisdatum,
            hersteltermijn_einde=lopend.hersteltermijn_einde if lopend else None,
            verdaagd=aanvraag.verdaging_of_none() is not None,
            vandaag=vandaag,
        )))
    return render(request, "aanvragen/mijn_aanvragen.html", {"rijen": rijen})


# --- the case page -------------------------------------------------------------------------------------------


def _wacht_op_document(aanvraag: Aanvraag, documenten) -> str:
    """The letter that is still being made ("" when none): the page then polls for it."""
    soorten = {d.soort for d in documenten}
    if aanvraag.status == AanvraagStatus.BESLOTEN and DocumentSoort.BESCHIKKING not in soorten:
        return "De beschikking wordt aangemaakt…"
    if aanvraag.nummer and DocumentSoort.ONTVANGSTBEVESTIGING not in soorten:
        return "De ontvangstbevestiging wordt aangemaakt…"
    return ""


def _detail(request, pk: int, *, status: int = 200, **formulieren):
    try:
        aanvraag = selectors.aanvraag_detail(user=request.user, pk=pk)
    except Aanvraag.DoesNotExist:
        raise Http404("Aanvraag niet gevonden") from None
    user = request.user
    vandaag = timezone.localdate()
    beoordelingen = list(aanvraag.beoordelingen.all())
    documenten = list(aanvraag.documenten.all())
    opschortingen = list(aanvraag.opschortingen.all())
    lopend = aanvraag.lopende_opschorting()
    is_klantmanager = user.rol == Rol.KLANTMANAGER
    context = {
        "aanvraag": aanvraag,
        "beoordeling": beoordelingen[-1] if beoordelingen else None,
        "documenten": documenten,
        "wacht_op": _wacht_op_document(aanvraag, documenten),
        "transities": aanvraag.transities.all(),
        "beslistermijn": aanvraag.beslistermijn(),
        "termijn": weergave.termijnweergave(einde=aanvraag.uiterste_beslisdatum, vandaag=vandaag,
                                            open_=aanvraag.is_open, opgeschort=lopend is not None),
        "opschortingen": opschortingen,
        "lopend": lopend,
        "verdaging": aanvraag.verdaging_of_none(),
        "ondersteuning": list(aanvraag.ondersteuningsvragen.all()),
        "werkplek": list(aanvraag.werkplekfactoren.all()),
        "bijlagen": list(aanvraag.bijlagen.all()),
        "is_aanvrager": user.rol in AANVRAGERS,
        "is_klantmanager": is_klantmanager,
        # The roles that may open the onderzoek page (see beoordeling.views.STAF).
        "onderzoek_rollen": (Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE, Rol.BEZWAARBEHANDELAAR),
        "volgende_stap": weergave.volgende_stap(
            status=aanvraag.status, gemeente=aanvraag.gemeente.naam, uiterste_beslisdatum=aanvraag.uiterste_beslisdatum,
            hersteltermijn_einde=lopend.hersteltermijn_einde if lopend else None,
            verdaagd=aanvraag.verdaging_of_none() is not None, vandaag=vandaag),
        "mag_intrekken": has_transition_perm(aanvraag.intrekken, user),
        "mag_aanvullen": has_transition_perm(aanvraag.aanvulling_ontvangen, user),
        "intrekken_form": formulieren.get("intrekken_form") or IntrekkenForm(),
        "aanvullen_form": formulieren.get("aanvullen_form") or AanvullenForm(),
    }
    if is_klantmanager and aanvraag.is_open:
        context |= {
            "mag_aanvulling_vragen": has_transition_perm(aanvraag.aanvulling_vragen, user),
            "aanvulling_vragen_form": formulieren.get("aanvulling_vragen_form") or AanvullingVragenForm(),
            "verdagen_niet": services.verdaging_mogelijk(aanvraag, vandaag),
            "verdagen_form": formulieren.get("verdagen_form") or VerdagenForm(),
            "mag_buiten_behandeling": lopend is not None and vandaag > lopend.hersteltermijn_einde,
            "buiten_behandeling_form": formulieren.get("buiten_behandeling_form") or BuitenBehandelingForm(),
        }
    return render(request, "aanvragen/detail.html", context, status=status)


@rol_vereist(*ALLE_BETROKKENEN)
def detail(request, pk: int):
    concept = zichtbare_aanvragen(request.user).filter(pk=pk, status=AanvraagStatus.CONCEPT).exists()
    if concept:
        return redirect("aanvragen:bewerken", pk=pk)  # a concept is continued in the form
    return _detail(request, pk)


@rol_vereist(*ALLE_BETROKKENEN)
def documenten(request, pk: int):
    """htmx fragment: the letters of a case, polled while one is being made."""
    aanvraag = _eigen_aanvraag(request, pk)
    documenten = list(aanvraag.documenten.order_by("-aangemaakt_op", "-id"))
    context = {"aanvraag": aanvraag, "documenten": documenten, "wacht_op": _wacht_op_document(aanvraag, documenten)}
    return render(request, "aanvragen/_documenten.html", context)


@rol_vereist(*ALLE_BETROKKENEN)
def document(request, pk: int, document_pk: int):
    doc = selectors.document_voor(user=request.user, aanvraag_pk=pk, pk=document_pk)
    download_registreren(document=doc, door=request.user)
    return FileResponse(doc.bestand.open("rb"), as_attachment=True, filename=doc.bestandsnaam,
                        content_type="application/pdf")


def _actie(request, pk: int, form_class, naam: str, uitvoeren, gelukt: str):
    """Run a POSTed action on a case: the form re-renders with its errors, a refused transition is a message."""
    aanvraag = _eigen_aanvraag(request, pk)
    form = form_class(request.POST, request.FILES or None)
    if not form.is_valid():
        return _detail(request, pk, status=422, **{naam: form})
    try:
        uitvoeren(aanvraag, form.cleaned_data)
    except BijlageGeweigerd as fout:
        form.add_error("bestanden", str(fout))
        return _detail(request, pk, status=422, **{naam: form})
    except TransitieFout as fout:
        messages.error(request, str(fout))
        return redirect("aanvragen:detail", pk=pk)
    messages.success(request, gelukt)
    return redirect("aanvragen:detail", pk=pk)


@require_POST
@rol_vereist(*AANVRAGERS)
def intrekken(request, pk: int):
    return _actie(request, pk, IntrekkenForm, "intrekken_form",
                  lambda a, d: services.aanvraag_intrekken(aanvraag=a, door=request.user, reden=d["reden"]),
                  "Uw aanvraag is ingetrokken.")


@require_POST
@rol_vereist(*AANVRAGERS, Rol.KLANTMANAGER)
def aanvullen(request, pk: int):
    return _actie(request, pk, AanvullenForm, "aanvullen_form",
                  lambda a, d: services.aanvraag_aanvullen(aanvraag=a, door=request.user, toelichting=d["toelichting"],
                                                           bestanden=d["bestanden"]),
                  "De aanvulling is ontvangen. De gemeente gaat verder met de aanvraag; de beslistermijn loopt weer.")


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


@require_POST
@rol_vereist(Rol.KLANTMANAGER)
def aanvulling_vragen(request, pk: int):
    return _actie(request, pk, AanvullingVragenForm, "aanvulling_vragen_form",
                  lambda a, d: services.aanvraag_aanvulling_vragen(aanvraag=a, door=request.user,
                                                                   wat_ontbreekt=d["wat_ontbreekt"]),
                  "De aanvulling is gevraagd. De aanvrager krijgt een brief; de beslistermijn staat stil.")


@require_POST
@rol_vereist(Rol.KLANTMANAGER)
def verdagen(request, pk: int):
    return _actie(request, pk, VerdagenForm, "verdagen_form",
                  lambda a, d: services.aanvraag_verdagen(aanvraag=a, door=request.user, weken=d["weken"],
                                                          reden=d["reden"]),
                  "De beslistermijn is verdaagd. De aanvrager krijgt hierover een brief.")


@require_POST
@rol_vereist(Rol.KLANTMANAGER)
def buiten_behandeling(request, pk: int):
    return _actie(request, pk, BuitenBehandelingForm, "buiten_behandeling_form",
                  lambda a, d: services.aanvraag_buiten_behandeling_stellen(aanvraag=a, door=request.user,
                                                                            reden=d["reden"]),
                  "De aanvraag is buiten behandeling gesteld. De aanvrager krijgt het besluit als brief.")


# --- staff ------------------------------------------------------------------------------------------------------


@rol_vereist(*BEHANDELAARS)
def werklijst(request):
    status = request.GET.get("status", "")
    if status not in AanvraagStatus.values or status == AanvraagStatus.CONCEPT:
        status = ""
    behandelaar = request.GET.get("behandelaar", "iedereen")
    if behandelaar not in selectors.BEHANDELAAR_FILTERS:
        behandelaar = "iedereen"
    te_laat = request.GET.get("te_laat") == "1"
    sorteer = "nieuwste" if request.GET.get("sorteer") == "nieuwste" else "oudste"
    vandaag = timezone.localdate()
    qs = selectors.werklijst(user=request.user, status=status, sorteer=sorteer, behandelaar=behandelaar,
                             te_laat=te_laat, vandaag=vandaag)
    pagina = BegrensdePaginator(qs, settings.WERKLIJST_PER_PAGINA).get_page(request.GET.get("pagina"))
    rijen = [
        (a, weergave.termijnweergave(einde=a.uiterste_beslisdatum, vandaag=vandaag, open_=a.status in OPEN_STATUSSEN,
                                     opgeschort=a.status == AanvraagStatus.AANVULLING_GEVRAAGD))
        for a in pagina.object_list
    ]
    filters = {"status": status, "behandelaar": behandelaar, "sorteer": sorteer}
    if te_laat:
        filters["te_laat"] = "1"
    return render(
        request,
        "aanvragen/werklijst.html",
        {
            "pagina": pagina,
            "rijen": rijen,
            "status": status,
            "behandelaar": behandelaar,
            "te_laat": te_laat,
            "sorteer": sorteer,
            "statussen": [c for c in AanvraagStatus.choices if c[0] != AanvraagStatus.CONCEPT],
            "querystring": urlencode(filters) + "&",
        },
    )


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
