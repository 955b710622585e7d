"""Every Aanvraag transition: who may do it, from which state, and what it records."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from aanvragen import services
from aanvragen.models import Aanvraag, AanvraagStatus, Transitie
from aanvragen.transities import GeenToestemming, GelijktijdigGewijzigd, TransitieFout
from accounts.models import Rol
from tests.factories import JobcoachorganisatieFactory, UserFactory
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
    with pytest.raises(TransitieFout, match="status ‘in behandeling’"):
        services.aanvraag_buiten_behandeling_stellen(aanvraag=aanvraag, door=wereld.km_a, reden="Termijn verstreken")
    services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt="Contract")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=30), tick=False):
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


# --- the intake's transitions: who may do each ------------------------------------------------------


def _later(dagen: int):
    return time_machine.travel(timezone.now() + datetime.timedelta(days=dagen), tick=False)


def _in_behandeling(wereld, **kwargs):
    aanvraag = ingediend(wereld, **kwargs)
    services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    return aanvraag


def _aanvulling_gevraagd(wereld, **kwargs):
    aanvraag = _in_behandeling(wereld, **kwargs)
    services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt="Contract")
    return Aanvraag.objects.get(pk=aanvraag.pk)


ACTIES = {
    "aanvulling_vragen": (_in_behandeling, lambda a, u: services.aanvraag_aanvulling_vragen(
        aanvraag=a, door=u, wat_ontbreekt="Contract")),
    "aanvullen": (_aanvulling_gevraagd, lambda a, u: services.aanvraag_aanvullen(
        aanvraag=a, door=u, toelichting="Contract meegestuurd")),
    "buiten_behandeling": (_aanvulling_gevraagd, lambda a, u: services.aanvraag_buiten_behandeling_stellen(
        aanvraag=a, door=u, reden="Niets ontvangen")),
    "verdagen": (_in_behandeling, lambda a, u: services.aanvraag_verdagen(aanvraag=a, door=u, weken=2, reden="Drukte")),
    "intrekken": (_aanvulling_gevraagd, lambda a, u: services.aanvraag_intrekken(aanvraag=a, door=u)),
}


@pytest.mark.parametrize(
    "actie,wie,mag",
    [
        ("aanvulling_vragen", "km_a", True), ("aanvulling_vragen", "km_b", False),
        ("aanvulling_vragen", "ad_a", False), ("aanvulling_vragen", "wg_a", False),
        ("aanvullen", "wg_a", True), ("aanvullen", "km_a", True), ("aanvullen", "wg_b", False),
        ("aanvullen", "km_b", False), ("aanvullen", "ad_a", False),
        ("buiten_behandeling", "km_a", True), ("buiten_behandeling", "wg_a", False),
        ("buiten_behandeling", "ad_a", False), ("buiten_behandeling", "km_b", False),
        ("verdagen", "km_a", True), ("verdagen", "ad_a", False), ("verdagen", "wg_a", False),
        ("verdagen", "km_b", False),
        ("intrekken", "wg_a", True), ("intrekken", "wg_b", False), ("intrekken", "km_a", False),
    ],
)
def test_wie_elke_nieuwe_handeling_mag_uitvoeren(wereld, actie, wie, mag):
    maak, uitvoeren = ACTIES[actie]
    aanvraag = maak(wereld)
    status_voor = aanvraag.status
    with _later(20):  # past the hersteltermijn, within the beslistermijn
        if mag:
            uitvoeren(aanvraag, getattr(wereld, wie))
            assert Transitie.objects.filter(aanvraag=aanvraag, door=getattr(wereld, wie)).exists()
        else:
            with pytest.raises(GeenToestemming):
                uitvoeren(aanvraag, getattr(wereld, wie))
            assert Aanvraag.objects.get(pk=aanvraag.pk).status == status_voor


def test_jobcoachorganisatie_en_haar_opdrachtgever_mogen_intrekken(wereld):
    from .factories import volledig_concept

    jobcoach = UserFactory(rol=Rol.JOBCOACH, jobcoachorganisatie=wereld.jobcoachorganisatie)
    andere = UserFactory(rol=Rol.JOBCOACH, jobcoachorganisatie=JobcoachorganisatieFactory())
    werknemer = UserFactory(rol=Rol.WERKNEMER, bsn="111222333")
    concept = volledig_concept(door=jobcoach, gemeente=wereld.gemeente_a, namens="werknemer")
    with pytest.raises(GeenToestemming):
        services.aanvraag_indienen(aanvraag=concept, door=andere)
    aanvraag = services.aanvraag_indienen(aanvraag=concept, door=jobcoach)
    assert aanvraag.werkgever is None  # applied for the werknemer: not linked to a werkgever
    with pytest.raises(GeenToestemming):
        services.aanvraag_intrekken(aanvraag=aanvraag, door=andere)
    services.aanvraag_intrekken(aanvraag=aanvraag, door=werknemer, reden="Zelf opgelost")
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == AanvraagStatus.INGETROKKEN


def test_alleen_de_registrerende_klantmanager_registreert(wereld):
    from .factories import volledig_concept

    concept = services.aanvraag_registratie_starten(
        door=wereld.km_a, gemeente=wereld.gemeente_a, kanaal="telefoon", ontvangen_op=timezone.localdate(),
        aanvrager="werknemer")
    volledig_concept(door=wereld.km_a, gemeente=wereld.gemeente_a, aanvraag=concept)
    collega = UserFactory(rol=Rol.KLANTMANAGER, gemeenten=[wereld.gemeente_a])
    with pytest.raises(GeenToestemming):
        services.aanvraag_indienen(aanvraag=concept, door=collega)
    with pytest.raises(GeenToestemming):
        services.aanvraag_registratie_starten(door=wereld.km_b, gemeente=wereld.gemeente_a, kanaal="brief",
                                              ontvangen_op=timezone.localdate(), aanvrager="werkgever")
    aanvraag = services.aanvraag_indienen(aanvraag=concept, door=wereld.km_a)
    assert aanvraag.status == AanvraagStatus.INGEDIEND and aanvraag.kanaal == "telefoon"


def test_verouderde_klik_noemt_de_status_niet_een_verbod(wereld):
    aanvraag = _in_behandeling(wereld)
    tweede = UserFactory(rol=Rol.KLANTMANAGER, gemeenten=[wereld.gemeente_a])
    with pytest.raises(TransitieFout, match="zolang de status ‘in behandeling’ is") as fout:
        services.aanvraag_in_behandeling_nemen(aanvraag=Aanvraag.objects.get(pk=aanvraag.pk), door=tweede)
    assert not isinstance(fout.value, GeenToestemming)


def test_indienen_vereist_de_kerngegevens(wereld):
    concept = services.aanvraag_concept_opslaan(door=wereld.wg_a, gemeente=wereld.gemeente_a,
                                                gegevens={"werknemer_naam": "Jan"})
    with pytest.raises(TransitieFout, match="nog niet compleet: het BSN van de werknemer, de functie"):
        services.aanvraag_indienen(aanvraag=concept, door=wereld.wg_a)
    assert Aanvraag.objects.get(pk=concept.pk).status == AanvraagStatus.CONCEPT
