"""Every Aanvraag transition: who may do it, from which state, and what it records."""

import pytest

from aanvragen import services
from aanvragen.models import Aanvraag, AanvraagStatus, Transitie
from aanvragen.transities import GeenToestemming, GelijktijdigGewijzigd, TransitieFout
from accounts.models import Rol
from tests.factories import UserFactory
from tests.helpers import ingediend

pytestmark = pytest.mark.django_db


def test_indienen_geeft_nummer_ontvangstdatum_en_beslistermijn(wereld):
    aanvraag = ingediend(wereld)
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.INGEDIEND
    assert aanvraag.nummer.startswith("0362-")
    assert aanvraag.ontvangen_op is not None
    assert aanvraag.beslistermijn_weken == 8
    log = Transitie.objects.get(aanvraag=aanvraag)
    assert (log.van, log.naar, log.door) == ("concept", "ingediend", wereld.wg_a)


def test_nummers_lopen_per_gemeente_door(wereld):
    eerste, tweede = ingediend(wereld), ingediend(wereld)
    assert int(tweede.nummer[-5:]) == int(eerste.nummer[-5:]) + 1


def test_tweemaal_indienen_maakt_geen_tweede_aanvraag_of_nummer(wereld):
    aanvraag = ingediend(wereld)
    nummer = aanvraag.nummer
    services.aanvraag_indienen(aanvraag=Aanvraag.objects.get(pk=aanvraag.pk), door=wereld.wg_a)
    aanvraag.refresh_from_db()
    assert aanvraag.nummer == nummer
    assert Transitie.objects.filter(aanvraag=aanvraag, transitie="indienen").count() == 1


def test_andere_werkgever_mag_niet_indienen(wereld):
    aanvraag = wereld.aanvraag()
    with pytest.raises(GeenToestemming):
        services.aanvraag_indienen(aanvraag=aanvraag, door=wereld.wg_b)
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.CONCEPT


def test_indienen_zonder_verordening_geeft_duidelijke_fout(wereld):
    wereld.gemeente_a.verordeningen.all().delete()
    aanvraag = wereld.aanvraag()
    with pytest.raises(TransitieFout, match="geen verordening van kracht"):
        services.aanvraag_indienen(aanvraag=aanvraag, door=wereld.wg_a)


@pytest.mark.parametrize(
    "rol,mag",
    [(Rol.KLANTMANAGER, True), (Rol.ARBEIDSDESKUNDIGE, False), (Rol.WERKGEVER, False),
     (Rol.BEZWAARBEHANDELAAR, False), (Rol.FUNCTIONEEL_BEHEERDER, False)],
)
def test_alleen_klantmanager_van_de_gemeente_neemt_in_behandeling(wereld, rol, mag):
    aanvraag = ingediend(wereld)
    user = UserFactory(rol=rol, gemeenten=[wereld.gemeente_a], werkgever=wereld.werkgever_a if rol == Rol.WERKGEVER else None)
    if mag:
        services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=user)
        aanvraag.refresh_from_db()
        assert aanvraag.status == AanvraagStatus.IN_BEHANDELING
        assert aanvraag.behandelaar == user
        assert aanvraag.beoordelingen.get().status == "beeldvorming"
    else:
        with pytest.raises(GeenToestemming):
            services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=user)


def test_klantmanager_van_andere_gemeente_mag_niet(wereld):
    aanvraag = ingediend(wereld)
    with pytest.raises(GeenToestemming):
        services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_b)


def test_tweede_klantmanager_op_verouderde_pagina_verandert_niets(wereld):
    aanvraag = ingediend(wereld)
    verouderd = Aanvraag.objects.get(pk=aanvraag.pk)
    tweede = UserFactory(rol=Rol.KLANTMANAGER, gemeenten=[wereld.gemeente_a])
    services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    with pytest.raises(GelijktijdigGewijzigd, match="intussen gewijzigd"):
        services.aanvraag_in_behandeling_nemen(aanvraag=verouderd, door=tweede)
    aanvraag.refresh_from_db()
    assert aanvraag.behandelaar == wereld.km_a
    assert aanvraag.beoordelingen.count() == 1


def test_in_behandeling_nemen_kan_niet_vanuit_concept(wereld):
    aanvraag = wereld.aanvraag()
    with pytest.raises(TransitieFout):
        services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)


def test_aanvulling_vragen_vereist_omschrijving_en_klantmanager(wereld):
    aanvraag = ingediend(wereld)
    services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    with pytest.raises(TransitieFout, match="welke gegevens"):
        services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt=" ")
    with pytest.raises(GeenToestemming):
        services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.ad_a, wat_ontbreekt="Contract")
    services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt="Contract")
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.AANVULLING_GEVRAAGD
    assert aanvraag.transities.last().reden == "Contract"


def test_buiten_behandeling_alleen_na_aanvulling_gevraagd(wereld):
    aanvraag = ingediend(wereld)
    services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    with pytest.raises(TransitieFout):
        services.aanvraag_buiten_behandeling_stellen(aanvraag=aanvraag, door=wereld.km_a, reden="Termijn verstreken")
    services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt="Contract")
    services.aanvraag_buiten_behandeling_stellen(aanvraag=aanvraag, door=wereld.km_a, reden="Termijn verstreken")
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.BUITEN_BEHANDELING


@pytest.mark.parametrize("stap", ["ingediend", "in_behandeling"])
def test_aanvrager_kan_intrekken_tot_het_besluit(wereld, stap):
    aanvraag = ingediend(wereld)
    if stap == "in_behandeling":
        services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    with pytest.raises(GeenToestemming):
        services.aanvraag_intrekken(aanvraag=aanvraag, door=wereld.km_a)
    services.aanvraag_intrekken(aanvraag=aanvraag, door=wereld.wg_a, reden="Andere baan")
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.INGETROKKEN


def test_concept_kan_niet_meer_gewijzigd_na_indienen(wereld):
    aanvraag = ingediend(wereld)
    with pytest.raises(TransitieFout, match="niet meer worden gewijzigd"):
        services.aanvraag_concept_opslaan(door=wereld.wg_a, gemeente=wereld.gemeente_a, gegevens={}, aanvraag=aanvraag)


def test_status_kan_niet_rechtstreeks_worden_gezet(wereld):
    aanvraag = wereld.aanvraag()
    with pytest.raises(AttributeError):
        aanvraag.status = AanvraagStatus.BESLOTEN
