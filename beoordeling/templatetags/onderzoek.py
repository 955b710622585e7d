"""Template filters for the onderzoek pages."""

from decimal import Decimal

from django import template

from verordening.engine import nl_getal as _nl_getal

register = template.Library()


@register.filter
def nl_getal(waarde) -> str:
    """Exact Dutch notation, as the rule engine writes it: 62,4 · 1.248 · 2,5 (empty for None)."""
    if waarde is None or waarde == "":
        return ""
    return _nl_getal(Decimal(str(waarde)))
