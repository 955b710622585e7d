import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aanvragen.bezwaar import services
from aanvragen.bezwaar.models import Bezwaar
from aanvragen.models import Transitie
from aanvragen.transities import GeenToestemming, TransitieFout
from accounts.models import Rol
from beoordeling.models import Beoordeling, DocumentSoort
from tests.beoordeling.documenten_helpers import lees, pdf_tekst
from tests.factories import UserFactory

from .factories import BezwaarFactory, behandelaar, besloten

# Beschikking sent on Monday 2 March 2026: the six weeks end on Monday 13 April (no holiday, Atw
# changes nothing), so the 13th is the last day and the 14th is late.
VERZONDEN = datetime.date(2026, 3, 2)
LAATSTE_DAG = datetime.date(2026, 4, 13)


@pytest.fixture
def bb_a(wereld):
    return behandelaar(wereld.gemeente_a, username="bb_a")


@pytest.fixture
def werknemer(wereld):
    return UserFactory(rol=Rol.WERKNEMER, bsn="111222333", username="wn")


def _per_brief(besluit, door, ontvangen_op, ter_post_bezorgd=None):
    return services.bezwaar_registreren(besluit=besluit, door=door, indiener_rol="werknemer",
                                        indiener_naam="Fatima el Amrani", gronden="Te weinig uren.",
                                        ontvangen_op=ontvangen_op, ter_post_bezorgd=ter_post_bezorgd)


# --- termijn ------------------------------------------------------------------------------------


@pytest.mark.parametrize("ontvangen,post,tijdig", [
    (LAATSTE_DAG, None, True),
    (LAATSTE_DAG + datetime.timedelta(days=1), None, False),
    # Posted on the last day, received within the week after (Awb 6:9 lid 2): tijdig.
    (LAATSTE_DAG + datetime.timedelta(days=3), LAATSTE_DAG, True),
    (LAATSTE_DAG + datetime.timedelta(days=3), LAATSTE_DAG + datetime.timedelta(days=1), False),
])
def test_termijn_op_de_randen_en_te_laat_wordt_wel_geregistreerd(wereld, bb_a, ontvangen, post, tijdig):
    besluit = besloten(wereld, verzonden=VERZONDEN)
    bezwaar = _per_brief(besluit, bb_a, ontvangen, post)
    bezwaar.refresh_from_db()
    assert bezwaar.bekendgemaakt_op == VERZONDEN  # sent 00:30 Amsterdam time (UTC: the day before)
    assert bezwaar.tijdig is tijdig
    assert bezwaar.status == "ontvangen"  # registered either way, never refused
    # Beslistermijn op bezwaar: six weeks after the bezwaartermijn (13 April + 42 days = 25 May, Whit Monday
    # 2026, so the Atw moves it to Tuesday 26 May).
    assert bezwaar.uiterste_beslisdatum == datetime.date(2026, 5, 26)


def test_te_laat_bezwaar_staat_gemarkeerd_in_de_werkruimte(client, wereld, bb_a):
    bezwaar = _per_brief(besloten(wereld, verzonden=VERZONDEN), bb_a, LAATSTE_DAG + datetime.timedelta(days=1))
    client.force_login(bb_a)
    pagina = client.get(reverse("bezwaar:detail", args=[bezwaar.pk])).content.decode()
    assert "Te laat ingediend" in pagina and "verschoonbaar" in pagina
    client.post(reverse("bezwaar:verschoonbaar", args=[bezwaar.pk]), {"verschoonbaar": "ja"})
    bezwaar.refresh_from_db()
    assert bezwaar.verschoonbaar is True


def test_beslistermijn_met_commissie_en_verdaging(wereld, bb_a):
    bezwaar = _per_brief(besloten(wereld, verzonden=VERZONDEN), bb_a, LAATSTE_DAG)
    services.bezwaar_in_behandeling_nemen(bezwaar=bezwaar, door=bb_a, commissie=True)
    assert bezwaar.uiterste_beslisdatum == datetime.date(2026, 7, 6)  # 13 April + 12 weeks
    services.bezwaar_verdagen(bezwaar=bezwaar, door=bb_a, reden="Advies commissie volgt later.")
    assert Bezwaar.objects.get(pk=bezwaar.pk).uiterste_beslisdatum == datetime.date(2026, 8, 17)
    with pytest.raises(TransitieFout):  # only once
        services.bezwaar_verdagen(bezwaar=bezwaar, door=bb_a, reden="Nog eens.")


# --- indienen -----------------------------------------------------------------------------------


