"""factory_boy factories for every model the tests need. Dutch fakers give valid BSNs."""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth.hashers import make_password

from aanvragen.models import Aanvraag, Aanvrager
from accounts.models import Rol, User, Werkgever
from beoordeling.models import Beoordeling
from verordening.models import Gemeente, Jobcoachorganisatie, Regio, Verordening

WACHTWOORD = "Jobcoach-Demo-2026"
_WACHTWOORD_HASH = make_password(WACHTWOORD)


class RegioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regio

    naam = factory.Sequence(lambda n: f"Regio {n}")


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"GM{9000 - n:04d}")


class VerordeningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verordening

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.LazyAttribute(lambda o: f"Re-integratieverordening {o.gemeente.naam} 2024")
    geldig_van = datetime.date(2024, 1, 1)
    bezwaar_adres = "Het college van burgemeester en wethouders\nPostbus 1\n1000 AA Gemeentestad"
    status = "gepubliceerd"  # in force, as cases need; concepts via verordening.services or status="concept"


class WerkgeverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkgever

    naam = factory.Faker("company", locale="nl_NL")
    kvk_nummer = factory.Sequence(lambda n: f"{10000000 + n}")
    vestigingsadres = "Stationsstraat 1, 1234 AB Gemeentestad"


class JobcoachorganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jobcoachorganisatie

    naam = factory.Sequence(lambda n: f"Jobcoach Groep {n}")
    kvk_nummer = factory.Sequence(lambda n: f"{20000000 + n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = _WACHTWOORD_HASH
    rol = Rol.KLANTMANAGER

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        if create and extracted:
            self.gemeenten.set(extracted)


class AanvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanvraag

    gemeente = factory.SubFactory(GemeenteFactory)
    werkgever = factory.SubFactory(WerkgeverFactory)
    aanvrager = Aanvrager.WERKGEVER
    aangemaakt_door = factory.LazyAttribute(
        lambda o: UserFactory(rol=Rol.WERKGEVER, werkgever=o.werkgever)
    )
    werknemer_naam = factory.Faker("name", locale="nl_NL")
    werknemer_bsn = factory.Faker("ssn", locale="nl_NL")
    functie = "Medewerker magazijn"
    contracturen_per_week = Decimal("24")
    startdatum = datetime.date(2026, 9, 1)
    reden = "Heeft structuur nodig bij het leren van nieuwe taken."


class BeoordelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beoordeling

    aanvraag = factory.SubFactory(AanvraagFactory, status="in_behandeling")
    ronde = 1
