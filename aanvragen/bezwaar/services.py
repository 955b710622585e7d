"""Writes of the bezwaar: filing, registering a letter, handling, the hoorzitting and the beslissing.

Every function is one transaction; every state change runs through `aanvragen.transities.voer_uit`.
"""

import datetime

from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone

from aanvragen import termijnen
from aanvragen.brieven import geadresseerde
from aanvragen.models import Transitie
from aanvragen.transities import GeenToestemming, TransitieFout, voer_uit
from accounts.models import Rol
from beoordeling.documenten import brief_opslaan
from beoordeling.models import Beoordeling, Besluit, Document, DocumentSoort

from .models import Bezwaar, BezwaarKanaal, IndienerRol


def bekendmaking(besluit: Besluit) -> datetime.date:
    """The day the beschikking was sent: the date (Europe/Amsterdam) its Document was made."""
    document = (Document.objects.filter(besluit=besluit, soort=DocumentSoort.BESCHIKKING)
                .order_by("aangemaakt_op").first())
    if document is None:
        raise TransitieFout("De beschikking is nog niet verzonden; bezwaar is pas mogelijk als zij er is.")
    return termijnen.amsterdam_vandaag(document.aangemaakt_op)


def _nieuw(*, besluit: Besluit, door, indiener_rol: str, indiener_naam: str, kanaal: str, gronden: str,
           ontvangen_op: datetime.date, ter_post_bezorgd: datetime.date | None) -> Bezwaar:
    """Register the bezwaar with its termijn check. A late one is flagged (tijdig=False), never refused."""
    bekendgemaakt_op = bekendmaking(besluit)
    if ter_post_bezorgd and ter_post_bezorgd > ontvangen_op:
        raise TransitieFout("De datum van de poststempel ligt na de datum van ontvangst.")
    bezwaar = Bezwaar(
        besluit=besluit, gemeente_id=besluit.aanvraag.gemeente_id, ingediend_door=door,
        indiener_rol=indiener_rol, indiener_naam=indiener_naam, kanaal=kanaal, gronden=gronden,
        ontvangen_op=ontvangen_op, ter_post_bezorgd=ter_post_bezorgd, bekendgemaakt_op=bekendgemaakt_op,
        tijdig=termijnen.bezwaar_tijdig(bekendgemaakt_op, ontvangen_op, ter_post_bezorgd),
    )
    bezwaar.uiterste_beslisdatum = bezwaar.beslistermijn().einde
    with transaction.atomic():
        bezwaar.save()
        Transitie.objects.create(aanvraag_id=besluit.aanvraag_id, machine="bezwaar", object_id=bezwaar.pk,
                                 transitie=("bezwaar_ingediend" if kanaal == BezwaarKanaal.ONLINE
                                            else "bezwaar_geregistreerd"),
                                 van="", naar=bezwaar.status, door=door)
    return bezwaar


def bezwaar_indienen(*, besluit: Besluit, door, gronden: str) -> Bezwaar:
    """A belanghebbende (the werkgever or the werknemer of the case) files bezwaar online, today."""
    aanvraag = besluit.aanvraag
    if door.rol == Rol.WERKGEVER and door.werkgever_id and door.werkgever_id == aanvraag.werkgever_id:
        rol, naam = IndienerRol.WERKGEVER, aanvraag.werkgever_weergave
    elif door.rol == Rol.WERKNEMER and door.bsn and door.bsn == aanvraag.werknemer_bsn:
        rol, naam = IndienerRol.WERKNEMER, aanvraag.werknemer_naam
    else:
        raise GeenToestemming("Alleen de werkgever of de werknemer van deze aanvraag kan bezwaar maken.")
    return _nieuw(besluit=besluit, door=door, indiener_rol=rol, indiener_naam=naam, kanaal=BezwaarKanaal.ONLINE,
                  gronden=gronden, ontvangen_op=timezone.localdate(), ter_post_bezorgd=None)


def bezwaar_registreren(*, besluit: Besluit, door, indiener_rol: str, indiener_naam: str, gronden: str,
                        ontvangen_op: datetime.date, ter_post_bezorgd: datetime.date | None) -> Bezwaar:
    """The bezwaarbehandelaar registers a bezwaar received by letter."""
    if door.rol != Rol.BEZWAARBEHANDELAAR or besluit.aanvraag.gemeente_id not in door.gemeente_ids():
        raise GeenToestemming("Alleen een bezwaarbehandelaar van de gemeente kan een bezwaarschrift registreren.")
    if ontvangen_op > timezone.localdate():
        raise TransitieFout("De datum van ontvangst ligt in de toekomst.")
    return _nieuw(besluit=besluit, door=door, indiener_rol=indiener_rol, indiener_naam=indiener_naam,
                  kanaal=BezwaarKanaal.BRIEF, gronden=gronden, ontvangen_op=ontvangen_op,
                  ter_post_bezorgd=ter_post_bezorgd)


def _aanvraag(bezwaar: Bezwaar):
    return bezwaar.besluit.aanvraag


def bezwaar_in_behandeling_nemen(*, bezwaar: Bezwaar, door, commissie: bool) -> Bezwaar:
    with transaction.atomic():
        voer_uit(obj=bezwaar, transitie="bezwaar_in_behandeling_nemen", door=door, aanvraag=_aanvraag(bezwaar),
                 machine="bezwaar", args={"behandelaar": door, "commissie": commissie})
    return bezwaar


