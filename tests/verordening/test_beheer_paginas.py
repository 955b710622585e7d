"""The functioneel beheerder's pages: own versions only, edit a concept, publish, and the preview."""

import datetime
import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Rol
from tests.factories import GemeenteFactory, RegioFactory, UserFactory, VerordeningFactory
from verordening import services
from verordening.engine import Casusfeiten, bereken, nl_getal
from verordening.models import Verordening, VersieStatus
from verordening.selectors import regels_van

from .factories import BANDEN, KeurmerkregistratieFactory, versie

pytestmark = pytest.mark.django_db
d = datetime.date


@pytest.fixture
def opzet():
    """Castricum in regio BUCH (shared version) with its beheerder; Utrecht elsewhere with its own."""
    buch = RegioFactory(naam="BUCH")
    castricum = GemeenteFactory(naam="Castricum", regio=buch)
    utrecht = GemeenteFactory(naam="Utrecht")
    gedeeld = versie(gemeente=None, regio=buch, naam="BUCH 2024", **BANDEN)
    eigen_utrecht = VerordeningFactory(gemeente=utrecht, naam="Utrecht 2024")
    fb = UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER, gemeenten=[castricum])
    return castricum, gedeeld, eigen_utrecht, fb


def test_beheerder_ziet_versies_van_eigen_gemeente_en_regio(client, opzet):
    _, gedeeld, utrecht, fb = opzet
    client.force_login(fb)
    html = client.get(reverse("verordening:lijst")).content.decode()
    assert "BUCH 2024" in html and "Regio BUCH" in html
    assert "Utrecht 2024" not in html
    assert "Vandaag van kracht" in html


@pytest.mark.parametrize("naam, methode", [
    ("verordening:detail", "get"), ("verordening:bewerken", "get"), ("verordening:bewerken", "post"),
    ("verordening:voorbeeld", "get"), ("verordening:publiceren", "post"), ("verordening:verwijderen", "post"),
])
def test_versie_van_andere_gemeente_geeft_404(client, opzet, naam, methode):
    _, gedeeld, utrecht, fb = opzet
    concept = VerordeningFactory(gemeente=utrecht.gemeente, status=VersieStatus.CONCEPT, geldig_van=d(2030, 1, 1))
    client.force_login(fb)
    for doel in (utrecht, concept):
        assert getattr(client, methode)(reverse(naam, args=[doel.pk])).status_code == 404
    assert client.get(reverse("verordening:detail", args=[gedeeld.pk])).status_code == 200
    concept.refresh_from_db()
    assert concept.status == VersieStatus.CONCEPT


def test_nieuwe_versie_voor_andere_gemeente_of_regio_geeft_404(client, opzet):
    _, _, utrecht, fb = opzet
    client.force_login(fb)
    aantal = Verordening.objects.count()
    assert client.post(reverse("verordening:nieuw", args=["gemeente", utrecht.gemeente_id])).status_code == 404
    assert client.post(reverse("verordening:nieuw", args=["regio", RegioFactory().pk])).status_code == 404
    assert client.post(reverse("verordening:nieuw", args=["onzin", 1])).status_code == 404
    assert Verordening.objects.count() == aantal


@pytest.mark.parametrize("rol", [Rol.KLANTMANAGER, Rol.BELEIDSMEDEWERKER, Rol.WERKGEVER])
def test_andere_rollen_mogen_niet_beheren(client, opzet, rol):
    castricum, gedeeld, _, _ = opzet
    client.force_login(UserFactory(rol=rol, gemeenten=[castricum]))
    assert client.get(reverse("verordening:detail", args=[gedeeld.pk])).status_code == 403
    assert client.post(reverse("verordening:nieuw", args=["regio", gedeeld.regio_id])).status_code == 403


def _lijst_queries(client, fb) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("verordening:lijst")).status_code == 200
    return len(ctx)


