"""Every Beoordeling transition, its conditions, and the four-eyes rule of the besluit."""

import pytest
from django_fsm import has_transition_perm

from aanvragen.models import AanvraagStatus
from aanvragen.transities import GeenToestemming, GelijktijdigGewijzigd, TransitieFout
from beoordeling import services
from beoordeling.models import Beoordeling, Besluit, Document, Uitkomst
from tests.helpers import in_behandeling, ter_ondertekening, vul_fase

pytestmark = pytest.mark.django_db


def test_fase_verlaten_kan_niet_zonder_tekst(wereld):
    beoordeling = in_behandeling(wereld)
    with pytest.raises(TransitieFout):
        services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    vul_fase(beoordeling, wereld.km_a, beeldvorming="Gesprek met werknemer.")
    services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    assert Beoordeling.objects.get(pk=beoordeling.pk).status == "oordeelsvorming"


def test_arbeidsdeskundige_doet_het_onderzoek_niet_door_de_fasen(wereld):
    beoordeling = in_behandeling(wereld)
    vul_fase(beoordeling, wereld.km_a, beeldvorming="Gesprek met werknemer.")
    with pytest.raises(GeenToestemming):
        services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.ad_a)


def test_ter_ondertekening_noemt_wat_ontbreekt(wereld):
    beoordeling = in_behandeling(wereld)
    vul_fase(beoordeling, wereld.km_a, beeldvorming="x")
    services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    vul_fase(beoordeling, wereld.km_a, oordeelsvorming="y")
    services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    vul_fase(beoordeling, wereld.km_a, besluitvorming="z", voorstel_uitkomst=Uitkomst.TOEKENNING)
    with pytest.raises(TransitieFout) as fout:
        services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    assert "uren jobcoaching per week" in str(fout.value)
    assert "duur in maanden" in str(fout.value)
    assert Beoordeling.objects.get(pk=beoordeling.pk).status == "besluitvorming"


def test_afwijzing_vraagt_geen_uren(wereld):
    beoordeling = ter_ondertekening(wereld, uitkomst=Uitkomst.AFWIJZING)
    assert beoordeling.status == "ter_ondertekening"


def test_voorbereider_kan_niet_ondertekenen(wereld):
    beoordeling = ter_ondertekening(wereld)
    # Even an arbeidsdeskundige who prepared the besluit may not sign it.
    Beoordeling.objects.filter(pk=beoordeling.pk).update(voorbereid_door=wereld.ad_a)
    beoordeling = Beoordeling.objects.select_related("aanvraag").get(pk=beoordeling.pk)
    assert not has_transition_perm(beoordeling.vaststellen, wereld.ad_a)
    with pytest.raises(GeenToestemming):
        services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a)
    services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a2)
    assert Besluit.objects.get(beoordeling=beoordeling).vastgesteld_door == wereld.ad_a2


@pytest.mark.parametrize("wie", ["km_a", "ad_b", "wg_a"])
def test_alleen_arbeidsdeskundige_van_de_gemeente_stelt_vast(wereld, wie):
    beoordeling = ter_ondertekening(wereld)
    with pytest.raises(GeenToestemming):
        services.beoordeling_vaststellen(beoordeling=beoordeling, door=getattr(wereld, wie))


def test_terugsturen_vereist_reden_en_komt_terug_in_besluitvorming(wereld):
    beoordeling = ter_ondertekening(wereld)
    with pytest.raises(TransitieFout, match="waarom"):
        services.beoordeling_terugsturen(beoordeling=beoordeling, door=wereld.ad_a, reden="  ")
    services.beoordeling_terugsturen(beoordeling=beoordeling, door=wereld.ad_a, reden="Motiveer de duur.")
    beoordeling.refresh_from_db()
    assert beoordeling.status == "besluitvorming"
    assert beoordeling.teruggestuurd_reden == "Motiveer de duur."
    assert beoordeling.aanvraag.transities.last().reden == "Motiveer de duur."


def test_vaststellen_legt_besluit_vast_sluit_aanvraag_en_maakt_beschikking(wereld, django_capture_on_commit_callbacks):
    beoordeling = ter_ondertekening(wereld)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        besluit = services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a)
    assert len(callbacks) == 1
    beoordeling.aanvraag.refresh_from_db()
    assert beoordeling.aanvraag.status == AanvraagStatus.BESLOTEN
    assert str(besluit.uren_per_week) == "2.5" and besluit.duur_maanden == 12
    assert besluit.voorbereid_door == wereld.km_a and besluit.vastgesteld_door == wereld.ad_a
    assert besluit.einddatum > besluit.startdatum
    assert Document.objects.filter(besluit=besluit, soort="beschikking").count() == 1
    handelingen = list(beoordeling.aanvraag.transities.values_list("transitie", flat=True))
    assert handelingen[-2:] == ["vaststellen", "besluit_nemen"]


def test_tweede_arbeidsdeskundige_na_vaststelling_verandert_niets(wereld):
    beoordeling = ter_ondertekening(wereld)
    verouderd = Beoordeling.objects.select_related("aanvraag").get(pk=beoordeling.pk)
    services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a)
    with pytest.raises(GelijktijdigGewijzigd):
        services.beoordeling_vaststellen(beoordeling=verouderd, door=wereld.ad_a2)
    assert Besluit.objects.filter(beoordeling=beoordeling).count() == 1


def test_gelijktijdig_bewerken_overschrijft_niet_stil(wereld):
    beoordeling = in_behandeling(wereld)
    token = services.versie_token(beoordeling)
    services.beoordeling_fase_opslaan(beoordeling=beoordeling, door=wereld.km_a,
                                      gegevens={"beeldvorming": "Eerste versie"}, versie=token)
    ander = Beoordeling.objects.get(pk=beoordeling.pk)
    with pytest.raises(GelijktijdigGewijzigd):
        services.beoordeling_fase_opslaan(beoordeling=ander, door=wereld.km_a,
                                          gegevens={"beeldvorming": "Tweede versie"}, versie=token)
    assert Beoordeling.objects.get(pk=beoordeling.pk).beeldvorming == "Eerste versie"
