"""Demo bezwaren against the besloten demo case in Castricum: one open and tijdig (a letter from the
werknemer), one filed online by the werkgever after the six weeks (flagged late, still registered)."""

import datetime

from django.db import transaction
from django.utils import timezone

from beoordeling.documenten import beschikking_opslaan
from beoordeling.models import Besluit, Document, DocumentSoort

from . import services
from .models import Bezwaar

#: The demo beschikking was sent this many days ago: past the six weeks of the bezwaartermijn.
VERZONDEN_DAGEN_GELEDEN = 50


def laad(gemeenten, gebruikers) -> None:
    besluit = (Besluit.objects.filter(aanvraag__gemeente=gemeenten["castricum"]).select_related("aanvraag")
               .order_by("id").first())
    if besluit is None or Bezwaar.objects.filter(besluit=besluit).exists():
        return
    vandaag = timezone.localdate()
    with transaction.atomic():
        _beschikking_terugdateren(besluit, vandaag - datetime.timedelta(days=VERZONDEN_DAGEN_GELEDEN))
        services.bezwaar_registreren(
            besluit=besluit, door=gebruikers["bb.castricum"], indiener_rol="werknemer",
            indiener_naam=besluit.aanvraag.werknemer_naam, ontvangen_op=vandaag - datetime.timedelta(days=20),
            ter_post_bezorgd=vandaag - datetime.timedelta(days=22),
            gronden="Ik heb in de eerste maanden meer begeleiding nodig dan de toegekende uren.")
        services.bezwaar_indienen(
            besluit=besluit, door=gebruikers["werkgever.bakkerij"],
            gronden="Wij zijn het niet eens met de duur: na een jaar is de werkvolgorde nog niet aangeleerd.")


def _beschikking_terugdateren(besluit: Besluit, dag: datetime.date) -> None:
    """Demo only: the demo case was decided today; date the besluit and its beschikking back so the
    bezwaartermijn has run. Renders the beschikking here when no worker has made it yet."""
    beschikking_opslaan(besluit_id=besluit.pk)
    moment = timezone.make_aware(datetime.datetime.combine(dag, datetime.time(10, 0)))
    Besluit.objects.filter(pk=besluit.pk).update(vastgesteld_op=moment)
    Document.alle.filter(besluit=besluit, soort=DocumentSoort.BESCHIKKING).update(aangemaakt_op=moment)
