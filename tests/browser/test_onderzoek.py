"""A whole onderzoek by the Leidraad through the real pages: the klantmanager fills the three phases (ICF
factors, knelpunten, oplossingen, the eight questions, a SMART goal), is stopped while parts are missing
and led to them, and the arbeidsdeskundige signs off; the besluit holds the figures the page showed."""

import re
from decimal import Decimal

from playwright.sync_api import expect

from beoordeling.models import Besluit, BeoordelingStatus, Wijziging
from tests.browser.onderzoek import (
    MEDISCH,
    beeldvorming_invullen,
    besluitvorming_invullen,
    melding,
    oordeelsvorming_invullen,
    vraag_beantwoorden,
)
from tests.helpers import ingediend

SCREENSHOT = "/tmp/e2e-besluitvorming.png"


def test_volledig_onderzoek_door_alle_fasen_tot_vastgesteld_besluit(e2e_wereld, sessie):
    w = e2e_wereld
    aanvraag = ingediend(w, werknemer_naam="Noor Hendriks")

    km = sessie("km_a")
    km.goto(f"/aanvragen/{aanvraag.pk}/")
    km.get_by_role("button", name="In behandeling nemen").click()
    km.get_by_role("link", name="Naar het onderzoek").click()
    expect(km.get_by_role("heading", level=1)).to_have_text(f"Onderzoek bij aanvraag {aanvraag.nummer}")
    expect(km.locator("[aria-current=step]")).to_have_text("Beeldvorming")
    km.get_by_role("link", name="Verder met de beeldvorming").click()

    # Beeldvorming: leaving it too early lists what is missing, each item a link to where it is filled in.
    km.get_by_label("Kern van de problematiek").fill("Raakt het overzicht kwijt bij drukte.")
    km.get_by_role("button", name="Opslaan en naar volgende fase").click()
    expect(melding(km, re.compile("Opgeslagen, maar nog niet door naar de volgende fase"))).to_be_visible()
    ontbreekt = km.locator("#ontbreekt")
    expect(ontbreekt).to_have_attribute("role", "alert")
    expect(ontbreekt).to_contain_text("ten minste één ICF-factor bij externe factoren")
    ontbreekt.get_by_role("link", name="de taken in de functie").click()
    expect(km).to_have_url(re.compile(r"/beeldvorming/#id_werkplek_taken$"))
    expect(km.get_by_label("Kern van de problematiek")).to_have_value("Raakt het overzicht kwijt bij drukte.")

    beeldvorming_invullen(km)
    km.get_by_role("button", name="Opslaan en naar volgende fase").click()
    expect(melding(km, "Opgeslagen. Het onderzoek is nu in de fase oordeelsvorming.")).to_be_visible()
    expect(km.locator("[aria-current=step]")).to_have_text("Oordeelsvorming")

    # Oordeelsvorming: knelpunten traced to the factors, oplossingen weighed, the verordening's conditions shown.
    expect(km.get_by_role("region", name="Voorwaarden van de verordening")).to_contain_text("Voldoet")
    oordeelsvorming_invullen(km)
    km.get_by_role("button", name="Opslaan en naar volgende fase").click()
    expect(melding(km, "Opgeslagen. Het onderzoek is nu in de fase besluitvorming.")).to_be_visible()

    # Besluitvorming: with question 7 open the besluit cannot go to the arbeidsdeskundige.
    besluitvorming_invullen(km, organisatie=w.jobcoachorganisatie.naam, open_vraag=7)
    km.get_by_role("button", name="Opslaan en ter ondertekening aanbieden").click()
    expect(melding(km, re.compile("Opgeslagen, maar nog niet door"))).to_be_visible()
    link = km.locator("#ontbreekt").get_by_role("link", name=re.compile("het antwoord op vraag 7 van de Leidraad"))
    expect(km.locator("#ontbreekt").get_by_role("link")).to_have_count(1)
    link.click()
    expect(km).to_have_url(re.compile(r"/besluitvorming/#vraag-7$"))
    vraag_beantwoorden(km, 7, "Regime midden van de verordening, afbouwend, evaluatie per half jaar.")
    # The calculation of the verordening: 24 uur × 26 weken × 10% = 62,4 uur, gemiddeld 2,4 uur per week.
    expect(km.locator('[data-veld="uren-per-week"]')).to_contain_text("2,4")
    km.screenshot(path=SCREENSHOT, full_page=True)
    km.get_by_role("button", name="Opslaan en ter ondertekening aanbieden").click()
    expect(melding(km, "Opgeslagen en ter ondertekening aangeboden aan een arbeidsdeskundige.")).to_be_visible()
    expect(km.locator("[aria-current=step]")).to_have_text("Ter ondertekening")

    # The arbeidsdeskundige sees the whole onderzoek on one page, medical details included, and signs off.
    ad = sessie("ad_a")
    ad.get_by_role("link", name=aanvraag.nummer).click()
    for kop in ("Beeldvorming", "Oordeelsvorming", "Besluitvorming"):
        expect(ad.get_by_role("heading", name=kop, level=2)).to_be_visible()
    expect(ad.get_by_role("region", name="Beeldvorming").get_by_text(MEDISCH[-1])).to_be_visible()
    expect(ad.get_by_role("region", name="Besluitvorming").get_by_text("Onderbouwing bij vraag 8.")).to_be_visible()
    getoond = {veld: ad.locator(f'[data-veld="{veld}"]').inner_text()
               for veld in ("uren-per-week", "duur", "einddatum", "totaal-uren")}
    ad.get_by_role("button", name="Besluit vaststellen").click()
    expect(melding(ad, "Het besluit is vastgesteld.")).to_be_visible()
    expect(ad.locator(".status")).to_have_text("Besloten")

    besluit = Besluit.objects.get()
    assert besluit.beoordeling.status == BeoordelingStatus.VASTGESTELD
    assert (besluit.voorbereid_door, besluit.vastgesteld_door) == (w.km_a, w.ad_a)
    assert getoond["uren-per-week"].startswith("2,4") and besluit.uren_per_week == Decimal("2.4")
    assert getoond["duur"] == f"{besluit.duur_maanden} maanden" == "24 maanden"
    assert getoond["totaal-uren"] == besluit.berekening["totaal_uren"].replace(".", ",") + " uur"
    assert besluit.verordening.gemeente == w.gemeente_a and besluit.berekening["engine_versie"] == 1
    assert besluit.teksten["doelen"][0]["doel"] == "Werkt de bestellingen zelfstandig in de vaste volgorde af."
    assert Wijziging.objects.filter(beoordeling=besluit.beoordeling, door=w.km_a).count() > 30

    # The werkgever follows the case but never sees the onderzoek's medical details.
    wg = sessie("wg_a")
    wg.goto(f"/aanvragen/{aanvraag.pk}/")
    expect(wg.locator(".status")).to_have_text("Besloten")
    expect(wg.get_by_text(MEDISCH[-1])).to_have_count(0)
    assert wg.goto(f"/onderzoek/{besluit.beoordeling_id}/").status == 403
