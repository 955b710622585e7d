"""`{% bezwaar_op_aanvraag aanvraag %}`: the bezwaar block on the aanvraag detail page."""

from django import template

from accounts.models import Rol

from .. import selectors

register = template.Library()


@register.inclusion_tag("bezwaar/_blok.html", takes_context=True)
def bezwaar_op_aanvraag(context, aanvraag):
    """The bezwaren of the case, and the way to file one (belanghebbende) or register a letter (staff)."""
    user = context["request"].user
    besluiten = list(aanvraag.besluiten.order_by("vastgesteld_op"))
    bezwaren = selectors.bezwaren_op_aanvraag(aanvraag=aanvraag) if besluiten else []
    mag_indienen = user.rol in (Rol.WERKGEVER, Rol.WERKNEMER)
    is_behandelaar = user.rol == Rol.BEZWAARBEHANDELAAR
    return {
        "aanvraag": aanvraag,
        "besluiten": besluiten,
        "bezwaren": bezwaren,
        "mag_indienen": mag_indienen,
        "is_behandelaar": is_behandelaar,
        "toon": bool(besluiten) and (bool(bezwaren) or mag_indienen or is_behandelaar),
    }
