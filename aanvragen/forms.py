"""The forms of the aanvraag: one per step of the online form, and the klantmanager's Awb actions.

Every field is validated on the server with a Dutch message beside it. The step forms use the model's
field names, so `cleaned_data` can be saved as it is (see `stappen.py`).
"""

import datetime
import re
from decimal import Decimal

from django import forms
from django.utils import timezone

from config.forms import UtrechtFormMixin
from verordening.models import Gemeente, Jobcoachorganisatie

from . import bijlagen, icf
from .models import Aanvrager, Arbeidsfactor, Contractsoort, Doelgroepregister, IcfDomein, Kanaal, Namens
from .validators import valideer_bsn, valideer_kvk, valideer_postcode, valideer_telefoon

DATUM_FORMATEN = ["%Y-%m-%d", "%d-%m-%Y"]
MAX_TEKST = 4000


def _datumveld(label: str, *, required: bool = True, help_text: str = "", verplicht: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=DATUM_FORMATEN,
        error_messages={"required": verplicht or f"Vul de {label.lower()} in.",
                        "invalid": "Vul een geldige datum in (dd-mm-jjjj)."},
    )


def _tekstveld(label: str, *, required: bool = True, verplicht: str = "", max_length: int = 200,
               help_text: str = "", rows: int = 0, **attrs) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput(attrs=attrs or None)
    return forms.CharField(
        label=label, required=required, max_length=max_length, help_text=help_text, widget=widget,
        error_messages={"required": verplicht or f"Vul {label.lower()} in.",
                        "max_length": f"Gebruik hoogstens {max_length} tekens (u gebruikte er %(show_value)d)."},
    )