def test_lijst_heeft_vast_aantal_queries(client, opzet):
    castricum, gedeeld, _, fb = opzet
    client.force_login(fb)
    klein = _lijst_queries(client, fb)
    # More gemeenten, regio's, versions and publishers: the same number of queries.
    for i in range(4):
        regio = RegioFactory()
        gemeente = GemeenteFactory(regio=regio)
        fb.gemeenten.add(gemeente)
        VerordeningFactory(gemeente=gemeente, gepubliceerd_door=UserFactory())
        VerordeningFactory(gemeente=None, regio=regio, naam=f"Regio {i}", gepubliceerd_door=UserFactory())
        VerordeningFactory(gemeente=gemeente, status=VersieStatus.CONCEPT, geldig_van=d(2030, 1, 1))
    assert _lijst_queries(client, fb) == klein


def test_nieuwe_versie_maakt_concept_en_opent_bewerken(client, opzet):
    _, gedeeld, _, fb = opzet
    client.force_login(fb)
    response = client.post(reverse("verordening:nieuw", args=["regio", gedeeld.regio_id]), follow=True)
    concept = Verordening.objects.get(status=VersieStatus.CONCEPT)
    assert response.redirect_chain[-1][0] == reverse("verordening:bewerken", args=[concept.pk])
    assert "nieuwe conceptversie gemaakt op basis van &#x27;BUCH 2024&#x27;" in response.content.decode()
    assert regels_van(concept) == regels_van(gedeeld)


def _formulier(client, concept) -> dict:
    """What the edit page sends when the user changes nothing: the initial values, as the browser would."""
    html = client.get(reverse("verordening:bewerken", args=[concept.pk])).content.decode()
    data = {}
    for tag in re.findall(r"<input[^>]*>", html):
        naam = re.search(r'name="([^"]+)"', tag)
        if not naam or 'type="file"' in tag or 'type="submit"' in tag:
            continue
        waarde = re.search(r'value="([^"]*)"', tag)
        if 'type="checkbox"' in tag or 'type="radio"' in tag:
            if " checked" in tag:
                data.setdefault(naam.group(1), []).append(waarde.group(1) if waarde else "on")
            continue
        data[naam.group(1)] = waarde.group(1) if waarde else ""
    for naam, inhoud in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[naam] = inhoud.strip().replace("&#x27;", "'").replace("&amp;", "&")
    for naam, opties in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        gekozen = re.search(r'<option value="([^"]*)"[^>]*selected', opties)
        data[naam] = gekozen.group(1) if gekozen else ""
    return data


@pytest.fixture
def concept(opzet):
    _, gedeeld, _, fb = opzet
    return services.verordening_concept_maken(door=fb, regio=gedeeld.regio)


def test_concept_bewerken_en_opslaan(client, opzet, concept):
    _, _, _, fb = opzet
    client.force_login(fb)
    data = _formulier(client, concept) | {"naam": "BUCH 2030", "geldig_van": "01-01-2030", "beslistermijn_weken": "6",
                                          "band-1-max_uren": "45", "standaard_regime": "Zwaar"}
    response = client.post(reverse("verordening:bewerken", args=[concept.pk]), data, follow=True)
    assert "Het concept is opgeslagen." in response.content.decode()
    concept.refresh_from_db()
    assert (concept.naam, concept.geldig_van, concept.beslistermijn_weken) == ("BUCH 2030", d(2030, 1, 1), 6)
    assert concept.regime_banden[1] == {"naam": "midden", "min_uren": "20", "max_uren": "45"}
    assert concept.standaard_regime == "zwaar"


@pytest.mark.parametrize("wijziging, melding", [
    ({"band-0-min_uren": "-4"}, "Minimum uren per half jaar mag niet negatief zijn."),
    ({"band-0-max_uren": "5"}, "Het maximum is lager dan het minimum."),
    ({"min_loonwaarde_pct": "130"}, "Minimale loonwaarde (%): een percentage ligt tussen 0 en 100."),
    ({"geldig_tot": "01-01-2020"}, "De einddatum ligt vóór de ingangsdatum"),
    ({"hersteltermijn_weken": "0"}, "De hersteltermijn is ten minste 1 weken."),
    ({"band-TOTAL_FORMS": "0"}, "Bij regimes met urenbanden moet ten minste één regime met een urenband zijn"),
    ({"band-1-naam": "licht"}, "Elk regime komt maar één keer voor; dubbel: licht."),
    ({"verlenging_toegestaan": "on", "verlenging_bewijs": ""}, "moet zijn vastgelegd welk bewijs daarvoor nodig is"),
    ({"intensiteit_soort": "vast_percentage", "vast_percentage": ""}, "Het vaste percentage ontbreekt."),
])
def test_ongeldige_invoer_toont_melding_en_behoudt_invoer(client, opzet, concept, wijziging, melding):
    _, _, _, fb = opzet
    client.force_login(fb)
    data = _formulier(client, concept) | {"naam": "Mijn getypte naam"} | wijziging
    response = client.post(reverse("verordening:bewerken", args=[concept.pk]), data)
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 422
    assert melding in html
    assert 'value="Mijn getypte naam"' in html
    concept.refresh_from_db()
    assert concept.naam != "Mijn getypte naam"


