"""The pure rules of the beschikking and the dossier (beoordeling.documentregels), table-driven."""

import datetime
from decimal import Decimal

import pytest

from beoordeling.documentregels import (
    Geadresseerde,
    SoortBeschikking,
    beschikkingtekst,
    berekening_weergave,
    brieven,
    geadresseerden,
    mag_downloaden,
    soort_beschikking,
    variant_voor,
)


@pytest.mark.parametrize("uitkomst,aanleiding,verwacht", [
    ("toekenning", "", SoortBeschikking.TOEKENNING),
    ("gedeeltelijke_toekenning", "", SoortBeschikking.GEDEELTELIJKE_TOEKENNING),
    ("afwijzing", "", SoortBeschikking.AFWIJZING),
    ("toekenning", "verlenging", SoortBeschikking.VERLENGING),
    ("afwijzing", "beeindiging", SoortBeschikking.BEEINDIGING),
    ("toekenning", "herziening", SoortBeschikking.HERZIENING),
    ("toekenning", "iets_onbekends", SoortBeschikking.TOEKENNING),
])
def test_soort_beschikking_volgt_de_aanleiding_en_anders_de_uitkomst(uitkomst, aanleiding, verwacht):
    assert soort_beschikking(uitkomst=uitkomst, aanleiding=aanleiding) == verwacht


def test_onbekende_uitkomst_is_een_fout():
    with pytest.raises(ValueError):
        soort_beschikking(uitkomst="misschien")


@pytest.mark.parametrize("soort,uitkomst,cijfers,rechtsmiddel", [
    ("toekenning", "toekenning", True, "bezwaar"),
    ("gedeeltelijke_toekenning", "gedeeltelijke_toekenning", True, "bezwaar"),
    ("afwijzing", "afwijzing", False, "bezwaar"),
    ("verlenging", "toekenning", True, "bezwaar"),
    ("beeindiging", "afwijzing", False, "bezwaar"),
    ("herziening", "toekenning", True, "beroep"),
    ("herziening", "afwijzing", False, "beroep"),
])
def test_elke_soort_heeft_eigen_teksten_en_het_juiste_rechtsmiddel(soort, uitkomst, cijfers, rechtsmiddel):
    tekst = beschikkingtekst(soort, uitkomst=uitkomst)
    assert (tekst.toont_toekenning, tekst.rechtsmiddel) == (cijfers, rechtsmiddel)
    assert tekst.onderwerp and tekst.kop


def test_een_brief_per_belanghebbende_met_afschrift_aan_de_ander():
    lijst = geadresseerden(werknemer_naam="Jan de Vries", werknemer_adres="Dorpsstraat 1", werknemer_postcode="1901 EJ",
                           werknemer_woonplaats="Limmen", werkgever_naam="Bakkerij De Korenschoof",
                           werkgever_adres="Dorpsstraat 12, 1901 EJ Castricum", werkgever_contactpersoon="Petra")
    resultaat = brieven(lijst)
    assert [(b.aan.rol, [a.naam for a in b.afschrift_aan]) for b in resultaat] == [
        ("werknemer", ["Bakkerij De Korenschoof"]), ("werkgever", ["Jan de Vries"])]
    assert resultaat[0].aan.adresregels == ("Dorpsstraat 1", "1901 EJ Limmen")
    assert resultaat[1].aan.adresregels == ("Dorpsstraat 12", "1901 EJ Castricum")


def test_zonder_werkgever_alleen_de_werknemer_en_geen_afschrift():
    resultaat = brieven(geadresseerden(werknemer_naam="Jan de Vries"))
    assert [(b.aan.rol, b.afschrift_aan) for b in resultaat] == [("werknemer", ())]


@pytest.mark.parametrize("geadresseerde,aanhef", [
    (Geadresseerde("werknemer", "Jan de Vries", ()), "Geachte Jan de Vries,"),
    (Geadresseerde("werkgever", "Bakkerij", (), "Petra Korenschoof"), "Geachte Petra Korenschoof,"),
    (Geadresseerde("werkgever", "Bakkerij", ()), "Geachte heer, mevrouw,"),
])
def test_aanhef(geadresseerde, aanhef):
    assert geadresseerde.aanhef == aanhef


