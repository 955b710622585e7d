"""Driving the onderzoek pages as a klantmanager does: the three phases of the Leidraad, through the UI.

Shared by test_onderzoek.py and test_end_to_end.py. Rows are added the htmx way ("Nog een … toevoegen"
appends an empty row without saving); the first row of each list is the page's own empty row.
"""

import re

from playwright.sync_api import Page, expect

FACTOREN = [
    # (onderdeel, werking, bron, code, kwalificatie, tekst)
    ("Werk: arbeidsinhoud", "Belemmerend", "Functie- en taakomschrijving", "e590", "2 – matig probleem (25–49%)",
     "Orders wisselen per dag, met veel kleine stappen."),
    ("Psychologische factoren", "Bevorderend", "Gesprek met de werknemer", "", "—",
     "Gemotiveerd en wil zelfstandig werken."),
    ("Activiteiten (wat kan de werknemer wel en niet)", "Belemmerend", "Observatie op de werkplek", "d230",
     "3 – ernstig probleem (50–95%)", "Kan de vaste werkvolgorde niet zelfstandig aanhouden."),
    ("Participatie (knelpunten in werk en werkomgeving)", "Belemmerend", "Gesprek met de werkgever", "d845",
     "2 – matig probleem (25–49%)", "Dreigt de baan te verliezen door fouten bij drukte."),
]
MEDISCH = ("Ziekte/aandoening", "Belemmerend", "Medisch advies (bedrijfs- of verzekeringsarts)", "", "—",
           "Autismespectrumstoornis volgens de bedrijfsarts.")


def melding(page: Page, tekst):
    return page.locator(".jcl-messages").get_by_text(tekst)


def rij_toevoegen(page: Page, label: str, aantal_nieuw: int):
    """Click "Nog een … toevoegen" and wait for the appended empty row."""
    page.get_by_role("button", name=f"Nog een {label} toevoegen").click()
    rijen = page.get_by_role("group", name=re.compile(f"^Nieuwe? {label}$"))
    expect(rijen).to_have_count(aantal_nieuw + 1)
    return rijen.last


def factor_invullen(rij, onderdeel, werking, bron, code, kwalificatie, tekst):
    rij.get_by_label("Onderdeel van het ICF-schema").select_option(label=onderdeel)
    rij.get_by_label(werking, exact=True).check()
    rij.get_by_label("Bron").select_option(label=bron)
    rij.get_by_label("ICF-code").fill(code)
    rij.get_by_label("Kwalificatie").select_option(label=kwalificatie)
    rij.get_by_label("Omschrijving").fill(tekst)


def beeldvorming_invullen(km: Page, *, medisch: bool = True) -> None:
    """Fill the beeldvorming page completely (not yet saved)."""
    km.get_by_label("Kern van de problematiek").fill(
        "Leert de werkvolgorde niet zelfstandig aan en raakt bij drukte het overzicht kwijt.")
    km.get_by_label("Taken in de functie").fill("Deeg afwegen, bakplaten vullen, bestellingen inpakken.")
    km.get_by_label("Contracturen per week").fill("24")
    km.get_by_role("group", name="Contract").get_by_label("Onbepaalde tijd", exact=True).check()
    km.get_by_role("group", name="Is er een intern werkbegeleider?").get_by_label("Nee", exact=True).check()
    km.get_by_role("group", name="Doelgroepregister").get_by_label("Ingeschreven", exact=True).check()
    km.get_by_label("Grondslag van de inschrijving").select_option(label="Participatiewet (Praktijkroute of beoordeling UWV)")
    km.get_by_label("Doelgroepregister geraadpleegd op").fill("2026-01-15")
    factoren = FACTOREN + ([MEDISCH] if medisch else [])
    rij = km.get_by_role("group", name="Nieuwe ICF-factor").last
    for nummer, factor in enumerate(factoren):
        if nummer:
            rij = rij_toevoegen(km, "ICF-factor", nummer)
        factor_invullen(rij, *factor)


