"""End to end through the real pages, as the people who use them would.

Werkgever applies with the online form → klantmanager takes the case and does the onderzoek (BOB) →
arbeidsdeskundige sends the besluit back once and then signs it → werkgever downloads the beschikking.
Celery runs eagerly here (tests/conftest.py), so letters exist as soon as the request that makes them
has returned.
"""

import datetime
import re
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from aanvragen.models import Aanvraag, AanvraagStatus
from beoordeling.models import Beoordeling, BeoordelingStatus, Besluit, Document
from tests import helpers
from tests.factories import UserFactory

WERKNEMER = "Sanne de Vries"
GELDIG_BSN = "111222333"
ONGELDIG_BSN = "123456789"  # nine digits, fails the elfproef
NUMMER = re.compile(r"^0362-\d{4}-\d{5}$")  # Amstelveen is GM0362
SCREENSHOT = "/tmp/e2e-onderzoek.png"


def iso(dagen: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=dagen)).isoformat()


def melding(page: Page, tekst: str | re.Pattern):
    """The flash message (success: role=status, error: role=alert) at the top of the page."""
    return page.locator(".jcl-messages").get_by_text(tekst)


def kies(scope, groep: str | re.Pattern, optie: str) -> None:
    """Tick radio button `optie` in the fieldset (role group) called `groep`."""
    scope.get_by_role("group", name=groep).get_by_label(optie, exact=True).check()


def pdf_tekst(pad) -> str:
    reader = PdfReader(pad)
    return " ".join(" ".join(pagina.extract_text() or "" for pagina in reader.pages).split())


# --- the parts of the route, one per person -------------------------------------------------------------


