"""The steps of the online aanvraag: which form each step shows, how it is prefilled from the concept,
how it is saved, and the check of the whole concept before it is submitted.

The same steps serve every gemeente and every applicant (werkgever, werknemer, jobcoach, and the
klantmanager who registers a request received by phone or letter).
"""

from dataclasses import dataclass

from accounts.models import Rol

from . import forms, selectors, services
from .models import Aanvraag, Aanvrager, Kanaal


@dataclass(frozen=True)
class Stap:
    slug: str
    titel: str
    uitleg: str
    kort: str = ""  # the label in the step indicator, when the title is long

    @property
    def label(self) -> str:
        return self.kort or self.titel


STAPPEN: tuple[Stap, ...] = (
    Stap("werknemer", "Werknemer", "Over wie gaat de aanvraag? De woongemeente van de werknemer beslist."),
    Stap("werkgever", "Werkgever", "Bij welke werkgever werkt de werknemer, of gaat hij of zij werken?"),
    Stap("werk", "Het werk", "Over de functie, het contract en de regelingen die er al zijn."),
    Stap("ondersteuning", "Ondersteuning",
         "Wat gaat er mis op het werk? Kruis aan wat past en vertel het in uw eigen woorden. U hoeft niet alles in "
         "te vullen: alleen de onderwerpen waar het moeilijk gaat."),
    Stap("werkplek", "De werkplek",
         "Wat op de werkplek helpt de werknemer, en wat maakt het moeilijk? Denk aan de vier A's: arbeidsinhoud, "
         "arbeidsomstandigheden, arbeidsverhoudingen en arbeidsvoorwaarden."),
    Stap("bijlagen", "Bijlagen", "Stuur mee wat de aanvraag onderbouwt. Bijlagen zijn niet verplicht."),
    Stap("controleren", "Controleren en indienen", "Controleer uw gegevens en dien de aanvraag in.",
         kort="Controleren"),
)
PER_SLUG = {stap.slug: stap for stap in STAPPEN}
INVUL_STAPPEN = ("werknemer", "werkgever", "werk", "ondersteuning", "werkplek")

FORMULIEREN = {
    "werknemer": forms.WerknemerForm,
    "werkgever": forms.WerkgeverForm,
    "werk": forms.WerkForm,
    "ondersteuning": forms.OndersteuningForm,
    "werkplek": forms.WerkplekForm,
}


def buur(slug: str, richting: int) -> str | None:
    """The slug of the next (+1) or previous (-1) step, or None at either end."""
    index = [s.slug for s in STAPPEN].index(slug) + richting
    return STAPPEN[index].slug if 0 <= index < len(STAPPEN) else None


def _form_kwargs(slug: str, aanvraag: Aanvraag, user) -> dict:
    if slug == "werknemer":
        return {
            "gemeenten": selectors.bediende_gemeenten(),
            "bsn_vast": user.bsn if user.rol == Rol.WERKNEMER else "",
            "namens_vragen": aanvraag.aanvrager == Aanvrager.JOBCOACHORGANISATIE and aanvraag.kanaal == Kanaal.ONLINE,
        }
    if slug == "werkgever" and user.rol == Rol.WERKGEVER and user.werkgever_id:
        return {"kvk_vast": user.werkgever.kvk_nummer}
    return {}


def _initial(slug: str, aanvraag: Aanvraag) -> dict:
    form_class = FORMULIEREN[slug]
    velden = [naam for naam in form_class.base_fields if naam in services.CONCEPT_VELDEN]
    initial = {naam: getattr(aanvraag, naam) for naam in velden}
    if slug == "werknemer":
        initial["gemeente"] = aanvraag.gemeente
        initial["namens"] = aanvraag.namens
    elif slug == "ondersteuning":
        initial["reden"] = aanvraag.reden
        if aanvraag.pk:
            initial |= forms.OndersteuningForm.initial_uit(aanvraag.ondersteuningsvragen.all())
    elif slug == "werkplek":
        initial["voorkeur_jobcoachorganisatie"] = aanvraag.voorkeur_jobcoachorganisatie
        if aanvraag.pk:
            initial |= forms.WerkplekForm.initial_uit(aanvraag.werkplekfactoren.all())
    return {k: v for k, v in initial.items() if v not in (None, "")}


def formulier(slug: str, aanvraag: Aanvraag, user, data=None):
    """The form of step `slug`, prefilled from the concept (bound to `data` when given)."""
    return FORMULIEREN[slug](data, initial=_initial(slug, aanvraag), **_form_kwargs(slug, aanvraag, user))


def opslaan(slug: str, form, *, aanvraag: Aanvraag | None, user, invoer_sleutel=None) -> Aanvraag | None:
    """Save what is valid in `form` (all of it, or the valid part of a form with errors).

    Returns the concept, or None when there was nothing to save and no concept existed yet.
    """
    gegevens = {k: v for k, v in form.cleaned_data.items() if k in services.CONCEPT_VELDEN}
    extra = {}
    if slug == "ondersteuning":
        extra["ondersteuningsvragen"] = form.vragen()
    elif slug == "werkplek":
        extra["werkplekfactoren"] = form.factoren()
    if aanvraag is None and not any(v not in (None, "", []) for v in gegevens.values()):
        return None
    return services.aanvraag_concept_opslaan(door=user, gegevens=gegevens, aanvraag=aanvraag,
                                             invoer_sleutel=invoer_sleutel, **extra)


def _als_data(form) -> dict:
    """What a browser would post for the form as it is prefilled: to validate stored data again."""
    data = {}
    for naam, veld in form.fields.items():
        waarde = form[naam].value()
        if getattr(veld.widget, "allow_multiple_selected", False):
            data[naam] = [str(v) for v in (waarde or [])]
            continue
        getoond = veld.widget.format_value(waarde)
        if isinstance(getoond, list):
            getoond = getoond[0] if getoond else ""
        data[naam] = "" if getoond is None else getoond
    return data


def controle(aanvraag: Aanvraag, user) -> dict[str, object]:
    """Each fill-in step's form, bound to the stored data, so its errors show what is still missing or
    wrong. The summary page lists them; submitting is refused while any step has errors."""
    uitslag = {}
    for slug in INVUL_STAPPEN:
        leeg = formulier(slug, aanvraag, user)
        uitslag[slug] = formulier(slug, aanvraag, user, data=_als_data(leeg))
    return uitslag


def stappen_met_fouten(controles: dict) -> list[Stap]:
    return [PER_SLUG[slug] for slug, form in controles.items() if not form.is_valid()]
