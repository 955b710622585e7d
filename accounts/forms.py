from django import forms
from django.core.exceptions import ValidationError

from aanvragen.validators import valideer_bsn

DATUM_FORMATEN = ["%Y-%m-%d", "%d-%m-%Y"]


def _datumveld(label: str) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, input_formats=DATUM_FORMATEN,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in (dd-mm-jjjj)."},
    )


class VerwerkingenZoekForm(forms.Form):
    """Search the verwerkingenlog for one person (AVG inzageverzoek). Sent by POST so the BSN never
    appears in a URL or an access log."""

    bsn = forms.CharField(
        label="BSN van de werknemer", max_length=20,
        error_messages={"required": "Vul het BSN van de werknemer in.", "max_length": "Een BSN bestaat uit 9 cijfers."},
    )
    van = _datumveld("Vanaf")
    tot = _datumveld("Tot en met")

    def clean_bsn(self) -> str:
        return valideer_bsn(self.cleaned_data["bsn"])

    def clean(self):
        gegevens = super().clean()
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and van > tot:
            raise ValidationError({"tot": "De einddatum ligt vóór de begindatum."})
        return gegevens
