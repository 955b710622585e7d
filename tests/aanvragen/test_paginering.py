"""The worklist counts at most a thousand cases: beyond that it says so instead of counting them all."""

import pytest
from django.urls import reverse

from aanvragen.paginering import BegrensdePaginator
from tests.helpers import ingediend

pytestmark = pytest.mark.django_db


def test_werklijst_zegt_meer_dan_de_grens_in_plaats_van_alles_te_tellen(client, wereld, monkeypatch, settings):
    monkeypatch.setattr(BegrensdePaginator, "grens", 3)
    settings.WERKLIJST_PER_PAGINA = 2
    for _ in range(5):
        ingediend(wereld)
    client.force_login(wereld.km_a)
    html = client.get(reverse("aanvragen:werklijst")).content.decode()
    assert "Aanvragen (meer dan 3)" in html
    assert "Pagina 1 van meer dan 1" in html


def test_onder_de_grens_telt_de_werklijst_exact(client, wereld):
    for _ in range(3):
        ingediend(wereld)
    client.force_login(wereld.km_a)
    html = client.get(reverse("aanvragen:werklijst")).content.decode()
    assert "Aanvragen (3)" in html
