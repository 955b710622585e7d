"""Rendering and storing documents: the beschikking, the intake letters (brief_opslaan, used by
aanvragen.brieven) and the shared way every document is stored.

A stored document never changes (Document.save refuses): a correction is a new version whose
`vervangt` points at the old one. The file is written first and the row last, inside the caller's
transaction, under a lock on the row the document belongs to; a crash in between leaves no Document, at
most a file nothing refers to. Stored files are never overwritten or deleted by the application: a
file name carries the version and the start of its SHA-256, so a retry writes beside a leftover.
"""

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import documentregels
from .models import Besluit, Document, DocumentSoort
from .pdf import html_naar_pdf

BESCHIKKING_TEMPLATE_VERSIE = "2026.2"
BRIEF_TEMPLATE_VERSIE = "2026.1"
_BLOK = 1024 * 1024


# --- storing --------------------------------------------------------------------------------------


def _hash_en_grootte(inhoud) -> tuple[str, int]:
    if isinstance(inhoud, bytes):
        return hashlib.sha256(inhoud).hexdigest(), len(inhoud)
    sha, grootte = hashlib.sha256(), 0
    inhoud.seek(0)
    while blok := inhoud.read(_BLOK):
        sha.update(blok)
        grootte += len(blok)
    inhoud.seek(0)
    return sha.hexdigest(), grootte


def document_opslaan(*, aanvraag, soort: str, inhoud, versie: int, template_versie: str, besluit=None,
                     vervangt: Document | None = None, extensie: str = "pdf") -> Document:
    """Store `inhoud` (bytes, or a seekable binary file) as version `versie` of `soort`. Runs inside the
    caller's transaction, which holds the lock that makes the version number its own."""
    sha, grootte = _hash_en_grootte(inhoud)
    document = Document(aanvraag=aanvraag, besluit=besluit, soort=soort, versie=versie, vervangt=vervangt,
                        sha256=sha, grootte=grootte, template_versie=template_versie)
    naam = f"{soort}-{aanvraag.nummer}{f'-b{besluit.pk}' if besluit else ''}-v{versie}-{sha[:12]}.{extensie}"
    bestand = ContentFile(inhoud) if isinstance(inhoud, bytes) else File(inhoud)
    document.bestand.save(naam, bestand, save=False)
    document.save()
    return document


def brief_opslaan(*, aanvraag, soort: str, html: str, template_versie: str = BRIEF_TEMPLATE_VERSIE) -> Document:
    """Render `html` to PDF and store it as a new Document of `soort` for `aanvraag` (no besluit).

    Used for the letters of the intake (ontvangstbevestiging, aanvulling, verdaging, buiten behandeling;
    see aanvragen/brieven.py). The caller makes it idempotent: it locks its own row and checks whether the
    letter exists before calling this. A second letter of the same soort (a second aanvulling request)
    gets the next versie number.
    """
    pdf = html_naar_pdf(html)
    versie = Document.objects.filter(aanvraag=aanvraag, soort=soort, besluit__isnull=True).count() + 1
    return document_opslaan(aanvraag=aanvraag, soort=soort, inhoud=pdf, versie=versie,
                            template_versie=template_versie)


# --- the beschikking -----------------------------------------------------------------------------------


def _besluit(besluit_id: int, *, vergrendeld: bool = False) -> Besluit:
    qs = Besluit.objects.select_related(
        "aanvraag__gemeente", "aanvraag__werkgever", "verordening", "beoordeling", "vastgesteld_door",
        "jobcoachorganisatie",
    )
    if vergrendeld:
        qs = qs.select_for_update(of=("self",))
    return qs.get(pk=besluit_id)


def soort_beschikking(besluit: Besluit) -> documentregels.SoortBeschikking:
    """Toekenning, gedeeltelijke toekenning or afwijzing from the uitkomst; a verlenging, beëindiging or
    herziening when the besluit says so in a `soort_beschikking` value (set by the issues that make
    those besluiten)."""
    return documentregels.soort_beschikking(uitkomst=besluit.uitkomst,
                                            aanleiding=getattr(besluit, "soort_beschikking", "") or "")


