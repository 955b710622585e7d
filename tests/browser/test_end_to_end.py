"""End to end through the real pages, as the people who use them would (DESIGN item 7).

Werkgever applies → klantmanager takes the case and does the onderzoek → arbeidsdeskundige sends the
besluit back once and then signs it → werkgever downloads the beschikking. Celery runs eagerly here
(tests/conftest.py), so the beschikking exists as soon as the besluit is signed.
"""

import datetime
import io
import re
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from aanvragen.models import Aanvraag, AanvraagStatus
from beoordeling.models import Beoordeling, BeoordelingStatus, Besluit, Document
from tests.factories import UserFactory

WERKNEMER = "Sanne de Vries"
GELDIG_BSN = "111222333"
ONGELDIG_BSN = "123456789"  # nine digits, fails the elfproef
NUMMER = re.compile(r"^0362-\d{4}-\d{5}$")
SCREENSHOT = "/tmp/e2e-onderzoek.png"


# --- helpers ----------------------------------------------------------------------------------


def startdatum_werk() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=14)


def melding(page: Page, tekst: str | re.Pattern):
    """The flash message (success: role=status, error: role=alert) at the top of the page."""
    return page.locator(".jcl-messages").get_by_text(tekst)


def ingediende_aanvraag(wereld) -> Aanvraag:
    """An aanvraag of werkgever_a for Amstelveen, submitted through the real services."""
    from aanvragen.services import aanvraag_concept_opslaan, aanvraag_indienen

    aanvraag = aanvraag_concept_opslaan(
        door=wereld.wg_a,
        gemeente=wereld.gemeente_a,
        gegevens={
            "werknemer_naam": WERKNEMER,
            "werknemer_bsn": GELDIG_BSN,
            "functie": "Medewerker bakkerij",
            "contracturen_per_week": Decimal("24"),
            "startdatum": startdatum_werk(),
            "reden": "Heeft begeleiding nodig bij het leren van de vaste werkvolgorde.",
        },
    )
    return aanvraag_indienen(aanvraag=aanvraag, door=wereld.wg_a)


def besluit_ter_ondertekening(wereld) -> Beoordeling:
    """A case whose besluit (toekenning, 2,5 uur per week, 12 maanden) km_a offered for signing."""
    from aanvragen.services import aanvraag_in_behandeling_nemen
    from beoordeling.services import (
        beoordeling_fase_opslaan,
        beoordeling_ter_ondertekening,
        beoordeling_volgende_fase,
        versie_token,
    )

    km = wereld.km_a
    aanvraag = ingediende_aanvraag(wereld)
    aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=km)
    beoordeling = Beoordeling.objects.get(aanvraag=aanvraag)
    for veld in ("beeldvorming", "oordeelsvorming"):
        beoordeling_fase_opslaan(beoordeling=beoordeling, door=km, gegevens={veld: f"Tekst van de {veld}."},
                                 versie=versie_token(beoordeling))
        beoordeling_volgende_fase(beoordeling=beoordeling, door=km)
    beoordeling_fase_opslaan(
        beoordeling=beoordeling,
        door=km,
        gegevens={
            "besluitvorming": "Jobcoaching is de meest adequate voorziening.",
            "voorstel_uitkomst": "toekenning",
            "voorstel_uren_per_week": Decimal("2.5"),
            "voorstel_duur_maanden": 12,
            "voorstel_jobcoachorganisatie": None,
        },
        versie=versie_token(beoordeling),
    )
    return beoordeling_ter_ondertekening(beoordeling=beoordeling, door=km)


def pdf_tekst(pad) -> str:
    with open(pad, "rb") as bestand:
        reader = PdfReader(io.BytesIO(bestand.read()))
    return " ".join(" ".join(pagina.extract_text() or "" for pagina in reader.pages).split())


# --- the whole route ----------------------------------------------------------------------------


