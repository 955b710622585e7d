"""Validation of Dutch identifiers and contact details, with messages a user understands."""

import re

from django.core.exceptions import ValidationError
from stdnum.exceptions import ValidationError as StdnumFout
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode


def valideer_bsn(waarde: str) -> str:
    # Not stdnum's compact(): it pads with zeros, so "97" would pass as BSN 000000097.
    schoon = re.sub(r"[\s.-]", "", waarde or "")
    if not (schoon.isascii() and schoon.isdigit()) or len(schoon) != 9:
        raise ValidationError("Een BSN bestaat uit 9 cijfers.", code="bsn_lengte")
    if not stdnum_bsn.is_valid(schoon):
        raise ValidationError(
            "Dit BSN klopt niet (de elfproef faalt). Controleer of u geen cijfer verkeerd hebt getypt.",
            code="bsn_elfproef",
        )
    return schoon


def valideer_kvk(waarde: str) -> str:
    schoon = (waarde or "").replace(" ", "").replace(".", "")
    if not schoon.isdigit() or len(schoon) != 8:
        raise ValidationError("Een KvK-nummer bestaat uit 8 cijfers.", code="kvk")
    return schoon


def valideer_postcode(waarde: str) -> str:
    """A Dutch postcode, returned as "1234 AB"."""
    try:
        return stdnum_postcode.validate(waarde or "")
    except StdnumFout:
        raise ValidationError(
            "Dit is geen geldige postcode. Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1901 EJ.",
            code="postcode",
        ) from None


TELEFOON = re.compile(r"^(\+|00)?\d{9,13}$")


def valideer_telefoon(waarde: str) -> str:
    """A phone number of 10 digits (06 12345678, 072 1234567) or an international one (+31 6 12345678).
    Returned as typed, without surrounding spaces; empty stays empty."""
    waarde = (waarde or "").strip()
    if waarde and not TELEFOON.match(re.sub(r"[\s().-]", "", waarde)):
        raise ValidationError(
            "Dit is geen geldig telefoonnummer. Gebruik alleen cijfers, bijvoorbeeld 06 12345678 of +31 6 12345678.",
            code="telefoon",
        )
    return waarde
