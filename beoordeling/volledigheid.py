"""What a phase of the onderzoek still lacks before it can be left (Leidraad: BOB).

Each item names what is missing in Dutch and the anchor on the phase page where it is filled in, so the
page can link to it. The transition conditions of Beoordeling use these lists; a phase can only be
left when its list is empty, and the besluit can only go to the arbeidsdeskundige when all three are.

Always reads fresh from the database (never a page's prefetched, role-filtered rows).
"""

from dataclasses import dataclass

from django.db.models import Count

from .leidraad import (
    GROEP_VAN,
    VRAAG_CRITERIA,
    VRAAG_JOBCOACHING_ADEQUAAT,
    VRAGEN,
    Contractvorm,
    Doelgroepregister,
    IcfGroep,
    JaNee,
    OplossingSoort,
    Sfb,
    Werking,
    antwoord_open,
)

FASEN = ("beeldvorming", "oordeelsvorming", "besluitvorming")
# Groups of the ICF schema every beeldvorming must say something about; the medical ones come from a
# bedrijfs- or verzekeringsarts and are not always available.
VERPLICHTE_GROEPEN = (IcfGroep.EXTERN, IcfGroep.PERSOONLIJK, IcfGroep.ACTIVITEITEN, IcfGroep.PARTICIPATIE)


OPLOSSING_WAT = {
    OplossingSoort.ORGANISATORISCH: "een organisatorische oplossing",
    OplossingSoort.TECHNISCH: "een technische oplossing",
    OplossingSoort.BEGELEIDING: "een oplossing in de vorm van begeleiding",
}


@dataclass(frozen=True)
class Ontbrekend:
    fase: str
    tekst: str
    anker: str


def _kort(tekst: str, lengte: int = 50) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def ontbrekend(beoordeling, fase: str, *, toepassing=None) -> list[Ontbrekend]:
    if fase == "beeldvorming":
        return _beeldvorming(beoordeling, toepassing)
    if fase == "oordeelsvorming":
        return _oordeelsvorming(beoordeling)
    if fase == "besluitvorming":
        return _besluitvorming(beoordeling, toepassing)
    raise ValueError(f"Onbekende fase {fase!r}")


def ontbrekend_voor_ondertekening(beoordeling, *, toepassing=None) -> list[Ontbrekend]:
    """Everything missing in the whole onderzoek: the besluit goes to ondertekening only when empty."""
    if toepassing is None:
        from .toepassing import toepassing as toepassen

        toepassing = toepassen(beoordeling)
    return [o for fase in FASEN for o in ontbrekend(beoordeling, fase, toepassing=toepassing)]


# --- Beeldvorming -----------------------------------------------------------------------------------


def _beeldvorming(b, toepassing) -> list[Ontbrekend]:
    regels = toepassing.regels if toepassing is not None else _regels(b)
    uit: list[Ontbrekend] = []

    def mist(tekst: str, anker: str) -> None:
        uit.append(Ontbrekend("beeldvorming", tekst, anker))

    if not b.kern_problematiek.strip():
        mist("de kern van de problematiek", "id_kern_problematiek")
    _werkplek(b, mist)
    _feiten(b, regels, mist)
    _icf(b, mist)
    return uit


def _regels(b):
    from .toepassing import regels_voor

    return regels_voor(b)[1]


def _werkplek(b, mist) -> None:
    if not b.werkplek_taken.strip():
        mist("de taken in de functie", "id_werkplek_taken")
    if b.werkplek_contracturen is None:
        mist("de contracturen per week", "id_werkplek_contracturen")
    if not b.contractvorm:
        mist("of het contract voor bepaalde of onbepaalde tijd is", "id_contractvorm")
    elif b.contractvorm == Contractvorm.BEPAALDE_TIJD and b.contract_einddatum is None:
        mist("de einddatum van het contract", "id_contract_einddatum")
    if b.intern_werkbegeleider is None:
        mist("of er een intern werkbegeleider is", "id_intern_werkbegeleider")
    elif b.intern_werkbegeleider and not b.intern_werkbegeleider_naam.strip():
        mist("naam en functie van de intern werkbegeleider", "id_intern_werkbegeleider_naam")


def _feiten(b, regels, mist) -> None:
    if not b.doelgroepregister:
        mist("de stand in het Doelgroepregister", "id_doelgroepregister")
    else:
        if b.doelgroepregister_gecontroleerd_op is None:
            mist("de datum waarop het Doelgroepregister is geraadpleegd", "id_doelgroepregister_gecontroleerd_op")
        if b.doelgroepregister == Doelgroepregister.INGESCHREVEN and not b.doelgroepregister_grondslag:
            mist("de grondslag van de inschrijving in het Doelgroepregister", "id_doelgroepregister_grondslag")
    if b.loonwaarde_pct is not None and b.loonwaarde_gemeten_op is None:
        mist("de datum van de loonwaardemeting", "id_loonwaarde_gemeten_op")
    if b.loonwaarde_pct is None and regels is not None and regels.min_loonwaarde_pct is not None:
        mist("de uitkomst van de loonwaardemeting (de verordening stelt een minimale loonwaarde)",
             "id_loonwaarde_pct")
    if not b.sfb and regels is not None and regels.sfb_vereist:
        mist("het oordeel over de structureel functionele beperking (de verordening vereist een SFB)", "id_sfb")
    if b.sfb == Sfb.VASTGESTELD and b.sfb_datum is None:
        mist("de datum van het oordeel over de SFB", "id_sfb_datum")