def test_gepubliceerde_versie_bewerken_kan_niet(client, opzet):
    _, gedeeld, _, fb = opzet
    client.force_login(fb)
    response = client.post(reverse("verordening:bewerken", args=[gedeeld.pk]), {"naam": "Gewijzigd"}, follow=True)
    assert "kan niet meer worden gewijzigd" in response.content.decode()
    gedeeld.refresh_from_db()
    assert gedeeld.naam == "BUCH 2024"


def test_gelijktijdig_opslaan_verliest_geen_invoer(client, opzet, concept):
    _, _, _, fb = opzet
    client.force_login(fb)
    data = _formulier(client, concept) | {"naam": "Mijn versie"}
    ander = _formulier(client, concept) | {"naam": "Versie van collega"}
    client.post(reverse("verordening:bewerken", args=[concept.pk]), ander)
    response = client.post(reverse("verordening:bewerken", args=[concept.pk]), data)
    html = response.content.decode()
    assert response.status_code == 422
    assert "Iemand anders heeft deze versie opgeslagen" in html and 'value="Mijn versie"' in html
    concept.refresh_from_db()
    assert concept.naam == "Versie van collega"
    # Having seen the message, saving the form as shown again overwrites knowingly.
    token = re.search(r'name="versie" value="([^"]*)"', html).group(1)
    client.post(reverse("verordening:bewerken", args=[concept.pk]), data | {"versie": token})
    concept.refresh_from_db()
    assert concept.naam == "Mijn versie"


def test_publiceren_via_de_pagina(client, opzet, concept):
    castricum, gedeeld, _, fb = opzet
    client.force_login(fb)
    data = _formulier(client, concept) | {"geldig_van": "01-01-2030"}
    client.post(reverse("verordening:bewerken", args=[concept.pk]), data)
    response = client.post(reverse("verordening:publiceren", args=[concept.pk]), follow=True)
    assert "is gepubliceerd en geldt vanaf 01-01-2030" in response.content.decode()
    concept.refresh_from_db()
    gedeeld.refresh_from_db()
    assert concept.status == VersieStatus.GEPUBLICEERD and gedeeld.geldig_tot == d(2029, 12, 31)
    # Now read-only: the edit page sends the user back.
    response = client.get(reverse("verordening:bewerken", args=[concept.pk]), follow=True)
    assert "kan niet meer worden gewijzigd" in response.content.decode()


def test_publiceren_met_overlap_toont_de_melding(client, opzet, concept):
    _, gedeeld, _, fb = opzet
    client.force_login(fb)
    data = _formulier(client, concept) | {"geldig_van": "01-01-2023"}
    client.post(reverse("verordening:bewerken", args=[concept.pk]), data)
    response = client.post(reverse("verordening:publiceren", args=[concept.pk]), follow=True)
    html = response.content.decode().replace("&#x27;", "'")
    assert "Niet gepubliceerd: De periode (van 01-01-2023 zonder einddatum) overlapt met de gepubliceerde versie " \
           "'BUCH 2024'" in html
    concept.refresh_from_db()
    assert concept.status == VersieStatus.CONCEPT


# --------------------------------------------------------------------------------------------------
# Preview: the figures are the engine's


def _cijfer(html: str, testid: str) -> str:
    return re.search(rf'data-testid="{testid}">([^<]*)<', html).group(1).strip()