def test_werknemer_dient_online_bezwaar_in(client, wereld, werknemer):
    besluit = besloten(wereld)
    client.force_login(werknemer)
    detail = client.get(reverse("aanvragen:detail", args=[besluit.aanvraag_id])).content.decode()
    assert reverse("bezwaar:indienen", args=[besluit.pk]) in detail
    leeg = client.post(reverse("bezwaar:indienen", args=[besluit.pk]), {"gronden": ""})
    assert leeg.status_code == 422 and "Schrijf op waarom u het niet eens bent" in leeg.content.decode()
    response = client.post(reverse("bezwaar:indienen", args=[besluit.pk]), {"gronden": "Ik heb meer uren nodig."})
    assert response.status_code == 302
    bezwaar = Bezwaar.objects.get()
    assert (bezwaar.indiener_rol, bezwaar.kanaal, bezwaar.tijdig) == ("werknemer", "online", True)
    assert bezwaar.ontvangen_op == timezone.localdate()
    log = Transitie.objects.get(machine="bezwaar")
    assert (log.transitie, log.naar, log.object_id) == ("bezwaar_ingediend", "ontvangen", bezwaar.pk)


def test_werkgever_van_een_ander_kan_geen_bezwaar_maken(client, wereld):
    besluit = besloten(wereld)
    client.force_login(wereld.wg_b)
    assert client.get(reverse("bezwaar:indienen", args=[besluit.pk])).status_code == 404
    assert client.post(reverse("bezwaar:indienen", args=[besluit.pk]), {"gronden": "x"}).status_code == 404
    with pytest.raises(GeenToestemming):
        services.bezwaar_indienen(besluit=besluit, door=wereld.wg_b, gronden="x")
    assert not Bezwaar.objects.exists()


def test_staf_registreert_brief_en_invoerfout_blijft_staan(client, wereld, bb_a):
    besluit = besloten(wereld, verzonden=VERZONDEN)
    client.force_login(bb_a)
    url = reverse("bezwaar:registreren", args=[besluit.pk])
    fout = client.post(url, {"indiener_rol": "werkgever", "indiener_naam": "Bakkerij", "gronden": "Te weinig uren",
                             "ontvangen_op": "14-04-2026", "ter_post_bezorgd": "15-04-2026"})
    assert fout.status_code == 422
    assert "De poststempel kan niet na de datum van ontvangst liggen." in fout.content.decode()
    assert "Te weinig uren" in fout.content.decode()
    response = client.post(url, {"indiener_rol": "werkgever", "indiener_naam": "Bakkerij", "gronden": "Te weinig uren",
                                 "ontvangen_op": "14-04-2026"})
    bezwaar = Bezwaar.objects.get()
    assert response["Location"] == reverse("bezwaar:detail", args=[bezwaar.pk])
    assert (bezwaar.kanaal, bezwaar.tijdig) == ("brief", False)


# --- werkruimte ---------------------------------------------------------------------------------


def test_alleen_bezwaarbehandelaars_van_de_gemeente_zien_de_werkruimte(client, wereld, bb_a):
    bezwaar = _per_brief(besloten(wereld, verzonden=VERZONDEN), bb_a, LAATSTE_DAG)
    detail = reverse("bezwaar:detail", args=[bezwaar.pk])
    client.force_login(bb_a)
    lijst = client.get(reverse("bezwaar:lijst")).content.decode()
    assert detail in lijst and "termijn--" in lijst
    pagina = client.get(detail).content.decode()
    assert reverse("beoordeling:dossier_opvragen", args=[bezwaar.besluit_id]) in pagina
    assert reverse("beoordeling:detail", args=[bezwaar.besluit.beoordeling_id]) in pagina

    client.force_login(behandelaar(wereld.gemeente_b))
    assert client.get(detail).status_code == 404
    assert detail not in client.get(reverse("bezwaar:lijst")).content.decode()
    for andere in (wereld.km_a, wereld.ad_a, wereld.wg_a):
        client.force_login(andere)
        assert client.get(detail).status_code == 403
        assert client.get(reverse("bezwaar:lijst")).status_code == 403


def test_lijst_filtert_open_en_beslist(client, wereld, bb_a):
    besluit = besloten(wereld)
    BezwaarFactory(besluit=besluit, indiener_naam="Open Bezwaarmaker")
    client.force_login(bb_a)
    assert "Open Bezwaarmaker" in client.get(reverse("bezwaar:lijst")).content.decode()
    assert "Open Bezwaarmaker" not in client.get(reverse("bezwaar:lijst") + "?filter=beslist").content.decode()


def _lijst_queries(client, aantal, besluit):
    BezwaarFactory.create_batch(aantal - Bezwaar.objects.count(), besluit=besluit)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("bezwaar:lijst"))
    assert len(re.findall(r'href="/bezwaren/\d+/"', response.content.decode())) == aantal
    return len(ctx.captured_queries)


def test_lijst_heeft_vast_aantal_queries(client, wereld, bb_a):
    besluit = besloten(wereld)
    client.force_login(bb_a)
    assert _lijst_queries(client, 5, besluit) == _lijst_queries(client, 30, besluit)


# --- transities en permissies -------------------------------------------------------------------