def test_werkgever_vraagt_aan_gemeente_onderzoekt_en_besluit_werkgever_downloadt_beschikking(e2e_wereld, sessie):
    w = e2e_wereld

    # a. The werkgever applies; a wrong BSN is explained beside the field and nothing typed is lost.
    wg = sessie("wg_a")
    expect(wg.get_by_role("heading", name="Mijn aanvragen", level=1)).to_be_visible()
    wg.get_by_role("main").get_by_role("link", name="Nieuwe aanvraag").click()
    expect(wg.get_by_role("heading", name="Aanvraag jobcoaching", level=1)).to_be_visible()

    wg.get_by_label("Woongemeente van de werknemer").select_option(label="Amstelveen")
    wg.get_by_label("Naam werknemer").fill(WERKNEMER)
    wg.get_by_label("BSN werknemer").fill(ONGELDIG_BSN)
    wg.get_by_label("Functie").fill("Medewerker bakkerij")
    wg.get_by_label("Contracturen per week").fill("24")
    wg.get_by_label("Startdatum werk").fill(startdatum_werk().isoformat())
    wg.get_by_label("Waarom is jobcoaching nodig?").fill("Heeft begeleiding nodig bij de vaste werkvolgorde.")
    wg.get_by_role("button", name="Aanvraag indienen").click()

    bsn = wg.get_by_label("BSN werknemer")
    expect(bsn).to_have_attribute("aria-invalid", "true")
    expect(bsn).to_have_accessible_description(re.compile("Dit BSN klopt niet \\(de elfproef faalt\\)"))
    expect(wg.get_by_role("alert")).to_contain_text("BSN werknemer: Dit BSN klopt niet")
    expect(bsn).to_have_value(ONGELDIG_BSN)
    expect(wg.get_by_label("Woongemeente van de werknemer")).to_have_value(str(w.gemeente_a.pk))
    expect(wg.get_by_label("Naam werknemer")).to_have_value(WERKNEMER)
    expect(wg.get_by_label("Functie")).to_have_value("Medewerker bakkerij")
    expect(wg.get_by_label("Contracturen per week")).to_have_value("24")
    expect(wg.get_by_label("Startdatum werk")).to_have_value(startdatum_werk().isoformat())
    expect(wg.get_by_label("Waarom is jobcoaching nodig?")).to_have_value(
        "Heeft begeleiding nodig bij de vaste werkvolgorde."
    )
    assert not Aanvraag.objects.exists()

    bsn.fill(GELDIG_BSN)
    wg.get_by_role("button", name="Aanvraag indienen").click()
    expect(melding(wg, re.compile(r"Uw aanvraag is ingediend onder nummer 0362-\d{4}-\d{5}\."))).to_be_visible()
    aanvraag = Aanvraag.objects.get()
    assert NUMMER.match(aanvraag.nummer), aanvraag.nummer
    expect(wg.get_by_role("heading", level=1)).to_have_text(f"Aanvraag {aanvraag.nummer}")
    expect(wg.locator(".status")).to_have_text("Ingediend")

    # b. The klantmanager finds it in the werklijst, takes it and does the three phases.
    km = sessie("km_a")
    expect(km.get_by_role("heading", name="Werklijst", level=1)).to_be_visible()
    expect(km.get_by_role("link", name=aanvraag.nummer)).to_be_visible()
    km.get_by_label("Status", exact=True).select_option(label="Ingediend")
    km.get_by_role("button", name="Filteren").click()
    expect(km).to_have_url(re.compile(r"status=ingediend"))
    rij = km.get_by_role("row").filter(has=km.get_by_role("link", name=aanvraag.nummer))
    expect(rij).to_contain_text(WERKNEMER)
    expect(rij).to_contain_text("Ingediend")
    rij.get_by_role("link", name=aanvraag.nummer).click()

    km.get_by_role("button", name="In behandeling nemen").click()
    expect(melding(km, "U behandelt deze aanvraag.")).to_be_visible()
    expect(km.locator(".status")).to_have_text("In behandeling")
    km.get_by_role("link", name="Naar het onderzoek").click()
    expect(km.get_by_role("heading", level=1)).to_have_text(f"Onderzoek bij aanvraag {aanvraag.nummer}")

    expect(km.locator("[aria-current=step]")).to_have_text("Beeldvorming")
    km.get_by_label("Beeldvorming").fill("Gesprek met werkgever en werknemer op de werkplek.")
    km.get_by_role("button", name="Opslaan en naar volgende fase").click()
    expect(melding(km, "Het onderzoek is nu in de fase oordeelsvorming.")).to_be_visible()
    expect(km.locator("[aria-current=step]")).to_have_text("Oordeelsvorming")

    km.get_by_label("Oordeelsvorming").fill("Knelpunt: structuur in taken; jobcoaching is adequaat.")
    km.get_by_role("button", name="Opslaan en naar volgende fase").click()
    expect(melding(km, "Het onderzoek is nu in de fase besluitvorming.")).to_be_visible()
    expect(km.locator("[aria-current=step]")).to_have_text("Besluitvorming")

    km.get_by_label("Besluitvorming").fill("Toekenning van jobcoaching voor een jaar, afbouwend.")
    km.get_by_label("Voorgestelde uitkomst").select_option(label="Toekenning")
    km.get_by_label("Uren jobcoaching per week").fill("2,5")
    km.get_by_label("Duur (maanden)").fill("12")
    km.screenshot(path=SCREENSHOT, full_page=True)
    km.get_by_role("button", name="Opslaan en ter ondertekening aanbieden").click()
    expect(melding(km, "Opgeslagen en ter ondertekening aangeboden aan een arbeidsdeskundige.")).to_be_visible()
    expect(km.get_by_text("Dit besluit wacht op ondertekening door een arbeidsdeskundige.")).to_be_visible()

    # c. The arbeidsdeskundige sends it back (a reason is required), the klantmanager offers it again.
    ad = sessie("ad_a")
    expect(ad.get_by_role("heading", name="Besluiten ter ondertekening", level=1)).to_be_visible()
    ad.get_by_role("link", name=aanvraag.nummer).click()
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
    expect(km.get_by_label("Uren jobcoaching per week")).to_have_value("2,5")
    km.get_by_role("button", name="Opslaan en ter ondertekening aanbieden").click()
    expect(melding(km, "Opgeslagen en ter ondertekening aangeboden aan een arbeidsdeskundige.")).to_be_visible()

    ad.reload()
    ad.get_by_role("button", name="Besluit vaststellen").click()
    expect(melding(ad, "Het besluit is vastgesteld.")).to_be_visible()
    expect(ad.locator(".status")).to_have_text("Besloten")

    # d. The werkgever sees the besluit and downloads the beschikking.
    wg.reload()
    expect(wg.locator(".status")).to_have_text("Besloten")
    beschikking = wg.get_by_role("link", name=re.compile(r"^Beschikking \(versie 1, PDF"))
    expect(beschikking).to_be_visible()
    with wg.expect_download() as download_info:
        beschikking.click()
    download = download_info.value
    assert download.suggested_filename == f"beschikking-{aanvraag.nummer}-v1.pdf"
    tekst = pdf_tekst(download.path())
    assert WERKNEMER in tekst
    assert "2,5 uur per week" in tekst
    assert "bezwaar" in tekst

    besluit = Besluit.objects.get()
    assert (besluit.voorbereid_door, besluit.vastgesteld_door) == (w.km_a, w.ad_a)
    assert besluit.uren_per_week == Decimal("2.5") and besluit.duur_maanden == 12
    assert Document.objects.filter(besluit=besluit).count() == 1


