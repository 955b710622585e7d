"""Forms of the traject pages: the jobcoach's voortgangsrapportage and the klantmanager's review."""

from decimal import Decimal

from django import forms

VERPLICHT = "Dit veld is verplicht."


def _tekst(label: str, *, help_text: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label, help_text=help_text, max_length=5000, widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": VERPLICHT, "max_length": "Gebruik hoogstens 5000 tekens."},
    )


class RapportageForm(forms.Form):
    """Hours spent, progress per goal of the besluit (one field each), next steps and afbouw."""

    # Validation is the server's (Dutch messages beside the field); no browser :invalid styling on an
    # empty, untouched form.
    use_required_attribute = False

    uren_besteed = forms.DecimalField(
        label="Bestede uren in deze periode", min_value=Decimal("0"), max_value=Decimal("2000"), max_digits=6,
        decimal_places=1, localize=True,
        error_messages={"required": VERPLICHT, "invalid": "Vul een getal in, bijvoorbeeld 24 of 2,5.",
                        "min_value": "Het aantal uren kan niet negatief zijn.",
                        "max_value": "Maximaal 2000 uur per periode.",
                        "max_decimal_places": "Gebruik hoogstens één cijfer achter de komma.",
                        "max_digits": "Vul een kleiner aantal uren in.",
                        "max_whole_digits": "Vul een kleiner aantal uren in."},
    )
    volgende_stappen = _tekst("Volgende stappen")
    afbouw = _tekst("Afbouw van de begeleiding", help_text="Hoe wordt de begeleiding afgebouwd, en wanneer?")

    def __init__(self, *args, doelen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.doelen = list(doelen)
        for doel in self.doelen:
            self.fields[f"doel_{doel.pk}"] = _tekst(f"Voortgang op doel: {doel.doel}", rows=3)
        # The goals right after the hours, in the besluit's order.
        volgorde = ["uren_besteed", *(f"doel_{d.pk}" for d in self.doelen), "volgende_stappen", "afbouw"]
        self.order_fields(volgorde)

    @classmethod
    def initial_uit(cls, rapportage) -> dict:
        initial = {"uren_besteed": rapportage.uren_besteed, "volgende_stappen": rapportage.volgende_stappen,
                   "afbouw": rapportage.afbouw}
        initial.update({f"doel_{pk}": tekst for pk, tekst in rapportage.voortgang.items()})
        return initial

    def gegevens(self) -> dict:
        d = self.cleaned_data
        return {"uren_besteed": d["uren_besteed"], "volgende_stappen": d["volgende_stappen"], "afbouw": d["afbouw"],
                "voortgang": {str(doel.pk): d[f"doel_{doel.pk}"] for doel in self.doelen}}


class BeoordelenForm(forms.Form):
    """Accept the report, or ask the jobcoach for a change with a reason."""

    use_required_attribute = False

    besluit = forms.ChoiceField(
        label="Uw oordeel", widget=forms.RadioSelect,
        choices=[("accepteren", "Accepteren"), ("wijziging", "Wijziging vragen")],
        error_messages={"required": "Maak een keuze.", "invalid_choice": "Kies een van de mogelijkheden."},
    )
    reden = forms.CharField(
        label="Welke wijziging vraagt u?", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Gebruik hoogstens 2000 tekens."},
    )

    def clean(self):
        data = super().clean()
        if data.get("besluit") == "wijziging" and not (data.get("reden") or "").strip():
            self.add_error("reden", "Geef aan welke wijziging u vraagt.")
        return data