@pytest.mark.parametrize("regime, gevraagd", [("", None), ("zwaar", None), ("licht", D(12))])
def test_voorbeeld_toont_de_cijfers_van_de_regelmodule(client, opzet, regime, gevraagd):
    _, gedeeld, _, fb = opzet
    client.force_login(fb)
    params = {"contracturen_per_week": "32", "startdatum": "2027-02-01", "contract_einddatum": "2028-05-31",
              "regime": regime, "datum": "2026-11-23", "gevraagde_uren": str(gevraagd or "")}
    response = client.get(reverse("verordening:voorbeeld", args=[gedeeld.pk]), params)
    assert response.status_code == 200
    html = response.content.decode()
    verwacht = bereken(regels_van(gedeeld), Casusfeiten(
        contracturen_per_week=D(32), startdatum=d(2027, 2, 1), peildatum=d(2026, 11, 23),
        contract_einddatum=d(2028, 5, 31), regime=regime or None, gevraagde_uren=gevraagd))
    assert _cijfer(html, "uren-eerste-periode") == f"{nl_getal(verwacht.uren.uren)} uur"
    assert _cijfer(html, "totaal-uren").startswith(f"{nl_getal(verwacht.totaal_uren)} uur in {len(verwacht.periodes)}")
    assert _cijfer(html, "einddatum") == "31 mei 2028"
    for regel in verwacht.periodes[0].uitlegregels:
        assert regel.replace("'", "&#x27;") in html


def test_voorbeeld_toetst_keurmerk_van_gekozen_organisatie(client, opzet):
    _, gedeeld, _, fb = opzet
    gedeeld_regels = {"geaccepteerde_keurmerken": ["OVAL"]}
    buch = versie(gemeente=None, regio=gedeeld.regio, naam="BUCH streng", geldig_van=d(2015, 1, 1),
                  geldig_tot=d(2015, 12, 31), **BANDEN, **gedeeld_regels)
    registratie = KeurmerkregistratieFactory(keurmerk="OVAL", geldig_tot=d(2026, 6, 30))
    client.force_login(fb)
    params = {"contracturen_per_week": "24", "startdatum": "2026-07-01", "datum": "2026-07-01",
              "jobcoachorganisatie": registratie.organisatie_id}
    html = client.get(reverse("verordening:voorbeeld", args=[buch.pk]), params).content.decode()
    assert "voldoet niet" in html and "OVAL-keurmerk is verlopen (geldig tot en met 30 juni 2026)" in html


@pytest.mark.parametrize("params, melding", [
    ({"contracturen_per_week": "abc"}, "Vul een getal in, bijvoorbeeld 10 of 7,5."),
    ({"contracturen_per_week": "80"}, "Contracturen per week mag niet hoger zijn dan 60."),
    ({"startdatum": "31-02-2027"}, "Vul een geldige datum in (dd-mm-jjjj)."),
    ({"contract_einddatum": "2026-01-01"}, "Het contract eindigt vóór de startdatum van het traject."),
    ({"regime": "reuzezwaar"}, "Kies een regime uit de lijst."),
])
def test_voorbeeld_met_ongeldige_invoer(client, opzet, params, melding):
    _, gedeeld, _, fb = opzet
    client.force_login(fb)
    basis = {"contracturen_per_week": "24", "startdatum": "2027-01-01", "datum": "2026-11-23"}
    response = client.get(reverse("verordening:voorbeeld", args=[gedeeld.pk]), basis | params)
    assert response.status_code == 422
    assert melding in response.content.decode()
    assert "data-testid" not in response.content.decode()


def test_voorbeeld_zonder_invoer_rekent_het_standaardgeval(client, opzet):
    _, gedeeld, _, fb = opzet
    client.force_login(fb)
    html = client.get(reverse("verordening:voorbeeld", args=[gedeeld.pk])).content.decode()
    assert _cijfer(html, "uren-eerste-periode") == "40 uur"  # the band maximum of the standaardregime midden


def _afbeelding(formaat: str = "PNG") -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 4), (200, 0, 0)).save(buffer, formaat)
    return buffer.getvalue()


