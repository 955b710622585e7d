"""The vocabulary of the NVvA Leidraad Jobcoach (seeds/004) and the jobcoach task catalogue (seeds/002).

Pure: no database, no I/O. The ICF schema's categories and how they group, the information sources,
ICF codes and qualifiers (REFERENCE.md, "ICF"), the eight questions that establish the
begeleidingsnoodzaak, and the twelve tasks of a jobcoach.
"""

import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

# --------------------------------------------------------------------------------------------------
# ICF schema (Leidraad, "Beeldvorming")


class IcfGroep(models.TextChoices):
    EXTERN = "extern", _("Externe factoren")
    PERSOONLIJK = "persoonlijk", _("Persoonlijke factoren")
    ZIEKTE = "ziekte", _("Ziekte/aandoening")
    FUNCTIES = "functies", _("Functies en anatomische eigenschappen")
    ACTIVITEITEN = "activiteiten", _("Activiteiten")
    PARTICIPATIE = "participatie", _("Participatie")


class IcfCategorie(models.TextChoices):
    # Externe factoren: werk en opleiding (de 4 A's), gezondheid, sociale en materiële omstandigheden
    ARBEIDSINHOUD = "arbeidsinhoud", _("Werk: arbeidsinhoud")
    ARBEIDSOMSTANDIGHEDEN = "arbeidsomstandigheden", _("Werk: arbeidsomstandigheden")
    ARBEIDSVERHOUDINGEN = "arbeidsverhoudingen", _("Werk: arbeidsverhoudingen")
    ARBEIDSVOORWAARDEN = "arbeidsvoorwaarden", _("Werk: arbeidsvoorwaarden")
    GEZONDHEID = "gezondheid", _("Gezondheid (middelen, behandeling, mobiliteit)")
    SOCIAAL = "sociaal", _("Sociale omstandigheden (gezin, netwerk)")
    MATERIEEL = "materieel", _("Materiële factoren (financiën, wonen)")
    # Persoonlijke factoren
    PERSOON_ALGEMEEN = "persoon_algemeen", _("Algemeen")
    GEZONDHEIDSBELEVING = "gezondheidsbeleving", _("Gezondheidsbeleving en leefstijl")
    PSYCHOLOGISCH = "psychologisch", _("Psychologische factoren")
    WERK_OPLEIDING = "werk_opleiding", _("Werk en opleiding")
    WERK_REINTEGRATIE = "werk_reintegratie", _("Werk en re-integratie")
    # The components of functioning
    ZIEKTE = "ziekte", _("Ziekte/aandoening")
    FUNCTIES = "functies", _("Functies en anatomische eigenschappen (stoornissen)")
    ACTIVITEITEN = "activiteiten", _("Activiteiten (wat kan de werknemer wel en niet)")
    PARTICIPATIE = "participatie", _("Participatie (knelpunten in werk en werkomgeving)")


C = IcfCategorie
GROEP_VAN: dict[str, str] = {
    **{c: IcfGroep.EXTERN for c in (C.ARBEIDSINHOUD, C.ARBEIDSOMSTANDIGHEDEN, C.ARBEIDSVERHOUDINGEN,
                                     C.ARBEIDSVOORWAARDEN, C.GEZONDHEID, C.SOCIAAL, C.MATERIEEL)},
    **{c: IcfGroep.PERSOONLIJK for c in (C.PERSOON_ALGEMEEN, C.GEZONDHEIDSBELEVING, C.PSYCHOLOGISCH,
                                          C.WERK_OPLEIDING, C.WERK_REINTEGRATIE)},
    C.ZIEKTE: IcfGroep.ZIEKTE,
    C.FUNCTIES: IcfGroep.FUNCTIES,
    C.ACTIVITEITEN: IcfGroep.ACTIVITEITEN,
    C.PARTICIPATIE: IcfGroep.PARTICIPATIE,
}

# Special-category personal data (AVG art. 9): only klantmanager, arbeidsdeskundige and
# bezwaarbehandelaar of the gemeente may see these.
MEDISCHE_CATEGORIEEN = frozenset({C.ZIEKTE.value, C.FUNCTIES.value})

