"""Demo gemeenten, regio's, verordeningen and jobcoachorganisaties (used by `manage.py demo_data`).

Four contrasting rule sets, each a published version from 1 January 2024:
- Amsterdam: the UWV regimes (percentage per trajectjaar), three years, extension possible;
- Utrecht: a flat 5% of the contract hours, two years, no extension, Doelgroepregister required;
- Zaanstad: a fixed 1 hour per week, two years;
- regio BUCH (Castricum and Heiloo follow it): licht/midden/zwaar hour bands per half year.
Amsterdam also has an older, closed version (2022–2023) and Utrecht a concept for 2027, to show versions.

Idempotent: a version is looked up by its gemeente or regio and start date and made only when missing.
A published version is never changed afterwards, not even by this loader (start from an empty database to
get these rules when an older demo database already has versions on the same dates).
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from .engine import IntensiteitSoort, Keurmerk
from .models import Gemeente, Jobcoachorganisatie, Keurmerkregistratie, Regio, Verordening, VersieStatus
from .regels import normaliseer, uwv_regimes_standaard

REGIO_BUCH = "BUCH (Bergen, Uitgeest, Castricum, Heiloo)"
REGIO_GROOT_AMSTERDAM = "Groot Amsterdam"
REGIO_MIDDEN_UTRECHT = "Midden-Utrecht"
GEMEENTEN = [
    # (slug, naam, CBS-code, regio)
    ("amsterdam", "Amsterdam", "GM0363", REGIO_GROOT_AMSTERDAM),
    ("utrecht", "Utrecht", "GM0344", REGIO_MIDDEN_UTRECHT),
    ("zaanstad", "Zaanstad", "GM0479", REGIO_GROOT_AMSTERDAM),
    ("castricum", "Castricum", "GM0383", REGIO_BUCH),
    ("heiloo", "Heiloo", "GM0399", REGIO_BUCH),
]
BEGIN_2024 = datetime.date(2024, 1, 1)
BEWIJS = "een uitgebreid plan van aanpak van de jobcoach en een evaluatie van de werkgever"
ALLE_KEURMERKEN = [k.value for k in Keurmerk]


def _bezwaar(naam: str, postcode: str) -> str:
    return (f"Het college van burgemeester en wethouders van {naam}\nt.a.v. Juridische Zaken\n"
            f"Postbus 1000\n{postcode} {naam}")


# The rules of each demo version (fields of Verordening); texts are added per gemeente.
AMSTERDAM = dict(
    intensiteit_soort=IntensiteitSoort.PERCENTAGE_PER_JAAR.value, percentage_regimes=uwv_regimes_standaard(),
    standaard_regime="midden", standaard_max_maanden=36, toekenningsperiode_maanden=6,
    verlenging_toegestaan=True, verlenging_bewijs=BEWIJS, max_totaal_maanden=48,
    geaccepteerde_keurmerken=[Keurmerk.OVAL.value, Keurmerk.BLIK_OP_WERK.value, Keurmerk.UWV_ERKENNING.value],
    min_opleiding="hbo", min_contracturen_per_week=12, min_contractduur_maanden=6,
    evaluatiefrequentie="halfjaar", herbeoordeling_weken_voor_einde=8, artikel_persoonlijke_ondersteuning="artikel 9",
)
AMSTERDAM_OUD = dict(AMSTERDAM, standaard_max_maanden=24, verlenging_toegestaan=False, verlenging_bewijs="",
                     max_totaal_maanden=None, min_opleiding="", min_contracturen_per_week=None,
                     min_contractduur_maanden=None)
UTRECHT = dict(
    intensiteit_soort=IntensiteitSoort.VAST_PERCENTAGE.value, vast_percentage=5, standaard_max_maanden=24,
    toekenningsperiode_maanden=12, verlenging_toegestaan=False, doelgroepregister_vereist=True,
    geaccepteerde_keurmerken=ALLE_KEURMERKEN, evaluatiefrequentie="kwartaal", herbeoordeling_weken_voor_einde=6,
    beslistermijn_weken=6, artikel_persoonlijke_ondersteuning="artikel 7",
)
ZAANSTAD = dict(
    intensiteit_soort=IntensiteitSoort.VASTE_UREN.value, vaste_uren=1, vaste_uren_eenheid="per_week",
    standaard_max_maanden=24, toekenningsperiode_maanden=6, verlenging_toegestaan=True, verlenging_bewijs=BEWIJS,
    max_totaal_maanden=36, min_loonwaarde_pct=30, sfb_vereist=True,
    geaccepteerde_keurmerken=[Keurmerk.OVAL.value, Keurmerk.NOLOC.value, Keurmerk.NVS.value],
    evaluatiefrequentie="kwartaal", herbeoordeling_weken_voor_einde=8, artikel_persoonlijke_ondersteuning="artikel 11",
)
BUCH = dict(
    intensiteit_soort=IntensiteitSoort.REGIME_BANDEN.value, standaard_regime="midden",
    regime_banden=[{"naam": "licht", "min_uren": "10", "max_uren": "20"},
                   {"naam": "midden", "min_uren": "20", "max_uren": "40"},
                   {"naam": "zwaar", "min_uren": "40", "max_uren": "80"}],
    max_uren_per_periode=80, standaard_max_maanden=24, toekenningsperiode_maanden=6, verlenging_toegestaan=True,
    verlenging_bewijs=BEWIJS, max_totaal_maanden=36,
    geaccepteerde_keurmerken=[Keurmerk.OVAL.value, Keurmerk.BLIK_OP_WERK.value, Keurmerk.UWV_ERKENNING.value],
    min_opleiding="hbo", evaluatiefrequentie="halfjaar", herbeoordeling_weken_voor_einde=10,
    artikel_persoonlijke_ondersteuning="artikel 8",
)


def laad_gemeenten() -> dict[str, Gemeente]:
    regio_s = {naam: Regio.objects.get_or_create(naam=naam)[0]
               for naam in (REGIO_BUCH, REGIO_GROOT_AMSTERDAM, REGIO_MIDDEN_UTRECHT)}
    gemeenten = {}
    for slug, naam, code, regio_naam in GEMEENTEN:
        gemeenten[slug] = Gemeente.objects.update_or_create(
            cbs_code=code, defaults={"naam": naam, "regio": regio_s[regio_naam]}
        )[0]
    a, u, z = gemeenten["amsterdam"], gemeenten["utrecht"], gemeenten["zaanstad"]
    _versie(gemeente=a, naam="Re-integratieverordening Participatiewet Amsterdam 2022", van=datetime.date(2022, 1, 1),
            tot=datetime.date(2023, 12, 31), regels=AMSTERDAM_OUD, bezwaar=_bezwaar("Amsterdam", "1000 AA"))
    _versie(gemeente=a, naam="Re-integratieverordening Participatiewet Amsterdam 2024", regels=AMSTERDAM,
            bezwaar=_bezwaar("Amsterdam", "1000 AA"))
    _versie(gemeente=u, naam="Re-integratieverordening Participatiewet Utrecht 2024", regels=UTRECHT,
            bezwaar=_bezwaar("Utrecht", "3500 AA"))
    _versie(gemeente=u, naam="Re-integratieverordening Participatiewet Utrecht 2027", van=datetime.date(2027, 1, 1),
            regels=dict(UTRECHT, vast_percentage=6, verlenging_toegestaan=True, verlenging_bewijs=BEWIJS,
                        max_totaal_maanden=36), bezwaar=_bezwaar("Utrecht", "3500 AA"), concept=True)
    _versie(gemeente=z, naam="Verordening re-integratie en participatie Zaanstad 2024", regels=ZAANSTAD,
            bezwaar=_bezwaar("Zaanstad", "1500 AA"))
    _versie(regio=regio_s[REGIO_BUCH], naam="Re-integratieverordening BUCH 2024", regels=BUCH,
            bezwaar="Het college van burgemeester en wethouders\nWerkorganisatie BUCH, Juridische Zaken\n"
                    "Postbus 15\n1850 AA Heiloo")
    return gemeenten


def _versie(*, naam: str, regels: dict, bezwaar: str, gemeente=None, regio=None, van: datetime.date = BEGIN_2024,
            tot: datetime.date | None = None, concept: bool = False) -> Verordening:
    bestaand = Verordening.objects.filter(Q(gemeente=gemeente) if gemeente else Q(regio=regio), geldig_van=van).first()
    if bestaand is not None:
        return bestaand  # published versions are immutable; a concept may have been edited in the demo
    velden = normaliseer({**Verordening().regelgegevens(), **regels})
    versie = Verordening(gemeente=gemeente, regio=regio, naam=naam, geldig_van=van, geldig_tot=tot,
                         bezwaar_adres=bezwaar, status=VersieStatus.CONCEPT if concept else VersieStatus.GEPUBLICEERD,
                         gepubliceerd_op=None if concept else timezone.now())
    for veld, waarde in velden.items():
        if veld not in ("geldig_van", "geldig_tot", "bezwaar_adres"):
            setattr(versie, veld, waarde)
    versie.full_clean(exclude=["gepubliceerd_door", "afgeleid_van"])
    versie.save()
    return versie


# (KvK, naam, [(keurmerk, registratienummer, geldig_van, geldig_tot)]); "verlopen" has an expired mark.
ORGANISATIES = {
    "noord": ("55554444", "JobcoachNL Noord", [
        (Keurmerk.OVAL, "OVAL-2291", datetime.date(2023, 3, 1), datetime.date(2027, 2, 28)),
        (Keurmerk.BLIK_OP_WERK, "BoW-10482", datetime.date(2024, 1, 1), None),
    ]),
    "werkfit": ("66667777", "Werkfit Begeleiding", [
        (Keurmerk.NOLOC, "NOLOC-5531", datetime.date(2022, 6, 1), datetime.date(2027, 5, 31)),
        (Keurmerk.NVS, "NVS-0871", datetime.date(2023, 9, 1), datetime.date(2026, 8, 31)),
    ]),
    "verlopen": ("77778888", "Coachpunt Zaanstreek", [
        (Keurmerk.OVAL, "OVAL-1740", datetime.date(2021, 1, 1), datetime.date(2026, 6, 30)),
    ]),
}


def laad_jobcoachorganisaties() -> dict[str, Jobcoachorganisatie]:
    organisaties = {}
    for slug, (kvk, naam, keurmerken) in ORGANISATIES.items():
        organisatie = Jobcoachorganisatie.objects.update_or_create(kvk_nummer=kvk, defaults={"naam": naam})[0]
        for keurmerk, nummer, van, tot in keurmerken:
            Keurmerkregistratie.objects.update_or_create(
                organisatie=organisatie, keurmerk=keurmerk.value, registratienummer=nummer,
                defaults={"geldig_van": van, "geldig_tot": tot},
            )
        organisaties[slug] = organisatie
    return organisaties