def _icf(b, mist) -> None:
    from .models import IcfFactor

    rijen = list(IcfFactor.objects.filter(beoordeling_id=b.pk).values_list("categorie", "werking"))
    groepen = {GROEP_VAN[categorie] for categorie, _werking in rijen}
    for groep in VERPLICHTE_GROEPEN:
        if groep not in groepen:
            mist(f"ten minste één ICF-factor bij {IcfGroep(groep).label.lower()}", "factoren")
    if not any(werking == Werking.BELEMMEREND for _categorie, werking in rijen):
        mist("ten minste één belemmerende factor (zonder belemmering is er geen knelpunt)", "factoren")


# --- Oordeelsvorming --------------------------------------------------------------------------------


def _oordeelsvorming(b) -> list[Ontbrekend]:
    from .models import Knelpunt, Oplossing

    uit: list[Ontbrekend] = []

    def mist(tekst: str, anker: str) -> None:
        uit.append(Ontbrekend("oordeelsvorming", tekst, anker))

    knelpunten = list(Knelpunt.objects.filter(beoordeling_id=b.pk).annotate(aantal_factoren=Count("factoren")))
    if not knelpunten:
        mist("ten minste één knelpunt", "knelpunten")
    for k in knelpunten:
        if not k.aantal_factoren:
            mist(f"bij knelpunt ‘{_kort(k.omschrijving)}’: de ICF-factoren waar het uit voortkomt", f"knelpunt-{k.pk}")
        if not (k.plaatsing or k.duurzaamheid):
            mist(f"bij knelpunt ‘{_kort(k.omschrijving)}’: of het de plaatsing en/of de duurzaamheid raakt",
                 f"knelpunt-{k.pk}")
    soorten = set(Oplossing.objects.filter(beoordeling_id=b.pk).values_list("soort", flat=True))
    for soort in OplossingSoort:
        if soort not in soorten:
            mist(f"de afweging van {OPLOSSING_WAT[soort]}", "oplossingen")
    if b.overleg_aangewezen and not b.overleg_toelichting.strip():
        mist("de toelichting op het multidisciplinair overleg", "id_overleg_toelichting")
    if not b.jobcoaching_adequaat:
        mist("het antwoord op de vraag of jobcoaching de meest adequate oplossing is", "id_jobcoaching_adequaat")
    if not b.adequaat_motivering.strip():
        mist("de motivering waarom jobcoaching wel of niet de meest adequate oplossing is", "id_adequaat_motivering")
    for veld, wat in (("alternatief_werkplekaanpassing", "een werkplekaanpassing"),
                      ("alternatief_intern_werkbegeleider", "een intern werkbegeleider"),
                      ("alternatief_beschut_werk", "beschut werk")):
        if not getattr(b, veld).strip():
            mist(f"de afweging van {wat} als alternatief", f"id_{veld}")
    return uit


# --- Besluitvorming ---------------------------------------------------------------------------------


def _besluitvorming(b, toepassing) -> list[Ontbrekend]:
    from .models import Uitkomst

    uit: list[Ontbrekend] = []

    def mist(tekst: str, anker: str) -> None:
        uit.append(Ontbrekend("besluitvorming", tekst, anker))

    antwoorden = _vragen(b, mist)
    if not b.voorstel_uitkomst:
        mist("de voorgestelde uitkomst", "id_voorstel_uitkomst")
    if not b.motivering.strip():
        mist("de motivering van het besluit (deze komt in de beschikking)", "id_motivering")
    if b.voorstel_uitkomst == Uitkomst.AFWIJZING and not b.afwijzingsgrond:
        mist("de grond van de afwijzing", "id_afwijzingsgrond")
    if b.is_toekenning:
        _toekenning(b, antwoorden, toepassing, mist)
    return uit


def _vragen(b, mist) -> dict[int, str]:
    from .models import LeidraadAntwoord

    antwoorden = {a.vraag: a for a in LeidraadAntwoord.objects.filter(beoordeling_id=b.pk)}
    for vraag in VRAGEN:
        a = antwoorden.get(vraag.nummer)
        if a is None or antwoord_open(vraag, a.antwoord, a.motivering):
            mist(f"het antwoord op vraag {vraag.nummer} van de Leidraad, met motivering", f"vraag-{vraag.nummer}")
    return {nummer: a.antwoord for nummer, a in antwoorden.items()}