# Which ICF component letters fit a group; persoonlijke factoren and the diagnosis carry no ICF code.
CODE_LETTERS: dict[str, str] = {
    IcfGroep.EXTERN: "e",
    IcfGroep.PERSOONLIJK: "",
    IcfGroep.ZIEKTE: "",
    IcfGroep.FUNCTIES: "bs",
    IcfGroep.ACTIVITEITEN: "d",
    IcfGroep.PARTICIPATIE: "d",
}

# Chapters per component (REFERENCE.md): b1–b8, s1–s8, d1–d9, e1–e5.
HOOFDSTUKKEN = {"b": range(1, 9), "s": range(1, 9), "d": range(1, 10), "e": range(1, 6)}
_CODE = re.compile(r"^([bsde])(\d{3,5})$")


def categorie_keuzes() -> list:
    """Grouped choices for a <select>: one optgroup per part of the ICF schema."""
    groepen: dict[str, list] = {}
    for categorie in IcfCategorie:
        groepen.setdefault(GROEP_VAN[categorie], []).append((categorie.value, categorie.label))
    return [(IcfGroep(g).label, keuzes) for g, keuzes in groepen.items()]


def is_medisch(categorie: str) -> bool:
    return categorie in MEDISCHE_CATEGORIEEN


class Werking(models.TextChoices):
    BELEMMEREND = "belemmerend", _("Belemmerend")
    BEVORDEREND = "bevorderend", _("Bevorderend")


class Bron(models.TextChoices):
    OBSERVATIE_WERKPLEK = "observatie_werkplek", _("Observatie op de werkplek")
    GESPREK_WERKNEMER = "gesprek_werknemer", _("Gesprek met de werknemer")
    GESPREK_WERKGEVER = "gesprek_werkgever", _("Gesprek met de werkgever")
    DRIELUIKGESPREK = "drieluikgesprek", _("Drieluikgesprek")
    FUNCTIEOMSCHRIJVING = "functieomschrijving", _("Functie- en taakomschrijving")
    LOONWAARDEMETING = "loonwaardemeting", _("Loonwaardemeting")
    DOELGROEPREGISTER = "doelgroepregister", _("Doelgroepregister")
    MEDISCH_ADVIES = "medisch_advies", _("Medisch advies (bedrijfs- of verzekeringsarts)")
    PLAN_VAN_AANPAK = "plan_van_aanpak", _("Plan van aanpak jobcoach")
    AANVRAAG = "aanvraag", _("Aanvraagformulier")


class Kwalificatie(models.IntegerChoices):
    GEEN = 0, _("0 – geen probleem (0–4%)")
    LICHT = 1, _("1 – licht probleem (5–24%)")
    MATIG = 2, _("2 – matig probleem (25–49%)")
    ERNSTIG = 3, _("3 – ernstig probleem (50–95%)")
    VOLLEDIG = 4, _("4 – volledig probleem (96–100%)")
    NIET_GESPECIFICEERD = 8, _("8 – niet gespecificeerd")
    NIET_VAN_TOEPASSING = 9, _("9 – niet van toepassing")


def normaliseer_code(code: str) -> str:
    return (code or "").strip().lower().replace(" ", "")


def code_fouten(*, categorie: str, code: str, kwalificatie: int | None) -> list[str]:
    """Dutch messages for an ICF code and qualifier that do not fit the category (empty when fine)."""
    code = normaliseer_code(code)
    fouten: list[str] = []
    if kwalificatie is not None and kwalificatie not in Kwalificatie.values:
        fouten.append("Kies een kwalificatie van 0 tot en met 4, 8 of 9.")
    if not code:
        if kwalificatie is not None:
            fouten.append("Een kwalificatie hoort bij een ICF-code; vul ook de code in.")
        return fouten
    treffer = _CODE.match(code)
    if treffer is None:
        return [*fouten, "Een ICF-code is een letter (b, s, d of e) met 3 tot 5 cijfers, bijvoorbeeld d850 of e310."]
    letter, cijfers = treffer.groups()
    if int(cijfers[0]) not in HOOFDSTUKKEN[letter]:
        laatste = HOOFDSTUKKEN[letter][-1]
        fouten.append(f"Hoofdstuk {letter}{cijfers[0]} bestaat niet in de ICF; {letter}-codes lopen van "
                      f"{letter}1 tot en met {letter}{laatste}.")
    groep = GROEP_VAN.get(categorie)
    if groep is not None:
        toegestaan = CODE_LETTERS[groep]
        if not toegestaan:
            fouten.append(f"{IcfGroep(groep).label} hebben in de ICF geen code; laat het codeveld leeg.")
        elif letter not in toegestaan:
            letters = " of ".join(f"{t}-code" for t in toegestaan)
            fouten.append(f"Bij {IcfGroep(groep).label.lower()} hoort een {letters}, niet een {letter}-code.")
    return fouten


