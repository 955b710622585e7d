"""Bezwaar end to end: the werkgever files bezwaar online, the bezwaarbehandelaar handles it to a
beslissing op bezwaar (gegrond) and downloads the letter. Celery runs eagerly (tests/conftest.py)."""

import re

from playwright.sync_api import expect

from aanvragen.bezwaar.models import Bezwaar
from accounts.models import Rol
from beoordeling.models import Beoordeling
from tests.bezwaar.factories import besloten
from tests.factories import UserFactory

from .test_end_to_end import kies, melding, pdf_tekst

MOTIVERING = "Het onderzoek woog de ploegendiensten niet mee"


def test_bezwaar_indienen_en_behandelen(e2e_wereld, sessie, tmp_path):
    besluit = besloten(e2e_wereld)
    UserFactory(rol=Rol.BEZWAARBEHANDELAAR, gemeenten=[e2e_wereld.gemeente_a], username="bb_a")

    wg = sessie("wg_a")
    wg.goto(f"/aanvragen/{besluit.aanvraag_id}/")
    wg.get_by_role("link", name="Maak bezwaar").click()
    wg.get_by_role("button", name="Bezwaar indienen").click()
    expect(wg.get_by_text("Fout: Schrijf op waarom u het niet eens bent met het besluit")).to_be_visible()
    wg.get_by_label("Waarom bent u het niet eens met het besluit?").fill("De uren zijn te laag voor ploegendiensten.")
    wg.get_by_role("button", name="Bezwaar indienen").click()
    expect(melding(wg, "Wij hebben uw bezwaar ontvangen")).to_be_visible()

    bb = sessie("bb_a")
    expect(bb.get_by_role("heading", name="Bezwaren", level=1)).to_be_visible()
    bb.get_by_role("link", name=besluit.aanvraag.nummer).click()
    expect(bb.get_by_text("Tijdig ingediend.")).to_be_visible()
    kies(bb, re.compile("bezwaarcommissie"), "Nee")
    bb.get_by_role("button", name="In behandeling nemen").click()
    expect(melding(bb, "U behandelt dit bezwaar.")).to_be_visible()
    kies(bb, "Uitkomst", "Gegrond")
    bb.get_by_label("Motivering").fill(MOTIVERING)
    bb.get_by_role("button", name="Beslissen en brief maken").click()
    expect(bb.get_by_text("Het besluit moet worden herzien")).to_be_visible()

    with bb.expect_download() as download:
        bb.get_by_role("link", name="Brief met de beslissing op bezwaar (PDF)").click()
    pad = tmp_path / "beslissing.pdf"
    download.value.save_as(pad)
    tekst = pdf_tekst(pad)
    assert "gegrond" in tekst and MOTIVERING in tekst
    assert Bezwaar.objects.get().status == "beslist"
    assert Beoordeling.objects.filter(aanvraag=besluit.aanvraag, ronde=2).exists()
