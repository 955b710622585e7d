"""`generate_load` at small scale: ~2,000 aanvragen over 40 gemeenten, written with COPY.

The data set must look like production to the pages and the benchmark: every state present, every
gemeente with a verordening in force, a history that matches every state, staff who can log in.
"""

import datetime as dt

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Max
from django.test import override_settings
from django.urls import reverse

from aanvragen.bench import generator, meting
from aanvragen.bench.schrijver import OnbekendVeld, Tabel
from aanvragen.models import Aanvraag, AanvraagStatus, Nummerreeks, Transitie
from accounts.models import Rol, User, Werkgever
from beoordeling.models import Beoordeling, BeoordelingStatus, Besluit, Document
from verordening.models import Gemeente
from verordening.selectors import verordening_op_datum

pytestmark = pytest.mark.django_db
VANDAAG = dt.date(2026, 11, 23)
AANTAL = 2000
GEMEENTEN = 40  # four regio's, one of which shares its verordening


@pytest.fixture(scope="module")
def gegenereerd(django_db_setup, django_db_blocker, tmp_path_factory):
    """Generated once for the module, in a transaction rolled back at its end; each test runs in a
    savepoint inside it, so a test that resets or adds data leaves the next one the same data set."""
    opslag = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                               "OPTIONS": {"location": str(tmp_path_factory.mktemp("documenten"))}}}
    with override_settings(STORAGES=opslag), django_db_blocker.unblock(), transaction.atomic():
        yield generator.genereer(aanvragen=AANTAL, gemeenten=GEMEENTEN, seed=7, vandaag=VANDAAG, chunk=700,
                                 toon_voortgang=False)
        transaction.set_rollback(True)


def test_alle_statussen_komen_voor_met_een_realistische_spreiding(gegenereerd):
    per_status = generator.samenvatting()
    assert sum(per_status.values()) == AANTAL == Aanvraag.objects.count()
    assert set(per_status) == set(AanvraagStatus.values)
    historisch = sum(per_status[s] for s in ("besloten", "ingetrokken", "buiten_behandeling"))
    assert historisch / AANTAL > 0.85
    assert set(Beoordeling.objects.values_list("status", flat=True)) == set(BeoordelingStatus.values)


def test_elke_gemeente_heeft_een_verordening_en_de_grootste_de_meeste_zaken(gegenereerd):
    gemeenten = list(Gemeente.objects.annotate(n=Count("aanvragen")).order_by("cbs_code"))
    assert len(gemeenten) == GEMEENTEN
    for gemeente in gemeenten:
        for datum in (dt.date(2019, 1, 1), dt.date(2023, 12, 31), VANDAAG):
            assert verordening_op_datum(gemeente=gemeente, datum=datum)
    assert gemeenten[0].n == max(g.n for g in gemeenten)  # GM2001 is the largest
    assert any(g.verordeningen.count() == 0 for g in gemeenten)  # some share their regio's verordening


def test_geschiedenis_klopt_met_de_status_van_elke_zaak_en_elk_onderzoek(gegenereerd):
    laatste = {}
    for t in Transitie.objects.order_by("op", "id").values("aanvraag_id", "machine", "object_id", "naar"):
        laatste[(t["machine"], t["object_id"])] = t["naar"]
    for pk, status in Aanvraag.objects.values_list("id", "status"):
        assert laatste.get(("aanvraag", pk), "concept") == status
    for pk, status in Beoordeling.objects.values_list("id", "status"):
        assert laatste.get(("beoordeling", pk), "beeldvorming") == status
    traject = generator.traject_model()
    if traject is not None:  # the monitoring issue's trajecten: one per toekenning
        statussen = dict(traject.objects.values_list("id", "status"))
        assert len(statussen) == Besluit.objects.exclude(uitkomst="afwijzing").count()
        assert {"gepland", "lopend", "afgerond"} <= set(statussen.values())
        for pk, status in statussen.items():
            assert laatste.get(("traject", pk), "gepland") == status
    assert not Aanvraag.objects.filter(status__in=["concept", "ingediend"], beoordelingen__isnull=False).exists()
    assert not Aanvraag.objects.filter(status__in=["in_behandeling", "besloten"], beoordelingen__isnull=True).exists()