def werkgever_vraagt_aan(wg: Page) -> str:
    """The werkgever fills in the seven steps; a wrong BSN is explained beside the field, nothing typed is lost."""
    expect(wg.get_by_role("heading", name="Mijn aanvragen", level=1)).to_be_visible()
    wg.get_by_role("main").get_by_role("link", name="Nieuwe aanvraag").click()
    expect(wg.get_by_role("heading", name="Aanvraag jobcoaching", level=1)).to_be_visible()

    # 1. Werknemer, first with a BSN that fails the elfproef.
    ingevuld = {
        "Naam werknemer": WERKNEMER,
        "Geboortedatum werknemer": "1994-03-08",
        "Straat en huisnummer": "Dorpsstraat 1",
        "Postcode": "1181 AB",
        "Woonplaats": "Amstelveen",
        "Woongemeente van de werknemer": "Amstelveen",
        "E-mailadres werknemer": "sanne@example.nl",
    }
    for label, waarde in ingevuld.items():
        wg.get_by_label(label).fill(waarde)
    bsn = wg.get_by_label("BSN werknemer")
    bsn.fill(ONGELDIG_BSN)
    wg.get_by_role("button", name="Opslaan en volgende stap").click()

    expect(bsn).to_have_attribute("aria-invalid", "true")
    expect(bsn).to_have_accessible_description(re.compile(r"Dit BSN klopt niet \(de elfproef faalt\)"))
    expect(wg.get_by_role("alert")).to_contain_text("BSN werknemer: Dit BSN klopt niet")
    expect(bsn).to_have_value(ONGELDIG_BSN)
    for label, waarde in ingevuld.items():
        expect(wg.get_by_label(label)).to_have_value(waarde)

    bsn.fill(GELDIG_BSN)
    wg.get_by_role("button", name="Opslaan en volgende stap").click()

    # 2. Werkgever: the KvK-nummer comes from the account.
    expect(wg.get_by_role("heading", name="Werkgever", level=2)).to_be_visible()
    wg.get_by_label("Naam werkgever").fill("Bakkerij De Korenschoof")
    wg.get_by_label("Contactpersoon bij de werkgever").fill("Petra Korenschoof")
    wg.get_by_label("Vestigingsadres").fill("Stationsstraat 1, 1181 AB Amstelveen")
    wg.get_by_role("button", name="Opslaan en volgende stap").click()

    # 3. Het werk.
    expect(wg.get_by_role("heading", name="Het werk", level=2)).to_be_visible()
    wg.get_by_label("Functie", exact=True).fill("Medewerker bakkerij")
    wg.get_by_label("Taken", exact=True).fill("Brood inpakken en de winkel aanvullen.")
    wg.get_by_label("Contracturen per week").fill("24")
    kies(wg, "Soort contract", "Onbepaalde tijd")
    wg.get_by_label("Startdatum werk").fill(iso(14))
    kies(wg, "Krijgt de werkgever loonkostensubsidie", "Nee")
    kies(wg, "Staat de werknemer in het Doelgroepregister?", "Nee")
    wg.get_by_role("button", name="Opslaan en volgende stap").click()

    # 4. Ondersteuning: what goes wrong at work.
    expect(wg.get_by_role("heading", name="Ondersteuning", level=2)).to_be_visible()
    wg.get_by_label("Een vaste dagindeling of werkvolgorde aanhouden").check()
    wg.get_by_label("Het werk behouden (het dreigt mis te gaan)").check()
    wg.get_by_label("Waarom is jobcoaching nodig?").fill("Raakt het overzicht kwijt als het druk wordt.")
    wg.get_by_role("button", name="Opslaan en volgende stap").click()

    # 5. De werkplek.
    expect(wg.get_by_role("heading", name="De werkplek", level=2)).to_be_visible()
    wg.get_by_label("Arbeidsinhoud: wat maakt het moeilijk?").fill("Wisselende orders met veel kleine stappen.")
    wg.get_by_label("Wat doet de werkgever al om de werknemer te helpen?").fill("Een vaste collega is aanspreekpunt.")
    kies(wg, "Is er een interne werkbegeleider?", "Nee")
    wg.get_by_role("button", name="Opslaan en volgende stap").click()

    # 6. Bijlagen (none), 7. controleren en indienen.
    expect(wg.get_by_role("heading", name="Bijlagen", level=2)).to_be_visible()
    wg.get_by_role("button", name="Opslaan en naar controleren").click()
    expect(wg.get_by_role("heading", name="Controleren en indienen", level=2)).to_be_visible()
    expect(wg.get_by_text("Nog niet compleet")).to_have_count(0)
    wg.get_by_role("button", name="Aanvraag indienen").click()

    expect(melding(wg, re.compile(r"Uw aanvraag is ingediend onder nummer 0362-\d{4}-\d{5}\."))).to_be_visible()
    nummer = Aanvraag.objects.get().nummer
    assert NUMMER.match(nummer), nummer
    expect(wg.get_by_role("heading", level=1)).to_have_text(f"Aanvraag {nummer}")
    expect(wg.locator(".status")).to_have_text("Ingediend")
    return nummer


def klantmanager_neemt_in_behandeling(km: Page, nummer: str) -> None:
    expect(km.get_by_role("heading", name="Werklijst", level=1)).to_be_visible()
    km.get_by_label("Status", exact=True).select_option(label="Ingediend")
    km.get_by_role("button", name="Filteren").click()
    expect(km).to_have_url(re.compile(r"status=ingediend"))
    rij = km.get_by_role("row").filter(has=km.get_by_role("link", name=nummer))
    expect(rij).to_contain_text(WERKNEMER)
    expect(rij).to_contain_text("Ingediend")
    rij.get_by_role("link", name=nummer).click()

    km.get_by_role("button", name="In behandeling nemen").click()
    expect(melding(km, "U behandelt deze aanvraag.")).to_be_visible()
    expect(km.locator(".status")).to_have_text("In behandeling")


