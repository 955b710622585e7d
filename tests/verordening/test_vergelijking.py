"""The comparison page: a regio's gemeenten side by side, and the engine's figures for one example case."""

import datetime
import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Rol
from tests.factories import GemeenteFactory, RegioFactory, UserFactory, VerordeningFactory
from verordening.engine import Casusfeiten, bereken, nl_getal
from verordening.models import VersieStatus
from verordening.selectors import regels_van

from .factories import BANDEN, VAST_PERCENTAGE, VASTE_UREN, KeurmerkregistratieFactory, versie

pytestmark = pytest.mark.django_db
d = datetime.date


@pytest.fixture
def regio():
    """Groot Amsterdam: UWV regimes (Amsterdam), fixed hours (Zaanstad), a flat % (Diemen), none (Landsmeer)."""
    regio = RegioFactory(naam="Groot Amsterdam")
    amsterdam = GemeenteFactory(naam="Amsterdam", regio=regio)
    zaanstad = GemeenteFactory(naam="Zaanstad", regio=regio)
    diemen = GemeenteFactory(naam="Diemen", regio=regio)
    GemeenteFactory(naam="Landsmeer", regio=regio)
    versie(gemeente=amsterdam, naam="Amsterdam 2024", standaard_max_maanden=36)
    versie(gemeente=zaanstad, naam="Zaanstad 2024", **VASTE_UREN)
    versie(gemeente=diemen, naam="Diemen 2024", toekenningsperiode_maanden=12, **VAST_PERCENTAGE)
    versie(gemeente=diemen, naam="Diemen concept", geldig_van=d(2026, 1, 1), status=VersieStatus.CONCEPT,
           **VAST_PERCENTAGE)
    return regio


def _kolommen(html: str, testid: str) -> list[str]:
    return [w.strip() for w in re.findall(rf'data-testid="{testid}">([^<]*)<', html)]


def test_beleidsmedewerker_vergelijkt_de_gemeenten_van_zijn_regio(client, regio):
    amsterdam = regio.gemeenten.get(naam="Amsterdam")
    client.force_login(UserFactory(rol=Rol.BELEIDSMEDEWERKER, gemeenten=[amsterdam]))
    response = client.get(reverse("verordening:vergelijken"))  # defaults: own regio, the standard example
    html = response.content.decode()
    assert response.status_code == 200
    for tekst in ("Amsterdam 2024", "Zaanstad 2024", "Diemen 2024", "geen verordening van kracht",
                  "percentage van de contracturen per trajectjaar", "1 uur per week", "5% van de contracturen",
                  "36 maanden"):
        assert tekst in html, tekst
    assert "Diemen concept" not in html  # concepts are never compared
    assert "jcl-vergelijking__verschil" in html


@pytest.mark.parametrize("regime", ["", "intensief"])
def test_cijfers_per_gemeente_zijn_die_van_de_regelmodule(client, regio, regime):
    client.force_login(UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER, gemeenten=[regio.gemeenten.first()]))
    params = {"regio": regio.pk, "contracturen_per_week": "32", "startdatum": "2026-03-01",
              "contract_einddatum": "2027-08-31", "regime": regime, "datum": "2026-02-01"}
    response = client.get(reverse("verordening:vergelijken"), params)
    html = response.content.decode()
    assert response.status_code == 200
    feiten = Casusfeiten(contracturen_per_week=D(32), startdatum=d(2026, 3, 1), peildatum=d(2026, 2, 1),
                         contract_einddatum=d(2027, 8, 31), regime=regime or None)
    verwacht_uren, verwacht_totaal = [], []
    for gemeente in ("Amsterdam", "Diemen", "Zaanstad"):  # columns in alphabetical order; Landsmeer has none
        v = regio.gemeenten.get(naam=gemeente).verordeningen.get(status=VersieStatus.GEPUBLICEERD)
        uitkomst = bereken(regels_van(v), feiten)
        verwacht_uren.append(f"{nl_getal(uitkomst.uren.uren)} uur")
        verwacht_totaal.append(f"{nl_getal(uitkomst.totaal_uren)} uur in {len(uitkomst.periodes)}")
        assert uitkomst.duur.uitlegregels[0] in html
    assert _kolommen(html, "uren-eerste-periode") == verwacht_uren
    assert [t[: len(v)] for t, v in zip(_kolommen(html, "totaal-uren"), verwacht_totaal)] == verwacht_totaal
    assert _kolommen(html, "einddatum") == ["31 augustus 2027"] * 3
    assert "Op deze datum geldt voor Landsmeer geen verordening." in html


