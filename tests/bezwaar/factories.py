"""Builders for the bezwaar tests: a signed besluit with its beschikking sent on a chosen day."""

import datetime

import factory

from aanvragen.bezwaar.models import Bezwaar
from aanvragen.termijnen import AMSTERDAM
from accounts.models import Rol
from beoordeling.documenten import document_opslaan
from beoordeling.models import Document, DocumentSoort
from tests.beoordeling.documenten_helpers import besluit_met_onderzoek
from tests.factories import UserFactory


def besloten(wereld, *, verzonden: datetime.date | None = None, **kwargs):
    """A besluit of gemeente A whose beschikking was sent on `verzonden` (default today)."""
    besluit = besluit_met_onderzoek(wereld, bijlagen=0, **kwargs)
    document = document_opslaan(aanvraag=besluit.aanvraag, besluit=besluit, soort=DocumentSoort.BESCHIKKING,
                                inhoud=b"%PDF-1.4 beschikking\n", versie=1, template_versie="test")
    if verzonden:
        # Half past midnight in Amsterdam is still the day before in UTC: the Amsterdam date counts.
        moment = datetime.datetime.combine(verzonden, datetime.time(0, 30), tzinfo=AMSTERDAM)
        Document.alle.filter(pk=document.pk).update(aangemaakt_op=moment)
    return besluit


def behandelaar(gemeente, **kwargs):
    return UserFactory(rol=Rol.BEZWAARBEHANDELAAR, gemeenten=[gemeente], **kwargs)


class BezwaarFactory(factory.django.DjangoModelFactory):
    """A registered bezwaar, for volume (the list's query count); the services are tested elsewhere."""

    class Meta:
        model = Bezwaar

    gemeente = factory.LazyAttribute(lambda o: o.besluit.aanvraag.gemeente)
    ingediend_door = factory.LazyAttribute(lambda o: o.besluit.aanvraag.aangemaakt_door)
    indiener_rol = "werkgever"
    indiener_naam = "Bakkerij De Korenschoof"
    kanaal = "online"
    ontvangen_op = factory.LazyFunction(datetime.date.today)
    gronden = "De uren zijn te laag."
    bekendgemaakt_op = factory.LazyFunction(datetime.date.today)
    tijdig = True
    uiterste_beslisdatum = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=60))
