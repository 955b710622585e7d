"""The onderzoek pages as a klantmanager and an arbeidsdeskundige use them: entering, refusing, conflicts,
htmx rows, sign-off, and a query count that does not grow with the onderzoek."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanvragen.models import Ondersteuningsvraag, Werkplekfactor
from beoordeling import services
from beoordeling.models import Beoordeling, Besluit, IcfFactor, Wijziging
from tests.beoordeling.formulier import formulier, post_data
from tests.helpers import (
    beeldvorming_compleet,
    factor,
    in_behandeling,
    ter_ondertekening,
    tot_besluitvorming,
    vul_fase,
)
from tests.verordening.factories import JobcoachprofielFactory, KeurmerkregistratieFactory

pytestmark = pytest.mark.django_db


def fase_url(beoordeling, fase="beeldvorming"):
    return reverse("beoordeling:fase", args=[beoordeling.pk, fase])


def open_fase(client, beoordeling, fase="beeldvorming"):
    antwoord = client.get(fase_url(beoordeling, fase))
    assert antwoord.status_code == 200
    return formulier(antwoord.content.decode(), f"/onderzoek/{beoordeling.pk}/{fase}/")


# --- beeldvorming page ------------------------------------------------------------------------------


def test_klantmanager_legt_een_icf_factor_vast_via_de_pagina(client, wereld):
    beoordeling = in_behandeling(wereld)
    client.force_login(wereld.km_a)
    velden = open_fase(client, beoordeling)
    assert velden["factoren-TOTAL_FORMS"] == ["1"]
    antwoord = client.post(fase_url(beoordeling), post_data(velden, **{
        "kern_problematiek": "Raakt het overzicht kwijt bij drukte.",
        "factoren-0-categorie": "activiteiten", "factoren-0-werking": "belemmerend",
        "factoren-0-icf_code": "D230", "factoren-0-kwalificatie": "3", "factoren-0-bron": "observatie_werkplek",
        "factoren-0-tekst": "Kan de werkvolgorde niet aanhouden.", "opslaan": "1",
    }))
    assert antwoord.status_code == 302
    factor_ = IcfFactor.objects.get(beoordeling=beoordeling)
    assert (factor_.icf_code, factor_.kwalificatie, factor_.notatie) == ("d230", 3, "d230.3")
    pagina = client.get(antwoord.url).content.decode()
    assert "Opgeslagen." in pagina and "ICF-factor 1" in pagina and "Nieuwe ICF-factor" in pagina
    assert Wijziging.objects.filter(beoordeling=beoordeling, onderdeel="ICF-factor", actie="toegevoegd",
                                    door=wereld.km_a).exists()


def test_ongeldige_icf_code_wordt_uitgelegd_en_niets_gaat_verloren(client, wereld):
    beoordeling = in_behandeling(wereld)
    client.force_login(wereld.km_a)
    velden = open_fase(client, beoordeling)
    antwoord = client.post(fase_url(beoordeling), post_data(velden, **{
        "kern_problematiek": "Mijn getypte tekst",
        "factoren-0-categorie": "psychologisch", "factoren-0-werking": "bevorderend",
        "factoren-0-icf_code": "d160", "factoren-0-bron": "gesprek_werknemer",
        "factoren-0-tekst": "Gemotiveerd en leergierig", "opslaan": "1",
    }))
    assert antwoord.status_code == 422
    pagina = antwoord.content.decode()
    assert "Persoonlijke factoren hebben in de ICF geen code" in pagina
    assert 'href="#id_factoren-0-icf_code"' in pagina  # the summary links to the field
    assert "Mijn getypte tekst" in pagina and "Gemotiveerd en leergierig" in pagina
    assert not IcfFactor.objects.exists()
    assert Beoordeling.objects.get(pk=beoordeling.pk).kern_problematiek == ""


def test_naar_volgende_fase_geweigerd_met_lijst_van_wat_ontbreekt_en_links(client, wereld):
    beoordeling = in_behandeling(wereld)
    client.force_login(wereld.km_a)
    velden = open_fase(client, beoordeling)
    antwoord = client.post(fase_url(beoordeling), post_data(velden, kern_problematiek="Tempo", verder="1"))
    assert antwoord.status_code == 302 and "ontbreekt=1" in antwoord.url
    pagina = client.get(antwoord.url).content.decode()
    assert "Opgeslagen, maar nog niet door naar de volgende fase" in pagina
    assert 'role="alert"' in pagina
    assert f'href="/onderzoek/{beoordeling.pk}/beeldvorming/#id_werkplek_taken"' in pagina
    assert "ten minste één ICF-factor bij activiteiten" in pagina
    beoordeling.refresh_from_db()
    assert beoordeling.status == "beeldvorming" and beoordeling.kern_problematiek == "Tempo"


def test_complete_beeldvorming_via_de_pagina_naar_oordeelsvorming(client, wereld):
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a)
    client.force_login(wereld.km_a)
    velden = open_fase(client, beoordeling)
    antwoord = client.post(fase_url(beoordeling), post_data(velden, verder="1"))
    assert antwoord.url == fase_url(beoordeling, "oordeelsvorming")
    pagina = client.get(antwoord.url).content.decode()
    assert "Het onderzoek is nu in de fase oordeelsvorming." in pagina
    # the knelpunt form offers the factors of the beeldvorming, medical ones included for the klantmanager
    assert "Autismespectrumstoornis" in pagina


def test_een_factor_verwijderen_en_tekst_wijzigen(client, wereld):
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a)
    client.force_login(wereld.km_a)
    velden = open_fase(client, beoordeling)
    assert velden["factoren-INITIAL_FORMS"] == ["5"]
    client.post(fase_url(beoordeling), post_data(velden, **{"factoren-1-DELETE": "on",
                                                           "factoren-0-tekst": "Orders wisselen per uur."}))
    teksten = list(beoordeling.factoren.order_by("id").values_list("tekst", flat=True))
    assert len(teksten) == 4 and teksten[0] == "Orders wisselen per uur."
    assert Wijziging.objects.filter(beoordeling=beoordeling, actie="verwijderd", onderdeel="ICF-factor").count() == 1


# --- concurrency ----------------------------------------------------------------------------------------


def test_verouderd_formulier_krijgt_conflictmelding_niets_opgeslagen_tekst_bewaard(client, wereld):
    beoordeling = in_behandeling(wereld)
    client.force_login(wereld.km_a)
    velden = open_fase(client, beoordeling)
    # Meanwhile a colleague saves the same onderzoek.
    vul_fase(Beoordeling.objects.get(pk=beoordeling.pk), wereld.km_a, kern_problematiek="Tekst van de collega")
    antwoord = client.post(fase_url(beoordeling), post_data(velden, kern_problematiek="Mijn eigen tekst",
                                                            opslaan="1"))
    assert antwoord.status_code == 409
    pagina = antwoord.content.decode()
    assert "Iemand anders heeft dit onderzoek opgeslagen nadat u het opende" in pagina
    assert "Mijn eigen tekst" in pagina
    assert "Wat de ander intussen wijzigde" in pagina and "Tekst van de collega" in pagina
    assert Beoordeling.objects.get(pk=beoordeling.pk).kern_problematiek == "Tekst van de collega"
    # The form now carries the current version: saving again is a deliberate choice and works.
    opnieuw = formulier(pagina, f"/onderzoek/{beoordeling.pk}/beeldvorming/")
    assert client.post(fase_url(beoordeling), post_data(opnieuw, opslaan="1")).status_code == 302
    assert Beoordeling.objects.get(pk=beoordeling.pk).kern_problematiek == "Mijn eigen tekst"


# --- htmx rows and the no-JS route ----------------------------------------------------------------------


def test_htmx_voegt_een_lege_rij_toe_zonder_op_te_slaan(client, wereld):
    beoordeling = in_behandeling(wereld)
    client.force_login(wereld.km_a)
    antwoord = client.get(reverse("beoordeling:rij", args=[beoordeling.pk, "beeldvorming", "factoren"]),
                          {"index": 3}, HTTP_HX_REQUEST="true")
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert 'name="factoren-3-categorie"' in html and 'name="factoren-3-tekst"' in html
    assert re.search(r'name="factoren-TOTAL_FORMS" value="4" id="id_factoren-TOTAL_FORMS" hx-swap-oob="true"', html)
    assert "?index=4" in html and "Deze regel weghalen" in html
    assert not IcfFactor.objects.exists()
    weg = client.get(reverse("beoordeling:rij", args=[beoordeling.pk, "beeldvorming", "factoren"]), {"weghalen": 1})
    assert weg.content == b""


def test_htmx_rij_van_een_soort_die_niet_bij_de_fase_hoort_bestaat_niet(client, wereld):
    beoordeling = in_behandeling(wereld)
    client.force_login(wereld.km_a)
    url = reverse("beoordeling:rij", args=[beoordeling.pk, "beeldvorming", "doelen"])
    assert client.get(url, {"index": 1}).status_code == 404
    url = reverse("beoordeling:rij", args=[beoordeling.pk, "besluitvorming", "doelen"])
    assert client.get(url, {"index": 1}).status_code == 404  # phase not reached yet: not editable


def test_zonder_javascript_bewaart_toevoegen_en_toont_een_nieuwe_rij(client, wereld):
    beoordeling = tot_besluitvorming(wereld)
    client.force_login(wereld.km_a)
    velden = open_fase(client, beoordeling, "besluitvorming")
    knelpunt = beoordeling.knelpunten.get()
    antwoord = client.post(fase_url(beoordeling, "besluitvorming"), post_data(velden, **{
        "doelen-0-doel": "Werkt zelfstandig", "doelen-0-resultaat": "Geen fouten", "doelen-0-termijn_maanden": "6",
        "doelen-0-knelpunten": str(knelpunt.pk), "doelen-0-taken": ["vaardigheden", "begeleidingsplan"],
        "toevoegen": "doelen",
    }))
    assert antwoord.status_code == 302 and antwoord.url.endswith("#doelen-nieuw")
    doel = beoordeling.doelen.get()
    assert doel.taken == ["begeleidingsplan", "vaardigheden"] and list(doel.knelpunten.all()) == [knelpunt]
    pagina = client.get(antwoord.url).content.decode()
    assert 'id="doelen-nieuw"' in pagina and "Coachingsdoel 1" in pagina


# --- besluitvorming page ----------------------------------------------------------------------------------


def test_ter_ondertekening_geweigerd_zegt_welke_vraag_open_is_en_linkt_ernaartoe(client, wereld):
    beoordeling = tot_besluitvorming(wereld)
    client.force_login(wereld.km_a)
    velden = open_fase(client, beoordeling, "besluitvorming")
    antwoord = client.post(fase_url(beoordeling, "besluitvorming"), post_data(velden, **{
        f"vraag_{n}_motivering": f"Antwoord {n}" for n in range(1, 9) if n != 6} | {
        f"vraag_{n}_antwoord": "ja" for n in range(1, 6)} | {"verder": "1"}))
    pagina = client.get(antwoord.url).content.decode()
    assert f'href="/onderzoek/{beoordeling.pk}/besluitvorming/#vraag-6"' in pagina
    assert "het antwoord op vraag 6 van de Leidraad" in pagina
    assert "vraag 5 van de Leidraad" not in pagina
    assert Beoordeling.objects.get(pk=beoordeling.pk).status == "besluitvorming"


def test_jobcoachorganisatie_zonder_vereist_keurmerk_wordt_geweigerd(client, wereld):
    from verordening.models import Verordening

    Verordening.objects.filter(gemeente=wereld.gemeente_a).update(geaccepteerde_keurmerken=["OVAL"])
    KeurmerkregistratieFactory(organisatie=wereld.jobcoachorganisatie, keurmerk="NOLOC")
    beoordeling = tot_besluitvorming(wereld)
    client.force_login(wereld.km_a)
    velden = open_fase(client, beoordeling, "besluitvorming")
    antwoord = client.post(fase_url(beoordeling, "besluitvorming"), post_data(
        velden, voorstel_jobcoachorganisatie=str(wereld.jobcoachorganisatie.pk), motivering="Mijn motivering",
        opslaan="1"))
    assert antwoord.status_code == 422
    pagina = antwoord.content.decode()
    assert "Deze keuze voldoet niet aan de verordening" in pagina and "OVAL-keurmerk" in pagina
    assert "Noloc-jobcoachregister telt in deze verordening niet mee" in pagina
    assert "Mijn motivering" in pagina
    beoordeling.refresh_from_db()
    assert beoordeling.voorstel_jobcoachorganisatie is None and beoordeling.motivering == ""
    # With a valid OVAL-keurmerk the same choice is accepted.
    KeurmerkregistratieFactory(organisatie=wereld.jobcoachorganisatie, keurmerk="OVAL")
    assert client.post(fase_url(beoordeling, "besluitvorming"), post_data(
        velden, voorstel_jobcoachorganisatie=str(wereld.jobcoachorganisatie.pk), opslaan="1")).status_code == 302


def test_jobcoach_die_de_klantmanager_van_de_zaak_is_wordt_geweigerd(client, wereld):
    wereld.km_a.email = "p.jansen@gemeente.nl"
    wereld.km_a.save()
    profiel = JobcoachprofielFactory(jobcoach__email="P.Jansen@gemeente.nl",
                                     jobcoach__jobcoachorganisatie=wereld.jobcoachorganisatie)
    beoordeling = tot_besluitvorming(wereld)
    with pytest.raises(services.OnderzoekFout, match="de jobcoach niet ook de klantmanager") as fout:
        vul_fase(beoordeling, wereld.km_a, voorstel_jobcoachorganisatie=wereld.jobcoachorganisatie,
                 voorstel_jobcoach=profiel.jobcoach)
    assert fout.value.veld == "voorstel_jobcoach"
    assert Beoordeling.objects.get(pk=beoordeling.pk).voorstel_jobcoach is None


def test_jobcoach_van_een_andere_organisatie_kan_niet_gekozen_worden(client, wereld):
    from tests.factories import JobcoachorganisatieFactory

    ander = JobcoachprofielFactory(jobcoach__jobcoachorganisatie=JobcoachorganisatieFactory())
    beoordeling = tot_besluitvorming(wereld)
    client.force_login(wereld.km_a)
    velden = open_fase(client, beoordeling, "besluitvorming")
    antwoord = client.post(fase_url(beoordeling, "besluitvorming"), post_data(
        velden, voorstel_jobcoachorganisatie=str(wereld.jobcoachorganisatie.pk),
        voorstel_jobcoach=str(ander.jobcoach.pk), opslaan="1"))
    assert antwoord.status_code == 422
    assert "Deze jobcoach werkt niet bij de gekozen jobcoachorganisatie." in antwoord.content.decode()


# --- sign-off: the whole onderzoek on one page, figures equal to the besluit ----------------------------


def _veld(pagina: str, naam: str) -> str:
    return re.search(rf'data-veld="{naam}">([^<]*)<', pagina).group(1).strip()


def test_arbeidsdeskundige_ziet_het_hele_onderzoek_en_de_figuren_staan_zo_in_het_besluit(client, wereld):
    beoordeling = ter_ondertekening(wereld)
    client.force_login(wereld.ad_a)
    pagina = client.get(reverse("beoordeling:detail", args=[beoordeling.pk])).content.decode()
    for stuk in ("Leert nieuwe taken traag aan", "Structuur en tempo", "Vaste werkvolgorde op een taakkaart",
                 "Motivering bij vraag 8", "Werkt de vaste werkvolgorde zelfstandig af", "Besluit vaststellen",
                 "Terugsturen naar klantmanager", "De berekening stap voor stap"):
        assert stuk in pagina, stuk
    getoond = {naam: _veld(pagina, naam) for naam in ("uren-per-week", "duur", "einddatum", "totaal-uren")}

    client.post(reverse("beoordeling:vaststellen", args=[beoordeling.pk]))
    besluit = Besluit.objects.get(beoordeling=beoordeling)
    from django.utils.formats import date_format

    assert getoond["uren-per-week"] == f"{besluit.uren_per_week}".replace(".", ",")
    assert getoond["duur"] == f"{besluit.duur_maanden} maanden"
    assert getoond["einddatum"] == date_format(besluit.einddatum, "j F Y")
    assert getoond["totaal-uren"] == besluit.berekening["totaal_uren"].replace(".", ",") + " uur"
    assert getoond["uren-per-week"] == "2,4" and besluit.berekening["totaal_uren"] == "187.2"  # 62,4 + 62,4 (10%) + 31,2 + 31,2 (5%)


def test_maatwerk_figuren_op_de_pagina_zijn_die_van_het_besluit(client, wereld):
    beoordeling = ter_ondertekening(wereld, besluit={
        "maatwerk_uren_per_week": Decimal("3"), "maatwerk_duur_maanden": 18, "maatwerk_motivering": "Twee taken."})
    client.force_login(wereld.ad_a)
    pagina = client.get(reverse("beoordeling:detail", args=[beoordeling.pk])).content.decode()
    assert "(maatwerk)" in pagina and "Twee taken." in pagina
    getoond = (_veld(pagina, "uren-per-week"), _veld(pagina, "duur"))
    client.post(reverse("beoordeling:vaststellen", args=[beoordeling.pk]))
    besluit = Besluit.objects.get(beoordeling=beoordeling)
    assert getoond == ("3", "18 maanden") and (besluit.uren_per_week, besluit.duur_maanden) == (Decimal("3"), 18)


def test_terugsturen_zonder_reden_toont_de_fout_bij_het_veld(client, wereld):
    beoordeling = ter_ondertekening(wereld)
    client.force_login(wereld.ad_a)
    antwoord = client.post(reverse("beoordeling:terugsturen", args=[beoordeling.pk]), {"reden": ""})
    assert antwoord.status_code == 422
    assert "Geef aan waarom u het besluit terugstuurt." in antwoord.content.decode()


@pytest.mark.parametrize("wie, status", [("ad_a", 403), ("wg_a", 403), ("km_b", 404)])
def test_fasepagina_alleen_voor_klantmanager_van_de_gemeente(client, wereld, wie, status):
    beoordeling = in_behandeling(wereld)
    client.force_login(getattr(wereld, wie))
    assert client.get(fase_url(beoordeling)).status_code == status
    assert client.post(fase_url(beoordeling), {"versie": "1", "kern_problematiek": "x"}).status_code == status


def test_klantmanager_kan_niet_vaststellen_en_na_aanbieden_niet_meer_bewerken(client, wereld):
    beoordeling = ter_ondertekening(wereld)
    client.force_login(wereld.km_a)
    assert client.post(reverse("beoordeling:vaststellen", args=[beoordeling.pk])).status_code == 403
    antwoord = client.get(fase_url(beoordeling, "besluitvorming"))
    assert antwoord.status_code == 302
    assert "kan nu niet worden bewerkt" in client.get(antwoord.url).content.decode()


# --- starting from the aanvraag ---------------------------------------------------------------------------


def test_antwoorden_uit_de_aanvraag_overnemen_als_begin_van_het_icf_schema(client, wereld):
    beoordeling = in_behandeling(wereld)
    aanvraag = beoordeling.aanvraag
    Ondersteuningsvraag.objects.create(aanvraag=aanvraag, domein="d2", code="d230",
                                       tekst="Een vaste dagindeling of werkvolgorde aanhouden")
    Ondersteuningsvraag.objects.create(aanvraag=aanvraag, domein="d8", code="d8", tekst="Komt vaak te laat.")
    Werkplekfactor.objects.create(aanvraag=aanvraag, factor="arbeidsverhoudingen", invloed="bevorderend",
                                  tekst="Collega's helpen graag.")
    client.force_login(wereld.km_a)
    velden = open_fase(client, beoordeling)
    assert "Antwoorden uit de aanvraag overnemen" in client.get(fase_url(beoordeling)).content.decode()
    client.post(reverse("beoordeling:overnemen", args=[beoordeling.pk]), {"versie": velden["versie"][0]})
    factoren = {(f.categorie, f.werking, f.icf_code, f.bron) for f in beoordeling.factoren.all()}
    assert factoren == {("activiteiten", "belemmerend", "d230", "aanvraag"),
                        ("participatie", "belemmerend", "", "aanvraag"),
                        ("arbeidsverhoudingen", "bevorderend", "", "aanvraag")}
    beoordeling.refresh_from_db()
    assert beoordeling.werkplek_contracturen == Decimal("24")  # the aanvraag's figure fills the empty field
    antwoord = client.post(reverse("beoordeling:overnemen", args=[beoordeling.pk]),
                           {"versie": str(beoordeling.versie)}, follow=True)
    assert "al overgenomen" in antwoord.content.decode()
    assert beoordeling.factoren.count() == 3


# --- query counts -----------------------------------------------------------------------------------------


def _groot_onderzoek(wereld, aantal: int):
    """An onderzoek in ter_ondertekening with `aantal` extra factors, knelpunten and goals."""
    beoordeling = tot_besluitvorming(wereld)
    km = wereld.km_a
    extra = [factor("sociaal" if i % 2 else "functies", f"Factor {i}", icf_code="" if i % 2 else "b140")
             for i in range(aantal)]
    vul_fase(beoordeling, km, fase="beeldvorming", factoren=extra)
    ids = list(beoordeling.factoren.values_list("id", flat=True))
    vul_fase(beoordeling, km, fase="oordeelsvorming", knelpunten=[
        {"id": None, "omschrijving": f"Knelpunt {i}", "plaatsing": True, "duurzaamheid": False,
         "factoren": ids[i % len(ids):][:3]} for i in range(aantal)])
    knelpunten = list(beoordeling.knelpunten.values_list("id", flat=True))
    from tests.helpers import besluitvorming_compleet

    besluitvorming_compleet(beoordeling, km, organisatie=wereld.jobcoachorganisatie)
    vul_fase(beoordeling, km, doelen=[
        {"id": None, "doel": f"Doel {i}", "resultaat": "Meetbaar", "termijn_maanden": 6,
         "knelpunten": knelpunten[i:i + 2], "taken": ["vaardigheden"]} for i in range(aantal)])
    return beoordeling


PAGINAS = [("detail", None), ("geschiedenis", None), ("fase", "beeldvorming"), ("fase", "oordeelsvorming"),
           ("fase", "besluitvorming")]


def test_aantal_queries_van_de_onderzoekpaginas_groeit_niet_met_het_onderzoek(client, wereld):
    klein, groot = _groot_onderzoek(wereld, 2), _groot_onderzoek(wereld, 30)
    assert (klein.factoren.count(), groot.factoren.count()) == (7, 35)
    client.force_login(wereld.km_a)
    for url_naam, fase in PAGINAS:
        tellingen = []
        for beoordeling in (klein, groot):
            url = reverse(f"beoordeling:{url_naam}", args=[beoordeling.pk] + ([fase] if fase else []))
            client.get(url)  # warm the session
            with CaptureQueriesContext(connection) as queries:
                antwoord = client.get(url)
            assert antwoord.status_code == 200
            tellingen.append(len(queries))
        assert tellingen[0] == tellingen[1], (url_naam, fase, tellingen)
        print(f"{url_naam} {fase or ''}: {tellingen[0]} queries")
