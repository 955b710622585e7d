"""Every change to the onderzoek is kept: who, when, what, the old and the new value; the page shows them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from beoordeling.models import Wijziging
from tests.helpers import beeldvorming_compleet, in_behandeling, ter_ondertekening, vul_fase

pytestmark = pytest.mark.django_db


def test_een_gewijzigd_veld_legt_wie_wanneer_oud_en_nieuw_vast(wereld):
    beoordeling = in_behandeling(wereld)
    vul_fase(beoordeling, wereld.km_a, kern_problematiek="Eerste beeld", werkplek_contracturen=Decimal("24"))
    vul_fase(beoordeling, wereld.km_a, kern_problematiek="Scherper beeld", werkplek_contracturen=Decimal("24"))
    kern = list(Wijziging.objects.filter(beoordeling=beoordeling, veld="kern van de problematiek").order_by("id"))
    assert [(w.oud, w.nieuw) for w in kern] == [("", "Eerste beeld"), ("Eerste beeld", "Scherper beeld")]
    assert all(w.door == wereld.km_a and w.op is not None and w.onderdeel == "Beeldvorming" for w in kern)
    # unchanged values leave no trace; numbers and versions as a reader sees them
    uren = Wijziging.objects.get(beoordeling=beoordeling, veld="contracturen per week")
    assert (uren.oud, uren.nieuw) == ("", "24")
    assert [w.versie for w in kern] == [2, 3]


def test_rijen_toevoegen_wijzigen_en_verwijderen_staan_in_de_geschiedenis(wereld):
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a)
    factor = beoordeling.factoren.get(categorie="psychologisch")
    vul_fase(beoordeling, wereld.km_a, factoren=[
        {"id": factor.pk, "categorie": "psychologisch", "werking": "belemmerend", "icf_code": "", "kwalificatie": None,
         "bron": "gesprek_werknemer", "tekst": factor.tekst}])
    vul_fase(beoordeling, wereld.km_a, factoren=[{"id": factor.pk, "verwijderen": True}])
    rijen = Wijziging.objects.filter(beoordeling=beoordeling, item=f"ICF-factor {factor.pk} (Psychologische factoren)")
    acties = [(w.actie, w.veld, w.oud, w.nieuw) for w in rijen.order_by("id")]
    assert ("toegevoegd", "werking", "", "Bevorderend") in acties
    assert ("gewijzigd", "werking", "Bevorderend", "Belemmerend") in acties
    verwijderd = rijen.get(actie="verwijderd")
    assert "Gemotiveerd, wil graag zelfstandig werken." in verwijderd.oud


def test_antwoorden_en_statuswijzigingen_op_de_geschiedenispagina(client, wereld):
    beoordeling = ter_ondertekening(wereld)
    client.force_login(wereld.ad_a)
    pagina = client.get(reverse("beoordeling:geschiedenis", args=[beoordeling.pk])).content.decode()
    assert "Vraag 4: antwoord toegevoegd" in pagina and "Motivering bij vraag 4." in pagina
    assert "Onderzoek: naar oordeelsvorming" in pagina and "Besluit ter ondertekening aangeboden" in pagina
    assert wereld.km_a.get_full_name() in pagina
    overzicht = client.get(reverse("beoordeling:detail", args=[beoordeling.pk])).content.decode()
    assert "Alle wijzigingen en statuswijzigingen" in overzicht