def test_onbekend_regime_voor_een_gemeente_wordt_per_gemeente_gemeld(client, regio):
    buch = RegioFactory(naam="BUCH")
    castricum = GemeenteFactory(naam="Castricum", regio=buch)
    versie(gemeente=castricum, naam="Castricum banden", **BANDEN)
    heiloo = GemeenteFactory(naam="Heiloo", regio=buch)
    versie(gemeente=heiloo, naam="Heiloo UWV")
    client.force_login(UserFactory(rol=Rol.BELEIDSMEDEWERKER, gemeenten=[castricum]))
    params = {"regio": buch.pk, "contracturen_per_week": "24", "startdatum": "2026-03-01", "regime": "zwaar",
              "datum": "2026-02-01"}
    html = client.get(reverse("verordening:vergelijken"), params).content.decode().replace("&#x27;", "'")
    assert "Onbekend regime 'zwaar'; de verordening kent: zeer_licht, licht, midden, intensief." in html
    # Castricum: the band maximum of zwaar (80) capped at the 60 hours per period of its verordening.
    assert _kolommen(html, "uren-eerste-periode") == ["60 uur"]
    assert "begrensd op het maximum van 60 uur per periode" in html


def test_kwaliteit_met_gekozen_organisatie(client, regio):
    amsterdam = regio.gemeenten.get(naam="Amsterdam")
    amsterdam.verordeningen.update(status=VersieStatus.CONCEPT)  # replaced below by a version with a keurmerk rule
    versie(gemeente=amsterdam, naam="Amsterdam streng", geaccepteerde_keurmerken=["OVAL"])
    registratie = KeurmerkregistratieFactory(keurmerk="OVAL", geldig_tot=d(2026, 6, 30))
    client.force_login(UserFactory(rol=Rol.BELEIDSMEDEWERKER, gemeenten=[amsterdam]))
    basis = {"regio": regio.pk, "contracturen_per_week": "24", "startdatum": "2026-08-01",
             "jobcoachorganisatie": registratie.organisatie_id}
    op_de_dag = client.get(reverse("verordening:vergelijken"), basis | {"datum": "2026-06-30"}).content.decode()
    dag_erna = client.get(reverse("verordening:vergelijken"), basis | {"datum": "2026-07-01"}).content.decode()
    assert "OVAL-keurmerk is verlopen" not in op_de_dag
    assert "OVAL-keurmerk is verlopen (geldig tot en met 30 juni 2026)" in dag_erna


@pytest.mark.parametrize("params, melding", [
    ({"regio": "999999"}, "Kies een regio uit de lijst."),
    ({"contracturen_per_week": ""}, "Vul contracturen per week in."),
    ({"contracturen_per_week": "0,5"}, "Contracturen per week mag niet lager zijn dan 1."),
    ({"datum": "gisteren"}, "Vul een geldige datum in (dd-mm-jjjj)."),
    ({"loonwaarde_pct": "150"}, "Loonwaarde (%): een percentage ligt tussen 0 en 100."),
])
def test_ongeldige_invoer_geeft_nederlandse_melding(client, regio, params, melding):
    client.force_login(UserFactory(rol=Rol.BELEIDSMEDEWERKER, gemeenten=[regio.gemeenten.first()]))
    basis = {"regio": regio.pk, "contracturen_per_week": "24", "startdatum": "2026-03-01", "datum": "2026-02-01"}
    response = client.get(reverse("verordening:vergelijken"), basis | params)
    assert response.status_code == 422
    assert melding in response.content.decode()
    assert "data-testid" not in response.content.decode()


@pytest.mark.parametrize("rol", [Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE, Rol.WERKGEVER, Rol.JOBCOACH])
def test_andere_rollen_krijgen_403(client, regio, rol):
    client.force_login(UserFactory(rol=rol, gemeenten=[regio.gemeenten.first()]))
    assert client.get(reverse("verordening:vergelijken")).status_code == 403


def _queries(client, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("verordening:vergelijken"), params).status_code == 200
    return len(ctx)


def test_vast_aantal_queries_ongeacht_het_aantal_gemeenten(client, regio):
    organisatie = KeurmerkregistratieFactory().organisatie
    client.force_login(UserFactory(rol=Rol.BELEIDSMEDEWERKER, gemeenten=[regio.gemeenten.first()]))
    params = {"regio": regio.pk, "contracturen_per_week": "24", "startdatum": "2026-03-01", "datum": "2026-02-01",
              "jobcoachorganisatie": organisatie.pk}
    klein = _queries(client, params)
    for i in range(5):
        gemeente = GemeenteFactory(regio=regio)
        versie(gemeente=gemeente, naam=f"Extra {i}", **(BANDEN if i % 2 else VAST_PERCENTAGE))
        KeurmerkregistratieFactory(organisatie=organisatie, keurmerk="NOLOC")
    VerordeningFactory(gemeente=None, regio=regio, naam="Gedeeld")
    assert _queries(client, params) == klein