def bezwaar_verdagen(*, bezwaar: Bezwaar, door, reden: str) -> Bezwaar:
    """Awb 7:10 lid 3: once, by six weeks."""
    with transaction.atomic():
        voer_uit(obj=bezwaar, transitie="bezwaar_verdagen", door=door, aanvraag=_aanvraag(bezwaar), machine="bezwaar",
                 reden=reden)
    return bezwaar


def _mag_wijzigen(bezwaar: Bezwaar, door) -> None:
    if door.rol != Rol.BEZWAARBEHANDELAAR or bezwaar.gemeente_id not in door.gemeente_ids():
        raise GeenToestemming("U mag dit bezwaar niet wijzigen.")
    if not bezwaar.is_open:
        raise TransitieFout("Op dit bezwaar is al beslist; er kan niets meer worden vastgelegd.")


def bezwaar_hoorzitting_vastleggen(*, bezwaar: Bezwaar, door, op: datetime.date, genodigden: str,
                                   verslag: str) -> Bezwaar:
    with transaction.atomic():
        actueel = Bezwaar.objects.select_for_update().get(pk=bezwaar.pk)
        _mag_wijzigen(actueel, door)
        Bezwaar.objects.filter(pk=bezwaar.pk).update(hoorzitting_op=op, hoorzitting_genodigden=genodigden,
                                                     hoorzitting_verslag=verslag)
    bezwaar.refresh_from_db()
    return bezwaar


def bezwaar_verschoonbaarheid_vastleggen(*, bezwaar: Bezwaar, door, verschoonbaar: bool) -> Bezwaar:
    """Awb 6:11: whether a late bezwaar is excused anyway."""
    with transaction.atomic():
        actueel = Bezwaar.objects.select_for_update().get(pk=bezwaar.pk)
        _mag_wijzigen(actueel, door)
        if actueel.tijdig:
            raise TransitieFout("Dit bezwaar is op tijd ingediend; verschoonbaarheid speelt niet.")
        Bezwaar.objects.filter(pk=bezwaar.pk).update(verschoonbaar=verschoonbaar)
    bezwaar.refresh_from_db()
    return bezwaar


def bezwaar_beslissen(*, bezwaar: Bezwaar, door, uitkomst: str, motivering: str) -> Bezwaar:
    """The beslissing op bezwaar. On (deels) gegrond the besluit must be herzien: a new Beoordeling round
    is opened for the klantmanager in the same transaction. The letter is rendered after commit."""
    from .tasks import beslissing_renderen

    with transaction.atomic():
        voer_uit(obj=bezwaar, transitie="bezwaar_beslissen", door=door, aanvraag=_aanvraag(bezwaar), machine="bezwaar",
                 args={"uitkomst": uitkomst, "motivering": motivering, "beslist_op": timezone.localdate()})
        if bezwaar.herziening_nodig:
            herbeoordeling = herbeoordeling_openen(bezwaar=bezwaar)
            Bezwaar.objects.filter(pk=bezwaar.pk).update(herbeoordeling=herbeoordeling)
            bezwaar.herbeoordeling = herbeoordeling
        transaction.on_commit(lambda: beslissing_renderen.delay(bezwaar.pk))
    return bezwaar


def herbeoordeling_openen(*, bezwaar: Bezwaar) -> Beoordeling:
    """A new onderzoek round (ronde = max + 1) of the case, for the klantmanager to herzien the besluit.
    Runs inside the caller's transaction; the aanvraag row is locked so two rounds never get one number."""
    from aanvragen.models import Aanvraag

    aanvraag = Aanvraag.objects.select_for_update().get(pk=bezwaar.besluit.aanvraag_id)
    hoogste = aanvraag.beoordelingen.aggregate(m=Max("ronde"))["m"] or 0
    return Beoordeling.objects.create(aanvraag=aanvraag, ronde=hoogste + 1)


def beslissing_opslaan(*, bezwaar_id: int) -> Document:
    """Render and store the letter with the beslissing op bezwaar. Idempotent: under a lock on the bezwaar,
    an existing letter is returned instead of making a second one."""
    with transaction.atomic():
        bezwaar = (Bezwaar.objects.select_for_update(of=("self",))
                   .select_related("besluit__aanvraag__gemeente", "besluit__aanvraag__werkgever",
                                   "besluit__verordening", "beslissing")
                   .get(pk=bezwaar_id))
        if bezwaar.beslissing_id:
            return bezwaar.beslissing
        if bezwaar.is_open:
            raise TransitieFout("Op dit bezwaar is nog niet beslist.")
        aanvraag = bezwaar.besluit.aanvraag
        document = brief_opslaan(aanvraag=aanvraag, soort=DocumentSoort.BESLISSING_OP_BEZWAAR,
                                 html=_beslissing_html(bezwaar))
        Bezwaar.objects.filter(pk=bezwaar.pk).update(beslissing=document)
    return document


def _beslissing_html(bezwaar: Bezwaar) -> str:
    """The letter, dated by the beslissing (not by the render), so a re-render says the same."""
    aanvraag = bezwaar.besluit.aanvraag
    return render_to_string("bezwaar/pdf/beslissing.html", {
        "bezwaar": bezwaar, "besluit": bezwaar.besluit, "aanvraag": aanvraag, "gemeente": aanvraag.gemeente,
        "geadresseerde": bezwaar.indiener_naam or geadresseerde(aanvraag), "datum": bezwaar.beslist_op,
        "verordening": bezwaar.besluit.verordening,
    })
