"""The online aanvraag in steps, as an applicant uses it: every step saves, nothing typed is lost, a
double submit makes one aanvraag, and the aanvraag goes to the chosen woongemeente (or says why not)."""

import re
import uuid

import pytest
from django.urls import reverse

from aanvragen.models import Aanvraag, AanvraagStatus, Aanvrager, Ondersteuningsvraag, Werkplekfactor
from accounts.models import Rol
from tests.factories import GemeenteFactory, UserFactory

from .factories import stap_data

pytestmark = pytest.mark.django_db


def stap_url(aanvraag, slug):
    return reverse("aanvragen:stap", args=[aanvraag.pk, slug])


def eerste_stap(client, wereld, **anders):
    data = stap_data(wereld.gemeente_a.naam)["werknemer"] | anders
    return client.post(reverse("aanvragen:nieuw"), data | {"invoer_sleutel": str(uuid.uuid4()), "actie": "volgende"})


def alle_stappen(client, wereld, aanvraag):
    data = stap_data(wereld.gemeente_a.naam)
    for slug in ("werkgever", "werk", "ondersteuning", "werkplek"):
        response = client.post(stap_url(aanvraag, slug), data[slug] | {"actie": "volgende"})
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
    return client.post(stap_url(aanvraag, "bijlagen"), {"actie": "volgende"})


def test_werkgever_vult_alle_stappen_in_controleert_en_dient_in(client, wereld):
    client.force_login(wereld.wg_a)
    response = eerste_stap(client, wereld)
    aanvraag = Aanvraag.objects.get()
    assert response["Location"] == stap_url(aanvraag, "werkgever")
    assert aanvraag.status == AanvraagStatus.CONCEPT and aanvraag.gemeente == wereld.gemeente_a
    assert aanvraag.werknemer_postcode == "1901 EJ"  # stored in the standard form

    assert alle_stappen(client, wereld, aanvraag)["Location"] == stap_url(aanvraag, "controleren")
    html = client.get(stap_url(aanvraag, "controleren")).content.decode()
    assert "Nog niet compleet" not in html
    assert "Nieuwe taken of vaardigheden aanleren" in html and "(ICF d155)" in html
    assert "De aanvraag gaat naar de gemeente Amstelveen. De gemeente beslist binnen 8 weken" in html

    response = client.post(reverse("aanvragen:indienen", args=[aanvraag.pk]), follow=True)
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.INGEDIEND
    assert f"Uw aanvraag is ingediend onder nummer {aanvraag.nummer}." in response.content.decode()
    assert aanvraag.werkgever == wereld.werkgever_a and aanvraag.aanvrager == Aanvrager.WERKGEVER


def test_antwoorden_staan_gestructureerd_klaar_voor_de_beeldvorming(client, wereld):
    client.force_login(wereld.wg_a)
    eerste_stap(client, wereld)
    aanvraag = Aanvraag.objects.get()
    alle_stappen(client, wereld, aanvraag)
    vragen = set(Ondersteuningsvraag.objects.filter(aanvraag=aanvraag).values_list("domein", "code", "tekst"))
    assert vragen == {
        ("d1", "d155", "Nieuwe taken of vaardigheden aanleren"),
        ("d1", "d160", "De aandacht bij het werk houden"),
        ("d1", "d1", "Vergeet stappen als het druk wordt."),
        ("d2", "d240", "Omgaan met tempo, werkdruk en stress"),
    }
    factoren = set(Werkplekfactor.objects.filter(aanvraag=aanvraag).values_list("factor", "invloed", "tekst"))
    assert factoren == {("arbeidsinhoud", "bevorderend", "Vaste, overzichtelijke taken."),
                        ("arbeidsomstandigheden", "belemmerend", "Drukte in de winkel op zaterdag.")}


def test_stappenindicator_markeert_de_huidige_stap(client, wereld):
    client.force_login(wereld.wg_a)
    html = client.get(reverse("aanvragen:nieuw")).content.decode()
    assert re.search(r'aria-current="step"><span class="stappen__nummer">1</span> Werknemer', html)
    assert html.count('aria-current="step"') == 1
    eerste_stap(client, wereld)
    html = client.get(stap_url(Aanvraag.objects.get(), "werk")).content.decode()
    assert re.search(r'aria-current="step"><span class="stappen__nummer">3</span> Het werk', html)


