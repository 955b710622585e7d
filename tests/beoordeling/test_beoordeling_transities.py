"""Every Beoordeling transition: its conditions (what a phase needs), its permission, and the four-eyes rule."""

import datetime
from decimal import Decimal

import pytest
from django_fsm import has_transition_perm

from aanvragen.models import AanvraagStatus
from aanvragen.transities import GeenToestemming, GelijktijdigGewijzigd, TransitieFout
from beoordeling import services
from beoordeling.models import Beoordeling, Besluit, Document, Uitkomst
from tests.helpers import (
    antwoorden,
    beeldvorming_compleet,
    beeldvorming_gegevens,
    besluitvorming_compleet,
    in_behandeling,
    oordeelsvorming_compleet,
    ter_ondertekening,
    tot_besluitvorming,
    vul_fase,
)

pytestmark = pytest.mark.django_db


def _ankers(fout) -> set[str]:
    return {o.anker for o in fout.value.ontbrekend}


def _teksten(fout) -> str:
    return " | ".join(o.tekst for o in fout.value.ontbrekend)


# --- beeldvorming → oordeelsvorming -----------------------------------------------------------------


def test_lege_beeldvorming_noemt_alles_wat_ontbreekt_met_waar_het_hoort(wereld):
    beoordeling = in_behandeling(wereld)
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    assert {"id_kern_problematiek", "id_werkplek_taken", "id_werkplek_contracturen", "id_contractvorm",
            "id_intern_werkbegeleider", "id_doelgroepregister", "factoren"} <= _ankers(fout)
    tekst = _teksten(fout)
    for groep in ("externe factoren", "persoonlijke factoren", "activiteiten", "participatie"):
        assert f"ten minste één ICF-factor bij {groep}" in tekst
    assert Beoordeling.objects.get(pk=beoordeling.pk).status == "beeldvorming"
    assert not beoordeling.aanvraag.transities.filter(machine="beoordeling").exists()


def test_complete_beeldvorming_gaat_door_naar_oordeelsvorming_met_logregel(wereld):
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a)
    services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    assert Beoordeling.objects.get(pk=beoordeling.pk).status == "oordeelsvorming"
    transitie = beoordeling.aanvraag.transities.get(machine="beoordeling")
    assert (transitie.van, transitie.naar, transitie.door) == ("beeldvorming", "oordeelsvorming", wereld.km_a)


@pytest.mark.parametrize("anders, anker", [
    ({"contractvorm": "bepaalde_tijd"}, "id_contract_einddatum"),
    ({"intern_werkbegeleider": True}, "id_intern_werkbegeleider_naam"),
    ({"doelgroepregister_gecontroleerd_op": None}, "id_doelgroepregister_gecontroleerd_op"),
    ({"doelgroepregister_grondslag": ""}, "id_doelgroepregister_grondslag"),
    ({"loonwaarde_pct": Decimal("45")}, "id_loonwaarde_gemeten_op"),
    ({"sfb": "vastgesteld"}, "id_sfb_datum"),
])
def test_beeldvorming_vraagt_de_datum_of_het_detail_bij_een_feit(wereld, anders, anker):
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a, **anders)
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    assert _ankers(fout) == {anker}


def test_verordening_met_minimale_loonwaarde_vraagt_een_loonwaardemeting(wereld):
    from verordening.models import Verordening

    Verordening.objects.filter(gemeente=wereld.gemeente_a).update(min_loonwaarde_pct=Decimal("30"), sfb_vereist=True)
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a)
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    assert _ankers(fout) == {"id_loonwaarde_pct", "id_sfb"}
    assert "minimale loonwaarde" in _teksten(fout)


def test_zonder_belemmerende_factor_geen_oordeelsvorming(wereld):
    beoordeling = in_behandeling(wereld)
    gegevens = beeldvorming_gegevens()
    for f in gegevens["factoren"]:
        f["werking"] = "bevorderend"
    vul_fase(beoordeling, wereld.km_a, **gegevens)
    with pytest.raises(services.Onvolledig, match="ten minste één belemmerende factor"):
        services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)


def test_arbeidsdeskundige_doet_het_onderzoek_niet_door_de_fasen(wereld):
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a)
    with pytest.raises(GeenToestemming):
        services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.ad_a)
    with pytest.raises(GeenToestemming):
        vul_fase(beoordeling, wereld.ad_a, kern_problematiek="Door de arbeidsdeskundige")


