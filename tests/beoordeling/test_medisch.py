"""Medical details (ziekte/aandoening, functies en anatomische eigenschappen) are special-category data:
only the klantmanager, arbeidsdeskundige and bezwaarbehandelaar of the case's gemeente see them, on every
page that shows the onderzoek, and the selector itself leaves them out for everyone else."""

import pytest
from django.urls import reverse

from accounts.models import Rol
from beoordeling import selectors, services
from tests.factories import UserFactory
from tests.helpers import MEDISCHE_TEKST, ter_ondertekening, vul_fase

pytestmark = pytest.mark.django_db

FUNCTIE_TEKST = "Beperkt in het verdelen van de aandacht"


@pytest.fixture
def onderzoek(wereld):
    """A signed-off onderzoek (so werkgever and jobcoach can see the case) with two medical factors, one of
    them behind a knelpunt, and a change to a medical factor in the history."""
    beoordeling = ter_ondertekening(wereld)
    services.beoordeling_terugsturen(beoordeling=beoordeling, door=wereld.ad_a, reden="Functies aanvullen.")
    vul_fase(beoordeling, wereld.km_a, fase="beeldvorming", factoren=[
        {"id": None, "categorie": "functies", "werking": "belemmerend", "icf_code": "b140", "kwalificatie": 2,
         "bron": "medisch_advies", "tekst": FUNCTIE_TEKST}])
    functie = beoordeling.factoren.get(categorie="functies")
    knelpunt = beoordeling.knelpunten.get()
    vul_fase(beoordeling, wereld.km_a, fase="oordeelsvorming", knelpunten=[
        {"id": knelpunt.pk, "omschrijving": knelpunt.omschrijving, "plaatsing": True, "duurzaamheid": True,
         "factoren": [*knelpunt.factoren.values_list("id", flat=True), functie.pk]}])
    services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a)
    return beoordeling


def _gebruiker(wereld, rol):
    vast = {Rol.KLANTMANAGER: wereld.km_a, Rol.ARBEIDSDESKUNDIGE: wereld.ad_a2, Rol.WERKGEVER: wereld.wg_a}
    if rol in vast:
        return vast[rol]
    if rol == Rol.JOBCOACH:
        return UserFactory(rol=rol, jobcoachorganisatie=wereld.jobcoachorganisatie)
    return UserFactory(rol=rol, gemeenten=[wereld.gemeente_a])


@pytest.mark.parametrize("rol", [Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE, Rol.BEZWAARBEHANDELAAR])
def test_klantmanager_arbeidsdeskundige_en_bezwaarbehandelaar_zien_de_medische_gegevens(client, wereld, onderzoek,
                                                                                         rol):
    client.force_login(_gebruiker(wereld, rol))
    detail = client.get(reverse("beoordeling:detail", args=[onderzoek.pk])).content.decode()
    assert MEDISCHE_TEKST in detail and FUNCTIE_TEKST in detail
    assert "b140.2" in detail
    assert "voor uw rol niet zichtbaar" not in detail
    geschiedenis = client.get(reverse("beoordeling:geschiedenis", args=[onderzoek.pk])).content.decode()
    assert FUNCTIE_TEKST in geschiedenis


@pytest.mark.parametrize("rol", [Rol.WERKGEVER, Rol.JOBCOACH, Rol.BELEIDSMEDEWERKER, Rol.FUNCTIONEEL_BEHEERDER])
def test_werkgever_jobcoach_en_beleidsmedewerker_zien_ze_op_geen_enkele_pagina(client, wereld, onderzoek, rol):
    client.force_login(_gebruiker(wereld, rol))
    for naam in ("detail", "geschiedenis"):
        antwoord = client.get(reverse(f"beoordeling:{naam}", args=[onderzoek.pk]))
        assert antwoord.status_code in (403, 404)
        assert MEDISCHE_TEKST not in antwoord.content.decode()
    for fase in ("beeldvorming", "oordeelsvorming"):
        assert client.get(reverse("beoordeling:fase", args=[onderzoek.pk, fase])).status_code in (403, 404)
    aanvraag = client.get(reverse("aanvragen:detail", args=[onderzoek.aanvraag_id]))
    inhoud = aanvraag.content.decode()
    assert MEDISCHE_TEKST not in inhoud and FUNCTIE_TEKST not in inhoud


@pytest.mark.parametrize("rol", [Rol.BELEIDSMEDEWERKER, Rol.FUNCTIONEEL_BEHEERDER])
def test_de_selector_laat_medische_rijen_weg_voor_andere_gemeenterollen(wereld, onderzoek, rol):
    """Staff of the gemeente who may reach the case (later: reports, dossiers) never receive the rows."""
    gebruiker = _gebruiker(wereld, rol)
    beoordeling = selectors.onderzoek_voor(user=gebruiker, pk=onderzoek.pk)
    assert beoordeling.medisch_zichtbaar is False
    assert {f.categorie for f in beoordeling.zichtbare_factoren}.isdisjoint({"ziekte", "functies"})
    assert len(beoordeling.zichtbare_factoren) == 4
    knelpunt = beoordeling.knelpunten_lijst[0]
    assert knelpunt.zichtbare_factoren and all(not f.is_medisch for f in knelpunt.zichtbare_factoren)
    wijzigingen = list(selectors.wijzigingen(user=gebruiker, beoordeling=beoordeling))
    assert wijzigingen and not any(w.medisch for w in wijzigingen)
    assert not any(MEDISCHE_TEKST in w.nieuw or FUNCTIE_TEKST in (w.nieuw + w.oud) for w in wijzigingen)


def test_de_selector_geeft_de_klantmanager_alles(wereld, onderzoek):
    beoordeling = selectors.onderzoek_voor(user=wereld.km_a, pk=onderzoek.pk)
    assert {"ziekte", "functies"} <= {f.categorie for f in beoordeling.zichtbare_factoren}
    assert any(f.is_medisch for f in beoordeling.knelpunten_lijst[0].zichtbare_factoren)
    assert any(w.medisch for w in selectors.wijzigingen(user=wereld.km_a, beoordeling=beoordeling))


def test_staf_van_een_andere_gemeente_vindt_het_onderzoek_niet(client, wereld, onderzoek):
    client.force_login(wereld.ad_b)
    assert client.get(reverse("beoordeling:detail", args=[onderzoek.pk])).status_code == 404
    bb_b = UserFactory(rol=Rol.BEZWAARBEHANDELAAR, gemeenten=[wereld.gemeente_b])
    client.force_login(bb_b)
    assert client.get(reverse("beoordeling:detail", args=[onderzoek.pk])).status_code == 404


def test_knelpunt_kiezen_wijzigt_met_medische_factor_is_een_medische_wijziging(wereld, onderzoek):
    """A changed list of factors behind a knelpunt names the medical factor: that change is medical too."""
    wijziging = onderzoek.wijzigingen.get(onderdeel="Knelpunt", veld="ICF-factoren", actie="gewijzigd")
    assert wijziging.medisch and FUNCTIE_TEKST in wijziging.nieuw
