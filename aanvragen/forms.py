import datetime
from decimal import Decimal

from django import forms
from django.utils import timezone

from config.forms import UtrechtFormMixin
from verordening.models import Gemeente

from .validators import valideer_bsn


class AanvraagForm(UtrechtFormMixin, forms.Form):
    gemeente = forms.ModelChoiceField(
        label="Woongemeente van de werknemer",
        queryset=Gemeente.objects.all(),
        help_text="De gemeente waar de werknemer woont, beslist over de aanvraag.",
        error_messages={"required": "Kies de woongemeente van de werknemer.",
                        "invalid_choice": "Deze gemeente werkt (nog) niet met Jobcoachloket."},
    )
    werknemer_naam = forms.CharField(
        label="Naam werknemer", max_length=200, error_messages={"required": "Vul de naam van de werknemer in."}
    )
    werknemer_bsn = forms.CharField(
        label="BSN werknemer", max_length=11, help_text="9 cijfers",
        error_messages={"required": "Vul het BSN van de werknemer in."},
    )
    functie = forms.CharField(label="Functie", max_length=200, error_messages={"required": "Vul de functie in."})
    contracturen_per_week = forms.DecimalField(
        label="Contracturen per week", max_digits=4, decimal_places=1,
        min_value=Decimal("1"), max_value=Decimal("60"),
        error_messages={
            "required": "Vul het aantal contracturen per week in.",
            "invalid": "Vul een getal in, bijvoorbeeld 24 of 24,5.",
            "min_value": "Het aantal contracturen is minimaal 1 uur per week.",
            "max_value": "Het aantal contracturen is maximaal 60 uur per week.",
            "max_decimal_places": "Gebruik hoogstens één cijfer achter de komma.",
            "max_digits": "Het aantal contracturen is maximaal 60 uur per week.",
        },
        localize=True,
    )
    startdatum = forms.DateField(
        label="Startdatum werk",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={"required": "Vul de startdatum in.", "invalid": "Vul een geldige datum in (dd-mm-jjjj)."},
    )
    reden = forms.CharField(
        label="Waarom is jobcoaching nodig?",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Beschrijf kort waar de werknemer ondersteuning bij nodig heeft.",
        error_messages={"required": "Beschrijf waarom jobcoaching nodig is."},
    )

    def clean_werknemer_bsn(self) -> str:
        return valideer_bsn(self.cleaned_data["werknemer_bsn"])

    def clean_startdatum(self) -> datetime.date:
        datum = self.cleaned_data["startdatum"]
        vandaag = timezone.localdate()
        if datum < vandaag - datetime.timedelta(days=366):
            raise forms.ValidationError("De startdatum ligt meer dan een jaar in het verleden.")
        if datum > vandaag + datetime.timedelta(days=366):
            raise forms.ValidationError("De startdatum ligt meer dan een jaar in de toekomst.")
        return datum


class IntrekkenForm(UtrechtFormMixin, forms.Form):
    reden = forms.CharField(label="Reden van intrekken (optioneel)", required=False, widget=forms.Textarea(attrs={"rows": 3}))
