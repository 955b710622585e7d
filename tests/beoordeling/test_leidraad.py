"""The Leidraad's vocabulary: ICF codes and qualifiers per part of the schema, the eight questions, the tasks."""

import pytest

from beoordeling.leidraad import (
    GROEP_VAN,
    MEDISCHE_CATEGORIEEN,
    VRAAG,
    VRAGEN,
    IcfCategorie,
    IcfGroep,
    Jobcoachtaak,
    antwoord_open,
    categorie_keuzes,
    code_fouten,
    icf_notatie,
    taak_labels,
)

SEED_004 = "/work/shared/seeds/004_4546be91517cce17.txt"

# (categorie, code, kwalificatie, expected messages (substrings); [] means valid)
CODES = [
    ("activiteiten", "d230", 3, []),
    ("participatie", "d845", 2, []),
    ("participatie", "D 850", 0, []),  # normalised: spaces and case do not matter
    ("activiteiten", "d1551", 4, []),
    ("functies", "b140", 2, []),
    ("functies", "s7502", 1, []),
    ("arbeidsinhoud", "e590", 2, []),
    ("sociaal", "e310", 8, []),
    ("materieel", "e165", 9, []),
    ("activiteiten", "", None, []),
    ("persoon_algemeen", "", None, []),
    ("activiteiten", "d23", None, ["3 tot 5 cijfers"]),
    ("activiteiten", "d123456", None, ["3 tot 5 cijfers"]),
    ("activiteiten", "x230", None, ["letter (b, s, d of e)"]),
    ("activiteiten", "230", None, ["letter (b, s, d of e)"]),
    ("functies", "b940", None, ["Hoofdstuk b9 bestaat niet", "b1 tot en met b8"]),
    ("functies", "s010", None, ["Hoofdstuk s0 bestaat niet"]),
    ("arbeidsinhoud", "e610", None, ["Hoofdstuk e6 bestaat niet", "e1 tot en met e5"]),
    ("activiteiten", "d050", None, ["Hoofdstuk d0 bestaat niet"]),
    ("psychologisch", "d160", None, ["Persoonlijke factoren hebben in de ICF geen code"]),
    ("ziekte", "b140", None, ["Ziekte/aandoening hebben in de ICF geen code"]),
    ("arbeidsinhoud", "d230", None, ["hoort een e-code, niet een d-code"]),
    ("activiteiten", "e310", None, ["hoort een d-code, niet een e-code"]),
    ("functies", "d230", None, ["hoort een b-code of s-code"]),
    ("activiteiten", "d230", 5, ["0 tot en met 4, 8 of 9"]),
    ("activiteiten", "d230", 7, ["0 tot en met 4, 8 of 9"]),
    ("activiteiten", "", 2, ["hoort bij een ICF-code"]),
]


@pytest.mark.parametrize("categorie, code, kwalificatie, verwacht", CODES)
def test_icf_code_en_kwalificatie_per_onderdeel(categorie, code, kwalificatie, verwacht):
    fouten = code_fouten(categorie=categorie, code=code, kwalificatie=kwalificatie)
    if not verwacht:
        assert fouten == []
    for deel in verwacht:
        assert any(deel in fout for fout in fouten), (deel, fouten)


@pytest.mark.parametrize("code, kwalificatie, werking, notatie", [
    ("d850", 2, "belemmerend", "d850.2"),
    ("e310", 3, "belemmerend", "e310.3"),
    ("e310", 3, "bevorderend", "e310+3"),  # a facilitator among the external factors
    ("d850", 2, "bevorderend", "d850.2"),  # only e-codes carry '+'
    ("B140", None, "belemmerend", "b140"),
    ("", 2, "belemmerend", ""),
])
def test_icf_notatie(code, kwalificatie, werking, notatie):
    assert icf_notatie(code=code, kwalificatie=kwalificatie, werking=werking) == notatie


def test_elke_categorie_hoort_bij_een_deel_van_het_schema_en_alleen_ziekte_en_functies_zijn_medisch():
    assert set(GROEP_VAN) == set(IcfCategorie.values)
    assert MEDISCHE_CATEGORIEEN == {"ziekte", "functies"}
    assert {GROEP_VAN[c] for c in ("arbeidsinhoud", "arbeidsomstandigheden", "arbeidsverhoudingen",
                                   "arbeidsvoorwaarden")} == {IcfGroep.EXTERN}
    groepen = [label for label, _keuzes in categorie_keuzes()]
    assert groepen == [g.label for g in IcfGroep]


def test_de_acht_vragen_staan_letterlijk_in_de_leidraad():
    tekst = " ".join(open(SEED_004, encoding="utf-8").read().split())
    assert [v.nummer for v in VRAGEN] == list(range(1, 9))
    for vraag in VRAGEN:
        assert vraag.tekst in tekst, vraag.nummer
    assert [v.nummer for v in VRAGEN if not v.ja_nee] == [6, 7, 8]


@pytest.mark.parametrize("nummer, antwoord, motivering, open_", [
    (1, "ja", "Er zijn knelpunten.", False),
    (1, "", "Er zijn knelpunten.", True),  # a closed question needs ja or nee
    (1, "ja", "   ", True),  # every answer needs a motivation
    (6, "", "Training on the job.", False),  # an open question is answered by its text
    (6, "", "", True),
])
def test_wanneer_een_vraag_open_is(nummer, antwoord, motivering, open_):
    assert antwoord_open(VRAAG[nummer], antwoord, motivering) is open_


def test_de_twaalf_taken_van_de_jobcoach_in_catalogusvolgorde():
    assert len(Jobcoachtaak) == 12
    assert taak_labels(["vaardigheden", "inventariseren"]) == [
        str(Jobcoachtaak.INVENTARISEREN.label), str(Jobcoachtaak.VAARDIGHEDEN.label)]
    assert taak_labels(["iets_anders"]) == ["iets_anders"]