def test_klantmanager_van_een_andere_gemeente_mag_niets(wereld):
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a)
    with pytest.raises(GeenToestemming):
        vul_fase(beoordeling, wereld.km_b, kern_problematiek="Van buiten")
    with pytest.raises(GeenToestemming):
        services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_b)


# --- oordeelsvorming → besluitvorming ---------------------------------------------------------------


def test_oordeelsvorming_vraagt_knelpunten_met_factoren_en_de_afweging(wereld):
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a)
    services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    vul_fase(beoordeling, wereld.km_a, knelpunten=[
        {"id": None, "omschrijving": "Tempo bij drukte", "plaatsing": False, "duurzaamheid": False, "factoren": []}])
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    knelpunt = beoordeling.knelpunten.get()
    tekst = _teksten(fout)
    assert f"knelpunt-{knelpunt.pk}" in _ankers(fout)
    assert "de ICF-factoren waar het uit voortkomt" in tekst
    assert "of het de plaatsing en/of de duurzaamheid raakt" in tekst
    for soort in ("organisatorische", "technische", "begeleiding"):
        assert soort in tekst
    assert {"id_jobcoaching_adequaat", "id_adequaat_motivering", "id_alternatief_beschut_werk",
            "id_alternatief_werkplekaanpassing", "id_alternatief_intern_werkbegeleider"} <= _ankers(fout)


def test_overleg_aangevinkt_vraagt_toelichting(wereld):
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a)
    services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    oordeelsvorming_compleet(beoordeling, wereld.km_a)
    vul_fase(beoordeling, wereld.km_a, overleg_schuldhulp=True)
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    assert _ankers(fout) == {"id_overleg_toelichting"}


def test_knelpunt_kan_niet_naar_factoren_van_een_ander_onderzoek_verwijzen(wereld):
    ander = in_behandeling(wereld)
    beeldvorming_compleet(ander, wereld.km_a)
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a)
    services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    vreemd = ander.factoren.first().pk
    with pytest.raises(services.OnderzoekFout, match="buiten dit onderzoek"):
        vul_fase(beoordeling, wereld.km_a, knelpunten=[
            {"id": None, "omschrijving": "X", "plaatsing": True, "duurzaamheid": False, "factoren": [vreemd]}])
    assert not beoordeling.knelpunten.exists()


# --- besluitvorming → ter_ondertekening -------------------------------------------------------------


def test_ter_ondertekening_geweigerd_zolang_een_vraag_open_is_en_zegt_welke(wereld):
    beoordeling = tot_besluitvorming(wereld)
    open_vragen = antwoorden({3: {"antwoord": "ja", "motivering": ""}, 7: {"antwoord": "", "motivering": ""}})
    besluitvorming_compleet(beoordeling, wereld.km_a, organisatie=wereld.jobcoachorganisatie, antwoorden=open_vragen)
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    assert _ankers(fout) == {"vraag-3", "vraag-7"}
    assert "vraag 3" in str(fout.value) and "vraag 7" in str(fout.value)
    assert Beoordeling.objects.get(pk=beoordeling.pk).status == "besluitvorming"


def test_gesloten_vraag_zonder_ja_of_nee_is_open(wereld):
    beoordeling = tot_besluitvorming(wereld)
    besluitvorming_compleet(beoordeling, wereld.km_a, organisatie=wereld.jobcoachorganisatie,
                            antwoorden=antwoorden({2: {"antwoord": "", "motivering": "Wel motivering."}}))
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    assert _ankers(fout) == {"vraag-2"}


def test_toekenning_vraagt_doelen_organisatie_en_past_niet_bij_nee_op_vraag_4(wereld):
    beoordeling = tot_besluitvorming(wereld)
    vul_fase(beoordeling, wereld.km_a, antwoorden=antwoorden({4: {"antwoord": "nee", "motivering": "x"}}),
             voorstel_uitkomst=Uitkomst.TOEKENNING, motivering="Toekenning.")
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    assert {"doelen", "id_voorstel_jobcoachorganisatie", "vraag-4"} <= _ankers(fout)


def test_doel_zonder_knelpunt_of_activiteit_is_niet_compleet(wereld):
    beoordeling = tot_besluitvorming(wereld)
    besluitvorming_compleet(beoordeling, wereld.km_a, organisatie=wereld.jobcoachorganisatie, doelen=[
        {"id": None, "doel": "Zelfstandig werken", "resultaat": "Geen fouten", "termijn_maanden": 6,
         "knelpunten": [], "taken": []}])
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    doel = beoordeling.doelen.get()
    tekst = _teksten(fout)
    assert "de knelpunten die het oplost" in tekst and "de activiteiten van de jobcoach" in tekst
    assert f"doel-{doel.pk}" in _ankers(fout)
    assert "een coachingsdoel voor knelpunt" in tekst