def oordeelsvorming_invullen(km: Page) -> None:
    knelpunt = km.get_by_role("group", name="Nieuw knelpunt").last
    knelpunt.get_by_label("Knelpunt", exact=True).fill("Raakt bij drukte het overzicht kwijt en slaat stappen over.")
    knelpunt.get_by_label("Raakt de plaatsing").check()
    knelpunt.get_by_label("Raakt de duurzaamheid").check()
    for tekst in ("Orders wisselen per dag", "Kan de vaste werkvolgorde niet", "Dreigt de baan te verliezen"):
        knelpunt.get_by_label(re.compile(tekst)).check()
    oplossingen = [
        ("Organisatorisch", "Vaste werkvolgorde en vaste orderblokken.", "Helpt, naast jobcoaching"),
        ("Technisch", "Taakkaart met pictogrammen.", "Helpt, naast jobcoaching"),
        ("Begeleiding", "Jobcoaching op de werkvloer en coach-de-coach.", "Lost de knelpunten op zonder jobcoaching"),
    ]
    rij = km.get_by_role("group", name="Nieuwe oplossingsmogelijkheid").last
    for nummer, (soort, omschrijving, afweging) in enumerate(oplossingen):
        if nummer:
            rij = rij_toevoegen(km, "oplossingsmogelijkheid", nummer)
        rij.get_by_label("Soort oplossing").select_option(label=soort)
        rij.get_by_label("Oplossing", exact=True).fill(omschrijving)
        rij.get_by_label("Afweging").select_option(label=afweging)
    km.get_by_role("group", name="Is jobcoaching de meest adequate oplossing?").get_by_label("Ja", exact=True).check()
    km.get_by_label("Motivering", exact=True).fill("Alleen training op de werkvloer lost het overzichtsverlies op.")
    km.get_by_label("Werkplekaanpassing").fill("Een taakkaart helpt, maar volstaat niet alleen.")
    km.get_by_label("Intern werkbegeleider", exact=True).fill("Er is geen intern werkbegeleider met tijd om te begeleiden.")
    km.get_by_label("Beschut werk").fill("Niet aangewezen: permanent toezicht is niet nodig.")


def vraag_beantwoorden(km: Page, nummer: int, tekst: str) -> None:
    vraag = km.get_by_role("group", name=re.compile(rf"^Vraag {nummer}\. "))
    if nummer <= 5:
        vraag.get_by_label("Ja", exact=True).check()
    vraag.get_by_role("textbox").fill(tekst)


def besluitvorming_invullen(km: Page, *, organisatie: str, open_vraag: int | None = None) -> None:
    for nummer in range(1, 9):
        if nummer != open_vraag:
            vraag_beantwoorden(km, nummer, f"Onderbouwing bij vraag {nummer}.")
    doel = km.get_by_role("group", name="Nieuw coachingsdoel").last
    doel.get_by_label("Doel", exact=True).fill("Werkt de bestellingen zelfstandig in de vaste volgorde af.")
    doel.get_by_label("Meetbaar resultaat").fill("Vier weken achter elkaar geen leverfouten.")
    doel.get_by_label("Bereikt binnen (maanden)").fill("6")
    doel.get_by_label(re.compile("Raakt bij drukte het overzicht kwijt")).check()
    doel.get_by_label(re.compile("^Stelt met werkgever en werknemer")).check()
    doel.get_by_label(re.compile(r"^Leert de werknemer \(sociale\) vaardigheden")).check()
    km.get_by_role("group", name="Voorgestelde uitkomst").get_by_label("Toekenning", exact=True).check()
    km.get_by_label("Motivering van het besluit").fill(
        "Zonder begeleiding op de werkvloer kan de werknemer de taken niet uitvoeren (artikel 10 Participatiewet).")
    km.get_by_role("combobox", name=re.compile(r"^Jobcoachorganisatie")).select_option(label=organisatie)
