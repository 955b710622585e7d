"""The verwerkingenlog: which requests write a row, what the row holds, and the beheerder's page."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Actie, Rol, Verwerking, Werkproces
from accounts.verwerkingen import PAGINAS, actie_voor
from beoordeling import documenten
from tests.factories import UserFactory
from tests.helpers import in_behandeling

pytestmark = pytest.mark.django_db

BSN = "111222333"
ANDER_BSN = "123456782"


@pytest.fixture
def beheerder(wereld):
    return UserFactory(rol=Rol.FUNCTIONEEL_BEHEERDER, gemeenten=[wereld.gemeente_a], username="fb_a")


@pytest.fixture
def zaak_a(wereld):
    return in_behandeling(wereld, werknemer_bsn=BSN).aanvraag


@pytest.fixture
def zaak_b(wereld):
    return in_behandeling(wereld, km=wereld.km_b, gemeente=wereld.gemeente_b, werkgever=wereld.werkgever_b,
                          aangemaakt_door=wereld.wg_b, werknemer_bsn=BSN).aanvraag


def _zoek(client, **gegevens):
    return client.post(reverse("accounts:verwerkingen"), {"bsn": BSN, "zoeken": "", **gegevens})


@pytest.mark.parametrize("url_naam, methode, verwacht", [
    ("aanvragen:detail", "GET", Actie.BEKIJKEN),
    ("aanvragen:document", "GET", Actie.DOWNLOADEN),
    ("beoordeling:download", "GET", Actie.DOWNLOADEN),
    ("aanvragen:bijlage", "GET", Actie.DOWNLOADEN),
    ("beoordeling:fase", "POST", Actie.WIJZIGEN),
    ("bezwaar:detail", "GET", Actie.BEKIJKEN),
])
def test_actie_per_pagina(url_naam, methode, verwacht):
    assert url_naam in PAGINAS
    assert actie_voor(url_naam, methode) == verwacht


def test_detail_openen_schrijft_een_regel_zonder_bsn(client, wereld, zaak_a):
    client.force_login(wereld.km_a)
    assert client.get(reverse("aanvragen:detail", args=[zaak_a.pk])).status_code == 200
    regel = Verwerking.objects.get()
    assert (regel.wie, regel.aanvraag_id, regel.actie, regel.werkproces, regel.url_naam) == (
        wereld.km_a, zaak_a.pk, Actie.BEKIJKEN, Werkproces.INTAKE, "aanvragen:detail")
    assert regel.persoon_sleutel == Verwerking.sleutel(BSN) and len(regel.persoon_sleutel) == 64
    rij = Verwerking.objects.filter(pk=regel.pk).values().get()
    assert not any(BSN in str(waarde) for waarde in rij.values())


def test_onderzoek_openen_is_werkproces_onderzoek(client, wereld, zaak_a):
    client.force_login(wereld.km_a)
    assert client.get(reverse("beoordeling:detail", args=[zaak_a.beoordelingen.get().pk])).status_code == 200
    regel = Verwerking.objects.get()
    assert (regel.aanvraag_id, regel.werkproces) == (zaak_a.pk, Werkproces.ONDERZOEK)


def test_download_schrijft_downloaden(client, wereld, zaak_a):
    document = documenten.document_opslaan(aanvraag=zaak_a, besluit=None, soort="beschikking",
                                           inhoud=b"%PDF-1.7 beschikking", versie=1, template_versie="test")
    client.force_login(wereld.km_a)
    antwoord = client.get(reverse("beoordeling:download", args=[document.pk]))
    assert antwoord.status_code == 200
    regel = Verwerking.objects.get()
    assert (regel.aanvraag_id, regel.actie, regel.werkproces) == (zaak_a.pk, Actie.DOWNLOADEN,
                                                                   Werkproces.BESLUITVORMING)


def test_htmx_deel_van_een_pagina_schrijft_niets(client, wereld, zaak_a):
    client.force_login(wereld.km_a)
    url = reverse("aanvragen:documenten", args=[zaak_a.pk])
    assert client.get(url, headers={"HX-Request": "true"}).status_code == 200
    assert not Verwerking.objects.exists()
    assert client.get(url).status_code == 200
    assert Verwerking.objects.get().url_naam == "aanvragen:documenten"


def test_zaak_van_andere_gemeente_schrijft_niets(client, wereld, zaak_b):
    client.force_login(wereld.km_a)
    assert client.get(reverse("aanvragen:detail", args=[zaak_b.pk])).status_code == 404
    assert client.get(reverse("aanvragen:werklijst")).status_code == 200
    assert not Verwerking.objects.exists()


def _telling(settings, user, url, middleware) -> int:
    """Queries of the second request of a fresh client (the client reads MIDDLEWARE on its first request)."""
    settings.MIDDLEWARE = middleware
    client = Client()
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_middleware_kost_hoogstens_een_query_en_een_insert(wereld, zaak_a, settings):
    url = reverse("aanvragen:detail", args=[zaak_a.pk])
    met = list(settings.MIDDLEWARE)
    zonder = [m for m in met if m != "accounts.middleware.VerwerkingenMiddleware"]
    voor = _telling(settings, wereld.km_a, url, zonder)
    assert not Verwerking.objects.exists()
    na = _telling(settings, wereld.km_a, url, met)
    assert na - voor == 2  # one SELECT of the case, one INSERT of the row
    assert Verwerking.objects.count() == 2


def test_beheerder_vindt_verwerkingen_per_bsn_alleen_van_eigen_gemeenten(client, wereld, zaak_a, zaak_b, beheerder):
    client.force_login(wereld.km_a)
    client.get(reverse("aanvragen:detail", args=[zaak_a.pk]))
    client.force_login(wereld.km_b)
    client.get(reverse("aanvragen:detail", args=[zaak_b.pk]))
    assert Verwerking.objects.count() == 2
    client.force_login(beheerder)
    antwoord = _zoek(client)
    assert antwoord.status_code == 200
    assert [r.aanvraag_id for r in antwoord.context["regels"]] == [zaak_a.pk]
    assert wereld.km_a.username in antwoord.content.decode() or wereld.km_a.get_full_name() in antwoord.content.decode()
    assert wereld.km_b.username not in antwoord.content.decode()
    assert _zoek(client, bsn=ANDER_BSN).context["regels"] == []


def test_datumbereik(client, wereld, zaak_a, beheerder):
    client.force_login(wereld.km_a)
    client.get(reverse("aanvragen:detail", args=[zaak_a.pk]))
    client.force_login(beheerder)
    morgen = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    assert _zoek(client, van=morgen).context["regels"] == []
    assert len(_zoek(client, van="2020-01-01", tot=morgen).context["regels"]) == 1
    antwoord = _zoek(client, van=morgen, tot="2020-01-01")
    assert "De einddatum ligt vóór de begindatum." in antwoord.content.decode()


def test_csv_export(client, wereld, zaak_a, beheerder):
    client.force_login(wereld.km_a)
    client.get(reverse("aanvragen:detail", args=[zaak_a.pk]))
    client.force_login(beheerder)
    antwoord = client.post(reverse("accounts:verwerkingen"), {"bsn": BSN, "csv": ""})
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/csv")
    rijen = list(csv.reader(io.StringIO(antwoord.content.decode()), delimiter=";"))
    assert rijen[0] == ["Datum en tijd", "Medewerker", "Rol", "Aanvraag", "Actie", "Werkproces", "Pagina"]
    assert rijen[1][2:] == ["Klantmanager", str(zaak_a.pk), "Bekijken", "Intake", "aanvragen:detail"]
    assert len(rijen) == 2 and BSN not in antwoord.content.decode()


@pytest.mark.parametrize("bsn, fout", [
    ("12345", "Een BSN bestaat uit 9 cijfers."),
    ("123456789", "de elfproef faalt"),
    ("", "Vul het BSN van de werknemer in."),
])
def test_ongeldig_bsn_geeft_nederlandse_fout(client, beheerder, bsn, fout):
    client.force_login(beheerder)
    antwoord = client.post(reverse("accounts:verwerkingen"), {"bsn": bsn, "zoeken": ""})
    assert antwoord.status_code == 200 and fout in antwoord.content.decode()
    assert antwoord.context["regels"] is None


def test_pagina_alleen_voor_functioneel_beheerder(client, wereld):
    client.force_login(wereld.km_a)
    assert client.get(reverse("accounts:verwerkingen")).status_code == 403


def test_vast_aantal_queries(client, wereld, beheerder, django_assert_num_queries):
    zaken = [in_behandeling(wereld, werknemer_bsn=BSN).aanvraag for _ in range(3)]
    client.force_login(wereld.km_a)
    client.get(reverse("aanvragen:detail", args=[zaken[0].pk]))
    client.force_login(beheerder)
    _zoek(client)
    with CaptureQueriesContext(connection) as een:
        assert len(_zoek(client).context["regels"]) == 1
    aantal = len(een)  # read now: the next request clears the connection's query log
    client.force_login(wereld.km_a)
    for zaak in zaken:
        client.get(reverse("aanvragen:detail", args=[zaak.pk]))
    client.force_login(beheerder)
    _zoek(client)
    with django_assert_num_queries(aantal):
        assert len(_zoek(client).context["regels"]) == 4