def icf_notatie(*, code: str, kwalificatie: int | None, werking: str) -> str:
    """'d850.2'; for an external factor a facilitator is written with '+' ('e310+2'), a barrier with '.'."""
    code = normaliseer_code(code)
    if not code or kwalificatie is None:
        return code
    scheiding = "+" if code.startswith("e") and werking == Werking.BEVORDEREND else "."
    return f"{code}{scheiding}{kwalificatie}"


# --------------------------------------------------------------------------------------------------
# Werkplek and the facts of eligibility (Beeldvorming)


class Contractvorm(models.TextChoices):
    ONBEPAALDE_TIJD = "onbepaalde_tijd", _("Onbepaalde tijd")
    BEPAALDE_TIJD = "bepaalde_tijd", _("Bepaalde tijd")


class Doelgroepregister(models.TextChoices):
    INGESCHREVEN = "ingeschreven", _("Ingeschreven")
    AANGEVRAAGD = "aangevraagd", _("Aangevraagd, nog niet ingeschreven")
    NIET_INGESCHREVEN = "niet_ingeschreven", _("Niet ingeschreven")


class DoelgroepregisterGrondslag(models.TextChoices):
    WAJONG = "wajong", _("Wajong")
    WSW = "wsw", _("Wsw (indicatie sociale werkvoorziening)")
    WIW_ID = "wiw_id", _("WIW/ID-baan")
    PARTICIPATIEWET = "participatiewet", _("Participatiewet (Praktijkroute of beoordeling UWV)")


class Sfb(models.TextChoices):
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    NIET_VASTGESTELD = "niet_vastgesteld", _("Niet vastgesteld")
    NIET_BEOORDEELD = "niet_beoordeeld", _("Niet beoordeeld")


# --------------------------------------------------------------------------------------------------
# Oordeelsvorming


class OplossingSoort(models.TextChoices):
    ORGANISATORISCH = "organisatorisch", _("Organisatorisch")
    TECHNISCH = "technisch", _("Technisch")
    BEGELEIDING = "begeleiding", _("Begeleiding")


class OplossingOordeel(models.TextChoices):
    VOLSTAAT = "volstaat", _("Lost de knelpunten op zonder jobcoaching")
    AANVULLEND = "aanvullend", _("Helpt, naast jobcoaching")
    NIET_PASSEND = "niet_passend", _("Niet haalbaar of niet passend")


class JaNee(models.TextChoices):
    JA = "ja", _("Ja")
    NEE = "nee", _("Nee")


# --------------------------------------------------------------------------------------------------
# Besluitvorming: the eight questions (Leidraad, "Vaststellen noodzaak jobcoaching"), verbatim.


@dataclass(frozen=True)
class Vraag:
    nummer: int
    tekst: str
    toelichting: str = ""
    ja_nee: bool = True  # a closed question answered ja/nee; the open ones only with a motivation


VRAGEN: tuple[Vraag, ...] = (
    Vraag(1, "Is er sprake van knelpunten in het functioneren van de werknemer op de werkplek?",
          "a. Wat zijn de kenmerken van de werknemer en zijn omgeving? "
          "b. Welke eisen stellen de functie en de werkomgeving?"),
    Vraag(2, "Hebben deze knelpunten een belemmerende werking op de plaatsing en/of de duurzaamheid van zijn "
             "of haar functioneren?"),
    Vraag(3, "Zo ja, is begeleiding nodig om deze knelpunten op te lossen of zijn andere oplossingen meer "
             "adequaat?"),
    Vraag(4, "Indien begeleiding nodig is, is jobcoaching dan de meest adequate vorm van begeleiding?"),
    Vraag(5, "Wordt voldaan aan de criteria om de jobcoaching te kunnen vergoeden via UWV of gemeente?"),
    Vraag(6, "Welke activiteiten, te verrichten door de jobcoach, zijn nodig om tot oplossing van de "
             "knelpunten te komen?", ja_nee=False),
    Vraag(7, "Welk begeleidingsregime (UWV), of hoeveel uur en hoe lang (gemeente), zal begeleiding door een "
             "jobcoach nodig zijn?", ja_nee=False),
    Vraag(8, "Hoe verhouden andere vormen van ondersteuning zich tot de inzet vanuit de PO?",
          "Het gaat om zowel ondersteuning, integraal in proces van school naar werk, alsook om ondersteuning "
          "in samenhang met andere vormen van begeleiding vanuit andere wetten.", ja_nee=False),
)
VRAAG = {v.nummer: v for v in VRAGEN}
VRAAG_JOBCOACHING_ADEQUAAT = 4
VRAAG_CRITERIA = 5


