"""A user who may not see a case gets 404, never the case."""

import pytest
from django.urls import reverse

from accounts.models import Rol
from tests.factories import UserFactory
from tests.helpers import ingediend, in_behandeling, ter_ondertekening
from beoordeling import services as beoordeling_services

pytestmark = pytest.mark.django_db


def test_werkgever_kan_aanvraag_van_andere_werkgever_niet_openen(client, wereld):
    aanvraag = ingediend(wereld)
    client.force_login(wereld.wg_b)
    assert client.get(reverse("aanvragen:detail", args=[aanvraag.pk])).status_code == 404
    assert client.get(reverse("aanvragen:bewerken", args=[aanvraag.pk])).status_code == 404
    assert client.post(reverse("aanvragen:intrekken", args=[aanvraag.pk])).status_code == 404
    client.force_login(wereld.wg_a)
    assert client.get(reverse("aanvragen:detail", args=[aanvraag.pk])).status_code == 200


def test_staf_van_gemeente_a_kan_zaak_van_gemeente_b_niet_openen(client, wereld):
    beoordeling = in_behandeling(wereld)  # gemeente A
    client.force_login(wereld.km_b)
    assert client.get(reverse("aanvragen:detail", args=[beoordeling.aanvraag_id])).status_code == 404
    assert client.get(reverse("beoordeling:detail", args=[beoordeling.pk])).status_code == 404
    assert client.post(reverse("aanvragen:in_behandeling_nemen", args=[beoordeling.aanvraag_id])).status_code == 404
    client.force_login(wereld.ad_b)
    assert client.post(reverse("beoordeling:vaststellen", args=[beoordeling.pk])).status_code == 404


def test_beschikking_alleen_voor_betrokkenen(client, wereld, django_capture_on_commit_callbacks):
    beoordeling = ter_ondertekening(wereld)
    with django_capture_on_commit_callbacks(execute=True):
        besluit = beoordeling_services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a)
    document = besluit.documenten.get()
    url = reverse("beoordeling:document", args=[document.pk])
    for user in (wereld.wg_b, wereld.km_b, wereld.ad_b):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(wereld.wg_a)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_staf_ziet_geen_concepten(client, wereld):
    concept = wereld.aanvraag()
    client.force_login(wereld.km_a)
    assert client.get(reverse("aanvragen:detail", args=[concept.pk])).status_code == 404


def test_werknemer_ziet_alleen_aanvragen_met_eigen_bsn(client, wereld):
    aanvraag = ingediend(wereld, werknemer_bsn="111222333")
    ander = ingediend(wereld, werknemer_bsn="123456782")
    werknemer = UserFactory(rol=Rol.WERKNEMER, bsn="111222333")
    client.force_login(werknemer)
    assert client.get(reverse("aanvragen:detail", args=[aanvraag.pk])).status_code == 200
    assert client.get(reverse("aanvragen:detail", args=[ander.pk])).status_code == 404


@pytest.mark.parametrize(
    "url_name,rollen_toegestaan",
    [
        ("aanvragen:werklijst", {Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE}),
        ("aanvragen:nieuw", {Rol.WERKGEVER, Rol.WERKNEMER, Rol.JOBCOACH}),
        ("beoordeling:ondertekenen", {Rol.ARBEIDSDESKUNDIGE}),
        ("verordening:lijst", {Rol.FUNCTIONEEL_BEHEERDER}),
        ("aanvragen:overzicht", {Rol.BELEIDSMEDEWERKER}),
    ],
)
def test_paginas_per_rol(client, wereld, url_name, rollen_toegestaan):
    for rol in Rol.values:
        user = UserFactory(rol=rol, gemeenten=[wereld.gemeente_a])
        client.force_login(user)
        status = client.get(reverse(url_name)).status_code
        assert status == (200 if rol in rollen_toegestaan else 403), (rol, status)


def test_anoniem_wordt_naar_inloggen_gestuurd(client):
    response = client.get(reverse("aanvragen:werklijst"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "rol,start",
    [(Rol.WERKGEVER, "aanvragen:mijn"), (Rol.KLANTMANAGER, "aanvragen:werklijst"),
     (Rol.ARBEIDSDESKUNDIGE, "beoordeling:ondertekenen"), (Rol.BEZWAARBEHANDELAAR, "bezwaar:lijst"),
     (Rol.JOBCOACH, "trajecten:jobcoach"), (Rol.FUNCTIONEEL_BEHEERDER, "verordening:lijst"),
     (Rol.BELEIDSMEDEWERKER, "aanvragen:overzicht"), (Rol.WERKNEMER, "aanvragen:mijn")],
)
def test_elke_rol_landt_op_eigen_startpagina(client, wereld, rol, start):
    client.force_login(UserFactory(rol=rol, gemeenten=[wereld.gemeente_a]))
    response = client.get(reverse("start"))
    assert response["Location"] == reverse(start)