BEREKENING = {
    "periodes": [
        {"periode_start": "2026-09-01", "periode_eind": "2027-02-28", "weken": 26, "uren": "62.4"},
        {"periode_start": "2027-03-01", "periode_eind": "2027-08-31", "weken": 26, "uren": "31.2"},
    ],
    "totaal_uren": "93.6",
    "uren": {"uitlegregels": ["24 uur/week × 26 weken × 10% = 62,4 uur"]},
    "duur": {"uitlegregels": ["Einddatum van het traject: 31 augustus 2027."]},
    "geschiktheid": {"voldoet": False, "bevindingen": [{"regel": "a", "voldoet": True, "tekst": "Contract voldoet."},
                                                       {"regel": "b", "voldoet": False, "tekst": "Te weinig uren."}]},
}


def test_opgeslagen_berekening_wordt_weer_datums_en_getallen():
    weergave = berekening_weergave(BEREKENING)
    assert weergave.periodes[0].start == datetime.date(2026, 9, 1)
    assert [p.uren for p in weergave.periodes] == [Decimal("62.4"), Decimal("31.2")]
    assert weergave.totaal_uren == Decimal("93.6")
    assert weergave.intensiteit == ("24 uur/week × 26 weken × 10% = 62,4 uur",)
    assert weergave.duur == ("Einddatum van het traject: 31 augustus 2027.",)
    assert weergave.geschiktheid == ("Contract voldoet.", "Te weinig uren.")


@pytest.mark.parametrize("berekening,verwacht", [
    (None, None),
    ({}, None),
])
def test_zonder_berekening_niets_te_tonen(berekening, verwacht):
    assert berekening_weergave(berekening) is verwacht


def test_afwijzing_toont_alleen_de_regels_waaraan_niet_is_voldaan():
    assert berekening_weergave(BEREKENING, alleen_gebreken=True).geschiktheid == ("Te weinig uren.",)


def test_onvolledige_periode_wordt_overgeslagen():
    weergave = berekening_weergave({"periodes": [{"periode_start": "kapot", "uren": "x"}], "totaal_uren": None})
    assert weergave.periodes == () and weergave.totaal_uren is None


VOLLEDIG = ("onderzoeksrapport", "dossier_zip")


@pytest.mark.parametrize("rol,brief,volledig,afschrift_zelf,afschrift_ander", [
    ("werkgever", True, False, True, False),
    ("werknemer", True, False, True, False),
    ("jobcoach", False, False, False, False),
    ("klantmanager", True, True, True, True),
    ("arbeidsdeskundige", True, True, True, True),
    ("bezwaarbehandelaar", True, True, True, True),
    ("functioneel_beheerder", True, False, False, False),
    ("beleidsmedewerker", True, False, False, False),
])
def test_wie_welk_document_mag_downloaden(rol, brief, volledig, afschrift_zelf, afschrift_ander):
    assert mag_downloaden(soort="beschikking", rol=rol) is brief
    assert mag_downloaden(soort="ontvangstbevestiging", rol=rol) is brief
    assert all(mag_downloaden(soort=s, rol=rol, zelf_opgevraagd=True) is volledig for s in VOLLEDIG)
    assert mag_downloaden(soort="onderzoeksrapport_aanvrager", rol=rol, zelf_opgevraagd=True) is afschrift_zelf
    assert mag_downloaden(soort="onderzoeksrapport_aanvrager", rol=rol, zelf_opgevraagd=False) is afschrift_ander


@pytest.mark.parametrize("rol,variant", [
    ("bezwaarbehandelaar", "volledig"), ("klantmanager", "volledig"), ("arbeidsdeskundige", "volledig"),
    ("werkgever", "aanvrager"), ("werknemer", "aanvrager"),
    ("jobcoach", None), ("beleidsmedewerker", None), ("functioneel_beheerder", None),
])
def test_wie_welk_dossier_kan_opvragen(rol, variant):
    assert variant_voor(rol) == variant
