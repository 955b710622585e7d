"""Validation of Dutch identifiers, with messages a user understands."""

from django.core.exceptions import ValidationError
from stdnum.nl import bsn as stdnum_bsn


def valideer_bsn(waarde: str) -> str:
    schoon = stdnum_bsn.compact(waarde or "")
    if not schoon.isdigit() or len(schoon) != 9:
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