def klantmanager_onderzoekt(km: Page, *, organisatie: str) -> None:
    """Beeldvorming, oordeelsvorming and besluitvorming on the phase pages, then ter ondertekening."""
    km.get_by_role("link", name="Naar het onderzoek").click()
    km.get_by_role("link", name="Verder met de beeldvorming").click()
    expect(km.get_by_role("heading", name="Beeldvorming", level=2)).to_be_visible()

    # Beeldvorming: start from the applicant's answers, then complete the ICF schema.
    km.get_by_role("button", name="Antwoorden uit de aanvraag overnemen").click()
    expect(melding(km, "De antwoorden uit de aanvraag staan nu in de beeldvorming.")).to_be_visible()
    km.get_by_role("textbox", name="Kern van de problematiek").fill("Leert nieuwe taken traag aan en raakt het overzicht kwijt.")
    km.get_by_label("Doelgroepregister geraadpleegd op").fill(iso(0))
    factor = km.get_by_role("group", name="Nieuwe ICF-factor", exact=True)
    factor.get_by_label("Onderdeel van het ICF-schema").select_option(label="Psychologische factoren")
    kies(factor, "Werking", "Bevorderend")
    factor.get_by_label("Bron").select_option(label="Gesprek met de werknemer")
    factor.get_by_label("Omschrijving").fill("Gemotiveerd, wil graag zelfstandig werken.")
    km.get_by_role("button", name="Opslaan en naar volgende fase").click()
    expect(melding(km, "Het onderzoek is nu in de fase oordeelsvorming.")).to_be_visible()

    # Oordeelsvorming: one knelpunt, the three kinds of solutions, and the answer on jobcoaching.
    knelpunt = km.get_by_role("group", name="Nieuw knelpunt", exact=True)
    knelpunt.get_by_label("Knelpunt", exact=True).fill("Structuur: raakt het overzicht kwijt bij drukte.")
    knelpunt.get_by_label("Raakt de plaatsing").check()
    knelpunt.get_by_label("Raakt de duurzaamheid").check()
    knelpunt.get_by_role("checkbox", name=re.compile("werkvolgorde aanhouden")).check()
    toevoegen = km.get_by_role("button", name="Nog een oplossingsmogelijkheid toevoegen")
    oplossingen = km.get_by_role("group", name="Nieuwe oplossingsmogelijkheid", exact=True)
    for aantal in (2, 3):  # htmx appends an empty row without saving
        toevoegen.click()
        expect(oplossingen).to_have_count(aantal)
    for rij, (soort, tekst, afweging) in zip(
        (oplossingen.nth(i) for i in range(3)),
        [("Organisatorisch", "Vaste werkvolgorde op een taakkaart.", "Helpt, naast jobcoaching"),
         ("Technisch", "Scanner met stap-voor-stap instructie.", "Niet haalbaar of niet passend"),
         ("Begeleiding", "Jobcoaching op de werkvloer.", "Helpt, naast jobcoaching")],
    ):
        rij.get_by_label("Soort oplossing").select_option(label=soort)
        rij.get_by_label("Oplossing", exact=True).fill(tekst)
        rij.get_by_label("Afweging").select_option(label=afweging)
    kies(km, "Is jobcoaching de meest adequate oplossing?", "Ja")
    km.get_by_label("Motivering", exact=True).fill("Zonder training on the job leert zij de werkvolgorde niet aan.")
    km.get_by_label("Werkplekaanpassing").fill("Een taakkaart helpt, maar volstaat niet alleen.")
    km.get_by_label("Intern werkbegeleider", exact=True).fill("Geen collega met tijd voor dagelijkse begeleiding.")
    km.get_by_label("Beschut werk").fill("Niet aangewezen: permanent toezicht is niet nodig.")
    km.get_by_role("button", name="Opslaan en naar volgende fase").click()
    expect(melding(km, "Het onderzoek is nu in de fase besluitvorming.")).to_be_visible()

    # Besluitvorming: the eight questions, a SMART goal, the proposal with 2,5 hours a week for 12 months.
    for nummer in range(1, 9):
        vraag = km.get_by_role("group", name=re.compile(rf"^Vraag {nummer}\."))
        if nummer <= 5:
            vraag.get_by_label("Ja", exact=True).check()
            vraag.get_by_label("Motivering", exact=True).fill(f"Motivering bij vraag {nummer}.")
        else:
            vraag.get_by_label("Antwoord", exact=True).fill(f"Antwoord op vraag {nummer}.")
    doel = km.get_by_role("group", name="Nieuw coachingsdoel", exact=True)
    doel.get_by_label("Doel", exact=True).fill("Werkt de vaste werkvolgorde zelfstandig af.")
    doel.get_by_label("Meetbaar resultaat").fill("Vier weken achter elkaar geen fouten in de orders.")
    doel.get_by_label("Bereikt binnen (maanden)").fill("6")
    doel.get_by_role("checkbox", name=re.compile("^Structuur: raakt het overzicht kwijt")).check()
    doel.get_by_role("checkbox", name=re.compile(r"^Leert de werknemer \(sociale\) vaardigheden aan")).check()
    kies(km, "Voorgestelde uitkomst", "Toekenning")
    km.get_by_label("Motivering van het besluit").fill("Zonder begeleiding kan de werknemer haar taken niet "
                                                       "zelfstandig uitvoeren (artikel 10 Participatiewet).")
    km.get_by_role("combobox", name=re.compile(r"^Jobcoachorganisatie")).select_option(label=organisatie)
    km.get_by_label("Afwijkend aantal uren per week").fill("2,5")
    km.get_by_label("Afwijkende duur (maanden)").fill("12")
    km.get_by_label("Motivering van het maatwerk").fill("Een korter, intensiever traject past bij de werkvolgorde.")
    km.screenshot(path=SCREENSHOT, full_page=True)
    km.get_by_role("button", name="Opslaan en ter ondertekening aanbieden").click()
    expect(melding(km, "Opgeslagen en ter ondertekening aangeboden aan een arbeidsdeskundige.")).to_be_visible()
    expect(km.locator("[aria-current=step]")).to_have_text("Ter ondertekening")


