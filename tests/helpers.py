"""Small builders that walk a case through the real services, so tests start from real states."""

import datetime
from decimal import Decimal

from django.utils import timezone

from aanvragen import services as aanvraag_services
from beoordeling import services as beoordeling_services
from beoordeling.models import Uitkomst


def ingediend(wereld, **kwargs):
    aanvraag = wereld.aanvraag(**kwargs)
    return aanvraag_services.aanvraag_indienen(aanvraag=aanvraag, door=aanvraag.aangemaakt_door)


def in_behandeling(wereld, km=None, **kwargs):
    aanvraag = ingediend(wereld, **kwargs)
    aanvraag_services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=km or wereld.km_a)
    return aanvraag.beoordelingen.get()


def vul_fase(beoordeling, door, fase=None, **gegevens):
    """Save part of a phase (by default the current one) the way the phase page does."""
    return beoordeling_services.beoordeling_fase_opslaan(
        beoordeling=beoordeling, door=door, gegevens=gegevens, versie=beoordeling_services.versie_token(beoordeling),
        fase=fase,
    )


def factor(categorie, tekst, *, werking="belemmerend", bron="observatie_werkplek", icf_code="", kwalificatie=None):
    return {"id": None, "categorie": categorie, "werking": werking, "bron": bron, "tekst": tekst,
            "icf_code": icf_code, "kwalificatie": kwalificatie}


MEDISCHE_TEKST = "Autismespectrumstoornis, vastgesteld door de bedrijfsarts"


def beeldvorming_gegevens(**anders) -> dict:
    """A complete beeldvorming: werkplek, facts with dates, and factors in every required part of the schema."""
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    gegevens = {
        "kern_problematiek": "Leert nieuwe taken traag aan en raakt het overzicht kwijt bij drukte.",
        "werkplek_taken": "Orderpicken, inpakken en etiketteren.",
        "werkplek_contracturen": Decimal("24"),
        "contractvorm": "onbepaalde_tijd",
        "intern_werkbegeleider": False,
        "doelgroepregister": "ingeschreven",
        "doelgroepregister_grondslag": "participatiewet",
        "doelgroepregister_gecontroleerd_op": gisteren,
        "factoren": [
            factor("arbeidsinhoud", "Wisselende orders met veel kleine stappen.", icf_code="e590", kwalificatie=2),
            factor("psychologisch", "Gemotiveerd, wil graag zelfstandig werken.", werking="bevorderend",
                   bron="gesprek_werknemer"),
            factor("activiteiten", "Kan een vaste werkvolgorde niet zelfstandig aanhouden.", icf_code="d230",
                   kwalificatie=3),
            factor("participatie", "Dreigt de baan te verliezen door fouten bij drukte.", icf_code="d845",
                   kwalificatie=2, bron="gesprek_werkgever"),
            factor("ziekte", MEDISCHE_TEKST, bron="medisch_advies"),
        ],
    }
    return {**gegevens, **anders}


def beeldvorming_compleet(beoordeling, km, **anders):
    return vul_fase(beoordeling, km, **beeldvorming_gegevens(**anders))


def oordeelsvorming_compleet(beoordeling, km):
    factoren = [f.pk for f in beoordeling.factoren.order_by("id") if f.werking == "belemmerend"]
    return vul_fase(
        beoordeling, km,
        knelpunten=[{"id": None, "omschrijving": "Structuur en tempo: raakt het overzicht kwijt bij drukte.",
                     "plaatsing": True, "duurzaamheid": True, "factoren": factoren}],
        oplossingen=[
            {"id": None, "soort": "organisatorisch", "omschrijving": "Vaste werkvolgorde op een taakkaart.",
             "oordeel": "aanvullend", "toelichting": ""},
            {"id": None, "soort": "technisch", "omschrijving": "Scanner met stap-voor-stap instructie.",
             "oordeel": "niet_passend", "toelichting": "Lost het overzicht bij drukte niet op."},
            {"id": None, "soort": "begeleiding", "omschrijving": "Jobcoaching op de werkvloer.",
             "oordeel": "volstaat", "toelichting": ""},
        ],
        jobcoaching_adequaat="ja",
        adequaat_motivering="Zonder training on the job leert de werknemer de werkvolgorde niet aan.",
        alternatief_werkplekaanpassing="Een taakkaart helpt, maar volstaat niet alleen.",
        alternatief_intern_werkbegeleider="Er is geen intern werkbegeleider met tijd voor dagelijkse begeleiding.",
        alternatief_beschut_werk="Niet aangewezen: permanent toezicht is niet nodig.",
    )


def antwoorden(anders: dict | None = None) -> dict:
    """All eight questions answered (ja, with a motivation), except those given in `anders`."""
    uit = {n: {"antwoord": "ja", "motivering": f"Motivering bij vraag {n}."} for n in range(1, 9)}
    return {**uit, **(anders or {})}


def besluitvorming_compleet(beoordeling, km, *, uitkomst=Uitkomst.TOEKENNING, organisatie=None, **anders):
    gegevens = {"antwoorden": antwoorden(), "voorstel_uitkomst": uitkomst,
                "motivering": "Zonder begeleiding kan de werknemer de taken niet uitvoeren (artikel 10 Participatiewet)."}
    if uitkomst == Uitkomst.AFWIJZING:
        gegevens["afwijzingsgrond"] = "andere_oplossing"
    else:
        gegevens["voorstel_jobcoachorganisatie"] = organisatie
        gegevens["doelen"] = [{
            "id": None, "doel": "Werkt de vaste werkvolgorde zelfstandig af.",
            "resultaat": "Vier weken achter elkaar geen fouten in de orders.", "termijn_maanden": 6,
            "knelpunten": list(beoordeling.knelpunten.values_list("id", flat=True)),
            "taken": ["begeleidingsplan", "vaardigheden", "coach_de_coach"],
        }]
    if uitkomst == Uitkomst.GEDEELTELIJKE_TOEKENNING:
        gegevens["gedeeltelijk_toelichting"] = "Toegekend voor de werkvolgorde, niet voor vervoer."
    return vul_fase(beoordeling, km, **{**gegevens, **anders})


def tot_besluitvorming(wereld, km=None, **kwargs):
    km = km or wereld.km_a
    beoordeling = in_behandeling(wereld, km=km, **kwargs)
    beeldvorming_compleet(beoordeling, km)
    beoordeling_services.beoordeling_volgende_fase(beoordeling=beoordeling, door=km)
    oordeelsvorming_compleet(beoordeling, km)
    beoordeling_services.beoordeling_volgende_fase(beoordeling=beoordeling, door=km)
    return beoordeling


def ter_ondertekening(wereld, uitkomst=Uitkomst.TOEKENNING, **kwargs):
    """A complete onderzoek through all phases, offered for signing by the klantmanager."""
    km = kwargs.pop("km", wereld.km_a)
    besluit = kwargs.pop("besluit", {})
    beoordeling = tot_besluitvorming(wereld, km=km, **kwargs)
    besluitvorming_compleet(beoordeling, km, uitkomst=uitkomst, organisatie=wereld.jobcoachorganisatie, **besluit)
    beoordeling_services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=km)
    return beoordeling
