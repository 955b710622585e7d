"""Pages of the stored documents: requesting the onderzoek dossier, its status while it is made, and the
one download view that checks per kind of document who may have it and logs every download."""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from aanvragen.transities import TransitieFout
from accounts.scoping import rol_vereist

from . import dossier
from .documentregels import AANVRAGER_ROLLEN, BRIEF_ROLLEN, ONDERZOEK_ROLLEN
from .models import DocumentSoort, DossierVariant

OPVRAGERS = (*ONDERZOEK_ROLLEN, *AANVRAGER_ROLLEN)


@require_POST
@rol_vereist(*OPVRAGERS)
def dossier_opvragen(request, besluit_pk: int):
    """One click: an unchanged dossier is downloaded at once (the ZIP for staff, the PDF for the applicant);
    otherwise the status page waits until the worker has made it."""
    besluit = dossier.besluit_voor(user=request.user, pk=besluit_pk)
    try:
        verzoek = dossier.dossier_opvragen(besluit=besluit, door=request.user)
    except TransitieFout as fout:
        messages.error(request, str(fout))
        return redirect("aanvragen:detail", pk=besluit.aanvraag_id)
    if verzoek.is_geleverd:
        document = verzoek.zip if verzoek.variant == DossierVariant.VOLLEDIG and verzoek.zip_id else verzoek.rapport
        return redirect("beoordeling:download", pk=document.pk)
    return redirect("beoordeling:dossierverzoek", pk=verzoek.pk)


@require_GET
@rol_vereist(*OPVRAGERS)
def dossierverzoek(request, pk: int):
    """The request and its delivery; polled by htmx (the fragment alone) until the dossier is there."""
    verzoek = dossier.verzoek_voor(user=request.user, pk=pk)
    context = {"verzoek": verzoek, "aanvraag": verzoek.besluit.aanvraag}
    if request.htmx:
        return render(request, "dossier/_verzoek.html", context)
    return render(request, "dossier/verzoek.html", context)


@require_GET
@rol_vereist(*BRIEF_ROLLEN)
def download(request, pk: int):
    document = dossier.document_voor_download(user=request.user, pk=pk)
    dossier.download_registreren(document=document, door=request.user)
    soort = "application/zip" if document.soort == DocumentSoort.DOSSIER_ZIP else "application/pdf"
    antwoord = FileResponse(document.bestand.open("rb"), as_attachment=True, filename=document.bestandsnaam,
                            content_type=soort)
    antwoord["Cache-Control"] = "private, no-store"
    return antwoord
