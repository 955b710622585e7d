"""The werkgever's form and the klantmanager's worklist, as users see them."""

import pytest
from django.urls import reverse

from aanvragen.models import Aanvraag, AanvraagStatus
from tests.helpers import ingediend

pytestmark = pytest.mark.django_db


def _formulier(gemeente, **anders):
    data = {"gemeente": gemeente.pk, "werknemer_naam": "Jan de Vries", "werknemer_bsn": "111222333",
            "functie": "Inpakker", "contracturen_per_week": "24", "startdatum": "2026-12-01",
            "reden": "Heeft structuur nodig."}
    data.update(anders)
    return data


@pytest.mark.parametrize(
    "veld,waarde,melding",
    [
        ("werknemer_bsn", "123456789", "elfproef"),
        ("werknemer_bsn", "12345", "9 cijfers"),
        ("contracturen_per_week", "0", "minimaal 1 uur"),
        ("contracturen_per_week", "61", "maximaal 60 uur"),
        ("contracturen_per_week", "veel", "Vul een getal in"),
        ("startdatum", "31-02-2026", "geldige datum"),
        ("startdatum", "2030-01-01", "meer dan een jaar in de toekomst"),
        ("werknemer_naam", "", "naam van de werknemer"),
    ],
)
def test_ongeldige_invoer_toont_nederlandse_melding_en_behoudt_invoer(client, wereld, veld, waarde, melding):
    client.force_login(wereld.wg_a)
    response = client.post(reverse("aanvragen:nieuw"), _formulier(wereld.gemeente_a, **{veld: waarde}, indienen="1"))
    html = response.content.decode()
    assert response.status_code == 200
    assert melding in html
    assert "Heeft structuur nodig." in html  # what was typed stays
    assert 'aria-invalid="true"' in html
    assert not Aanvraag.objects.exists()


def test_werkgever_dient_aanvraag_in_en_ziet_nummer(client, wereld):
    client.force_login(wereld.wg_a)
    response = client.post(reverse("aanvragen:nieuw"), _formulier(wereld.gemeente_a, indienen="1"), follow=True)
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.status == AanvraagStatus.INGEDIEND
    assert f"ingediend onder nummer {aanvraag.nummer}" in response.content.decode()


def test_concept_opslaan_en_later_indienen(client, wereld):
    client.force_login(wereld.wg_a)
    client.post(reverse("aanvragen:nieuw"), _formulier(wereld.gemeente_a, opslaan="1"))
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.status == AanvraagStatus.CONCEPT
    client.post(reverse("aanvragen:indienen", args=[aanvraag.pk]))
    response = client.post(reverse("aanvragen:indienen", args=[aanvraag.pk]), follow=True)  # double submit
    assert "al ingediend" in response.content.decode()
    assert Aanvraag.objects.count() == 1
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.INGEDIEND


def test_werklijst_filtert_op_status_en_sorteert_op_ontvangst(client, wereld):
    eerste, tweede = ingediend(wereld), ingediend(wereld)
    Aanvraag.objects.filter(pk=eerste.pk).update(ontvangen_op="2026-10-01")
    Aanvraag.objects.filter(pk=tweede.pk).update(ontvangen_op="2026-11-01")
    ingediend(wereld, gemeente=wereld.gemeente_b)  # other gemeente: never shown
    client.force_login(wereld.km_a)
    html = client.get(reverse("aanvragen:werklijst")).content.decode()
    assert html.index(eerste.nummer) < html.index(tweede.nummer)
    assert "Aanvragen (2)" in html
    html = client.get(reverse("aanvragen:werklijst"), {"sorteer": "nieuwste"}).content.decode()
    assert html.index(tweede.nummer) < html.index(eerste.nummer)
    html = client.get(reverse("aanvragen:werklijst"), {"status": "besloten"}).content.decode()
    assert eerste.nummer not in html and "geen aanvragen" in html


def _werklijst_queries(client, django_assert_max_num_queries, aantal, wereld):
    from tests.factories import AanvraagFactory, UserFactory, WerkgeverFactory

    for i in range(aantal):
        AanvraagFactory(gemeente=wereld.gemeente_a, status="in_behandeling", nummer=f"0362-2026-{i:05d}",
                        ontvangen_op="2026-10-01", beslistermijn_weken=8,
                        werkgever=WerkgeverFactory(), behandelaar=wereld.km_a)
    client.force_login(wereld.km_a)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("aanvragen:werklijst"), {"status": "in_behandeling"})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_werklijst_heeft_vast_aantal_queries(client, wereld, django_assert_max_num_queries):
    from aanvragen.models import Aanvraag as A

    vijf = _werklijst_queries(client, django_assert_max_num_queries, 5, wereld)
    A.objects.all().delete()
    vijftig = _werklijst_queries(client, django_assert_max_num_queries, 50, wereld)
    assert vijf == vijftig