# --- four eyes ---------------------------------------------------------------------------------


def test_arbeidsdeskundige_die_het_besluit_voorbereidde_kan_het_niet_vaststellen(e2e_wereld, sessie):
    w = e2e_wereld
    beoordeling = besluit_ter_ondertekening(w)
    # Only data can make an arbeidsdeskundige the preparer (the service lets klantmanagers prepare).
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


# --- two klantmanagers, one case -----------------------------------------------------------------


def test_tweede_klantmanager_op_verouderde_pagina_krijgt_melding_en_behandelaar_blijft_de_eerste(
    e2e_wereld, sessie
):
    w = e2e_wereld
    UserFactory(rol="klantmanager", gemeenten=[w.gemeente_a], username="km_a2", first_name="Piet",
                last_name="Tweede")
    aanvraag = ingediende_aanvraag(w)

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
    expect(tweede.locator(".status")).to_have_text("In behandeling")
    expect(tweede.locator(".gegevens")).to_contain_text(w.km_a.get_full_name())
    expect(tweede.get_by_role("button", name="In behandeling nemen")).to_have_count(0)

    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.IN_BEHANDELING
    assert aanvraag.behandelaar == w.km_a
    assert aanvraag.transities.filter(transitie="in_behandeling_nemen").count() == 1
    assert Beoordeling.objects.filter(aanvraag=aanvraag).count() == 1
