"""Every field of the form is checked on the server, with a Dutch message beside it, and what was typed
stays. BSN, KvK-nummer and postcode are also checked property-based against their definitions."""

import datetime
import re
import string

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from aanvragen import services
from aanvragen.validators import valideer_bsn, valideer_kvk, valideer_postcode
from accounts.models import Rol
from tests.factories import UserFactory

from .factories import stap_data


# --- property-based: the identifiers -------------------------------------------------------------------


def elfproef(cijfers: str) -> bool:
    """The BSN check as the Belastingdienst defines it: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11
    (and 000000000 is no number)."""
    som = sum((9 - i) * int(c) for i, c in enumerate(cijfers[:8])) - int(cijfers[8])
    return som % 11 == 0 and int(cijfers) > 0


negen_cijfers = st.text(alphabet=string.digits, min_size=9, max_size=9)


@given(negen_cijfers)
def test_bsn_geldig_precies_als_de_elfproef_klopt(bsn):
    if elfproef(bsn):
        assert valideer_bsn(bsn) == bsn
    else:
        with pytest.raises(ValidationError, match=r"de elfproef faalt"):
            valideer_bsn(bsn)


@given(negen_cijfers.filter(elfproef), st.sampled_from([" ", ".", "-"]))
def test_bsn_met_spaties_of_punten_wordt_opgeschoond(bsn, teken):
    assert valideer_bsn(f"{bsn[:4]}{teken}{bsn[4:6]}{teken}{bsn[6:]}") == bsn


@given(st.text(alphabet=string.digits + "abcXYZ/²", max_size=14).filter(lambda s: not (len(s) == 9 and s.isdigit())))
def test_bsn_van_verkeerde_lengte_of_met_letters_wordt_geweigerd(waarde):
    # Also short numbers that would pass the elfproef after padding with zeros ("97" = 000000097).
    with pytest.raises(ValidationError, match="Een BSN bestaat uit 9 cijfers."):
        valideer_bsn(waarde)


@given(st.text(alphabet=string.digits, min_size=8, max_size=8))
def test_kvk_van_acht_cijfers_wordt_aangenomen(kvk):
    assert valideer_kvk(kvk) == kvk
    assert valideer_kvk(f"{kvk[:4]} {kvk[4:]}") == kvk


@given(st.text(max_size=12).filter(lambda s: not re.fullmatch(r"\d{8}", s.replace(" ", "").replace(".", ""))))
def test_al_het_andere_is_geen_kvk_nummer(waarde):
    with pytest.raises(ValidationError, match="Een KvK-nummer bestaat uit 8 cijfers."):
        valideer_kvk(waarde)


VERBODEN_LETTERS = {"SA", "SD", "SS"}


@given(st.integers(min_value=1000, max_value=9999), st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2),
       st.sampled_from(["", " ", "  "]), st.booleans())
def test_postcode_vier_cijfers_twee_letters(cijfers, letters, tussen, klein):
    getypt = f"{cijfers}{tussen}{letters.lower() if klein else letters}"
    if letters in VERBODEN_LETTERS:
        with pytest.raises(ValidationError, match="geen geldige postcode"):
            valideer_postcode(getypt)
    else:
        assert valideer_postcode(getypt) == f"{cijfers} {letters}"


@given(st.text(max_size=10).filter(lambda s: not re.fullmatch(r"\s*[1-9]\d{3}\s*[A-Za-z]{2}\s*", s)))
def test_iets_anders_is_geen_postcode(waarde):
    with pytest.raises(ValidationError, match="Een postcode is 4 cijfers en 2 letters"):
        valideer_postcode(waarde)


# --- per field, through the form ---------------------------------------------------------------------------


def _over(dagen: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=dagen)).isoformat()


WERKNEMER = [
    ("werknemer_naam", "", "Vul de naam van de werknemer in."),
    ("werknemer_bsn", "123456789", "Dit BSN klopt niet (de elfproef faalt)."),
    ("werknemer_bsn", "12345", "Een BSN bestaat uit 9 cijfers."),
    ("werknemer_geboortedatum", _over(3), "De geboortedatum ligt in de toekomst."),
    ("werknemer_geboortedatum", "31-02-1990", "Vul een geldige datum in (dd-mm-jjjj)."),
    ("werknemer_geboortedatum", "1900-01-01", "meer dan 100 jaar terug"),
    ("werknemer_adres", "", "Vul de straat en het huisnummer in."),
    ("werknemer_postcode", "0123 AB", "Dit is geen geldige postcode."),
    ("werknemer_postcode", "1234", "Dit is geen geldige postcode."),
    ("werknemer_woonplaats", "", "Vul de woonplaats in."),
    ("werknemer_email", "jan@", "Vul een geldig e-mailadres in"),
    ("werknemer_telefoon", "bel me", "Dit is geen geldig telefoonnummer."),
    ("gemeente", "", "Vul de woongemeente van de werknemer in."),
]
WERK = [
    ("functie", "", "Vul de functie in."),
    ("taken", "", "Beschrijf de taken van de werknemer."),
    ("contracturen_per_week", "0", "Het aantal contracturen is minimaal 1 uur per week."),
    ("contracturen_per_week", "61", "Het aantal contracturen is maximaal 60 uur per week."),
    ("contracturen_per_week", "veel", "Vul een getal in, bijvoorbeeld 24 of 24,5."),
    ("contracturen_per_week", "24,55", "Gebruik hoogstens één cijfer achter de komma."),
    ("contractsoort", "", "Kies het soort contract."),
    ("contract_einddatum", "", "Vul de einddatum van het contract in."),
    ("contract_einddatum", _over(7), "De einddatum ligt op of vóór de startdatum."),
    ("startdatum", _over(400), "De startdatum ligt meer dan een jaar in de toekomst."),
    ("startdatum", _over(-400), "De startdatum ligt meer dan een jaar in het verleden."),
    ("loonwaarde_percentage", "0", "De loonwaarde is minimaal 1 procent."),
    ("loonwaarde_percentage", "101", "De loonwaarde is hoogstens 100 procent."),
    ("loonkostensubsidie", "", "Geef aan of de werkgever loonkostensubsidie krijgt."),
    ("doelgroepregister", "misschien", "Kies ja, nee of aangevraagd."),
]
WERKPLEK = [
    ("werkgever_doet_al", "", "Beschrijf wat de werkgever al doet."),
    ("interne_werkbegeleider", "", "Geef aan of er een interne werkbegeleider is."),
]


