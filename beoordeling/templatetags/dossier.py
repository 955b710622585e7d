"""Template tags that place the onderzoek dossier on other apps' pages without their views knowing it:
`{% onderzoek_dossier aanvraag %}` on the case page and `{% dossier_knop besluit %}` in a list of besluiten."""

from django import template

from .. import dossier
from ..documentregels import variant_voor
from ..models import Besluit

register = template.Library()


@register.inclusion_tag("dossier/_aanvraag.html", takes_context=True)
def onderzoek_dossier(context, aanvraag) -> dict:
    """The dossier section of a case page: request it, follow it, download it. A fixed three queries."""
    request = context.get("request")
    user = getattr(request, "user", None)
    variant = variant_voor(getattr(user, "rol", ""))
    besluit = None
    if variant is not None and aanvraag.pk:
        besluit = Besluit.objects.filter(aanvraag=aanvraag).order_by("-vastgesteld_op").first()
    return {
        "variant": variant,
        "besluit": besluit,
        "verzoek": dossier.laatste_verzoek(user=user, besluit=besluit) if besluit else None,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("dossier/_knop.html", takes_context=True)
def dossier_knop(context, besluit) -> dict:
    """One button per row of a list of besluiten; no query, so a list of any length costs the same."""
    return {"besluit": besluit, "csrf_token": context.get("csrf_token")}
