"""Versions: which one applies on a date, their rules for the engine, validation, immutability, publication."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Rol
from tests.factories import GemeenteFactory, RegioFactory, UserFactory, VerordeningFactory
from tests.helpers import ingediend
from verordening import services
from verordening.engine import (
    UWV_REGIMES,
    Eenheid,
    IntensiteitSoort,
    Keurmerk,
    Opleidingsniveau,
    RegelFout,
    Verordeningsregels,
)
from verordening.models import Verordening, VersieOnwijzigbaar, VersieStatus
from verordening.regels import problemen
from verordening.selectors import GeenVerordening, regels_van, verordening_op_datum

from .factories import BANDEN, VAST_PERCENTAGE, VASTE_UREN, versie

pytestmark = pytest.mark.django_db

d = datetime.date


# --------------------------------------------------------------------------------------------------
# Which version applies on a date


@pytest.fixture
def buch():
    """A regio with a shared version, one gemeente that follows it and one with its own version from 2025."""
    regio = RegioFactory(naam="BUCH")
    volger = GemeenteFactory(naam="Heiloo", regio=regio)
    eigen = GemeenteFactory(naam="Castricum", regio=regio)
    gedeeld = VerordeningFactory(gemeente=None, regio=regio, naam="BUCH 2024", geldig_van=d(2024, 1, 1))
    eigen_versie = VerordeningFactory(gemeente=eigen, naam="Castricum 2025", geldig_van=d(2025, 1, 1),
                                      geldig_tot=d(2025, 12, 31))
    return regio, volger, eigen, gedeeld, eigen_versie


@pytest.mark.parametrize("datum, verwacht", [
    (d(2024, 6, 1), "BUCH 2024"),  # before its own version: the regio's
    (d(2025, 1, 1), "Castricum 2025"),  # first day of its own version: own wins over the regio
    (d(2025, 12, 31), "Castricum 2025"),  # last day, inclusive
    (d(2026, 1, 1), "BUCH 2024"),  # after its own version ends: back to the regio's
])
def test_eigen_versie_gaat_voor_de_regio(buch, datum, verwacht):
    _, _, castricum, _, _ = buch
    assert verordening_op_datum(gemeente=castricum, datum=datum).naam == verwacht


def test_gemeente_zonder_eigen_versie_volgt_de_regio(buch):
    _, heiloo, _, _, _ = buch
    assert verordening_op_datum(gemeente=heiloo, datum=d(2025, 6, 1)).naam == "BUCH 2024"


@pytest.mark.parametrize("datum, verwacht", [
    (d(2023, 12, 31), None),  # before the first version
    (d(2024, 1, 1), "2024"),
    (d(2024, 12, 31), "2024"),
    (d(2025, 1, 1), None),  # the gap
    (d(2025, 6, 30), None),
    (d(2025, 7, 1), "2025"),
])
def test_grenzen_en_gaten(datum, verwacht):
    gemeente = GemeenteFactory()
    VerordeningFactory(gemeente=gemeente, naam="2024", geldig_van=d(2024, 1, 1), geldig_tot=d(2024, 12, 31))
    VerordeningFactory(gemeente=gemeente, naam="2025", geldig_van=d(2025, 7, 1))
    if verwacht is None:
        with pytest.raises(GeenVerordening, match=f"Voor gemeente {gemeente.naam} is op {datum:%d-%m-%Y} geen "
                                                  "verordening van kracht"):
            verordening_op_datum(gemeente=gemeente, datum=datum)
    else:
        assert verordening_op_datum(gemeente=gemeente, datum=datum).naam == verwacht


def test_een_concept_geldt_nooit():
    gemeente = GemeenteFactory()
    VerordeningFactory(gemeente=gemeente, status=VersieStatus.CONCEPT)
    with pytest.raises(GeenVerordening):
        verordening_op_datum(gemeente=gemeente, datum=d(2025, 1, 1))


def test_indienen_zonder_gepubliceerde_versie_geeft_duidelijke_fout(wereld):
    from aanvragen.transities import TransitieFout

    wereld.gemeente_a.verordeningen.update(status=VersieStatus.CONCEPT)
    with pytest.raises(TransitieFout, match="geen verordening van kracht"):
        ingediend(wereld)


# --------------------------------------------------------------------------------------------------
# regels_van: the stored fields round-trip into the engine's dataclass, for every intensity kind

BASIS = dict(standaard_max_maanden=24, toekenningsperiode_maanden=6, jobcoach_niet_klantmanager=True)


@pytest.mark.parametrize("opgeslagen, verwacht", [
    ({}, Verordeningsregels(intensiteit_soort=IntensiteitSoort.PERCENTAGE_PER_JAAR, percentage_regimes=UWV_REGIMES,
                            standaard_regime="midden", **BASIS)),
    (VAST_PERCENTAGE, Verordeningsregels(intensiteit_soort=IntensiteitSoort.VAST_PERCENTAGE, vast_percentage=D(5),
                                         **BASIS)),
    (VASTE_UREN, Verordeningsregels(intensiteit_soort=IntensiteitSoort.VASTE_UREN, vaste_uren=D(1),
                                    vaste_uren_eenheid=Eenheid.PER_WEEK, **BASIS)),
    (BANDEN, Verordeningsregels(intensiteit_soort=IntensiteitSoort.REGIME_BANDEN,
                                regime_banden={"licht": (10, 20), "midden": (20, 40), "zwaar": (40, 80)},
                                standaard_regime="midden", max_uren_per_periode=D(60), **BASIS)),
], ids=["percentage_per_jaar", "vast_percentage", "vaste_uren", "regime_banden"])
def test_regels_van_elke_soort(opgeslagen, verwacht):
    v = versie(**opgeslagen)
    v.refresh_from_db()  # as stored: decimals and JSON come back from the database
    assert regels_van(v) == verwacht


def test_regels_van_neemt_alle_groepen_over():
    v = versie(doelgroepregister_vereist=True, min_loonwaarde_pct=30, sfb_vereist=True, min_contracturen_per_week=12,
               min_contractduur_maanden=6, standaard_max_maanden=36, toekenningsperiode_maanden=12,
               verlenging_toegestaan=True, verlenging_bewijs="een uitgebreid plan van aanpak", max_totaal_maanden=48,
               geaccepteerde_keurmerken=["OVAL", "NOLOC"], min_opleiding="hbo", jobcoach_niet_klantmanager=False)
    v.refresh_from_db()
    regels = regels_van(v)
    assert (regels.doelgroepregister_vereist, regels.min_loonwaarde_pct, regels.sfb_vereist) == (True, D(30), True)
    assert (regels.min_contracturen_per_week, regels.min_contractduur_maanden) == (D(12), 6)
    assert (regels.standaard_max_maanden, regels.toekenningsperiode_maanden, regels.max_totaal_maanden) == (36, 12, 48)
    assert regels.verlenging_toegestaan and regels.verlenging_bewijs == "een uitgebreid plan van aanpak"
    assert regels.geaccepteerde_keurmerken == {Keurmerk.OVAL, Keurmerk.NOLOC}
    assert regels.min_opleiding == Opleidingsniveau.HBO and regels.jobcoach_niet_klantmanager is False


def test_velden_van_een_andere_soort_tellen_niet_mee():
    """A percentage left behind from an earlier kind must not change the rules of bands."""
    v = VerordeningFactory(intensiteit_soort="regime_banden", regime_banden=BANDEN["regime_banden"],
                           vast_percentage=250)  # garbage in a field of another kind
    assert regels_van(v).vast_percentage is None


def test_kapotte_opgeslagen_regels_geven_nederlandse_melding():
    v = VerordeningFactory(intensiteit_soort="regime_banden", regime_banden=[{"naam": "licht"}])
    with pytest.raises(RegelFout, match="onvolledig opgeslagen"):
        regels_van(v)


# --------------------------------------------------------------------------------------------------
# Validation: every problem as a Dutch sentence, by field where possible


def _gegevens(**wijzigingen):
    v = VerordeningFactory.build(gemeente=None, naam="Voorbeeld")
    return {**v.regelgegevens(), **wijzigingen}


@pytest.mark.parametrize("wijzigingen, veld, tekst", [
    ({"intensiteit_soort": "regime_banden", "regime_banden": []}, "__all__",
     "Bij regimes met urenbanden moet ten minste één regime met een urenband zijn opgegeven."),
    ({"intensiteit_soort": "regime_banden", "standaard_regime": "",
      "regime_banden": [{"naam": "licht", "min_uren": "-5", "max_uren": "20"}]}, "__all__",
     "Regime 'licht': het minimum aantal uren mag niet negatief zijn (opgegeven: -5 uur)."),
    ({"intensiteit_soort": "vast_percentage", "vast_percentage": D(120)}, "__all__",
     "Het vaste percentage moet tussen 0 en 100% liggen (opgegeven: 120%)."),
    ({"min_loonwaarde_pct": D("100.5")}, "__all__", "De minimale loonwaarde moet tussen 0 en 100% liggen"),
    ({"verlenging_toegestaan": True, "verlenging_bewijs": ""}, "__all__",
     "Als verlenging is toegestaan, moet zijn vastgelegd welk bewijs daarvoor nodig is"),
    ({"standaard_regime": "zwaar"}, "__all__", "Het standaardregime 'zwaar' komt niet voor in de regimes"),
    ({"geldig_van": d(2025, 1, 1), "geldig_tot": d(2024, 12, 31)}, "geldig_tot",
     "De einddatum ligt vóór de ingangsdatum (01-01-2025)."),
    ({"geldig_van": d(2014, 12, 31)}, "geldig_van", "niet vóór 1 januari 2015"),
    ({"geldig_van": d(2202, 1, 1)}, "geldig_van", "Een ingangsdatum na 2099 is vrijwel zeker een typefout."),
    ({"beslistermijn_weken": 0}, "beslistermijn_weken", "De beslistermijn is ten minste 1 weken."),
    ({"hersteltermijn_weken": 20}, "hersteltermijn_weken", "De hersteltermijn is ten hoogste 12 weken."),
    ({"bezwaar_adres": " "}, "bezwaar_adres", "Vul het adres in waar belanghebbenden bezwaar kunnen maken."),
    ({"percentage_regimes": [{"naam": "midden", "jaar_1": "10", "jaar_2": "5", "jaar_3_en_verder": "3"},
                             {"naam": "midden", "jaar_1": "6", "jaar_2": "3", "jaar_3_en_verder": "3"}]},
     "__all__", "Elk regime komt maar één keer voor; dubbel: midden."),
])
def test_ongeldige_regels_geven_nederlandse_melding(wijzigingen, veld, tekst):
    fouten = problemen(_gegevens(**wijzigingen))
    assert any(tekst in melding for melding in fouten.get(veld, [])), fouten


def test_geldige_standaardregels_hebben_geen_problemen():
    assert problemen(_gegevens(geldig_van=d(2024, 1, 1))) == {}


def test_model_clean_meldt_per_veld():
    v = VerordeningFactory.build(gemeente=GemeenteFactory(), hersteltermijn_weken=0, vast_percentage=D(150),
                                 intensiteit_soort="vast_percentage")
    with pytest.raises(ValidationError) as exc:
        v.full_clean()
    assert "De hersteltermijn is ten minste 1 weken." in exc.value.message_dict["hersteltermijn_weken"]
    assert any("tussen 0 en 100%" in m for m in exc.value.message_dict["__all__"])


# --------------------------------------------------------------------------------------------------
# A published version is read-only


def test_gepubliceerde_versie_kan_niet_worden_gewijzigd():
    v = VerordeningFactory(beslistermijn_weken=8)
    v.beslistermijn_weken = 12
    with pytest.raises(VersieOnwijzigbaar, match="is gepubliceerd en kan niet meer worden gewijzigd"):
        v.save()
    v.refresh_from_db()
    assert v.beslistermijn_weken == 8


def test_gepubliceerde_versie_kan_niet_worden_verwijderd():
    v = VerordeningFactory()
    with pytest.raises(VersieOnwijzigbaar, match="kan niet worden verwijderd"):
        v.delete()
    assert Verordening.objects.filter(pk=v.pk).exists()


def test_alleen_een_open_einde_mag_worden_gesloten():
    v = VerordeningFactory(geldig_tot=None)
    v.geldig_tot = d(2026, 12, 31)
    v.save()  # closing the open end (what publishing a successor does) is allowed
    v.geldig_tot = d(2027, 12, 31)
    with pytest.raises(VersieOnwijzigbaar):
        v.save()


def test_concept_blijft_wijzigbaar():
    v = VerordeningFactory(status=VersieStatus.CONCEPT)
    v.beslistermijn_weken = 6
    v.save()
    v.refresh_from_db()
    assert v.beslistermijn_weken == 6


# --------------------------------------------------------------------------------------------------
# Services: concept, save, publish


@pytest.fixture
def beheer():
    gemeente = GemeenteFactory(naam="Zaanstad", cbs_code="GM0479")
    huidige = versie(gemeente=gemeente, naam="Zaanstad 2024", geldig_van=d(2024, 1, 1), **VASTE_UREN)
    fb = UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER, gemeenten=[gemeente])
    return gemeente, huidige, fb


def test_nieuw_concept_is_kopie_van_de_huidige_versie(beheer):
    gemeente, huidige, fb = beheer
    concept = services.verordening_concept_maken(door=fb, gemeente=gemeente)
    assert concept.status == VersieStatus.CONCEPT and concept.afgeleid_van == huidige
    assert regels_van(concept) == regels_van(huidige)
    assert concept.bezwaar_adres == huidige.bezwaar_adres and concept.geldig_tot is None


def test_beheerder_van_een_andere_gemeente_mag_geen_concept_maken(beheer):
    gemeente, _, _ = beheer
    ander = UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER, gemeenten=[GemeenteFactory()])
    with pytest.raises(PermissionDenied):
        services.verordening_concept_maken(door=ander, gemeente=gemeente)


def test_opslaan_van_gepubliceerde_versie_wordt_geweigerd(beheer):
    _, huidige, fb = beheer
    with pytest.raises(VersieOnwijzigbaar):
        services.verordening_concept_opslaan(verordening=huidige, door=fb, gegevens={"beslistermijn_weken": 4},
                                             versie=services.versie_token(huidige))


def test_opslaan_met_verouderde_versie_wordt_geweigerd(beheer):
    gemeente, _, fb = beheer
    concept = services.verordening_concept_maken(door=fb, gemeente=gemeente)
    token = services.versie_token(concept)
    gegevens = {veld: getattr(concept, veld) for veld in services.BEWERK_VELDEN}
    services.verordening_concept_opslaan(verordening=concept, door=fb, gegevens={**gegevens, "beslistermijn_weken": 6},
                                         versie=token)
    with pytest.raises(services.GelijktijdigGewijzigd, match="Iemand anders heeft deze versie opgeslagen"):
        services.verordening_concept_opslaan(verordening=concept, door=fb, gegevens=gegevens, versie=token)


def _concept(gemeente, fb, van, tot=None):
    concept = services.verordening_concept_maken(door=fb, gemeente=gemeente)
    gegevens = {veld: getattr(concept, veld) for veld in services.BEWERK_VELDEN} | {"geldig_van": van,
                                                                                    "geldig_tot": tot}
    return services.verordening_concept_opslaan(verordening=concept, door=fb, gegevens=gegevens,
                                                versie=services.versie_token(concept))


def test_publiceren_sluit_de_open_voorganger_af(beheer):
    gemeente, huidige, fb = beheer
    concept = _concept(gemeente, fb, d(2030, 1, 1))
    gepubliceerd = services.verordening_publiceren(verordening=concept, door=fb)
    huidige.refresh_from_db()
    assert gepubliceerd.status == VersieStatus.GEPUBLICEERD and gepubliceerd.gepubliceerd_door == fb
    assert huidige.geldig_tot == d(2029, 12, 31)
    assert verordening_op_datum(gemeente=gemeente, datum=d(2029, 12, 31)) == huidige
    assert verordening_op_datum(gemeente=gemeente, datum=d(2030, 1, 1)) == gepubliceerd


def test_overlap_met_gesloten_versie_wordt_geweigerd(beheer):
    gemeente, huidige, fb = beheer
    services.verordening_publiceren(verordening=_concept(gemeente, fb, d(2030, 1, 1), d(2030, 12, 31)), door=fb)
    overlappend = _concept(gemeente, fb, d(2030, 6, 1))
    with pytest.raises(services.VerordeningFout) as exc:
        services.verordening_publiceren(verordening=overlappend, door=fb)
    melding = exc.value.meldingen[0]
    assert "De periode (van 01-06-2030 zonder einddatum) overlapt met de gepubliceerde versie" in melding
    assert "(van 01-01-2030 tot en met 31-12-2030)" in melding
    overlappend.refresh_from_db()
    assert overlappend.status == VersieStatus.CONCEPT


def test_versie_die_voor_een_latere_ingaat_moet_ervoor_eindigen(beheer):
    gemeente, _, fb = beheer
    services.verordening_publiceren(verordening=_concept(gemeente, fb, d(2030, 1, 1)), door=fb)
    eerder = _concept(gemeente, fb, d(2029, 1, 1))  # open-ended, but a later version exists
    with pytest.raises(services.VerordeningFout, match="Laat deze versie eindigen vóór 01-01-2030"):
        services.verordening_publiceren(verordening=eerder, door=fb)


def test_versie_kan_niet_ingaan_voor_al_ontvangen_aanvragen(wereld):
    fb = UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER, gemeenten=[wereld.gemeente_a])
    aanvraag = ingediend(wereld)  # received today under the current version
    concept = _concept(wereld.gemeente_a, fb, aanvraag.ontvangen_op)
    with pytest.raises(services.VerordeningFout, match="zijn al aanvragen ontvangen") as exc:
        services.verordening_publiceren(verordening=concept, door=fb)
    morgen = aanvraag.ontvangen_op + datetime.timedelta(days=1)
    assert f"op zijn vroegst ingaan op {morgen:%d-%m-%Y}" in str(exc.value)
    assert verordening_op_datum(gemeente=wereld.gemeente_a, datum=aanvraag.ontvangen_op).status == "gepubliceerd"


def test_publiceren_door_andere_beheerder_wordt_geweigerd(beheer):
    gemeente, _, fb = beheer
    concept = _concept(gemeente, fb, d(2030, 1, 1))
    ander = UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER, gemeenten=[GemeenteFactory()])
    with pytest.raises(PermissionDenied):
        services.verordening_publiceren(verordening=concept, door=ander)
    concept.refresh_from_db()
    assert concept.status == VersieStatus.CONCEPT


def test_tweemaal_publiceren_meldt_dat_het_al_gebeurd_is(beheer):
    gemeente, _, fb = beheer
    concept = services.verordening_publiceren(verordening=_concept(gemeente, fb, d(2030, 1, 1)), door=fb)
    with pytest.raises(services.VerordeningFout, match="al gepubliceerd"):
        services.verordening_publiceren(verordening=concept, door=fb)


def test_concept_verwijderen_en_gepubliceerde_niet(beheer):
    gemeente, huidige, fb = beheer
    concept = services.verordening_concept_maken(door=fb, gemeente=gemeente)
    services.verordening_concept_verwijderen(verordening=concept, door=fb)
    assert not Verordening.objects.filter(pk=concept.pk).exists()
    with pytest.raises(VersieOnwijzigbaar):
        services.verordening_concept_verwijderen(verordening=huidige, door=fb)