@pytest.mark.parametrize("wie", ["km_a", "ad_a", "wg_a", "bb_b"])
def test_alleen_de_bezwaarbehandelaar_van_de_gemeente_mag_elke_transitie(wereld, bb_a, wie):
    wereld.bb_b = behandelaar(wereld.gemeente_b)
    door = getattr(wereld, wie)
    bezwaar = _per_brief(besloten(wereld, verzonden=VERZONDEN), bb_a, LAATSTE_DAG)
    with pytest.raises(GeenToestemming):
        services.bezwaar_in_behandeling_nemen(bezwaar=bezwaar, door=door, commissie=False)
    with pytest.raises(GeenToestemming):
        services.bezwaar_verdagen(bezwaar=bezwaar, door=door, reden="x")
    services.bezwaar_in_behandeling_nemen(bezwaar=bezwaar, door=bb_a, commissie=False)
    with pytest.raises(GeenToestemming):
        services.bezwaar_beslissen(bezwaar=bezwaar, door=door, uitkomst="ongegrond", motivering="x")
    with pytest.raises(GeenToestemming):
        services.bezwaar_hoorzitting_vastleggen(bezwaar=bezwaar, door=door, op=LAATSTE_DAG, genodigden="x",
                                                verslag="")
    assert Bezwaar.objects.get(pk=bezwaar.pk).status == "in_behandeling"


def test_beslissen_kan_pas_in_behandeling(wereld, bb_a):
    bezwaar = _per_brief(besloten(wereld, verzonden=VERZONDEN), bb_a, LAATSTE_DAG)
    with pytest.raises(TransitieFout, match="niet mogelijk zolang de status ‘ontvangen’"):
        services.bezwaar_beslissen(bezwaar=bezwaar, door=bb_a, uitkomst="ongegrond", motivering="x")


# --- beslissing op bezwaar ----------------------------------------------------------------------


def _behandeld(client, wereld, bb_a, uitkomst, motivering, django_capture_on_commit_callbacks):
    bezwaar = _per_brief(besloten(wereld, verzonden=VERZONDEN), bb_a, LAATSTE_DAG)
    client.force_login(bb_a)
    client.post(reverse("bezwaar:in_behandeling_nemen", args=[bezwaar.pk]), {"commissie": "nee"})
    client.post(reverse("bezwaar:hoorzitting", args=[bezwaar.pk]),
                {"op": "20-04-2026", "genodigden": "Werknemer en werkgever", "verslag": "Beide partijen gehoord."})
    leeg = client.post(reverse("bezwaar:beslissen", args=[bezwaar.pk]), {"uitkomst": uitkomst, "motivering": ""})
    assert leeg.status_code == 422 and "Motiveer de beslissing op bezwaar." in leeg.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("bezwaar:beslissen", args=[bezwaar.pk]), {"uitkomst": uitkomst, "motivering": motivering})
    return Bezwaar.objects.select_related("beslissing").get(pk=bezwaar.pk)


def test_beslissing_ongegrond_maakt_brief_met_uitkomst_en_motivering(client, wereld, bb_a,
                                                                    django_capture_on_commit_callbacks):
    motivering = "De verordening staat niet meer dan twee uur per week toe"
    bezwaar = _behandeld(client, wereld, bb_a, "ongegrond", motivering, django_capture_on_commit_callbacks)
    assert bezwaar.status == "beslist" and not bezwaar.herziening_nodig and bezwaar.herbeoordeling is None
    assert bezwaar.hoorzitting_op == datetime.date(2026, 4, 20)
    assert bezwaar.beslissing.soort == DocumentSoort.BESLISSING_OP_BEZWAAR
    tekst = pdf_tekst(lees(bezwaar.beslissing))
    assert "ongegrond" in tekst and motivering in tekst
    # Idempotent: a second run (a redelivered task) returns the same letter.
    assert services.beslissing_opslaan(bezwaar_id=bezwaar.pk) == bezwaar.beslissing
    handelingen = list(Transitie.objects.filter(machine="bezwaar").values_list("transitie", flat=True))
    assert handelingen == ["bezwaar_geregistreerd", "bezwaar_in_behandeling_nemen", "bezwaar_beslissen"]


def test_gegrond_opent_een_nieuwe_onderzoeksronde(client, wereld, bb_a, django_capture_on_commit_callbacks):
    bezwaar = _behandeld(client, wereld, bb_a, "gegrond", "Het onderzoek woog de ploegendiensten niet mee.",
                         django_capture_on_commit_callbacks)
    assert bezwaar.herziening_nodig
    rondes = list(Beoordeling.objects.filter(aanvraag=bezwaar.besluit.aanvraag).values_list("ronde", "status"))
    assert rondes == [(1, "vastgesteld"), (2, "beeldvorming")]
    assert bezwaar.herbeoordeling.ronde == 2
    pagina = client.get(reverse("bezwaar:detail", args=[bezwaar.pk])).content.decode()
    assert "Het besluit moet worden herzien" in pagina and "onderzoeksronde 2" in pagina
    assert "gegrond" in pdf_tekst(lees(bezwaar.beslissing))
