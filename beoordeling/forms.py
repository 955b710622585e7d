from decimal import Decimal

from django import forms

from config.forms import UtrechtFormMixin
from verordening.models import Jobcoachorganisatie

from .models import Uitkomst

FASE_LABELS = {
    "beeldvorming": ("Beeldvorming", "Wat is het beeld van de werknemer, het werk en de werkplek? Noem uw bronnen."),
    "oordeelsvorming": ("Oordeelsvorming", "Welke knelpunten zijn er, en is jobcoaching de meest adequate oplossing?"),
    "besluitvorming": ("Besluitvorming", "De motivering van het besluit; deze tekst komt in de beschikking."),
}


class FaseForm(UtrechtFormMixin, forms.Form):
    """The text of one BOB phase; `versie` detects a concurrent save by someone else."""

    versie = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, fase: str, **kwargs):
        super().__init__(*args, **kwargs)
        label, hulp = FASE_LABELS[fase]
        self.fields[fase] = forms.CharField(
            label=label, help_text=hulp, widget=forms.Textarea(attrs={"rows": 8}), required=False, max_length=20000
        )
        self.fase = fase


class BesluitvormingForm(FaseForm):
    voorstel_uitkomst = forms.ChoiceField(
        label="Voorgestelde uitkomst", choices=[("", "— kies —"), *Uitkomst.choices], required=False
    )
    voorstel_uren_per_week = forms.DecimalField(
        label="Uren jobcoaching per week", required=False, max_digits=4, decimal_places=1,
        min_value=Decimal("0.5"), max_value=Decimal("40"), localize=True,
        error_messages={"invalid": "Vul een getal in, bijvoorbeeld 2 of 1,5.",
                        "min_value": "Minimaal 0,5 uur per week.", "max_value": "Maximaal 40 uur per week.",
                        "max_decimal_places": "Gebruik hoogstens één cijfer achter de komma."},
    )
    voorstel_duur_maanden = forms.IntegerField(
        label="Duur (maanden)", required=False, min_value=1, max_value=36,
        error_messages={"invalid": "Vul een heel aantal maanden in.", "min_value": "Minimaal 1 maand.",
                        "max_value": "Maximaal 36 maanden."},
    )
    voorstel_jobcoachorganisatie = forms.ModelChoiceField(
        label="Jobcoachorganisatie", queryset=Jobcoachorganisatie.objects.all(), required=False,
        empty_label="— nog niet gekozen —",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, fase="besluitvorming", **kwargs)


class TerugsturenForm(UtrechtFormMixin, forms.Form):
    reden = forms.CharField(
        label="Reden van terugsturen", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000,
        error_messages={"required": "Geef aan waarom u het besluit terugstuurt."},
    )