class JaNeeField(forms.TypedChoiceField):
    """Ja/nee as radio buttons, stored as a nullable boolean (empty while unanswered)."""

    def __init__(self, *, label: str, verplicht: str, help_text: str = ""):
        super().__init__(
            label=label, help_text=help_text, choices=[("ja", "Ja"), ("nee", "Nee")],
            coerce=lambda waarde: waarde == "ja", empty_value=None, widget=forms.RadioSelect,
            error_messages={"required": verplicht, "invalid_choice": "Kies ja of nee."},
        )

    def prepare_value(self, value):
        return {True: "ja", False: "nee"}.get(value, value)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MeerdereBestandenField(forms.FileField):
    """Several files in one <input type=file multiple>; the content is judged by the service."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": bijlagen.ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        enkel = super().clean
        return [enkel(bestand, initial) for bestand in (data if isinstance(data, (list, tuple)) else [data])]


class IntakeForm(UtrechtFormMixin, forms.Form):
    """Base of the intake forms. No HTML `required` attributes: the Utrecht CSS paints every empty
    required textarea and radio group red through :invalid before anything was sent. Validation is on
    the server; optional fields say "(niet verplicht)" beside their label."""

    use_required_attribute = False


def _vandaag() -> datetime.date:
    return timezone.localdate()


def _jaren_geleden(jaren: int) -> datetime.date:
    vandaag = _vandaag()
    try:
        return vandaag.replace(year=vandaag.year - jaren)
    except ValueError:  # 29 februari
        return vandaag.replace(year=vandaag.year - jaren, day=28)


# --- step 1: de werknemer --------------------------------------------------------------------------


class GemeenteZoekveld(forms.CharField):
    """A text box with a <datalist> of the gemeenten this installation serves (searchable without
    JavaScript). A name that is not served is explained, never replaced by another gemeente."""

    DATALIST_ID = "bediende-gemeenten"

    def __init__(self, *, gemeenten, **kwargs):
        self.gemeenten = gemeenten
        super().__init__(
            label="Woongemeente van de werknemer",
            max_length=120,
            help_text="De gemeente waar de werknemer woont, beslist over de aanvraag. Typ de naam en kies uit de "
                      "lijst.",
            widget=forms.TextInput(attrs={"list": self.DATALIST_ID, "autocomplete": "off"}),
            error_messages={"required": "Vul de woongemeente van de werknemer in."},
            **kwargs,
        )

    def prepare_value(self, value):
        return value.naam if isinstance(value, Gemeente) else value

    def clean(self, value):
        naam = super().clean(value)
        naam = re.sub(r"^gemeente\s+", "", naam.strip(), flags=re.IGNORECASE)
        gevonden = next((g for g in self.gemeenten if g.naam.casefold() == naam.casefold()), None)
        if gevonden is None:
            raise forms.ValidationError(self._niet_bediend(naam), code="niet_bediend")
        return gevonden

    def _niet_bediend(self, naam: str) -> str:
        tekst = (
            f"De gemeente ‘{naam}’ werkt niet met Jobcoachloket. Alleen de woongemeente van de werknemer mag "
            f"over de aanvraag beslissen, dus wij sturen hem niet naar een andere gemeente. Dien de aanvraag "
            f"rechtstreeks in bij de gemeente {naam}, of controleer de spelling."
        )
        if len(self.gemeenten) <= 12:
            tekst += " Gemeenten die met Jobcoachloket werken: " + ", ".join(g.naam for g in self.gemeenten) + "."
        return tekst


class WerknemerForm(IntakeForm):
    werknemer_naam = _tekstveld("Naam werknemer", verplicht="Vul de naam van de werknemer in.",
                                autocomplete="name")
    werknemer_bsn = forms.CharField(
        label="BSN werknemer", max_length=11, help_text="9 cijfers",
        error_messages={"required": "Vul het BSN van de werknemer in.", "max_length": "Een BSN bestaat uit 9 cijfers."},
    )
    werknemer_geboortedatum = _datumveld("Geboortedatum werknemer",
                                         verplicht="Vul de geboortedatum van de werknemer in.")
    werknemer_adres = _tekstveld("Straat en huisnummer", verplicht="Vul de straat en het huisnummer in.")
    werknemer_postcode = forms.CharField(
        label="Postcode", max_length=10, help_text="Bijvoorbeeld 1901 EJ",
        error_messages={"required": "Vul de postcode in.", "max_length": "Een postcode is 4 cijfers en 2 letters."},
    )
    werknemer_woonplaats = _tekstveld("Woonplaats", verplicht="Vul de woonplaats in.", max_length=100)
    werknemer_email = forms.EmailField(
        label="E-mailadres werknemer", required=False, max_length=254,
        error_messages={"invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."},
    )
    werknemer_telefoon = forms.CharField(
        label="Telefoonnummer werknemer", required=False, max_length=20,
        help_text="Vul een e-mailadres of een telefoonnummer in (of allebei).",
        error_messages={"max_length": "Een telefoonnummer heeft hoogstens 20 tekens."},
    )

    def __init__(self, *args, gemeenten=(), bsn_vast: str = "", namens_vragen: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"] = GemeenteZoekveld(gemeenten=list(gemeenten))
        self.order_fields(["namens", "werknemer_naam", "werknemer_bsn", "werknemer_geboortedatum", "werknemer_adres",
                           "werknemer_postcode", "werknemer_woonplaats", "gemeente"])
        if bsn_vast:
            # A werknemer applies for himself: his own BSN, from his account.
            veld = self.fields["werknemer_bsn"]
            veld.disabled, veld.initial = True, bsn_vast
            veld.help_text = "Uw eigen BSN, uit uw account."
            self.initial["werknemer_bsn"] = bsn_vast
        if namens_vragen:
            self.fields["namens"] = forms.ChoiceField(
                label="Namens wie dient u de aanvraag in?", choices=Namens.choices, widget=forms.RadioSelect,
                error_messages={"required": "Kies of u de aanvraag namens de werkgever of de werknemer indient.",
                                "invalid_choice": "Kies de werkgever of de werknemer."},
            )
            self.order_fields(["namens"])

    def clean_werknemer_bsn(self) -> str:
        return valideer_bsn(self.cleaned_data["werknemer_bsn"])

    def clean_werknemer_postcode(self) -> str:
        return valideer_postcode(self.cleaned_data["werknemer_postcode"])

    def clean_werknemer_telefoon(self) -> str:
        return valideer_telefoon(self.cleaned_data["werknemer_telefoon"])

    def clean_werknemer_geboortedatum(self) -> datetime.date:
        datum = self.cleaned_data["werknemer_geboortedatum"]
        if datum > _vandaag():
            raise forms.ValidationError("De geboortedatum ligt in de toekomst.")
        if datum < _jaren_geleden(100):
            raise forms.ValidationError("De geboortedatum ligt meer dan 100 jaar terug. Controleer het jaartal.")
        if datum > _jaren_geleden(13):
            raise forms.ValidationError("De werknemer is jonger dan 13 jaar. Controleer het jaartal.")
        return datum

    def clean(self):
        gegevens = super().clean()
        if "werknemer_email" in gegevens and "werknemer_telefoon" in gegevens and not (
            gegevens["werknemer_email"] or gegevens["werknemer_telefoon"]
        ):
            self.add_error("werknemer_telefoon", "Vul een e-mailadres of telefoonnummer in, zodat de gemeente de "
                                                 "werknemer kan bereiken.")
        return gegevens


# --- step 2: de werkgever ---------------------------------------------------------------------------


class WerkgeverForm(IntakeForm):
    werkgever_naam = _tekstveld("Naam werkgever", verplicht="Vul de naam van de werkgever in.")
    werkgever_kvk = forms.CharField(
        label="KvK-nummer", max_length=12, help_text="8 cijfers",
        error_messages={"required": "Vul het KvK-nummer van de werkgever in.",
                        "max_length": "Een KvK-nummer bestaat uit 8 cijfers."},
    )
    werkgever_contactpersoon = _tekstveld("Contactpersoon bij de werkgever",
                                          verplicht="Vul de naam van de contactpersoon in.")
    werkgever_vestigingsadres = _tekstveld(
        "Vestigingsadres", max_length=300, verplicht="Vul het vestigingsadres in.",
        help_text="Straat, huisnummer, postcode en plaats van de vestiging waar de werknemer werkt.",
    )

    def __init__(self, *args, kvk_vast: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if kvk_vast:
            veld = self.fields["werkgever_kvk"]
            veld.disabled, veld.initial = True, kvk_vast
            veld.help_text = "Het KvK-nummer van uw organisatie, uit uw account."
            self.initial["werkgever_kvk"] = kvk_vast

    def clean_werkgever_kvk(self) -> str:
        return valideer_kvk(self.cleaned_data["werkgever_kvk"])


# --- step 3: het werk ---------------------------------------------------------------------------------


class WerkForm(IntakeForm):
    functie = _tekstveld("Functie", verplicht="Vul de functie in.")
    taken = _tekstveld("Taken", rows=4, max_length=MAX_TEKST, verplicht="Beschrijf de taken van de werknemer.",
                       help_text="Wat doet de werknemer op een gewone werkdag? Bijvoorbeeld: bestellingen inpakken, "
                                 "schappen vullen, de kassa.")
    contracturen_per_week = forms.DecimalField(
        label="Contracturen per week", max_digits=4, decimal_places=1,
        min_value=Decimal("1"), max_value=Decimal("60"), localize=True,
        error_messages={
            "required": "Vul het aantal contracturen per week in.",
            "invalid": "Vul een getal in, bijvoorbeeld 24 of 24,5.",
            "min_value": "Het aantal contracturen is minimaal 1 uur per week.",
            "max_value": "Het aantal contracturen is maximaal 60 uur per week.",
            "max_decimal_places": "Gebruik hoogstens één cijfer achter de komma.",
            "max_digits": "Het aantal contracturen is maximaal 60 uur per week.",
            "max_whole_digits": "Het aantal contracturen is maximaal 60 uur per week.",
        },
    )
    contractsoort = forms.ChoiceField(
        label="Soort contract", choices=Contractsoort.choices, widget=forms.RadioSelect,
        error_messages={"required": "Kies het soort contract.", "invalid_choice": "Kies bepaalde of onbepaalde tijd."},
    )
    contract_einddatum = _datumveld("Einddatum contract", required=False,
                                    help_text="Alleen bij een contract voor bepaalde tijd.")
    startdatum = _datumveld("Startdatum werk", verplicht="Vul de startdatum in.",
                            help_text="De dag waarop de werknemer begint of begon.")
    loonwaarde_percentage = forms.IntegerField(
        label="Loonwaarde (procent)", required=False, min_value=1, max_value=100,
        help_text="Alleen als de loonwaarde is gemeten: het percentage van het wettelijk minimumloon.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": "Vul een heel getal in, bijvoorbeeld 60.",
                        "min_value": "De loonwaarde is minimaal 1 procent.",
                        "max_value": "De loonwaarde is hoogstens 100 procent."},
    )
    loonkostensubsidie = JaNeeField(label="Krijgt de werkgever loonkostensubsidie voor deze werknemer?",
                                    verplicht="Geef aan of de werkgever loonkostensubsidie krijgt.")
    doelgroepregister = forms.ChoiceField(
        label="Staat de werknemer in het Doelgroepregister?", choices=Doelgroepregister.choices,
        widget=forms.RadioSelect, help_text="Het register van UWV voor mensen met een arbeidsbeperking.",
        error_messages={"required": "Geef aan of de werknemer in het Doelgroepregister staat.",
                        "invalid_choice": "Kies ja, nee of aangevraagd."},
    )

    def clean_startdatum(self) -> datetime.date:
        datum = self.cleaned_data["startdatum"]
        vandaag = _vandaag()
        if datum < vandaag - datetime.timedelta(days=366):
            raise forms.ValidationError("De startdatum ligt meer dan een jaar in het verleden.")
        if datum > vandaag + datetime.timedelta(days=366):
            raise forms.ValidationError("De startdatum ligt meer dan een jaar in de toekomst.")
        return datum

    def clean(self):
        gegevens = super().clean()
        soort, einde, start = (gegevens.get(k) for k in ("contractsoort", "contract_einddatum", "startdatum"))
        if soort == Contractsoort.BEPAALDE_TIJD and einde is None and "contract_einddatum" not in self.errors:
            self.add_error("contract_einddatum", "Vul de einddatum van het contract in.")
        elif soort == Contractsoort.ONBEPAALDE_TIJD and einde is not None:
            self.add_error("contract_einddatum", "Een contract voor onbepaalde tijd heeft geen einddatum. "
                                                 "Maak dit veld leeg of kies bepaalde tijd.")
        elif einde is not None and start is not None and einde <= start:
            self.add_error("contract_einddatum", "De einddatum ligt op of vóór de startdatum.")
        elif einde is not None and einde < _vandaag():
            self.add_error("contract_einddatum", "Het contract is al afgelopen. Jobcoaching is er voor een lopend "
                                                 "of nieuw contract.")
        return gegevens


# --- step 4: de ondersteuning (ICF, activiteiten en participatie) -----------------------------------------


class OndersteuningForm(IntakeForm):
    """Per ICF domain: examples to tick and the applicant's own words; then the reason in short."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for domein, (vraag, voorbeelden) in icf.VOORBEELDEN.items():
            self.fields[f"{domein}_voorbeelden"] = forms.MultipleChoiceField(
                label=vraag, required=False, choices=voorbeelden, widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": "Kies alleen voorbeelden uit de lijst."},
            )
            self.fields[f"{domein}_toelichting"] = _tekstveld(
                f"In uw eigen woorden: {IcfDomein(domein).label.lower()}", required=False, rows=3,
                max_length=MAX_TEKST,
            )
        self.fields["reden"] = _tekstveld(
            "Waarom is jobcoaching nodig?", rows=5, max_length=MAX_TEKST,
            verplicht="Beschrijf waarom jobcoaching nodig is.",
            help_text="Vat kort samen waar de werknemer ondersteuning bij nodig heeft en wat de jobcoach moet "
                      "helpen bereiken.",
        )

    def clean(self):
        gegevens = super().clean()
        ingevuld = any(gegevens.get(f"{d}_voorbeelden") or gegevens.get(f"{d}_toelichting") for d in icf.VOORBEELDEN)
        if not ingevuld:
            raise forms.ValidationError(
                "Vertel bij ten minste één onderwerp wat er misgaat op het werk: kruis een voorbeeld aan of "
                "beschrijf het in uw eigen woorden.", code="geen_ondersteuningsvraag")
        return gegevens

    def vragen(self) -> list[tuple[str, str, str]]:
        """The answers as (domein, code, tekst) rows."""
        rijen = []
        for domein in icf.VOORBEELDEN:
            for code in self.cleaned_data.get(f"{domein}_voorbeelden") or []:
                rijen.append((domein, code, icf.LABEL_BIJ_CODE[code]))
            tekst = (self.cleaned_data.get(f"{domein}_toelichting") or "").strip()
            if tekst:
                rijen.append((domein, domein, tekst))
        return rijen

    @staticmethod
    def initial_uit(vragen) -> dict:
        initial: dict = {}
        for vraag in vragen:
            if vraag.is_toelichting:
                initial[f"{vraag.domein}_toelichting"] = vraag.tekst
            else:
                initial.setdefault(f"{vraag.domein}_voorbeelden", []).append(vraag.code)
        return initial