def test_ongewijzigd_opslaan_bewaart_de_regels_exact(client):
    """UWV regimes (with 7,5%) and a flat 6%: what the page shows and sends back is what was stored."""
    gemeente = GemeenteFactory()
    fb = UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER, gemeenten=[gemeente])
    versie(gemeente=gemeente, naam="UWV")
    concept = services.verordening_concept_maken(door=fb, gemeente=gemeente)
    client.force_login(fb)
    data = _formulier(client, concept)
    assert data["pct-3-jaar_2"] == "7,5" and data["standaard_max_maanden"] == "24"
    client.post(reverse("verordening:bewerken", args=[concept.pk]), data)
    opgeslagen = Verordening.objects.get(pk=concept.pk)
    assert regels_van(opgeslagen) == regels_van(Verordening.objects.get(naam="UWV"))
    assert opgeslagen.percentage_regimes[3] == {"naam": "intensief", "jaar_1": "15", "jaar_2": "7.5",
                                                "jaar_3_en_verder": "6"}
    data = _formulier(client, opgeslagen) | {"intensiteit_soort": "vast_percentage", "vast_percentage": "6"}
    client.post(reverse("verordening:bewerken", args=[concept.pk]), data)
    opgeslagen.refresh_from_db()
    assert (opgeslagen.vast_percentage, opgeslagen.percentage_regimes) == (D(6), [])  # other kind's fields cleared
    assert _formulier(client, opgeslagen)["vast_percentage"] == "6"


def test_gemeente_zonder_versie_begint_met_de_standaardregels(client):
    gemeente = GemeenteFactory(naam="Oostzaan")
    fb = UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER, gemeenten=[gemeente])
    client.force_login(fb)
    client.post(reverse("verordening:nieuw", args=["gemeente", gemeente.pk]))
    concept = gemeente.verordeningen.get()
    assert concept.naam == "Re-integratieverordening Participatiewet Oostzaan" and concept.afgeleid_van is None
    response = client.post(reverse("verordening:publiceren", args=[concept.pk]), follow=True)
    assert "is gepubliceerd" in response.content.decode()


def test_logo_uploaden_en_tonen_zonder_url(client, opzet, concept):
    from django.core.files.uploadedfile import SimpleUploadedFile

    _, _, _, fb = opzet
    client.force_login(fb)
    data = _formulier(client, concept) | {"logo": SimpleUploadedFile("logo.png", _afbeelding(), "image/png")}
    response = client.post(reverse("verordening:bewerken", args=[concept.pk]), data, follow=True)
    assert "Het concept is opgeslagen." in response.content.decode()
    assert 'src="data:image/png;base64,' in response.content.decode()
    concept.refresh_from_db()
    assert concept.logo.name.startswith("verordening/logo/")


@pytest.mark.parametrize("bestand, melding", [
    (("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"),
     "Dit bestand is geen (leesbare) afbeelding. Kies een PNG- of JPEG-bestand."),
    (("logo.png", b"geen afbeelding", "image/png"), "Dit bestand is geen (leesbare) afbeelding."),
    (("logo.gif", _afbeelding("GIF"), "image/gif"), "Een logo is een PNG- of JPEG-bestand."),
])
def test_logo_moet_png_of_jpeg_zijn(client, opzet, concept, bestand, melding):
    from django.core.files.uploadedfile import SimpleUploadedFile

    _, _, _, fb = opzet
    client.force_login(fb)
    data = _formulier(client, concept) | {"logo": SimpleUploadedFile(*bestand)}
    response = client.post(reverse("verordening:bewerken", args=[concept.pk]), data)
    assert response.status_code == 422 and melding in response.content.decode()


def test_admin_toont_gepubliceerde_versie_alleen_ter_inzage(client, opzet):
    _, gedeeld, _, _ = opzet
    admin = UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER, is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = reverse("admin:verordening_verordening_change", args=[gedeeld.pk])
    html = client.get(url).content.decode()
    assert 'name="_save"' not in html
    client.post(url, {"naam": "Via admin"})
    gedeeld.refresh_from_db()
    assert gedeeld.naam == "BUCH 2024"
    assert client.post(reverse("admin:verordening_verordening_delete", args=[gedeeld.pk]), {"post": "yes"}
                       ).status_code == 403
    assert Verordening.objects.filter(pk=gedeeld.pk).exists()
