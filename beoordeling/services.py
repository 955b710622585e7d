"""Writes on the onderzoek (Beoordeling) and the besluit it ends in."""

import datetime

from django.db import transaction
from django.utils import timezone

from aanvragen.transities import GelijktijdigGewijzigd, TransitieFout, voer_uit
from verordening.selectors import GeenVerordening, verordening_op_datum

from .models import Beoordeling, BeoordelingStatus, Besluit, Uitkomst

# Which text field each phase edits.
FASE_VELD = {
    BeoordelingStatus.BEELDVORMING: "beeldvorming",
    BeoordelingStatus.OORDEELSVORMING: "oordeelsvorming",
    BeoordelingStatus.BESLUITVORMING: "besluitvorming",
}
VOORSTEL_VELDEN = ("voorstel_uitkomst", "voorstel_uren_per_week", "voorstel_duur_maanden", "voorstel_jobcoachorganisatie")
VOLGENDE_FASE = {
    BeoordelingStatus.BEELDVORMING: "naar_oordeelsvorming",
    BeoordelingStatus.OORDEELSVORMING: "naar_besluitvorming",
}


def versie_token(beoordeling: Beoordeling) -> str:
    """A token of the version a user started editing; a mismatch on save means someone else saved."""
    return beoordeling.gewijzigd_op.isoformat()


def beoordeling_fase_opslaan(*, beoordeling: Beoordeling, door, gegevens: dict, versie: str) -> Beoordeling:
    """Save the current phase's text (and in besluitvorming the proposal) without overwriting others."""
    veld = FASE_VELD.get(beoordeling.status)
    if veld is None:
        raise TransitieFout("In deze fase kan het onderzoek niet meer worden gewijzigd.")
    with transaction.atomic():
        actueel = Beoordeling.objects.select_for_update().get(pk=beoordeling.pk)
        if versie_token(actueel) != versie or actueel.status != beoordeling.status:
            raise GelijktijdigGewijzigd(
                "Iemand anders heeft dit onderzoek opgeslagen nadat u het opende. Uw tekst is niet "
                "opgeslagen maar staat hieronder nog; neem de wijzigingen van de ander over en sla opnieuw op."
            )
        setattr(beoordeling, veld, gegevens[veld])
        if veld == "besluitvorming":
            for naam in VOORSTEL_VELDEN:
                setattr(beoordeling, naam, gegevens.get(naam))
        beoordeling.save()
    return beoordeling


def beoordeling_volgende_fase(*, beoordeling: Beoordeling, door) -> Beoordeling:
    transitie = VOLGENDE_FASE.get(beoordeling.status)
    if transitie is None:
        raise TransitieFout("Vanuit deze fase kan het onderzoek niet naar een volgende fase.")
    with transaction.atomic():
        voer_uit(obj=beoordeling, transitie=transitie, door=door, aanvraag=beoordeling.aanvraag, machine="beoordeling")
    return beoordeling


def beoordeling_ter_ondertekening(*, beoordeling: Beoordeling, door) -> Beoordeling:
    ontbreekt = beoordeling.ontbrekend_voor_ondertekening()
    if ontbreekt:
        raise TransitieFout("Nog niet compleet: " + ", ".join(ontbreekt) + ".")
    with transaction.atomic():
        voer_uit(obj=beoordeling, transitie="ter_ondertekening_aanbieden", door=door,
                 aanvraag=beoordeling.aanvraag, machine="beoordeling", args={"gebruiker": door})
    return beoordeling


def beoordeling_terugsturen(*, beoordeling: Beoordeling, door, reden: str) -> Beoordeling:
    if not reden.strip():
        raise TransitieFout("Geef aan waarom u het besluit terugstuurt.")
    with transaction.atomic():
        voer_uit(obj=beoordeling, transitie="terugsturen", door=door, aanvraag=beoordeling.aanvraag,
                 machine="beoordeling", reden=reden, args={"reden": reden})
    return beoordeling


def _einddatum(start: datetime.date, maanden: int) -> datetime.date:
    """Last day of a period of `maanden` months starting on `start` (31 jan + 1 maand → 28/29 feb)."""
    jaar, maand = divmod(start.month - 1 + maanden, 12)
    jaar += start.year
    maand += 1
    volgende_maand = datetime.date(jaar + maand // 12, maand % 12 + 1, 1)
    laatste_dag = (volgende_maand - datetime.timedelta(days=1)).day
    return datetime.date(jaar, maand, min(start.day, laatste_dag)) - datetime.timedelta(days=1)


def beoordeling_vaststellen(*, beoordeling: Beoordeling, door) -> Besluit:
    """Sign off: fix the besluit, close the aanvraag, and render the beschikking after commit."""
    from .tasks import beschikking_renderen

    aanvraag = beoordeling.aanvraag
    try:
        verordening = verordening_op_datum(gemeente=aanvraag.gemeente, datum=aanvraag.ontvangen_op)
    except GeenVerordening as exc:
        raise TransitieFout(str(exc)) from exc
    with transaction.atomic():
        voer_uit(obj=beoordeling, transitie="vaststellen", door=door, aanvraag=aanvraag,
                 machine="beoordeling", args={"gebruiker": door})
        besluit = _besluit_maken(beoordeling=beoordeling, verordening=verordening, door=door)
        voer_uit(obj=aanvraag, transitie="besluit_nemen", door=door, aanvraag=aanvraag, machine="aanvraag")
        transaction.on_commit(lambda: beschikking_renderen.delay(besluit.pk))
    return besluit


def _besluit_maken(*, beoordeling: Beoordeling, verordening, door) -> Besluit:
    toekenning = beoordeling.voorstel_uitkomst != Uitkomst.AFWIJZING
    start = max(beoordeling.aanvraag.startdatum, timezone.localdate()) if toekenning else None
    return Besluit.objects.create(
        beoordeling=beoordeling,
        aanvraag=beoordeling.aanvraag,
        verordening=verordening,
        uitkomst=beoordeling.voorstel_uitkomst,
        uren_per_week=beoordeling.voorstel_uren_per_week if toekenning else None,
        duur_maanden=beoordeling.voorstel_duur_maanden if toekenning else None,
        startdatum=start,
        einddatum=_einddatum(start, beoordeling.voorstel_duur_maanden) if toekenning else None,
        jobcoachorganisatie=beoordeling.voorstel_jobcoachorganisatie if toekenning else None,
        motivering=beoordeling.besluitvorming,
        voorbereid_door=beoordeling.voorbereid_door,
        vastgesteld_door=door,
        vastgesteld_op=timezone.now(),
    )