# --- step 5: de werkplek (4 A's) ---------------------------------------------------------------------------


class WerkplekForm(IntakeForm):
    werkgever_doet_al = _tekstveld(
        "Wat doet de werkgever al om de werknemer te helpen?", rows=3, max_length=MAX_TEKST,
        verplicht="Beschrijf wat de werkgever al doet.",
        help_text="Bijvoorbeeld: een vaste collega als aanspreekpunt, aangepaste werktijden, een rustige werkplek.",
    )
    interne_werkbegeleider = JaNeeField(
        label="Is er een interne werkbegeleider?", verplicht="Geef aan of er een interne werkbegeleider is.",
        help_text="Een collega die de werknemer op de werkvloer begeleidt.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for factor in Arbeidsfactor:
            uitleg = icf.ARBEIDSFACTOR_UITLEG[factor]
            self.fields[f"{factor}_bevorderend"] = _tekstveld(
                f"{factor.label}: wat helpt?", required=False, rows=2, max_length=MAX_TEKST, help_text=uitleg)
            self.fields[f"{factor}_belemmerend"] = _tekstveld(
                f"{factor.label}: wat maakt het moeilijk?", required=False, rows=2, max_length=MAX_TEKST)
        self.fields["voorkeur_jobcoachorganisatie"] = forms.ModelChoiceField(
            label="Voorkeur voor een jobcoachorganisatie", required=False,
            queryset=Jobcoachorganisatie.objects.order_by("naam"), empty_label="Geen voorkeur",
            help_text="De gemeente kiest een organisatie die aan de eisen van haar verordening voldoet.",
            error_messages={"invalid_choice": "Kies een jobcoachorganisatie uit de lijst."},
        )
        self.order_fields([f"{f}_{i}" for f in Arbeidsfactor for i in ("bevorderend", "belemmerend")])

    def factoren(self) -> list[tuple[str, str, str]]:
        """The 4 A's as (factor, invloed, tekst) rows."""
        rijen = []
        for factor in Arbeidsfactor:
            for invloed in ("bevorderend", "belemmerend"):
                tekst = (self.cleaned_data.get(f"{factor}_{invloed}") or "").strip()
                if tekst:
                    rijen.append((factor.value, invloed, tekst))
        return rijen

    @staticmethod
    def initial_uit(factoren) -> dict:
        initial: dict = {}
        for rij in factoren:
            sleutel = f"{rij.factor}_{rij.invloed}"
            initial[sleutel] = "\n".join(filter(None, [initial.get(sleutel, ""), rij.tekst]))
        return initial


# --- step 6: bijlagen, and the aanvulling -------------------------------------------------------------------


BIJLAGEN_HULP = (
    f"{bijlagen.TOEGESTAAN_TEKST}; hoogstens {bijlagen.mb(bijlagen.MAX_BESTAND)} per bestand en "
    f"{bijlagen.mb(bijlagen.MAX_PER_AANVRAAG)} voor alle bijlagen samen."
)


class BijlagenForm(IntakeForm):
    bestanden = MeerdereBestandenField(
        label="Bijlagen toevoegen", required=False,
        help_text="Bijvoorbeeld de arbeidsovereenkomst, de functieomschrijving of een loonwaardemeting. "
                  + BIJLAGEN_HULP,
        error_messages={"invalid": "Dit is geen bestand. Kies het bestand opnieuw.",
                        "empty": "Dit bestand is leeg. Kies het bestand opnieuw.",
                        "missing": "Er is geen bestand meegestuurd. Kies het bestand opnieuw."},
    )


class AanvullenForm(IntakeForm):
    bestanden = MeerdereBestandenField(
        label="Bestanden", required=False, help_text=BIJLAGEN_HULP,
        error_messages={"invalid": "Dit is geen bestand. Kies het bestand opnieuw.",
                        "empty": "Dit bestand is leeg. Kies het bestand opnieuw."},
    )
    toelichting = _tekstveld("Toelichting", required=False, rows=4, max_length=MAX_TEKST,
                             help_text="Schrijf hier de gevraagde gegevens, of een toelichting bij de bestanden.")

    def clean(self):
        gegevens = super().clean()
        if not self.errors and not gegevens.get("bestanden") and not (gegevens.get("toelichting") or "").strip():
            raise forms.ValidationError("Voeg een bestand toe of schrijf in de toelichting wat u aanvult.")
        return gegevens


# --- the klantmanager's actions ------------------------------------------------------------------------------


class AanvullingVragenForm(IntakeForm):
    wat_ontbreekt = _tekstveld(
        "Wat ontbreekt er?", rows=4, max_length=MAX_TEKST, verplicht="Geef aan welke gegevens ontbreken.",
        help_text="Eén onderdeel per regel. De aanvrager ziet deze lijst en krijgt een brief met de hersteltermijn.",
    )


class VerdagenForm(IntakeForm):
    weken = forms.IntegerField(
        label="Verdagen met (weken)", min_value=1, max_value=8, initial=4,
        help_text="Een redelijke termijn; de wet staat één verdaging toe (artikel 4:14 Awb).",
        error_messages={"required": "Vul het aantal weken in.", "invalid": "Vul een heel aantal weken in.",
                        "min_value": "Verdaag met ten minste 1 week.", "max_value": "Verdaag met hoogstens 8 weken."},
    )
    reden = _tekstveld("Reden van de verdaging", rows=3, max_length=MAX_TEKST,
                       verplicht="Geef de reden van de verdaging; die staat in de brief aan de aanvrager.")


class BuitenBehandelingForm(IntakeForm):
    reden = _tekstveld("Motivering", rows=3, max_length=MAX_TEKST,
                       verplicht="Geef de reden van het buiten behandeling stellen.",
                       help_text="Deze tekst staat in het besluit aan de aanvrager.")


class IntrekkenForm(IntakeForm):
    reden = forms.CharField(label="Reden van intrekken (optioneel)", required=False, max_length=MAX_TEKST,
                            widget=forms.Textarea(attrs={"rows": 3}))


class RegistratieForm(IntakeForm):
    """A request received by phone or letter, registered by the klantmanager."""

    kanaal = forms.ChoiceField(
        label="Hoe is de aanvraag binnengekomen?", widget=forms.RadioSelect,
        choices=[(Kanaal.TELEFOON.value, "Telefonisch"), (Kanaal.BRIEF.value, "Per brief")],
        error_messages={"required": "Kies hoe de aanvraag is binnengekomen.",
                        "invalid_choice": "Kies telefonisch of per brief."},
    )
    ontvangen_op = _datumveld("Datum van ontvangst", verplicht="Vul de datum van ontvangst in.",
                              help_text="De beslistermijn begint op deze dag.")
    gemeente = forms.ModelChoiceField(
        label="Gemeente", queryset=Gemeente.objects.none(), empty_label=None,
        error_messages={"required": "Kies de gemeente.", "invalid_choice": "Kies een van uw gemeenten."},
    )
    aanvrager = forms.ChoiceField(
        label="Wie vraagt aan?", choices=Aanvrager.choices, widget=forms.RadioSelect,
        error_messages={"required": "Kies wie de aanvraag doet.", "invalid_choice": "Kies een aanvrager uit de lijst."},
    )
    jobcoachorganisatie = forms.ModelChoiceField(
        label="Jobcoachorganisatie", required=False, queryset=Jobcoachorganisatie.objects.order_by("naam"),
        empty_label="Geen (werkgever of werknemer vraagt zelf aan)",
        help_text="Alleen als een jobcoachorganisatie de aanvraag doet.",
        error_messages={"invalid_choice": "Kies een jobcoachorganisatie uit de lijst."},
    )
    namens = forms.ChoiceField(
        label="Namens wie vraagt de jobcoachorganisatie aan?", required=False, widget=forms.RadioSelect,
        choices=Namens.choices, error_messages={"invalid_choice": "Kies de werkgever of de werknemer."},
    )

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten

    def clean_ontvangen_op(self) -> datetime.date:
        datum = self.cleaned_data["ontvangen_op"]
        if datum > _vandaag():
            raise forms.ValidationError("De datum van ontvangst ligt in de toekomst.")
        if datum < _vandaag() - datetime.timedelta(days=366):
            raise forms.ValidationError("De datum van ontvangst ligt meer dan een jaar terug.")
        return datum

    def clean(self):
        gegevens = super().clean()
        if gegevens.get("aanvrager") == Aanvrager.JOBCOACHORGANISATIE:
            if not gegevens.get("jobcoachorganisatie") and "jobcoachorganisatie" not in self.errors:
                self.add_error("jobcoachorganisatie", "Kies de jobcoachorganisatie die de aanvraag doet.")
            if not gegevens.get("namens") and "namens" not in self.errors:
                self.add_error("namens", "Kies namens wie de jobcoachorganisatie aanvraagt.")
        return gegevens
