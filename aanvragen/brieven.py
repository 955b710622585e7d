"""The letters of the intake as PDF documents, and the e-mails that announce them.

Each `*_opslaan` function is what a Celery task runs: it locks its row, returns the existing letter if
there is one (so a retried or duplicated task never makes a second), renders the PDF with
beoordeling.pdf.html_naar_pdf and stores it as a beoordeling Document. Letters are dated by the data
they are about (date of receipt, of the request, of the notice), so a re-render says the same.

E-mails carry no personal details: the aanvraag number and a link, nothing else.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from beoordeling.documenten import brief_opslaan
from beoordeling.models import Document, DocumentSoort
from verordening.selectors import verordening_op_datum

from . import termijnen
from .models import Aanvraag, Aanvrager, Kanaal, Opschorting, Verdaging

ONDERWERPEN = {
    DocumentSoort.ONTVANGSTBEVESTIGING: "Ontvangstbevestiging van uw aanvraag {nummer}",
    DocumentSoort.BRIEF_AANVULLING: "Vul uw aanvraag {nummer} aan",
    DocumentSoort.BRIEF_VERDAGING: "De beslistermijn van uw aanvraag {nummer} is verlengd",
    DocumentSoort.BRIEF_BUITEN_BEHANDELING: "Besluit over uw aanvraag {nummer}",
}


def geadresseerde(aanvraag: Aanvraag) -> str:
    """Who the letters are addressed to: the applicant."""
    if aanvraag.aanvrager == Aanvrager.JOBCOACHORGANISATIE and aanvraag.jobcoachorganisatie_id:
        return aanvraag.jobcoachorganisatie.naam
    if aanvraag.aanvrager == Aanvrager.WERKGEVER:
        return aanvraag.werkgever_weergave
    return aanvraag.werknemer_naam


def _context(aanvraag: Aanvraag, **extra) -> dict:
    return {
        "aanvraag": aanvraag,
        "gemeente": aanvraag.gemeente,
        "verordening": verordening_op_datum(gemeente=aanvraag.gemeente, datum=aanvraag.ontvangen_op),
        "geadresseerde": geadresseerde(aanvraag),
        **extra,
    }


def _aanvraag_vergrendeld(aanvraag_id: int) -> Aanvraag:
    return (
        Aanvraag.objects.select_for_update(of=("self",))
        .select_related("gemeente", "werkgever", "jobcoachorganisatie", "aangemaakt_door")
        .get(pk=aanvraag_id)
    )


def _melden(aanvraag: Aanvraag, soort: str) -> None:
    """E-mail the applicant after commit, for online aanvragen (a phone or letter applicant gets post)."""
    from .tasks import bericht_mailen

    if aanvraag.kanaal == Kanaal.ONLINE and aanvraag.aangemaakt_door.email:
        transaction.on_commit(lambda: bericht_mailen.delay(aanvraag.pk, soort))


def ontvangstbevestiging_opslaan(*, aanvraag_id: int) -> Document:
    """Awb 4:3a: the receipt, with the date of receipt and the beslistermijn as it stood at receipt."""
    with transaction.atomic():
        aanvraag = _aanvraag_vergrendeld(aanvraag_id)
        soort = DocumentSoort.ONTVANGSTBEVESTIGING
        bestaand = Document.objects.filter(aanvraag=aanvraag, soort=soort).first()
        if bestaand is not None:
            return bestaand
        termijn = termijnen.beslistermijn(aanvraag.ontvangen_op, aanvraag.beslistermijn_weken)
        html = render_to_string("aanvragen/pdf/ontvangstbevestiging.html", _context(
            aanvraag, datum=aanvraag.ontvangen_op, termijn=termijn,
            bijlagen=list(aanvraag.bijlagen.filter(opschorting__isnull=True)),
        ))
        document = brief_opslaan(aanvraag=aanvraag, soort=soort, html=html)
        _melden(aanvraag, soort)
    return document


def aanvullingsbrief_opslaan(*, opschorting_id: int) -> Document:
    """Awb 4:5: what is missing, the hersteltermijn, and that the beslistermijn is suspended."""
    with transaction.atomic():
        opschorting = Opschorting.objects.select_for_update().get(pk=opschorting_id)
        if opschorting.brief_id:
            return opschorting.brief
        aanvraag = _aanvraag_vergrendeld(opschorting.aanvraag_id)
        html = render_to_string("aanvragen/pdf/aanvulling.html", _context(
            aanvraag, datum=opschorting.verzocht_op, opschorting=opschorting,
            ontbreekt=[regel.strip(" -•*") for regel in opschorting.wat_ontbreekt.splitlines() if regel.strip()],
        ))
        document = brief_opslaan(aanvraag=aanvraag, soort=DocumentSoort.BRIEF_AANVULLING, html=html)
        opschorting.brief = document
        opschorting.save(update_fields=["brief"])
        _melden(aanvraag, DocumentSoort.BRIEF_AANVULLING)
    return document


def verdagingsbrief_opslaan(*, verdaging_id: int) -> Document:
    """Awb 4:14 lid 3: the notice of the verdaging, with the reason and the new date."""
    with transaction.atomic():
        verdaging = Verdaging.objects.select_for_update().get(pk=verdaging_id)
        if verdaging.brief_id:
            return verdaging.brief
        aanvraag = _aanvraag_vergrendeld(verdaging.aanvraag_id)
        html = render_to_string("aanvragen/pdf/verdaging.html", _context(
            aanvraag, datum=verdaging.gemeld_op, verdaging=verdaging, einde=aanvraag.uiterste_beslisdatum,
        ))
        document = brief_opslaan(aanvraag=aanvraag, soort=DocumentSoort.BRIEF_VERDAGING, html=html)
        verdaging.brief = document
        verdaging.save(update_fields=["brief"])
        _melden(aanvraag, DocumentSoort.BRIEF_VERDAGING)
    return document


def buiten_behandeling_brief_opslaan(*, aanvraag_id: int) -> Document:
    """Awb 4:5: the besluit not to process the aanvraag, with the bezwaarclausule."""
    with transaction.atomic():
        aanvraag = _aanvraag_vergrendeld(aanvraag_id)
        soort = DocumentSoort.BRIEF_BUITEN_BEHANDELING
        bestaand = Document.objects.filter(aanvraag=aanvraag, soort=soort).first()
        if bestaand is not None:
            return bestaand
        opschorting = aanvraag.opschortingen.order_by("-start", "-id").first()
        stap = aanvraag.transities.filter(transitie="buiten_behandeling_stellen").order_by("-op").first()
        html = render_to_string("aanvragen/pdf/buiten_behandeling.html", _context(
            aanvraag, datum=termijnen.amsterdam_vandaag(stap.op), opschorting=opschorting, reden=stap.reden,
        ))
        document = brief_opslaan(aanvraag=aanvraag, soort=soort, html=html)
        _melden(aanvraag, soort)
    return document


def bericht_versturen(*, aanvraag_id: int, soort: str) -> int:
    """Send the applicant the e-mail that a letter is ready: number and link only."""
    aanvraag = Aanvraag.objects.select_related("aangemaakt_door").get(pk=aanvraag_id)
    link = settings.JCL_BASIS_URL + reverse("aanvragen:detail", args=[aanvraag.pk])
    onderwerp = "Jobcoachloket: " + ONDERWERPEN[soort].format(nummer=aanvraag.nummer)
    tekst = (
        f"Er staat een nieuwe brief klaar over aanvraag {aanvraag.nummer}.\n\n"
        f"Log in op Jobcoachloket om de brief te lezen:\n{link}\n\n"
        "Dit bericht is automatisch verstuurd. U kunt er niet op antwoorden."
    )
    return send_mail(onderwerp, tekst, None, [aanvraag.aangemaakt_door.email])
