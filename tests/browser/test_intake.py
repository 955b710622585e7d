"""The intake in a real browser: a werkgever completes the online aanvraag with a bijlage and gets the
ontvangstbevestiging; the werknemer follows the status while the gemeente asks for an aanvulling and the
werkgever supplies it through the portal. Fixtures (e2e_wereld, sessie) come from tests/browser/conftest.py;
Celery runs eagerly, so letters exist as soon as the request that makes them has returned."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from aanvragen import services
from aanvragen.models import Aanvraag, AanvraagStatus
from accounts.models import Rol
from tests.factories import UserFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00" + b"\x00" * 200


def iso(dagen: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=dagen)).isoformat()


def volgende(page: Page) -> None:
    page.get_by_role("button", name="Opslaan en volgende stap").click()


def kies(page: Page, groep: str, optie: str) -> None:
    page.get_by_role("group", name=groep).get_by_label(optie, exact=True).check()


def werkgever_vult_het_formulier_in(wg: Page, tmp_path) -> None:
    wg.get_by_role("main").get_by_role("link", name="Nieuwe aanvraag").click()
    expect(wg.locator("[aria-current=step]")).to_have_text("1 Werknemer")

    # 1. Werknemer; the woongemeente is typed in a field with the served gemeenten as suggestions.
    wg.get_by_label("Naam werknemer").fill("Jan de Vries")
    wg.get_by_label("BSN werknemer").fill("111222333")
    wg.get_by_label("Geboortedatum werknemer").fill("1990-05-17")
    wg.get_by_label("Straat en huisnummer").fill("Dorpsstraat 1")
    wg.get_by_label("Postcode").fill("1181ab")
    wg.get_by_label("Woonplaats").fill("Amstelveen")
    gemeente = wg.get_by_label("Woongemeente van de werknemer")
    expect(gemeente).to_have_attribute("list", "bediende-gemeenten")
    expect(wg.locator("#bediende-gemeenten option")).to_have_count(2)
    gemeente.fill("Haarlem")
    wg.get_by_label("E-mailadres werknemer").fill("jan@example.nl")
    volgende(wg)
    expect(gemeente).to_have_accessible_description(re.compile("De gemeente ‘Haarlem’ werkt niet met Jobcoachloket"))
    expect(wg.get_by_label("Naam werknemer")).to_have_value("Jan de Vries")  # nothing typed is lost
    gemeente.fill("Amstelveen")
    volgende(wg)

    # 2. Werkgever: filled from the account.
    expect(wg.locator("[aria-current=step]")).to_have_text("2 Werkgever")
    expect(wg.get_by_label("KvK-nummer")).to_be_disabled()
    volgende(wg)

    # 3. Het werk.
    wg.get_by_label("Functie", exact=True).fill("Medewerker bakkerij")
    wg.get_by_label("Taken", exact=True).fill("Brood inpakken.")
    wg.get_by_label("Contracturen per week").fill("24,5")
    kies(wg, "Soort contract", "Bepaalde tijd")
    wg.get_by_label("Einddatum contract").fill(iso(365))
    wg.get_by_label("Startdatum werk").fill(iso(7))
    kies(wg, "Krijgt de werkgever loonkostensubsidie voor deze werknemer?", "Ja")
    kies(wg, "Staat de werknemer in het Doelgroepregister?", "Aangevraagd, de uitslag is er nog niet")
    volgende(wg)

    # 4. Ondersteuning and 5. de werkplek.
    wg.get_by_label("Nieuwe taken of vaardigheden aanleren").check()
    wg.get_by_label("In uw eigen woorden: communicatie").fill("Durft niet te vragen als iets onduidelijk is.")
    wg.get_by_label("Waarom is jobcoaching nodig?").fill("Leert de vaste werkvolgorde niet zonder begeleiding.")
    volgende(wg)
    wg.get_by_label("Arbeidsverhoudingen: wat helpt?").fill("Een vaste collega als maatje.")
    wg.get_by_label("Wat doet de werkgever al om de werknemer te helpen?").fill("Aangepaste werktijden.")
    kies(wg, "Is er een interne werkbegeleider?", "Nee")
    volgende(wg)

    # 6. Bijlagen: a disguised program is refused with the reason, the real PDF is added.
    nep = tmp_path / "loonstrook.pdf"
    nep.write_bytes(EXE)
    echt = tmp_path / "arbeidsovereenkomst.pdf"
    echt.write_bytes(PDF)
    wg.get_by_label("Bijlagen toevoegen").set_input_files([str(nep), str(echt)])
    wg.get_by_role("button", name="Opslaan en naar controleren").click()
    expect(wg.get_by_role("alert")).to_contain_text("‘loonstrook.pdf’ is geen echt PDF-bestand")
    expect(wg.get_by_role("link", name="arbeidsovereenkomst.pdf")).to_be_visible()
    wg.get_by_role("button", name="Opslaan en naar controleren").click()

    # 7. Controleren en indienen.
    expect(wg.locator("[aria-current=step]")).to_have_text("7 Controleren")
    expect(wg.get_by_text("Nog niet compleet")).to_have_count(0)
    expect(wg.get_by_text("Nieuwe taken of vaardigheden aanleren (ICF d155)")).to_be_visible()
    wg.get_by_role("button", name="Aanvraag indienen").click()


def test_werkgever_dient_in_met_bijlage_en_werknemer_volgt_de_status(e2e_wereld, sessie, tmp_path):
    w = e2e_wereld
    UserFactory(rol=Rol.WERKNEMER, bsn="111222333", username="wn_jan", first_name="Jan", last_name="de Vries")

    wg = sessie("wg_a")
    werkgever_vult_het_formulier_in(wg, tmp_path)
    aanvraag = Aanvraag.objects.get()
    expect(wg.get_by_role("heading", level=1)).to_have_text(f"Aanvraag {aanvraag.nummer}")
    expect(wg.locator(".jcl-messages")).to_contain_text(f"Uw aanvraag is ingediend onder nummer {aanvraag.nummer}.")
    ontvangst = wg.get_by_role("link", name=re.compile(r"^Ontvangstbevestiging \(versie 1, PDF"))
    with wg.expect_download() as download:
        ontvangst.click()
    tekst = " ".join(" ".join(p.extract_text() for p in PdfReader(download.value.path()).pages).split())
    assert f"Uw aanvraag heeft nummer {aanvraag.nummer}" in tekst and "Wij beslissen uiterlijk op" in tekst
    with wg.expect_download() as download:
        wg.get_by_role("link", name="arbeidsovereenkomst.pdf").click()
    assert download.value.suggested_filename == "arbeidsovereenkomst.pdf"

    # The werknemer sees the aanvraag with its status and what happens next.
    wn = sessie("wn_jan")
    rij = wn.get_by_role("row").filter(has=wn.get_by_role("link", name=aanvraag.nummer))
    expect(rij).to_contain_text("Ingediend")
    expect(rij).to_contain_text("Een klantmanager neemt hem in behandeling.")

    # The gemeente asks for an aanvulling: the werknemer sees it, the werkgever supplies it in the portal.
    services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=w.km_a)
    opschorting = services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=w.km_a,
                                                      wat_ontbreekt="De loonstrook van vorige maand")
    wn.reload()
    expect(rij).to_contain_text("Aanvulling gevraagd")
    herstel = opschorting.hersteltermijn_einde
    expect(rij).to_contain_text(f"Lever die aan uiterlijk op {herstel.day} ")

    wg.reload()
    expect(wg.locator(".status")).to_have_text("Aanvulling gevraagd")
    expect(wg.get_by_text("De loonstrook van vorige maand", exact=True)).to_be_visible()
    loonstrook = tmp_path / "loonstrook-maart.pdf"
    loonstrook.write_bytes(PDF)
    wg.get_by_label("Bestanden").set_input_files(str(loonstrook))
    wg.get_by_role("button", name="Aanvulling versturen").click()
    expect(wg.locator(".jcl-messages")).to_contain_text("De aanvulling is ontvangen.")
    expect(wg.locator(".status")).to_have_text("In behandeling")

    wn.reload()
    expect(rij).to_contain_text("In behandeling")
    expect(rij).to_contain_text("Een klantmanager onderzoekt of jobcoaching nodig is")
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.IN_BEHANDELING
    assert [b.naam for b in aanvraag.bijlagen.order_by("id")] == ["arbeidsovereenkomst.pdf", "loonstrook-maart.pdf"]