def test_afwijzing_vraagt_een_grond_en_geen_uren(wereld):
    beoordeling = tot_besluitvorming(wereld)
    besluitvorming_compleet(beoordeling, wereld.km_a, uitkomst=Uitkomst.AFWIJZING, afwijzingsgrond="")
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    assert _ankers(fout) == {"id_afwijzingsgrond"}
    vul_fase(beoordeling, wereld.km_a, afwijzingsgrond="beschut_werk")
    services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    assert beoordeling.status == "ter_ondertekening"


def test_gedeeltelijke_toekenning_zegt_wat_niet_wordt_toegekend(wereld):
    beoordeling = tot_besluitvorming(wereld)
    besluitvorming_compleet(beoordeling, wereld.km_a, uitkomst=Uitkomst.GEDEELTELIJKE_TOEKENNING,
                            organisatie=wereld.jobcoachorganisatie, gedeeltelijk_toelichting="")
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    assert _ankers(fout) == {"id_gedeeltelijk_toelichting"}


def test_maatwerk_alleen_met_motivering(wereld):
    beoordeling = tot_besluitvorming(wereld)
    besluitvorming_compleet(beoordeling, wereld.km_a, organisatie=wereld.jobcoachorganisatie,
                            maatwerk_uren_per_week=Decimal("4"))
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    assert _ankers(fout) == {"id_maatwerk_motivering"}
    vul_fase(beoordeling, wereld.km_a, maatwerk_motivering="Twee taken tegelijk aanleren vraagt meer uren.")
    services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)


def test_maatwerk_gelijk_aan_de_verordening_is_geen_maatwerk(wereld):
    beoordeling = tot_besluitvorming(wereld)
    # 24 uur × 10% (regime midden) = 2,4 uur per week, 24 maanden: the same figures need no motivation
    besluitvorming_compleet(beoordeling, wereld.km_a, organisatie=wereld.jobcoachorganisatie,
                            maatwerk_uren_per_week=Decimal("2.4"), maatwerk_duur_maanden=24)
    services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)


def test_werknemer_die_niet_voldoet_aan_de_verordening_krijgt_geen_toekenning(wereld):
    from verordening.models import Verordening

    Verordening.objects.filter(gemeente=wereld.gemeente_a).update(doelgroepregister_vereist=True)
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a, doelgroepregister="niet_ingeschreven",
                          doelgroepregister_grondslag="")
    for _ in range(2):
        if beoordeling.status == "oordeelsvorming":
            oordeelsvorming_compleet(beoordeling, wereld.km_a)
        services.beoordeling_volgende_fase(beoordeling=beoordeling, door=wereld.km_a)
    besluitvorming_compleet(beoordeling, wereld.km_a, organisatie=wereld.jobcoachorganisatie)
    with pytest.raises(services.Onvolledig) as fout:
        services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    assert "geschiktheid" in _ankers(fout)
    assert "Doelgroepregister" in _teksten(fout)


def test_een_onbekende_rij_wordt_geweigerd(wereld):
    beoordeling = tot_besluitvorming(wereld)
    with pytest.raises(services.OnderzoekFout, match="hoort niet bij dit onderzoek"):
        vul_fase(beoordeling, wereld.km_a, doelen=[{"id": 999999, "doel": "x", "resultaat": "y",
                                                    "termijn_maanden": 3, "knelpunten": [], "taken": []}])


def test_complete_toekenning_gaat_ter_ondertekening_en_legt_voorbereider_vast(wereld):
    beoordeling = ter_ondertekening(wereld)
    assert beoordeling.status == "ter_ondertekening"
    assert beoordeling.voorbereid_door == wereld.km_a
    with pytest.raises(TransitieFout, match="niet meer worden gewijzigd"):
        vul_fase(beoordeling, wereld.km_a, fase="besluitvorming", motivering="Te laat")


# --- sign-off -----------------------------------------------------------------------------------------


def test_voorbereider_kan_niet_ondertekenen(wereld):
    beoordeling = ter_ondertekening(wereld)
    # Even an arbeidsdeskundige who prepared the besluit may not sign it.
    Beoordeling.objects.filter(pk=beoordeling.pk).update(voorbereid_door=wereld.ad_a)
    beoordeling = Beoordeling.objects.select_related("aanvraag").get(pk=beoordeling.pk)
    assert not has_transition_perm(beoordeling.vaststellen, wereld.ad_a)
    with pytest.raises(GeenToestemming):
        services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a)
    services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a2)
    assert Besluit.objects.get(beoordeling=beoordeling).vastgesteld_door == wereld.ad_a2


