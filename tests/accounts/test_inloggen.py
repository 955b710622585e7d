import pytest
from django.urls import reverse

from tests.factories import WACHTWOORD

pytestmark = pytest.mark.django_db


def test_inloggen_brengt_werkgever_naar_mijn_aanvragen(client, wereld):
    response = client.post(reverse("login"), {"username": "wg_a", "password": WACHTWOORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("aanvragen:mijn")
    assert "Bakkerij De Korenschoof" in response.content.decode()


def test_account_wordt_geblokkeerd_na_herhaalde_mislukte_pogingen(client, wereld, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("login"), {"username": "wg_a", "password": "fout"})
    response = client.post(reverse("login"), {"username": "wg_a", "password": WACHTWOORD})
    assert response.status_code == 429
    assert "Te veel mislukte inlogpogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_fout_wachtwoord_geeft_nederlandse_melding(client, wereld):
    response = client.post(reverse("login"), {"username": "wg_a", "password": "fout"})
    assert response.status_code == 200
    assert "gebruikersnaam" in response.content.decode().lower()
