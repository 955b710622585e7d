"""Bijlagen: judged by content, limited in size, stored privately and only served to who may see the case."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aanvragen import bijlagen, services
from aanvragen.bijlagen import MB, BijlageGeweigerd, keur, veilige_naam
from aanvragen.models import Aanvraag, Bijlage
from accounts.models import Rol
from tests.factories import UserFactory
from tests.helpers import ingediend

from .factories import volledig_concept

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def zip_met(*namen: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zip_:
        for naam in namen:
            zip_.writestr(naam, "<xml/>")
    return buffer.getvalue()


DOCX = zip_met("[Content_Types].xml", "word/document.xml")
XLSX = zip_met("[Content_Types].xml", "xl/workbook.xml")


def _keur(inhoud: bytes, naam: str, al: int = 0, grootte: int | None = None):
    return keur(io.BytesIO(inhoud), naam=naam, grootte=len(inhoud) if grootte is None else grootte, al_geupload=al)


@pytest.mark.parametrize(
    "inhoud,naam,soort,opgeslagen_naam",
    [
        (PDF, "Arbeidsovereenkomst.pdf", "pdf", "Arbeidsovereenkomst.pdf"),
        (JPEG, "foto werkplek.JPG", "jpeg", "foto_werkplek.jpg"),
        (JPEG, "scan.jpeg", "jpeg", "scan.jpg"),
        (PNG, "schema.png", "png", "schema.png"),
        (DOCX, "Functieomschrijving (v2).docx", "docx", "Functieomschrijving_v2.docx"),
    ],
)
def test_toegestane_bestanden_worden_aangenomen(inhoud, naam, soort, opgeslagen_naam):
    uitslag = _keur(inhoud, naam)
    assert (uitslag.soort.code, uitslag.naam, uitslag.grootte) == (soort, opgeslagen_naam, len(inhoud))


@pytest.mark.parametrize(
    "inhoud,naam,reden",
    [
        (EXE, "contract.pdf", "‘contract.pdf’ is geen echt PDF-bestand: de inhoud past niet bij de naam."),
        (PNG, "foto.jpg", "‘foto.jpg’ is geen echt JPEG-bestand"),
        (XLSX, "lijst.docx", "‘lijst.docx’ is geen echt Word (DOCX)-bestand"),
        (b"PK\x03\x04 kapot", "kapot.docx", "‘kapot.docx’ is geen echt Word (DOCX)-bestand"),
        (PDF, "virus.exe", "‘virus.exe’ heeft een bestandssoort die wij niet aannemen"),
        (PDF, "notitie.txt", "Stuur een PDF, JPEG, PNG of Word (DOCX)."),
        (b"", "leeg.pdf", "‘leeg.pdf’ is leeg (0 bytes)."),
    ],
)
def test_vermomde_of_verkeerde_bestanden_worden_geweigerd_met_reden(inhoud, naam, reden):
    with pytest.raises(BijlageGeweigerd) as fout:
        _keur(inhoud, naam)
    assert reden in str(fout.value)


def test_te_groot_bestand_en_te_veel_samen_worden_geweigerd():
    with pytest.raises(BijlageGeweigerd, match=r"‘groot.pdf’ is te groot \(10,5 MB\). .*hoogstens 10,0 MB"):
        _keur(PDF, "groot.pdf", grootte=10 * MB + MB // 2)
    assert _keur(PDF, "precies.pdf", grootte=10 * MB).grootte == 10 * MB
    with pytest.raises(BijlageGeweigerd, match=r"samen mogen hoogstens 25,0 MB zijn en er is al 20,0 MB toegevoegd"):
        _keur(PDF, "zesde.pdf", al=20 * MB, grootte=6 * MB)


@pytest.mark.parametrize(
    "naam,verwacht",
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\jan\\Mijn documenten\\contract.pdf", "contract.pdf"),
        ("Overeenkomst Müller & Zoon.pdf", "Overeenkomst_Muller_Zoon.pdf"),
        ("....pdf", "bijlage.pdf"),
        ("a" * 300 + ".pdf", "a" * 96 + ".pdf"),
        ("rapport.PDF.exe.pdf", "rapport.PDF.exe.pdf"),
    ],
)
def test_bestandsnamen_worden_veilig_gemaakt(naam, verwacht):
    assert veilige_naam(naam, bijlagen.PDF) == verwacht


# --- through the pages ---------------------------------------------------------------------------------


def upload(naam: str, inhoud: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type=content_type)


@pytest.fixture
def concept(wereld):
    return volledig_concept(door=wereld.wg_a, gemeente=wereld.gemeente_a)


@pytest.mark.django_db
def test_bijlage_toevoegen_en_vermomde_exe_weigeren_in_het_formulier(client, wereld, concept):
    client.force_login(wereld.wg_a)
    url = reverse("aanvragen:stap", args=[concept.pk, "bijlagen"])
    response = client.post(url, {"bestanden": [upload("contract.pdf", PDF), upload("factuur.pdf", EXE)],
                                 "actie": "volgende"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "‘factuur.pdf’ is geen echt PDF-bestand: de inhoud past niet bij de naam." in html
    assert "Toegevoegd: contract.pdf." in html
    bijlage = Bijlage.objects.get()
    assert (bijlage.naam, bijlage.soort, bijlage.grootte) == ("contract.pdf", "pdf", len(PDF))
    assert bijlage.bestand.read() == PDF


@pytest.mark.django_db
def test_te_grote_bijlage_wordt_geweigerd(client, wereld, concept, settings):
    client.force_login(wereld.wg_a)
    groot = PDF + b"0" * (10 * MB)
    response = client.post(reverse("aanvragen:stap", args=[concept.pk, "bijlagen"]),
                           {"bestanden": [upload("scan.pdf", groot)], "actie": "volgende"})
    assert response.status_code == 422
    assert "‘scan.pdf’ is te groot (10,1 MB). Een bestand mag hoogstens 10,0 MB zijn." in response.content.decode()
    assert not Bijlage.objects.exists()


@pytest.mark.django_db
def test_samen_niet_meer_dan_25_mb(wereld, concept):
    for i in range(2):
        tien_mb = PDF + b"0" * (10 * MB - len(PDF))
        services.bijlage_toevoegen(aanvraag=concept, door=wereld.wg_a, bestand=upload(f"d{i}.pdf", tien_mb))
    with pytest.raises(BijlageGeweigerd, match="alle bijlagen samen mogen hoogstens 25,0 MB"):
        services.bijlage_toevoegen(aanvraag=concept, door=wereld.wg_a, bestand=upload("d3.pdf", PDF + b"0" * 6 * MB))
    assert Bijlage.objects.count() == 2


@pytest.mark.django_db
def test_bijlage_alleen_voor_wie_de_aanvraag_mag_zien(client, wereld, concept, settings, tmp_path):
    bijlage = services.bijlage_toevoegen(aanvraag=concept, door=wereld.wg_a, bestand=upload("contract.pdf", PDF))
    assert bijlage.bestand.path.startswith(str(tmp_path / "documenten"))  # the private storage, not a public URL
    url = reverse("aanvragen:bijlage", args=[concept.pk, bijlage.pk])
    client.force_login(wereld.km_a)
    assert client.get(url).status_code == 404  # staff never see a concept
    aanvraag = services.aanvraag_indienen(aanvraag=concept, door=wereld.wg_a)
    for user in (wereld.wg_b, wereld.km_b, wereld.ad_b, UserFactory(rol=Rol.WERKNEMER, bsn="123456782")):
        client.force_login(user)
        assert client.get(url).status_code == 404, user
    for user in (wereld.wg_a, wereld.km_a, UserFactory(rol=Rol.WERKNEMER, bsn="111222333")):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert 'attachment; filename="contract.pdf"' in response["Content-Disposition"]
        assert b"".join(response.streaming_content) == PDF
    assert aanvraag.bijlagen.count() == 1


@pytest.mark.django_db
def test_bijlage_van_andere_aanvraag_via_eigen_nummer_geeft_404(client, wereld, concept):
    eigen = ingediend(wereld)
    bijlage = services.bijlage_toevoegen(aanvraag=concept, door=wereld.wg_a, bestand=upload("contract.pdf", PDF))
    client.force_login(wereld.wg_a)
    assert client.get(reverse("aanvragen:bijlage", args=[eigen.pk, bijlage.pk])).status_code == 404


@pytest.mark.django_db
def test_bijlage_verwijderen_kan_alleen_in_een_concept(client, wereld, concept):
    bijlage = services.bijlage_toevoegen(aanvraag=concept, door=wereld.wg_a, bestand=upload("contract.pdf", PDF))
    client.force_login(wereld.wg_b)
    assert client.post(reverse("aanvragen:bijlage_verwijderen", args=[concept.pk, bijlage.pk])).status_code == 404
    client.force_login(wereld.wg_a)
    response = client.post(reverse("aanvragen:bijlage_verwijderen", args=[concept.pk, bijlage.pk]), follow=True)
    assert "contract.pdf is verwijderd." in response.content.decode()
    assert not Bijlage.objects.exists()


@pytest.mark.django_db
def test_aanvulling_met_bestand_via_het_portaal(client, wereld, concept):
    aanvraag = services.aanvraag_indienen(aanvraag=concept, door=wereld.wg_a)
    services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt="Loonstrook")
    client.force_login(wereld.wg_a)
    html = client.get(reverse("aanvragen:detail", args=[aanvraag.pk])).content.decode()
    assert "Gevraagde aanvulling" in html and "Loonstrook" in html
    url = reverse("aanvragen:aanvullen", args=[aanvraag.pk])
    response = client.post(url, {"bestanden": [upload("loonstrook.pdf", EXE)], "toelichting": "Hierbij."})
    assert response.status_code == 422 and "geen echt PDF-bestand" in response.content.decode()
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == "aanvulling_gevraagd"  # nothing happened
    response = client.post(url, {"bestanden": [upload("loonstrook.pdf", PDF)], "toelichting": "Hierbij."},
                           follow=True)
    assert "De aanvulling is ontvangen." in response.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.status == "in_behandeling"
    bijlage = aanvraag.bijlagen.get()
    assert bijlage.opschorting == aanvraag.opschortingen.get()


@pytest.mark.django_db
def test_aanvulling_zonder_bestand_of_tekst_wordt_geweigerd(client, wereld, concept):
    aanvraag = services.aanvraag_indienen(aanvraag=concept, door=wereld.wg_a)
    services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt="Loonstrook")
    client.force_login(wereld.wg_a)
    response = client.post(reverse("aanvragen:aanvullen", args=[aanvraag.pk]), {"toelichting": " "})
    assert response.status_code == 422
    assert "Voeg een bestand toe of schrijf in de toelichting wat u aanvult." in response.content.decode()
