"""Writes on aanvragen. Views, admin and tasks call these; each is one transaction with its log row."""

import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import Rol
from verordening.models import Gemeente
from verordening.selectors import GeenVerordening, verordening_op_datum

from .models import Aanvraag, Aanvrager, Kanaal, Nummerreeks
from .transities import TransitieFout, voer_uit

AANVRAAG_VELDEN = ("werknemer_naam", "werknemer_bsn", "functie", "contracturen_per_week", "startdatum", "reden")


def vandaag() -> datetime.date:
    """Today's calendar date in Europe/Amsterdam (the zone the Awb terms are counted in)."""
    return timezone.localdate()


def aanvraag_concept_opslaan(*, door, gemeente: Gemeente, gegevens: dict, aanvraag: Aanvraag | None = None) -> Aanvraag:
    """Create or update a concept. Concepts are saved at every step so nothing typed is lost."""
    if aanvraag is None:
        aanvraag = Aanvraag(
            aangemaakt_door=door,
            aanvrager=Aanvrager.WERKNEMER if door.rol == Rol.WERKNEMER else Aanvrager.WERKGEVER,
            werkgever=door.werkgever if door.rol == Rol.WERKGEVER else None,
            kanaal=Kanaal.ONLINE,
        )
    elif aanvraag.status != "concept":
        raise TransitieFout("Een ingediende aanvraag kan niet meer worden gewijzigd.")
    aanvraag.gemeente = gemeente
    for veld in AANVRAAG_VELDEN:
        setattr(aanvraag, veld, gegevens[veld])
    aanvraag.save()
    return aanvraag


def _volgend_nummer(*, gemeente: Gemeente, jaar: int) -> str:
    Nummerreeks.objects.get_or_create(gemeente=gemeente, jaar=jaar)
    reeks = Nummerreeks.objects.select_for_update().get(gemeente=gemeente, jaar=jaar)
    reeks.laatste += 1
    reeks.save(update_fields=["laatste"])
    return f"{gemeente.nummer_code}-{jaar}-{reeks.laatste:05d}"


def aanvraag_indienen(*, aanvraag: Aanvraag, door) -> Aanvraag:
    """Submit a concept: it gets its number, date of receipt and beslistermijn.

    Submitting an already submitted aanvraag again (double click, back button) changes nothing.
    """
    with transaction.atomic():
        actueel = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
        if actueel.status != "concept":
            return actueel
        ontvangen = vandaag()
        try:
            verordening = verordening_op_datum(gemeente=aanvraag.gemeente, datum=ontvangen)
        except GeenVerordening as exc:
            raise TransitieFout(str(exc)) from exc
        voer_uit(
            obj=aanvraag,
            transitie="indienen",
            door=door,
            aanvraag=aanvraag,
            machine="aanvraag",
            args={
                "ontvangen_op": ontvangen,
                "nummer": _volgend_nummer(gemeente=aanvraag.gemeente, jaar=ontvangen.year),
                "beslistermijn_weken": verordening.beslistermijn_weken,
            },
        )
    return aanvraag


def aanvraag_in_behandeling_nemen(*, aanvraag: Aanvraag, door) -> Aanvraag:
    """The klantmanager takes the case; the first round of the onderzoek starts in beeldvorming."""
    from beoordeling.models import Beoordeling

    with transaction.atomic():
        voer_uit(obj=aanvraag, transitie="in_behandeling_nemen", door=door, aanvraag=aanvraag,
                 machine="aanvraag", args={"behandelaar": door})
        Beoordeling.objects.create(aanvraag=aanvraag, ronde=1)
    return aanvraag


def aanvraag_intrekken(*, aanvraag: Aanvraag, door, reden: str = "") -> Aanvraag:
    with transaction.atomic():
        voer_uit(obj=aanvraag, transitie="intrekken", door=door, aanvraag=aanvraag, machine="aanvraag", reden=reden)
    return aanvraag


def aanvraag_aanvulling_vragen(*, aanvraag: Aanvraag, door, wat_ontbreekt: str) -> Aanvraag:
    if not wat_ontbreekt.strip():
        raise TransitieFout("Geef aan welke gegevens ontbreken.")
    with transaction.atomic():
        voer_uit(obj=aanvraag, transitie="aanvulling_vragen", door=door, aanvraag=aanvraag,
                 machine="aanvraag", reden=wat_ontbreekt)
    return aanvraag


def aanvraag_buiten_behandeling_stellen(*, aanvraag: Aanvraag, door, reden: str) -> Aanvraag:
    """Awb 4:5: only after the hersteltermijn passed without the missing information."""
    if not reden.strip():
        raise TransitieFout("Geef de reden van het buiten behandeling stellen.")
    with transaction.atomic():
        voer_uit(obj=aanvraag, transitie="buiten_behandeling_stellen", door=door, aanvraag=aanvraag,
                 machine="aanvraag", reden=reden)
    return aanvraag