# --- the whole route ----------------------------------------------------------------------------------


def test_werkgever_vraagt_aan_gemeente_onderzoekt_en_besluit_werkgever_downloadt_beschikking(e2e_wereld, sessie):
    w = e2e_wereld

    wg = sessie("wg_a")
    nummer = werkgever_vraagt_aan(wg)

    km = sessie("km_a")
    klantmanager_neemt_in_behandeling(km, nummer)
    klantmanager_onderzoekt(km, organisatie=w.jobcoachorganisatie.naam)

    # The arbeidsdeskundige sends it back (a reason is required), the klantmanager offers it again.
    ad = sessie("ad_a")
    expect(ad.get_by_role("heading", name="Besluiten ter ondertekening", level=1)).to_be_visible()
    ad.get_by_role("link", name=nummer).click()
    expect(ad.get_by_role("button", name="Besluit vaststellen")).to_be_visible()

    ad.get_by_role("button", name="Terugsturen naar klantmanager").click()
    reden = ad.get_by_label("Reden van terugsturen")
    expect(reden).to_have_attribute("aria-invalid", "true")
    expect(reden).to_have_accessible_description(re.compile("Geef aan waarom u het besluit terugstuurt."))
    assert Beoordeling.objects.get().status == BeoordelingStatus.TER_ONDERTEKENING

    terug_reden = "Onderbouw de 2,5 uur per week met de knelpunten uit de oordeelsvorming."
    reden.fill(terug_reden)
    ad.get_by_role("button", name="Terugsturen naar klantmanager").click()
    expect(melding(ad, "Het besluit is teruggestuurd naar de klantmanager.")).to_be_visible()
    expect(ad.get_by_role("button", name="Besluit vaststellen")).to_have_count(0)

    km.reload()
    expect(km.get_by_text(f"Teruggestuurd door de arbeidsdeskundige: {terug_reden}")).to_be_visible()
    km.get_by_role("link", name="Verder met de besluitvorming").click()
    expect(km.get_by_label("Afwijkend aantal uren per week")).to_have_value("2,5")
    km.get_by_role("button", name="Opslaan en ter ondertekening aanbieden").click()
    expect(melding(km, "Opgeslagen en ter ondertekening aangeboden aan een arbeidsdeskundige.")).to_be_visible()

    ad.reload()
    ad.get_by_role("button", name="Besluit vaststellen").click()
    expect(melding(ad, "Het besluit is vastgesteld.")).to_be_visible()
    expect(ad.locator(".status")).to_have_text("Besloten")

    # The werkgever sees the besluit and downloads the beschikking.
    wg.reload()
    expect(wg.locator(".status")).to_have_text("Besloten")
    beschikking = wg.get_by_role("link", name=re.compile(r"^Beschikking \(versie 1, PDF"))
    expect(beschikking).to_be_visible()
    with wg.expect_download() as download_info:
        beschikking.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    tekst = pdf_tekst(download.path())
    assert WERKNEMER in tekst
    assert "2,5 uur per week" in tekst
    assert "bezwaar" in tekst

    besluit = Besluit.objects.get()
    assert (besluit.voorbereid_door, besluit.vastgesteld_door) == (w.km_a, w.ad_a)
    assert besluit.uren_per_week == Decimal("2.5") and besluit.duur_maanden == 12
    assert Document.objects.filter(besluit=besluit, soort="beschikking").count() == 1