def antwoord_open(vraag: Vraag, antwoord: str, motivering: str) -> bool:
    """An answer is complete with a motivation and, for a closed question, ja or nee."""
    if not (motivering or "").strip():
        return True
    return vraag.ja_nee and antwoord not in JaNee.values


# --------------------------------------------------------------------------------------------------
# The jobcoach task catalogue (seeds/002, "Wat zijn taken van een jobcoach?")


class Jobcoachtaak(models.TextChoices):
    INVENTARISEREN = "inventariseren", _("Inventariseert de ondersteuningsbehoefte van werkgever en werknemer")
    BEGELEIDINGSPLAN = "begeleidingsplan", _("Stelt met werkgever en werknemer een begeleidings- en ontwikkelplan op")
    INTRODUCTIE = "introductie", _("Introductie op de werkplek: informeert werkgever, collega's en werknemer "
                                   "en managet verwachtingen")
    COACH_DE_COACH = "coach_de_coach", _("Adviseert en draagt kennis over aan de intern werkbegeleider "
                                         "(coach-de-coach)")
    ONDERSTEUNEN_WERKVLOER = "ondersteunen_werkvloer", _("Ondersteunt de werknemer op de werkvloer in afstemming "
                                                         "met de intern werkbegeleider")
    BEMIDDELEN = "bemiddelen", _("Bemiddelt als er echt iets aan de hand is tussen werkgever, leidinggevende, "
                                 "collega's en werknemer")
    VAARDIGHEDEN = "vaardigheden", _("Leert de werknemer (sociale) vaardigheden aan (training on the job)")
    VRAAGBAAK = "vraagbaak", _("Fungeert als vraagbaak voor privévragen van de werknemer")
    THUISSITUATIE = "thuissituatie", _("Houdt de relatie met de thuissituatie van de werknemer in de gaten")
    UITKERING = "uitkering", _("Beantwoordt vragen over de uitkering")
    ONTWIKKELING = "ontwikkeling", _("Focust op de ontwikkeling en scholing van de werknemer")
    SIGNALEREN = "signaleren", _("Signaleert tijdig als de baan niet duurzaam blijkt en zorgt voor de juiste hulp "
                                 "bij nieuwe jobfinding")


_TAKEN = list(Jobcoachtaak)
TAAK_GROEPEN = (
    ("Bij plaatsing, richting werknemer en werkgever", _TAKEN[:6]),
    ("Richting werknemer (training on the job)", _TAKEN[6:]),
)


def taak_keuzes() -> list:
    return [(groep, [(t.value, t.label) for t in taken]) for groep, taken in TAAK_GROEPEN]


def taak_labels(codes) -> list[str]:
    """Labels of stored task codes, in catalogue order; unknown codes are shown as they are."""
    bekend = [str(t.label) for t in Jobcoachtaak if t.value in set(codes)]
    return bekend + [c for c in codes if c not in Jobcoachtaak.values]


# --------------------------------------------------------------------------------------------------
# Outcome


class Afwijzingsgrond(models.TextChoices):
    GEEN_KNELPUNTEN = "geen_knelpunten", _("Er zijn geen knelpunten die begeleiding nodig maken")
    ANDERE_OPLOSSING = "andere_oplossing", _("Een andere oplossing is meer adequaat dan jobcoaching")
    BESCHUT_WERK = "beschut_werk", _("Permanent toezicht is nodig: beschut werk is aangewezen")
    NIET_GESCHIKT = "niet_geschikt", _("Niet voldaan aan de voorwaarden van de verordening")
    ANDERS = "anders", _("Andere grond (zie motivering)")
