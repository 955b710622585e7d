"""Factories for the verordening register, and version builders with each intensity kind."""

import datetime

import factory

from tests.factories import JobcoachorganisatieFactory, UserFactory, VerordeningFactory
from verordening.models import Jobcoachprofiel, Keurmerkregistratie, Verordening
from verordening.regels import normaliseer


class KeurmerkregistratieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Keurmerkregistratie

    organisatie = factory.SubFactory(JobcoachorganisatieFactory)
    keurmerk = "OVAL"
    registratienummer = factory.Sequence(lambda n: f"REG-{n}")
    geldig_van = datetime.date(2024, 1, 1)
    geldig_tot = datetime.date(2027, 12, 31)


class JobcoachprofielFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jobcoachprofiel

    jobcoach = factory.SubFactory(UserFactory, rol="jobcoach")
    opleidingsniveau = "hbo"


# Rule sets per intensity kind, as stored (what the beheer form saves).
VAST_PERCENTAGE = {"intensiteit_soort": "vast_percentage", "vast_percentage": 5}
VASTE_UREN = {"intensiteit_soort": "vaste_uren", "vaste_uren": 1, "vaste_uren_eenheid": "per_week"}
BANDEN = {
    "intensiteit_soort": "regime_banden", "standaard_regime": "midden", "max_uren_per_periode": 60,
    "regime_banden": [{"naam": "licht", "min_uren": "10", "max_uren": "20"},
                      {"naam": "midden", "min_uren": "20", "max_uren": "40"},
                      {"naam": "zwaar", "min_uren": "40", "max_uren": "80"}],
}


def versie(**velden):
    """A version whose rule fields are stored as the service stores them (other kinds' fields cleared)."""
    basis = Verordening().regelgegevens()
    for veld in ("geldig_van", "geldig_tot", "bezwaar_adres"):
        del basis[veld]
    regels = {veld: velden.pop(veld) for veld in list(velden) if veld in basis}
    schoon = normaliseer({**basis, **regels})
    return VerordeningFactory(**{veld: schoon[veld] for veld in basis}, **velden)