# --- four eyes ------------------------------------------------------------------------------------------


def test_arbeidsdeskundige_die_het_besluit_voorbereidde_kan_het_niet_vaststellen(e2e_wereld, sessie):
    w = e2e_wereld
    beoordeling = helpers.ter_ondertekening(w)
    # Only data can make an arbeidsdeskundige the preparer (the services let klantmanagers prepare).
    Beoordeling.objects.filter(pk=beoordeling.pk).update(voorbereid_door=w.ad_a)
    nummer = beoordeling.aanvraag.nummer

    ad = sessie("ad_a")
    rij = ad.get_by_role("row").filter(has=ad.get_by_role("link", name=nummer))
    expect(rij).to_contain_text("(u zelf)")
    rij.get_by_role("link", name=nummer).click()

    expect(ad.get_by_text("U heeft dit besluit voorbereid; een andere arbeidsdeskundige moet het ondertekenen "
                          "(vier-ogenprincipe).")).to_be_visible()
    expect(ad.get_by_role("button", name="Besluit vaststellen")).to_have_count(0)
    expect(ad.get_by_role("button", name="Terugsturen naar klantmanager")).to_have_count(0)

    # Posting the form anyway (an old tab, a crafted request) is refused by the server as well.
    csrf = next(c["value"] for c in ad.context.cookies() if c["name"] == "csrftoken")
    antwoord = ad.request.post(f"/onderzoek/{beoordeling.pk}/vaststellen/", form={"csrfmiddlewaretoken": csrf})
    assert antwoord.ok
    beoordeling.refresh_from_db()
    assert beoordeling.status == BeoordelingStatus.TER_ONDERTEKENING
    assert not Besluit.objects.exists()


# --- two klantmanagers, one case -------------------------------------------------------------------------


def test_tweede_klantmanager_op_verouderde_pagina_leest_dat_de_aanvraag_al_in_behandeling_is(e2e_wereld, sessie):
    w = e2e_wereld
    UserFactory(rol="klantmanager", gemeenten=[w.gemeente_a], username="km_a2")
    aanvraag = helpers.ingediend(w)

    eerste = sessie("km_a")
    tweede = sessie("km_a2")
    for page in (eerste, tweede):
        page.get_by_role("link", name=aanvraag.nummer).click()
        expect(page.get_by_role("button", name="In behandeling nemen")).to_be_visible()

    eerste.get_by_role("button", name="In behandeling nemen").click()
    expect(melding(eerste, "U behandelt deze aanvraag.")).to_be_visible()

    tweede.get_by_role("button", name="In behandeling nemen").click()
    fout = tweede.get_by_role("alert")
    expect(fout).to_contain_text("Fout:")
    expect(fout).to_contain_text("in behandeling")
    expect(fout).not_to_contain_text("U mag")  # he may; someone was just quicker
    expect(tweede.locator(".status")).to_have_text("In behandeling")
    expect(tweede.locator(".gegevens")).to_contain_text(f"Klantmanager{w.km_a.get_full_name()}")
    expect(tweede.get_by_role("button", name="In behandeling nemen")).to_have_count(0)

    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.IN_BEHANDELING
    assert aanvraag.behandelaar == w.km_a
    assert aanvraag.transities.filter(transitie="in_behandeling_nemen").count() == 1
    assert Beoordeling.objects.filter(aanvraag=aanvraag).count() == 1