def test_elk_besloten_geval_heeft_een_besluit_en_een_beschikking(gegenereerd):
    besloten = Aanvraag.objects.filter(status=AanvraagStatus.BESLOTEN)
    assert Besluit.objects.count() == besloten.count() == Document.objects.count()
    assert not besloten.filter(besluiten__isnull=True).exists()
    besluit = Besluit.objects.filter(uitkomst="toekenning").select_related("aanvraag").first()
    assert besluit.einddatum > besluit.startdatum >= besluit.aanvraag.ontvangen_op


def test_nummers_zijn_uniek_en_de_nummerreeks_loopt_door(gegenereerd):
    nummers = list(Aanvraag.objects.exclude(nummer=None).values_list("nummer", flat=True))
    assert len(nummers) == len(set(nummers)) == Aanvraag.objects.exclude(status="concept").count()
    reeks = Nummerreeks.objects.filter(jaar=2026).select_related("gemeente").first()
    hoogste = Aanvraag.objects.filter(gemeente=reeks.gemeente, ontvangen_op__year=2026).aggregate(m=Max("nummer"))
    assert hoogste["m"].endswith(f"-{reeks.laatste:05d}")


def test_klantmanager_van_de_grootste_gemeente_logt_in_en_ziet_zijn_werklijst(client, gegenereerd):
    doel = meting.grootste_gemeente()
    response = client.post(reverse("login"), {"username": doel.klantmanager.username,
                                              "password": generator.WACHTWOORD}, follow=True)
    assert response.wsgi_request.user == doel.klantmanager
    html = client.get(reverse("aanvragen:werklijst")).content.decode()
    zichtbaar = Aanvraag.objects.filter(gemeente_id=doel.gemeente_id).exclude(status="concept")
    assert f"Aanvragen ({zichtbaar.count()})" in html
    assert len(meting.laadgebruikers(10)) == 10


def test_de_metingen_vinden_de_hoofdquery_en_een_vast_aantal_queries(gegenereerd):
    doel = meting.grootste_gemeente()
    assert meting.werklijst_sql(doel) >= 0
    _, aantallen = meting.werklijst_queries(doel, [f | {"pagina": "2"} for f in meting.WERKLIJST_FILTERS])
    assert max(aantallen) - min(aantallen) <= 1  # the same on every filter and page; an empty page skips one


def test_opnieuw_genereren_weigert_en_reset_laat_andere_gegevens_staan(wereld, gegenereerd):
    eigen = wereld.aanvraag()
    with pytest.raises(ValueError):
        generator.genereer(aanvragen=AANTAL, gemeenten=GEMEENTEN, vandaag=VANDAAG, toon_voortgang=False)
    generator.reset()
    assert generator.bestaand() == (0, 0)
    assert list(Aanvraag.objects.all()) == [eigen]
    assert not User.objects.filter(username__startswith=generator.USER_PREFIX).exists()
    assert set(Werkgever.objects.all()) == {wereld.werkgever_a, wereld.werkgever_b}
    assert User.objects.filter(rol=Rol.KLANTMANAGER).count() == 2  # wereld's own staff


def test_commando_slaat_over_als_dezelfde_omvang_er_al_is(gegenereerd, capsys):
    call_command("generate_load", aanvragen=AANTAL, gemeenten=GEMEENTEN)
    assert "niets gedaan" in capsys.readouterr().out
    with pytest.raises(CommandError, match="--reset"):
        call_command("generate_load", aanvragen=AANTAL + 1, gemeenten=GEMEENTEN)


@pytest.mark.parametrize("kolommen,melding", [(["id"], "Werkgever.naam is verplicht"), (["id", "bestaat_niet"],
                                                                                           "geen veld")])
def test_een_verplicht_veld_dat_de_generator_niet_kent_wordt_genoemd(kolommen, melding):
    with pytest.raises(OnbekendVeld, match=melding):
        Tabel(Werkgever, kolommen)


def test_reset_zonder_andere_gegevens_maakt_de_database_leeg(gegenereerd):
    generator.reset()
    assert generator.bestaand() == (0, 0)
    assert not Aanvraag.objects.exists() and not Transitie.objects.exists() and not Besluit.objects.exists()
    assert not User.objects.filter(username__startswith=generator.USER_PREFIX).exists()
    assert not Werkgever.objects.exists()
