"""Forms of the bezwaar: filing online, registering a letter, and the bezwaarbehandelaar's actions."""

from django import forms

from aanvragen.forms import JaNeeField, _datumveld, _tekstveld
from config.forms import UtrechtFormMixin

from .models import BezwaarUitkomst, IndienerRol

MAX_TEKST = 8000


def _keuze(label: str, choices, verplicht: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect,
                             error_messages={"required": verplicht, "invalid_choice": "Kies een van de mogelijkheden."})


class _Form(UtrechtFormMixin, forms.Form):
    """No HTML `required` attributes (the Utrecht CSS would paint empty fields red before anything was
    sent); validation is on the server with the Dutch messages below."""

    use_required_attribute = False


class BezwaarIndienenForm(_Form):
    gronden = _tekstveld("Waarom bent u het niet eens met het besluit?", rows=8, max_length=MAX_TEKST,
                         verplicht=("Schrijf op waarom u het niet eens bent met het besluit "
                                    "(de gronden van uw bezwaar)."))


class BezwaarRegistrerenForm(_Form):
    indiener_rol = _keuze("Bezwaarmaker", IndienerRol.choices, "Kies wie bezwaar maakt.")
    indiener_naam = _tekstveld("Naam bezwaarmaker", verplicht="Vul de naam van de bezwaarmaker in.")
    ontvangen_op = _datumveld("Datum van ontvangst", verplicht="Vul de datum in waarop de brief binnenkwam.")
    ter_post_bezorgd = _datumveld("Datum poststempel", required=False,
                                  help_text="Alleen als de brief na de bezwaartermijn binnenkwam (artikel 6:9 Awb).")
    gronden = _tekstveld("Gronden van het bezwaar", rows=8, max_length=MAX_TEKST,
                         verplicht="Neem de gronden van het bezwaar over uit de brief.")

    def clean(self):
        data = super().clean()
        ontvangen, post = data.get("ontvangen_op"), data.get("ter_post_bezorgd")
        if ontvangen and post and post > ontvangen:
            self.add_error("ter_post_bezorgd", "De poststempel kan niet na de datum van ontvangst liggen.")
        return data


class InBehandelingForm(_Form):
    commissie = JaNeeField(label="Vraagt u advies aan de bezwaarcommissie?",
                           verplicht="Kies of de bezwaarcommissie adviseert.",
                           help_text=("Met een commissie is de beslistermijn twaalf weken in plaats van zes "
                                      "(artikel 7:10 Awb)."))


class VerdagenForm(_Form):
    reden = _tekstveld("Reden van de verdaging", rows=3, max_length=2000,
                       verplicht="Schrijf op waarom de beslissing wordt verdaagd.")


class HoorzittingForm(_Form):
    op = _datumveld("Datum hoorzitting", verplicht="Vul de datum van de hoorzitting in.")
    genodigden = _tekstveld("Uitgenodigde partijen", rows=3, max_length=2000,
                            verplicht="Vul in wie voor de hoorzitting zijn uitgenodigd.")
    verslag = _tekstveld("Verslag", rows=8, max_length=MAX_TEKST, required=False)


class VerschoonbaarForm(_Form):
    verschoonbaar = JaNeeField(label="Is de termijnoverschrijding verschoonbaar (artikel 6:11 Awb)?",
                               verplicht="Kies of de overschrijding verschoonbaar is.")


class BeslissenForm(_Form):
    uitkomst = _keuze("Uitkomst", BezwaarUitkomst.choices, "Kies de uitkomst van het bezwaar.")
    motivering = _tekstveld("Motivering", rows=10, max_length=MAX_TEKST,
                            verplicht="Motiveer de beslissing op bezwaar.")
