"""Rendering and storing documents. Stored documents are immutable and content-hashed."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Besluit, Document, DocumentSoort
from .pdf import html_naar_pdf

BESCHIKKING_TEMPLATE_VERSIE = "2026.1"


def beschikking_context(besluit: Besluit) -> dict:
    aanvraag = besluit.aanvraag
    return {
        "besluit": besluit,
        "aanvraag": aanvraag,
        "gemeente": aanvraag.gemeente,
        "verordening": besluit.verordening,
        "werkgever": aanvraag.werkgever,
        "datum": timezone.localdate(),
        "kenmerk": f"{aanvraag.nummer}/B{besluit.beoordeling.ronde}",
    }


def beschikking_html(besluit: Besluit) -> str:
    return render_to_string("pdf/beschikking.html", beschikking_context(besluit))


def beschikking_opslaan(*, besluit_id: int) -> Document:
    """Render and store the beschikking of a besluit, once.

    Idempotent: the besluit row is locked and an existing beschikking is returned as it is, so a
    retried or duplicated task never makes a second version. The PDF is written to storage before
    the Document row is committed; a crash in between leaves no Document, and the retry renders anew.
    """
    with transaction.atomic():
        besluit = (
            Besluit.objects.select_for_update(of=("self",))
            .select_related("aanvraag__gemeente", "aanvraag__werkgever", "verordening", "beoordeling",
                            "vastgesteld_door", "jobcoachorganisatie")
            .get(pk=besluit_id)
        )
        bestaand = Document.objects.filter(besluit=besluit, soort=DocumentSoort.BESCHIKKING).order_by("-versie").first()
        if bestaand is not None:
            return bestaand
        pdf = html_naar_pdf(beschikking_html(besluit))
        sha = hashlib.sha256(pdf).hexdigest()
        document = Document(
            aanvraag=besluit.aanvraag,
            besluit=besluit,
            soort=DocumentSoort.BESCHIKKING,
            versie=1,
            sha256=sha,
            grootte=len(pdf),
            template_versie=BESCHIKKING_TEMPLATE_VERSIE,
        )
        document.bestand.save(f"beschikking-{besluit.aanvraag.nummer}-{sha[:12]}.pdf", ContentFile(pdf), save=False)
        document.save()
    return document
