"""The klantmanager's worklist and case page, and the applicant's "Mijn aanvragen", as users see them."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aanvragen import services
from aanvragen.models import Aanvraag, AanvraagStatus
from accounts.models import Rol
from tests.factories import AanvraagFactory, UserFactory, WerkgeverFactory
from tests.helpers import ingediend

pytestmark = pytest.mark.django_db
D = datetime.date


def op(dag: D):
    return time_machine.travel(datetime.datetime(dag.year, dag.month, dag.day, 10, tzinfo=datetime.UTC), tick=False)


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


def test_werklijst_toont_resterende_dagen_in_kleur(client, wereld):
    with op(D(2026, 3, 3)):
        op_tijd = ingediend(wereld)  # uiterste beslisdatum 28 April
    with op(D(2026, 2, 10)):
        bijna = ingediend(wereld)  # 7 April
    with op(D(2026, 1, 13)):
        te_laat = ingediend(wereld)  # 10 March
    client.force_login(wereld.km_a)
    with op(D(2026, 4, 1)):
        html = client.get(reverse("aanvragen:werklijst")).content.decode()
    assert '<span class="termijn termijn--op_tijd">Nog 27 dagen</span><br><span class="jcl-optional">uiterlijk ' \
           '28-04-2026</span>' in html
    assert '<span class="termijn termijn--bijna">Nog 6 dagen</span>' in html
    assert '<span class="termijn termijn--te_laat">22 dagen te laat</span>' in html
    assert all(a.nummer in html for a in (op_tijd, bijna, te_laat))


def test_werklijst_filter_te_laat_en_behandelaar(client, wereld):
    with op(D(2026, 1, 13)):
        te_laat = ingediend(wereld)
        van_mij = ingediend(wereld)
        services.aanvraag_in_behandeling_nemen(aanvraag=van_mij, door=wereld.km_a)
    with op(D(2026, 3, 20)):
        nieuw = ingediend(wereld)
        collega = UserFactory(rol=Rol.KLANTMANAGER, gemeenten=[wereld.gemeente_a])
        van_collega = ingediend(wereld)
        services.aanvraag_in_behandeling_nemen(aanvraag=van_collega, door=collega)
    client.force_login(wereld.km_a)
    with op(D(2026, 4, 1)):
        def nummers(**params):
            html = client.get(reverse("aanvragen:werklijst"), params).content.decode()
            return {a.nummer for a in (te_laat, van_mij, nieuw, van_collega) if a.nummer in html}

        assert nummers(te_laat="1") == {te_laat.nummer, van_mij.nummer}
        assert nummers(behandelaar="mij") == {van_mij.nummer}
        assert nummers(behandelaar="niemand") == {te_laat.nummer, nieuw.nummer}
        assert nummers(behandelaar="niemand", te_laat="1") == {te_laat.nummer}
        assert nummers() == {te_laat.nummer, van_mij.nummer, nieuw.nummer, van_collega.nummer}
        html = client.get(reverse("aanvragen:werklijst"), {"te_laat": "1", "pagina": "1"}).content.decode()
        assert 'id="filter-te-laat" name="te_laat" value="1" checked' in html


def test_besloten_zaak_is_nooit_te_laat(client, wereld):
    with op(D(2026, 1, 13)):
        aanvraag = ingediend(wereld)
        services.aanvraag_intrekken(aanvraag=aanvraag, door=wereld.wg_a)
    client.force_login(wereld.km_a)
    with op(D(2026, 4, 1)):
        html = client.get(reverse("aanvragen:werklijst"), {"te_laat": "1"}).content.decode()
    assert aanvraag.nummer not in html


def _werklijst_queries(client, wereld, aantal):
    Aanvraag.objects.all().delete()
    for i in range(aantal):
        AanvraagFactory(gemeente=wereld.gemeente_a, status="in_behandeling", nummer=f"0362-2026-{i:05d}",
                        ontvangen_op="2026-10-01", beslistermijn_weken=8, uiterste_beslisdatum="2026-11-26",
                        werkgever=WerkgeverFactory() if i % 2 else None, werkgever_naam="Zonder account",
                        behandelaar=wereld.km_a)
    client.force_login(wereld.km_a)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("aanvragen:werklijst"), {"status": "in_behandeling", "te_laat": "1"})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_werklijst_heeft_vast_aantal_queries(client, wereld, settings):
    settings.WERKLIJST_PER_PAGINA = 100  # every row on one page
    with op(D(2026, 12, 1)):
        assert _werklijst_queries(client, wereld, 5) == _werklijst_queries(client, wereld, 50)


def test_mijn_aanvragen_noemt_status_en_volgende_stap(client, wereld):
    with op(D(2026, 3, 2)):
        ingediend_ = ingediend(wereld)
        aanvulling = ingediend(wereld)
        services.aanvraag_in_behandeling_nemen(aanvraag=aanvulling, door=wereld.km_a)
        services.aanvraag_aanvulling_vragen(aanvraag=aanvulling, door=wereld.km_a, wat_ontbreekt="Contract")
        verdaagd = ingediend(wereld)
        services.aanvraag_verdagen(aanvraag=verdaagd, door=wereld.km_a, weken=4, reden="Drukte")
        services.aanvraag_concept_opslaan(door=wereld.wg_a, gemeente=wereld.gemeente_a, gegevens={})
        client.force_login(wereld.wg_a)
        html = client.get(reverse("aanvragen:mijn")).content.decode()
    assert "De gemeente Amstelveen heeft uw aanvraag ontvangen. Een klantmanager neemt hem in behandeling. " \
           "De gemeente beslist uiterlijk op 28 april 2026." in html
    assert "De gemeente mist gegevens. Lever die aan uiterlijk op 16 maart 2026. Tot dan staat de beslistermijn " \
           "stil." in html
    assert "De gemeente heeft de beslistermijn verlengd en beslist uiterlijk op 26 mei 2026." in html
    assert "Concept: verder invullen" in html and "Maak uw aanvraag af en dien hem in." in html
    assert ingediend_.nummer in html


def test_mijn_aanvragen_heeft_vast_aantal_queries(client, wereld):
    def queries(aantal):
        for _ in range(aantal):
            aanvraag = ingediend(wereld)
            services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
            services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt="Contract")
        client.force_login(wereld.wg_a)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("aanvragen:mijn")).status_code == 200
        return len(ctx.captured_queries)

    assert queries(2) == queries(10)


def test_klantmanager_vraagt_aanvulling_via_de_zaakpagina(client, wereld):
    aanvraag = ingediend(wereld)
    services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    client.force_login(wereld.km_a)
    url = reverse("aanvragen:aanvulling_vragen", args=[aanvraag.pk])
    response = client.post(url, {"wat_ontbreekt": ""})
    assert response.status_code == 422 and "Geef aan welke gegevens ontbreken." in response.content.decode()
    response = client.post(url, {"wat_ontbreekt": "Arbeidsovereenkomst\nLoonstrook"}, follow=True)
    html = response.content.decode()
    assert "De aanvulling is gevraagd." in html
    assert "Opgeschort (aanvulling gevraagd)" in html
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == AanvraagStatus.AANVULLING_GEVRAAGD


def test_handelingen_van_de_klantmanager_zijn_voor_anderen_afgeschermd(client, wereld):
    aanvraag = ingediend(wereld)
    services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    for naam, data in [("aanvulling_vragen", {"wat_ontbreekt": "x"}), ("verdagen", {"weken": "2", "reden": "x"}),
                       ("buiten_behandeling", {"reden": "x"})]:
        url = reverse(f"aanvragen:{naam}", args=[aanvraag.pk])
        client.force_login(wereld.wg_a)
        assert client.post(url, data).status_code == 403
        client.force_login(wereld.km_b)
        assert client.post(url, data).status_code == 404
    client.force_login(wereld.wg_b)
    assert client.post(reverse("aanvragen:aanvullen", args=[aanvraag.pk]), {"toelichting": "x"}).status_code == 404
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == AanvraagStatus.IN_BEHANDELING


def test_verdagen_via_de_zaakpagina_en_de_uitleg_van_de_termijn(client, wereld):
    with op(D(2026, 3, 2)):
        aanvraag = ingediend(wereld)
        services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    client.force_login(wereld.km_a)
    with op(D(2026, 4, 20)):
        html = client.get(reverse("aanvragen:detail", args=[aanvraag.pk])).content.decode()
        assert "Beslistermijn 8 weken (art. 4:13 Awb): 2 maart 2026 + 56 dagen = 27 april 2026." in html
        assert "27 april 2026 is Koningsdag; de termijn loopt door tot en met dinsdag 28 april 2026" in html
        response = client.post(reverse("aanvragen:verdagen", args=[aanvraag.pk]),
                               {"weken": "9", "reden": "Drukte"})
        assert response.status_code == 422 and "Verdaag met hoogstens 8 weken." in response.content.decode()
        response = client.post(reverse("aanvragen:verdagen", args=[aanvraag.pk]),
                               {"weken": "4", "reden": "Wachten op medisch advies."}, follow=True)
        html = response.content.decode()
    assert "De beslistermijn is verdaagd." in html
    assert "Uiterste beslisdatum: 26 mei 2026" in html
    assert "De beslistermijn is al eens verdaagd" in html  # the form is gone, the reason is shown


def test_registratie_van_een_telefonische_aanvraag(client, wereld):
    from .factories import volledig_concept

    client.force_login(wereld.km_a)
    vandaag = timezone.localdate()
    response = client.post(reverse("aanvragen:registreren"), {
        "kanaal": "telefoon", "ontvangen_op": (vandaag + datetime.timedelta(days=1)).isoformat(),
        "gemeente": wereld.gemeente_a.pk, "aanvrager": "werknemer"})
    assert response.status_code == 422 and "De datum van ontvangst ligt in de toekomst." in response.content.decode()
    response = client.post(reverse("aanvragen:registreren"), {
        "kanaal": "telefoon", "ontvangen_op": (vandaag - datetime.timedelta(days=3)).isoformat(),
        "gemeente": wereld.gemeente_b.pk, "aanvrager": "werknemer"})
    assert "Kies een van uw gemeenten." in response.content.decode()  # only his own gemeenten
    response = client.post(reverse("aanvragen:registreren"), {
        "kanaal": "telefoon", "ontvangen_op": (vandaag - datetime.timedelta(days=3)).isoformat(),
        "gemeente": wereld.gemeente_a.pk, "aanvrager": "werknemer"})
    concept = Aanvraag.objects.get()
    assert response["Location"] == reverse("aanvragen:stap", args=[concept.pk, "werknemer"])
    assert client.get(response["Location"]).status_code == 200
    volledig_concept(door=wereld.km_a, gemeente=wereld.gemeente_a, aanvraag=concept)
    response = client.post(reverse("aanvragen:indienen", args=[concept.pk]), follow=True)
    concept.refresh_from_db()
    assert f"De aanvraag is geregistreerd onder nummer {concept.nummer}." in response.content.decode()
    assert (concept.kanaal, concept.ontvangen_op) == ("telefoon", vandaag - datetime.timedelta(days=3))
    assert f"<dt>Ontvangen</dt><dd>{vandaag - datetime.timedelta(days=3):%-d} " in response.content.decode()
    assert ", telefonisch</dd>" in response.content.decode()