@pytest.mark.parametrize("wie", ["km_a", "ad_b", "wg_a"])
def test_alleen_arbeidsdeskundige_van_de_gemeente_stelt_vast(wereld, wie):
    beoordeling = ter_ondertekening(wereld)
    with pytest.raises(GeenToestemming):
        services.beoordeling_vaststellen(beoordeling=beoordeling, door=getattr(wereld, wie))


def test_terugsturen_vereist_reden_en_komt_terug_in_besluitvorming(wereld):
    beoordeling = ter_ondertekening(wereld)
    with pytest.raises(TransitieFout, match="waarom"):
        services.beoordeling_terugsturen(beoordeling=beoordeling, door=wereld.ad_a, reden="  ")
    with pytest.raises(GeenToestemming):
        services.beoordeling_terugsturen(beoordeling=beoordeling, door=wereld.km_a, reden="Zelf terug")
    services.beoordeling_terugsturen(beoordeling=beoordeling, door=wereld.ad_a, reden="Motiveer de duur.")
    beoordeling.refresh_from_db()
    assert beoordeling.status == "besluitvorming"
    assert beoordeling.teruggestuurd_reden == "Motiveer de duur."
    assert beoordeling.aanvraag.transities.last().reden == "Motiveer de duur."
    # The klantmanager can edit and offer it again.
    vul_fase(beoordeling, wereld.km_a, motivering="Duur gemotiveerd: twee jaar afbouwend.")
    services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    assert Beoordeling.objects.get(pk=beoordeling.pk).teruggestuurd_reden == ""


def test_vaststellen_legt_besluit_vast_met_de_figuren_van_de_verordening(wereld, django_capture_on_commit_callbacks):
    beoordeling = ter_ondertekening(wereld)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        besluit = services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a)
    assert callbacks  # the beschikking is rendered after commit, not inside the transaction
    beoordeling.aanvraag.refresh_from_db()
    assert beoordeling.aanvraag.status == AanvraagStatus.BESLOTEN
    # 24 uur/week × 26 weken × 10% (regime midden, jaar 1) = 62,4 uur in de eerste periode: 2,4 per week
    assert besluit.uren_per_week == Decimal("2.4")
    assert besluit.duur_maanden == 24
    assert besluit.berekening["periodes"][0]["uren"] == "62.4"
    assert besluit.berekening["engine_versie"] == 1 and besluit.berekening["toekenbaar"] is True
    assert besluit.einddatum.isoformat() == besluit.berekening["einddatum"]
    assert besluit.regime == "midden" and not besluit.maatwerk
    assert besluit.verordening.gemeente == wereld.gemeente_a
    assert besluit.teksten["verordening"]["naam"] == besluit.verordening.naam
    assert besluit.teksten["doelen"][0]["activiteiten"]
    assert besluit.voorbereid_door == wereld.km_a and besluit.vastgesteld_door == wereld.ad_a
    assert Document.objects.filter(besluit=besluit, soort="beschikking").count() == 1
    handelingen = list(beoordeling.aanvraag.transities.values_list("transitie", flat=True))
    assert handelingen[-2:] == ["vaststellen", "besluit_nemen"]


def test_vaststellen_met_maatwerk_legt_figuren_en_motivering_vast(wereld):
    beoordeling = ter_ondertekening(wereld, besluit={
        "maatwerk_uren_per_week": Decimal("3.5"), "maatwerk_duur_maanden": 12,
        "maatwerk_motivering": "Na een jaar is de werkvolgorde aangeleerd; daarna volstaat de werkgever."})
    besluit = services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a)
    assert besluit.maatwerk
    assert (besluit.uren_per_week, besluit.duur_maanden) == (Decimal("3.5"), 12)
    assert besluit.einddatum == besluit.startdatum.replace(year=besluit.startdatum.year + 1) - datetime.timedelta(1)
    assert "werkvolgorde aangeleerd" in besluit.maatwerk_motivering
    assert besluit.berekening["periodes"][0]["uren"] == "62.4"  # the verordening's figure is kept beside it


def test_afwijzing_legt_grond_vast_zonder_uren(wereld):
    beoordeling = ter_ondertekening(wereld, uitkomst=Uitkomst.AFWIJZING)
    besluit = services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a)
    assert besluit.uitkomst == "afwijzing" and besluit.afwijzingsgrond == "andere_oplossing"
    assert besluit.uren_per_week is None and besluit.einddatum is None and besluit.jobcoachorganisatie is None
    assert "geschiktheid" in besluit.berekening