def _toekenning(b, antwoorden: dict[int, str], toepassing, mist) -> None:
    from .models import Uitkomst

    if b.voorstel_uitkomst == Uitkomst.GEDEELTELIJKE_TOEKENNING and not b.gedeeltelijk_toelichting.strip():
        mist("wat wel en wat niet wordt toegekend (gedeeltelijke toekenning)", "id_gedeeltelijk_toelichting")
    if antwoorden.get(VRAAG_JOBCOACHING_ADEQUAAT) == JaNee.NEE or b.jobcoaching_adequaat == JaNee.NEE:
        mist("een toekenning past niet bij het oordeel dat jobcoaching niet de meest adequate vorm van "
             "begeleiding is (vraag 4 en de oordeelsvorming)", f"vraag-{VRAAG_JOBCOACHING_ADEQUAAT}")
    if antwoorden.get(VRAAG_CRITERIA) == JaNee.NEE:
        mist("een toekenning past niet bij het antwoord dat niet aan de criteria wordt voldaan (vraag 5)",
             f"vraag-{VRAAG_CRITERIA}")
    _doelen(b, mist)
    if b.voorstel_jobcoachorganisatie_id is None:
        mist("de jobcoachorganisatie", "id_voorstel_jobcoachorganisatie")
    _verordening(b, toepassing, mist)


def _doelen(b, mist) -> None:
    from .models import Coachingsdoel, Knelpunt, Uitkomst

    doelen = list(Coachingsdoel.objects.filter(beoordeling_id=b.pk).annotate(aantal_knelpunten=Count("knelpunten")))
    if not doelen:
        mist("ten minste één SMART coachingsdoel", "doelen")
    for d in doelen:
        if not d.aantal_knelpunten:
            mist(f"bij doel ‘{_kort(d.doel)}’: de knelpunten die het oplost", f"doel-{d.pk}")
        if not d.taken:
            mist(f"bij doel ‘{_kort(d.doel)}’: de activiteiten van de jobcoach", f"doel-{d.pk}")
    if b.voorstel_uitkomst == Uitkomst.TOEKENNING and doelen:
        zonder_doel = Knelpunt.objects.filter(beoordeling_id=b.pk, doelen__isnull=True).order_by("id")
        for k in zonder_doel:
            mist(f"een coachingsdoel voor knelpunt ‘{_kort(k.omschrijving)}’ (of kies gedeeltelijke toekenning)",
                 "doelen")


def _verordening(b, toepassing, mist) -> None:
    """The verordening must allow the toekenning: eligible, quality met, figures computable, maatwerk motivated."""
    if toepassing is None:
        from .toepassing import toepassing as toepassen

        toepassing = toepassen(b)
    for fout in toepassing.fouten:
        mist(f"een berekening volgens de verordening: {fout}", "berekening")
    if toepassing.geschiktheid is not None and not toepassing.geschiktheid.voldoet:
        mist("een werknemer die voldoet aan de voorwaarden van de verordening: "
             + " ".join(toepassing.geschiktheid.gebreken) + " Kies afwijzing, of leg de juiste feiten vast.",
             "geschiktheid")
    if toepassing.regels is not None and toepassing.regels.min_opleiding is not None and b.voorstel_jobcoach_id is None:
        mist("de jobcoach (de verordening stelt eisen aan zijn of haar opleiding)", "id_voorstel_jobcoach")
    elif toepassing.kwaliteit is not None and not toepassing.kwaliteit.voldoet:
        mist("een jobcoachorganisatie en jobcoach die voldoen aan de kwaliteitseisen: "
             + " ".join(toepassing.kwaliteit.gebreken), "id_voorstel_jobcoachorganisatie")
    if toepassing.berekening is not None and not toepassing.berekening.periodes:
        mist("resterende duur binnen het maximum van de verordening", "berekening")
    if toepassing.toekenning is not None and toepassing.toekenning.maatwerk and not b.maatwerk_motivering.strip():
        mist("de motivering van het maatwerk (een ander aantal uren of een andere duur dan de verordening)",
             "id_maatwerk_motivering")
    _maatwerk_binnen_contract(b, toepassing, mist)


def _maatwerk_binnen_contract(b, toepassing, mist) -> None:
    toekenning = toepassing.toekenning
    if toekenning is None or not toekenning.maatwerk_duur or toepassing.feiten is None:
        return
    contract_eind = toepassing.feiten.contract_einddatum
    if contract_eind is not None and toekenning.einddatum and toekenning.einddatum > contract_eind:
        mist(f"een duur die binnen het contract valt (het contract eindigt op {contract_eind:%d-%m-%Y})",
             "id_maatwerk_duur_maanden")