@pytest.fixture
def concept(wereld):
    return services.aanvraag_concept_opslaan(door=wereld.wg_a, gemeente=wereld.gemeente_a,
                                             gegevens={"werknemer_naam": "Jan de Vries"})


def _post_stap(client, concept, slug, veld, waarde):
    data = stap_data("Amstelveen")[slug] | {veld: waarde, "actie": "volgende"}
    return client.post(reverse("aanvragen:stap", args=[concept.pk, slug]), data)


def _controleer(response, veld, melding, bewaard: str):
    html = response.content.decode()
    assert response.status_code == 422
    assert melding in html
    # The message sits beside the field, which is marked invalid and points to it.
    assert f'id="id_{veld}_error"' in html
    assert re.search(rf'aria-describedby="[^"]*id_{veld}_error', html) or f'id="id_{veld}"' not in html
    assert bewaard in html  # the rest of what was typed stays


@pytest.mark.django_db
@pytest.mark.parametrize("veld,waarde,melding", WERKNEMER)
def test_werknemerstap(client, wereld, concept, veld, waarde, melding):
    client.force_login(wereld.wg_a)
    _controleer(_post_stap(client, concept, "werknemer", veld, waarde), veld, melding, 'value="Limmen"'
                if veld != "werknemer_woonplaats" else 'value="Dorpsstraat 1"')


@pytest.mark.django_db
@pytest.mark.parametrize("veld,waarde,melding", WERK)
def test_werkstap(client, wereld, concept, veld, waarde, melding):
    client.force_login(wereld.wg_a)
    _controleer(_post_stap(client, concept, "werk", veld, waarde), veld, melding,
                "Brood inpakken en de winkel aanvullen." if veld != "taken" else 'value="Medewerker bakkerij"')


@pytest.mark.django_db
@pytest.mark.parametrize("veld,waarde,melding", WERKPLEK)
def test_werkplekstap(client, wereld, concept, veld, waarde, melding):
    client.force_login(wereld.wg_a)
    _controleer(_post_stap(client, concept, "werkplek", veld, waarde), veld, melding, "Vaste, overzichtelijke taken.")


@pytest.mark.django_db
@pytest.mark.parametrize("waarde,melding", [("1234567", "Een KvK-nummer bestaat uit 8 cijfers."),
                                            ("1234567a", "Een KvK-nummer bestaat uit 8 cijfers."),
                                            ("", "Vul het KvK-nummer van de werkgever in.")])
def test_kvk_in_de_werkgeverstap(client, wereld, waarde, melding):
    werknemer = UserFactory(rol=Rol.WERKNEMER, bsn="111222333")
    concept = services.aanvraag_concept_opslaan(door=werknemer, gemeente=wereld.gemeente_a, gegevens={})
    client.force_login(werknemer)
    _controleer(_post_stap(client, concept, "werkgever", "werkgever_kvk", waarde), "werkgever_kvk", melding,
                'value="Petra Korenschoof"')


@pytest.mark.django_db
def test_geen_contact_voor_de_werknemer(client, wereld, concept):
    client.force_login(wereld.wg_a)
    response = _post_stap(client, concept, "werknemer", "werknemer_email", "")
    assert "Vul een e-mailadres of telefoonnummer in, zodat de gemeente de werknemer kan bereiken." in (
        response.content.decode())


@pytest.mark.django_db
def test_onbepaalde_tijd_heeft_geen_einddatum(client, wereld, concept):
    client.force_login(wereld.wg_a)
    data = stap_data("Amstelveen")["werk"] | {"contractsoort": "onbepaalde_tijd", "actie": "volgende"}
    response = client.post(reverse("aanvragen:stap", args=[concept.pk, "werk"]), data)
    assert response.status_code == 422
    assert "Een contract voor onbepaalde tijd heeft geen einddatum." in response.content.decode()


@pytest.mark.django_db
def test_ondersteuning_vraagt_om_ten_minste_een_onderwerp(client, wereld, concept):
    client.force_login(wereld.wg_a)
    response = client.post(reverse("aanvragen:stap", args=[concept.pk, "ondersteuning"]),
                           {"reden": "Structuur nodig.", "actie": "volgende"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "Vertel bij ten minste één onderwerp wat er misgaat op het werk" in html
    assert "Structuur nodig." in html
    response = client.post(reverse("aanvragen:stap", args=[concept.pk, "ondersteuning"]),
                           {"d3_voorbeelden": ["d999"], "reden": "x", "actie": "volgende"})
    assert "Kies alleen voorbeelden uit de lijst." in response.content.decode()