def test_fout_in_een_stap_verliest_niets_en_het_concept_blijft(client, wereld):
    client.force_login(wereld.wg_a)
    eerste_stap(client, wereld)
    aanvraag = Aanvraag.objects.get()
    data = stap_data(wereld.gemeente_a.naam)["werk"] | {"contracturen_per_week": "61", "actie": "volgende"}
    response = client.post(stap_url(aanvraag, "werk"), data)
    html = response.content.decode()
    assert response.status_code == 422
    assert "Het aantal contracturen is maximaal 60 uur per week." in html
    assert 'value="61"' in html and "Brood inpakken en de winkel aanvullen." in html  # what was typed stays
    aanvraag.refresh_from_db()
    # The earlier step is in the database, and so is the valid part of this step.
    assert aanvraag.werknemer_naam == "Jan de Vries" and aanvraag.functie == "Medewerker bakkerij"
    assert aanvraag.contracturen_per_week is None


def test_na_verlopen_sessie_gaat_de_aanvrager_verder_waar_hij_was(client, wereld):
    client.force_login(wereld.wg_a)
    eerste_stap(client, wereld)
    aanvraag = Aanvraag.objects.get()
    client.logout()  # the session is gone
    client.force_login(wereld.wg_a)
    html = client.get(reverse("aanvragen:mijn")).content.decode()
    assert "Concept: verder invullen" in html
    response = client.get(reverse("aanvragen:bewerken", args=[aanvraag.pk]))
    # The werkgever step is complete from the account; the first step with something missing is the work.
    assert response["Location"] == stap_url(aanvraag, "werk")
    html = client.get(stap_url(aanvraag, "werknemer")).content.decode()
    assert 'value="Jan de Vries"' in html and 'value="Amstelveen"' in html


def test_eerste_stap_twee_keer_versturen_maakt_een_concept(client, wereld):
    client.force_login(wereld.wg_a)
    data = stap_data(wereld.gemeente_a.naam)["werknemer"] | {"invoer_sleutel": str(uuid.uuid4()), "actie": "volgende"}
    client.post(reverse("aanvragen:nieuw"), data)
    client.post(reverse("aanvragen:nieuw"), data | {"werknemer_naam": "Jan de Vries-Bakker"})
    assert Aanvraag.objects.get().werknemer_naam == "Jan de Vries-Bakker"


def test_dubbel_indienen_maakt_een_aanvraag_met_een_nummer(client, wereld):
    client.force_login(wereld.wg_a)
    eerste_stap(client, wereld)
    aanvraag = Aanvraag.objects.get()
    alle_stappen(client, wereld, aanvraag)
    url = reverse("aanvragen:indienen", args=[aanvraag.pk])
    client.post(url)
    response = client.post(url, follow=True)
    aanvraag.refresh_from_db()
    assert f"Deze aanvraag is al ingediend onder nummer {aanvraag.nummer}." in response.content.decode()
    assert Aanvraag.objects.count() == 1
    assert aanvraag.transities.filter(transitie="indienen").count() == 1


def test_onvolledige_aanvraag_wordt_niet_ingediend_en_zegt_wat_ontbreekt(client, wereld):
    client.force_login(wereld.wg_a)
    eerste_stap(client, wereld)
    aanvraag = Aanvraag.objects.get()
    response = client.post(reverse("aanvragen:indienen", args=[aanvraag.pk]), follow=True)
    html = response.content.decode()
    assert "Uw aanvraag is nog niet compleet. Vul eerst aan: het werk, ondersteuning, de werkplek." in html
    assert '<li class="utrecht-unordered-list__item">Vul de functie in.</li>' in html  # the summary names it
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.CONCEPT and aanvraag.werknemer_naam == "Jan de Vries"


def test_aanvraag_gaat_naar_de_gekozen_woongemeente(client, wereld):
    client.force_login(wereld.wg_a)
    eerste_stap(client, wereld, gemeente="gemeente bussum")  # case and "gemeente" prefix do not matter
    aanvraag = Aanvraag.objects.get()
    alle_stappen(client, wereld, aanvraag)
    client.post(reverse("aanvragen:indienen", args=[aanvraag.pk]))
    aanvraag.refresh_from_db()
    assert aanvraag.gemeente == wereld.gemeente_b and aanvraag.nummer.startswith("0381-")


def test_gemeente_die_niet_meedoet_wordt_uitgelegd_en_niet_vervangen(client, wereld):
    GemeenteFactory(naam="Haarlem")  # known, but without a verordening: not served
    client.force_login(wereld.wg_a)
    html_keuze = client.get(reverse("aanvragen:nieuw")).content.decode()
    assert '<option value="Amstelveen">' in html_keuze and "Haarlem" not in html_keuze  # the datalist
    response = eerste_stap(client, wereld, gemeente="Haarlem")
    html = response.content.decode()
    assert response.status_code == 422
    assert "De gemeente ‘Haarlem’ werkt niet met Jobcoachloket." in html
    assert "wij sturen hem niet naar een andere gemeente" in html
    assert "Gemeenten die met Jobcoachloket werken: Amstelveen, Bussum." in html
    aanvraag = Aanvraag.objects.get()  # the rest of the step is kept
    assert aanvraag.gemeente is None and aanvraag.werknemer_naam == "Jan de Vries"
    assert 'value="Haarlem"' in html


