"""Which uploads we accept, decided by their content: pure functions, no Django, no storage.

Allowed are PDF, JPEG, PNG and DOCX. The extension must name one of those types AND the first bytes
must match it (a renamed .exe is refused); a DOCX is a ZIP that holds `[Content_Types].xml` and a
`word/` part. Names are reduced to a safe ASCII form with the extension of the detected type.
Every refusal is a `BijlageGeweigerd` with a Dutch message that says why.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

MB = 1024 * 1024
MAX_BESTAND = 10 * MB
MAX_PER_AANVRAAG = 25 * MB
MAX_NAAM = 100


@dataclass(frozen=True)
class Soort:
    code: str
    label: str
    extensies: tuple[str, ...]
    mime: str


PDF = Soort("pdf", "PDF", (".pdf",), "application/pdf")
JPEG = Soort("jpeg", "JPEG", (".jpg", ".jpeg"), "image/jpeg")
PNG = Soort("png", "PNG", (".png",), "image/png")
DOCX = Soort(
    "docx", "Word (DOCX)", (".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
SOORTEN = {s.code: s for s in (PDF, JPEG, PNG, DOCX)}
TOEGESTAAN_TEKST = "PDF, JPEG, PNG of Word (DOCX)"
ACCEPT = ",".join(ext for s in SOORTEN.values() for ext in s.extensies)


class BijlageGeweigerd(ValueError):
    """An upload we refuse; the message is Dutch and names the reason."""


def mb(grootte: int) -> str:
    """Bytes as Dutch megabytes, rounded up to one decimal: 10485760 -> "10,0 MB", one byte more -> "10,1 MB"
    (so a file just over the limit never reads as exactly the limit)."""
    tienden = math.ceil(grootte * 10 / MB)
    return f"{tienden // 10},{tienden % 10} MB"


def _soort_bij_extensie(naam: str) -> Soort | None:
    laag = naam.lower()
    return next((s for s in SOORTEN.values() if laag.endswith(s.extensies)), None)


def _is_docx(bestand: BinaryIO) -> bool:
    """A ZIP whose directory lists [Content_Types].xml and a word/ part. Reads the directory only."""
    bestand.seek(0)
    try:
        with zipfile.ZipFile(bestand) as zip_:
            namen = zip_.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        bestand.seek(0)
    return "[Content_Types].xml" in namen and any(n.startswith("word/") for n in namen)


def soort_van_inhoud(bestand: BinaryIO) -> Soort | None:
    """The allowed type the content is, judged by its magic bytes (None: none of them)."""
    bestand.seek(0)
    kop = bestand.read(8)
    bestand.seek(0)
    if kop.startswith(b"%PDF-"):
        return PDF
    if kop.startswith(b"\xff\xd8\xff"):
        return JPEG
    if kop.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if kop.startswith(b"PK\x03\x04") and _is_docx(bestand):
        return DOCX
    return None


def veilige_naam(naam: str, soort: Soort) -> str:
    """A file name safe for storage and for a Content-Disposition header.

    Only the last path component counts; accents are dropped (é -> e); anything outside letters,
    digits, '.', '-' and '_' becomes '_'; the extension is the one of the detected type.
    """
    basis = re.split(r"[\\/]", naam or "")[-1]
    stam = basis.rsplit(".", 1)[0] if "." in basis else basis
    stam = unicodedata.normalize("NFKD", stam).encode("ascii", "ignore").decode("ascii")
    stam = re.sub(r"[^A-Za-z0-9._-]+", "_", stam).strip("._-")
    stam = re.sub(r"_{2,}", "_", stam)
    extensie = soort.extensies[0]
    stam = stam[: MAX_NAAM - len(extensie)] or "bijlage"
    return stam + extensie


@dataclass(frozen=True)
class Gekeurd:
    soort: Soort
    naam: str
    grootte: int


def keur(bestand: BinaryIO, *, naam: str, grootte: int, al_geupload: int = 0) -> Gekeurd:
    """Accept an upload or raise BijlageGeweigerd with the reason.

    `grootte` is the upload's size in bytes, `al_geupload` the total of the aanvraag's earlier bijlagen.
    """
    getoonde_naam = re.split(r"[\\/]", naam or "")[-1] or "(zonder naam)"
    if grootte == 0:
        raise BijlageGeweigerd(f"‘{getoonde_naam}’ is leeg (0 bytes). Kies het bestand opnieuw.")
    if grootte > MAX_BESTAND:
        raise BijlageGeweigerd(
            f"‘{getoonde_naam}’ is te groot ({mb(grootte)}). Een bestand mag hoogstens {mb(MAX_BESTAND)} zijn."
        )
    if al_geupload + grootte > MAX_PER_AANVRAAG:
        raise BijlageGeweigerd(
            f"‘{getoonde_naam}’ past niet meer: alle bijlagen samen mogen hoogstens {mb(MAX_PER_AANVRAAG)} zijn "
            f"en er is al {mb(al_geupload)} toegevoegd."
        )
    verwacht = _soort_bij_extensie(getoonde_naam)
    if verwacht is None:
        raise BijlageGeweigerd(
            f"‘{getoonde_naam}’ heeft een bestandssoort die wij niet aannemen. Stuur een {TOEGESTAAN_TEKST}."
        )
    echt = soort_van_inhoud(bestand)
    if echt != verwacht:
        raise BijlageGeweigerd(
            f"‘{getoonde_naam}’ is geen echt {verwacht.label}-bestand: de inhoud past niet bij de naam. "
            f"Stuur een {TOEGESTAAN_TEKST}."
        )
    return Gekeurd(soort=echt, naam=veilige_naam(getoonde_naam, echt), grootte=grootte)