def _geadresseerden(aanvraag) -> list[documentregels.Geadresseerde]:
    werkgever = aanvraag.werkgever
    return documentregels.geadresseerden(
        werknemer_naam=aanvraag.werknemer_naam,
        werknemer_adres=aanvraag.werknemer_adres,
        werknemer_postcode=aanvraag.werknemer_postcode,
        werknemer_woonplaats=aanvraag.werknemer_woonplaats,
        werkgever_naam=werkgever.naam if werkgever else aanvraag.werkgever_naam,
        werkgever_adres=(werkgever.vestigingsadres if werkgever else "") or aanvraag.werkgever_vestigingsadres,
        werkgever_contactpersoon=aanvraag.werkgever_contactpersoon,
    )


def _vorig_besluit(besluit: Besluit) -> Besluit | None:
    """The besluit this one follows on (verlenging, beëindiging, herziening): the previous one of the case."""
    return (Besluit.objects.filter(aanvraag_id=besluit.aanvraag_id, vastgesteld_op__lt=besluit.vastgesteld_op)
            .order_by("-vastgesteld_op").first())


def beschikking_context(besluit: Besluit, *, vervangt: Document | None = None) -> dict:
    """Everything the beschikking shows. Dated by the besluit (not by the render), so a re-render or a
    retry says the same; texts come from what the besluit stored when it was signed."""
    aanvraag = besluit.aanvraag
    verordening = besluit.verordening
    teksten = besluit.teksten or {}
    vaste_teksten = teksten.get("verordening") or {}
    soort = soort_beschikking(besluit)
    tekst = documentregels.beschikkingtekst(soort, uitkomst=besluit.uitkomst)
    return {
        "besluit": besluit,
        "aanvraag": aanvraag,
        "gemeente": aanvraag.gemeente,
        "verordening": verordening,
        "soort_beschikking": soort.value,
        "tekst": tekst,
        "brieven": documentregels.brieven(_geadresseerden(aanvraag)),
        "briefhoofd": vaste_teksten.get("briefhoofd") or verordening.briefhoofd_voor(aanvraag.gemeente),
        "logo": verordening.logo_als_data_uri(),
        "artikel": vaste_teksten.get("artikel_persoonlijke_ondersteuning")
        or verordening.artikel_persoonlijke_ondersteuning,
        "verordening_naam": vaste_teksten.get("naam") or verordening.naam,
        "ondertekenaar_functie": vaste_teksten.get("ondertekenaar_functie") or verordening.ondertekenaar_functie,
        "bezwaar_adres": vaste_teksten.get("bezwaar_adres") or verordening.bezwaar_adres,
        "teksten": teksten,
        "knelpunten": teksten.get("knelpunten") or [],
        "doelen": teksten.get("doelen") or [],
        "adequaat": teksten.get("jobcoaching_adequaat") or {},
        "berekening": documentregels.berekening_weergave(besluit.berekening,
                                                         alleen_gebreken=not besluit.is_toekenning),
        "vorig_besluit": _vorig_besluit(besluit) if soort in (
            documentregels.SoortBeschikking.VERLENGING, documentregels.SoortBeschikking.BEEINDIGING,
            documentregels.SoortBeschikking.HERZIENING) else None,
        "datum": timezone.localtime(besluit.vastgesteld_op).date(),
        "kenmerk": f"{aanvraag.nummer}/B{besluit.beoordeling.ronde}",
        "vervangt": vervangt,
    }


def beschikking_html(besluit: Besluit, *, vervangt: Document | None = None) -> str:
    return render_to_string("pdf/beschikking.html", beschikking_context(besluit, vervangt=vervangt))