def test_werknemer_vraagt_voor_zichzelf_aan_met_zijn_eigen_bsn(client, wereld):
    werknemer = UserFactory(rol=Rol.WERKNEMER, bsn="111222333", first_name="Jan", last_name="de Vries")
    client.force_login(werknemer)
    html = client.get(reverse("aanvragen:nieuw")).content.decode()
    assert 'value="111222333"' in html and "Uw eigen BSN, uit uw account." in html
    eerste_stap(client, wereld, werknemer_bsn="123456782")  # a disabled field ignores what is posted
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.werknemer_bsn == "111222333" and aanvraag.aanvrager == Aanvrager.WERKNEMER
    alle_stappen(client, wereld, aanvraag)
    client.post(reverse("aanvragen:indienen", args=[aanvraag.pk]))
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.INGEDIEND
    assert aanvraag.werkgever is None  # the werkgever he named does not get to see his BSN


def test_werkgever_krijgt_zijn_gegevens_voorgevuld(client, wereld):
    client.force_login(wereld.wg_a)
    eerste_stap(client, wereld)
    html = client.get(stap_url(Aanvraag.objects.get(), "werkgever")).content.decode()
    assert f'value="{wereld.werkgever_a.naam}"' in html
    assert f'value="{wereld.werkgever_a.kvk_nummer}"' in html and "uit uw account" in html


def test_jobcoach_vraagt_aan_namens_de_werkgever_en_ziet_de_aanvraag(client, wereld):
    jobcoach = UserFactory(rol=Rol.JOBCOACH, jobcoachorganisatie=wereld.jobcoachorganisatie)
    client.force_login(jobcoach)
    response = eerste_stap(client, wereld)
    assert response.status_code == 422 and "Kies of u de aanvraag namens de werkgever of de werknemer indient." in (
        response.content.decode())
    aanvraag = Aanvraag.objects.get()
    client.post(stap_url(aanvraag, "werknemer"), stap_data("Amstelveen")["werknemer"] | {"namens": "werkgever"})
    alle_stappen(client, wereld, aanvraag)
    client.post(reverse("aanvragen:indienen", args=[aanvraag.pk]))
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.INGEDIEND
    assert (aanvraag.aanvrager, aanvraag.namens) == (Aanvrager.JOBCOACHORGANISATIE, "werkgever")
    assert aanvraag.jobcoachorganisatie == wereld.jobcoachorganisatie
    assert aanvraag.werkgever.kvk_nummer == "12345678"  # linked by KvK-nummer: the werkgever follows it too
    html = client.get(reverse("aanvragen:mijn")).content.decode()
    assert aanvraag.nummer in html and "Een klantmanager neemt hem in behandeling." in html
    collega = UserFactory(rol=Rol.JOBCOACH, jobcoachorganisatie=wereld.jobcoachorganisatie)
    client.force_login(collega)
    assert client.get(reverse("aanvragen:detail", args=[aanvraag.pk])).status_code == 200


def test_ander_mag_concept_niet_bekijken_of_wijzigen(client, wereld):
    client.force_login(wereld.wg_a)
    eerste_stap(client, wereld)
    aanvraag = Aanvraag.objects.get()
    for user in (wereld.wg_b, wereld.km_a, UserFactory(rol=Rol.WERKNEMER, bsn="111222333")):
        client.force_login(user)
        assert client.get(stap_url(aanvraag, "werknemer")).status_code in (403, 404)
        assert client.post(stap_url(aanvraag, "werk"), {"functie": "X"}).status_code in (403, 404)
    aanvraag.refresh_from_db()
    assert aanvraag.functie == ""


def test_opslaan_en_later_verder_bewaart_zonder_verder_te_gaan(client, wereld):
    client.force_login(wereld.wg_a)
    eerste_stap(client, wereld)
    aanvraag = Aanvraag.objects.get()
    response = client.post(stap_url(aanvraag, "werk"), {"functie": "Inpakker", "actie": "opslaan"}, follow=True)
    assert "Uw aanvraag is als concept bewaard." in response.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.functie == "Inpakker"