def test_tweede_arbeidsdeskundige_na_vaststelling_verandert_niets(wereld):
    beoordeling = ter_ondertekening(wereld)
    verouderd = Beoordeling.objects.select_related("aanvraag").get(pk=beoordeling.pk)
    services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a)
    with pytest.raises(GelijktijdigGewijzigd):
        services.beoordeling_vaststellen(beoordeling=verouderd, door=wereld.ad_a2)
    assert Besluit.objects.filter(beoordeling=beoordeling).count() == 1


# --- concurrency --------------------------------------------------------------------------------------


def test_gelijktijdig_bewerken_overschrijft_niet_stil(wereld):
    beoordeling = in_behandeling(wereld)
    token = services.versie_token(beoordeling)
    services.beoordeling_fase_opslaan(beoordeling=beoordeling, door=wereld.km_a,
                                      gegevens={"kern_problematiek": "Eerste versie"}, versie=token)
    ander = Beoordeling.objects.get(pk=beoordeling.pk)
    with pytest.raises(GelijktijdigGewijzigd, match="Iemand anders heeft dit onderzoek opgeslagen"):
        services.beoordeling_fase_opslaan(beoordeling=ander, door=wereld.km_a,
                                          gegevens={"kern_problematiek": "Tweede versie"}, versie=token)
    assert Beoordeling.objects.get(pk=beoordeling.pk).kern_problematiek == "Eerste versie"


def test_gelijktijdig_een_factor_toevoegen_wordt_ook_geweigerd(wereld):
    beoordeling = in_behandeling(wereld)
    token = services.versie_token(beoordeling)
    beeldvorming_compleet(beoordeling, wereld.km_a)
    with pytest.raises(GelijktijdigGewijzigd):
        services.beoordeling_fase_opslaan(
            beoordeling=Beoordeling.objects.get(pk=beoordeling.pk), door=wereld.km_a, versie=token,
            gegevens={"factoren": [{"id": None, "categorie": "sociaal", "werking": "belemmerend",
                                    "bron": "gesprek_werknemer", "tekst": "Mantelzorg"}]})
    assert not beoordeling.factoren.filter(categorie="sociaal").exists()


def test_opslaan_zonder_wijziging_verhoogt_de_versie_niet(wereld):
    beoordeling = in_behandeling(wereld)
    beeldvorming_compleet(beoordeling, wereld.km_a)
    versie = beoordeling.versie
    beeldvorming_compleet(beoordeling, wereld.km_a, factoren=[])
    assert Beoordeling.objects.get(pk=beoordeling.pk).versie == versie


# --- the verordening at the moment of sign-off ------------------------------------------------------


def test_vaststellen_geweigerd_als_het_keurmerk_intussen_verlopen_is(wereld):
    import time_machine
    from django.utils import timezone

    from tests.verordening.factories import KeurmerkregistratieFactory
    from verordening.models import Verordening

    Verordening.objects.filter(gemeente=wereld.gemeente_a).update(geaccepteerde_keurmerken=["OVAL"])
    vandaag = timezone.localdate()
    KeurmerkregistratieFactory(organisatie=wereld.jobcoachorganisatie, keurmerk="OVAL",
                               geldig_van=vandaag - datetime.timedelta(days=400), geldig_tot=vandaag)
    beoordeling = ter_ondertekening(wereld)
    with time_machine.travel(vandaag + datetime.timedelta(days=1, hours=12), tick=False):
        with pytest.raises(TransitieFout, match="OVAL-keurmerk is verlopen") as fout:
            services.beoordeling_vaststellen(beoordeling=beoordeling, door=wereld.ad_a)
    assert "Stuur het terug naar de klantmanager" in str(fout.value)
    assert not Besluit.objects.exists()
    assert Beoordeling.objects.get(pk=beoordeling.pk).status == "ter_ondertekening"


def test_zonder_verordening_van_kracht_geen_berekening_en_geen_besluit(wereld):
    from verordening.models import Verordening

    beoordeling = tot_besluitvorming(wereld)
    besluitvorming_compleet(beoordeling, wereld.km_a, organisatie=wereld.jobcoachorganisatie)
    Verordening.objects.filter(gemeente=wereld.gemeente_a).update(status="concept")
    with pytest.raises(services.Onvolledig, match="geen verordening van kracht") as fout:
        services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=wereld.km_a)
    assert "berekening" in _ankers(fout)