def beschikking_opslaan(*, besluit_id: int, versie: int = 1) -> Document:
    """Render and store version `versie` of the beschikking of a besluit, once.

    Idempotent: the besluit row is locked and when that version (or a later one) exists it is returned
    as it is, so a retried or duplicated task never makes another version. Version 2 and later are
    corrections: they reference the version before (`vervangt`), which stays as it was. The
    belanghebbenden are told by e-mail after commit, only when a new version was made.
    """
    from .tasks import beschikking_melden

    with transaction.atomic():
        besluit = _besluit(besluit_id, vergrendeld=True)
        eerdere = list(Document.objects.filter(besluit=besluit, soort=DocumentSoort.BESCHIKKING).order_by("versie"))
        bestaand = next((d for d in eerdere if d.versie >= versie), None)
        if bestaand is not None:
            return bestaand
        vorige = eerdere[-1] if eerdere else None
        if (vorige.versie if vorige else 0) != versie - 1:
            raise ValueError(f"Versie {versie} van de beschikking kan pas na versie {versie - 1}.")
        html = beschikking_html(besluit, vervangt=vorige)
        document = document_opslaan(aanvraag=besluit.aanvraag, besluit=besluit, soort=DocumentSoort.BESCHIKKING,
                                    inhoud=html_naar_pdf(html), versie=versie, vervangt=vorige,
                                    template_versie=BESCHIKKING_TEMPLATE_VERSIE)
        transaction.on_commit(lambda: beschikking_melden.delay(document.pk))
    return document


# --- the e-mail that a beschikking is ready: number and link, no personal details -----------------------


def belanghebbenden_adressen(aanvraag) -> list[str]:
    """The e-mail addresses of both belanghebbenden: the werkgever's users, and the werknemer's account (or
    the address given in the aanvraag when he has no account)."""
    from accounts.models import Rol, User

    gebruikers = User.objects.filter(is_active=True).exclude(email="")
    adressen = []
    if aanvraag.werkgever_id:
        adressen += gebruikers.filter(rol=Rol.WERKGEVER, werkgever_id=aanvraag.werkgever_id).values_list("email",
                                                                                                       flat=True)
    werknemers = list(gebruikers.filter(rol=Rol.WERKNEMER, bsn=aanvraag.werknemer_bsn).values_list("email", flat=True)
                      ) if aanvraag.werknemer_bsn else []
    adressen += werknemers or [aanvraag.werknemer_email]
    return sorted({a.strip().lower() for a in adressen if a and a.strip()})


def beschikking_melden(*, document_id: int) -> int:
    """Tell the belanghebbenden that the beschikking is ready. One message per address (no address sees
    the others); the body holds the aanvraag number and a link, nothing else."""
    document = Document.objects.select_related("aanvraag").get(pk=document_id)
    aanvraag = document.aanvraag
    link = settings.JCL_BASIS_URL + reverse("aanvragen:detail", args=[aanvraag.pk])
    onderwerp = f"Jobcoachloket: besluit over aanvraag {aanvraag.nummer}"
    tekst = (
        f"Er staat een beschikking klaar over aanvraag {aanvraag.nummer}.\n\n"
        f"Log in op Jobcoachloket om de beschikking te lezen:\n{link}\n\n"
        "Dit bericht is automatisch verstuurd. U kunt er niet op antwoorden."
    )
    return sum(send_mail(onderwerp, tekst, None, [adres]) for adres in belanghebbenden_adressen(aanvraag))


# --- the onderzoek dossier (beoordeling.dossier) -----------------------------------------------------------


def dossier_pdf(*, beoordeling, variant: str = "volledig") -> bytes:
    """The onderzoek dossier of a beoordeling's besluit as PDF, rendered in this process (for `make bench`
    and checks); the stored, requested dossiers are made by beoordeling.dossier.dossier_maken."""
    from .dossier import dossier_gegevens, dossier_html

    return html_naar_pdf(dossier_html(dossier_gegevens(besluit_id=beoordeling.besluit.pk, variant=variant)))
