"""Forms of the verordening pages: editing a concept version, and the example case of preview and comparison.

The edit page is one <form> made of a group form per part of the verordening (each rendered with
`{{ form }}` inside its own fieldset) and two formsets for the regimes. `VerordeningFormulier` ties
them together: field checks first (each with a Dutch message beside its field), then the checks of the
rules as a whole (regels.problemen, i.e. the engine), shown above the form.
"""

import datetime
from decimal import Decimal

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils import timezone

from config.forms import UtrechtFormMixin

from . import regels as regelmodule
from .engine import IntensiteitSoort
from .models import (
    EenheidKeuze,
    Evaluatiefrequentie,
    IntensiteitKeuze,
    Jobcoachorganisatie,
    KeurmerkKeuze,
    OpleidingKeuze,
    Regio,
    Verordening,
)

MAX_LOGO_BYTES = 512 * 1024
DATUM_FORMATEN = ["%Y-%m-%d", "%d-%m-%Y"]


def _datumveld(label: str, *, verplicht: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label, required=verplicht, help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), input_formats=DATUM_FORMATEN,
        error_messages={"required": f"Vul de {label.lower()} in.", "invalid": "Vul een geldige datum in (dd-mm-jjjj)."},
    )


def _getalveld(label: str, *, minimum, maximum, decimalen: int = 1, verplicht: bool = False, eenheid: str = "",
               help_text: str = "") -> forms.DecimalField:
    achter = "zonder cijfers achter de komma" if decimalen == 0 else f"hoogstens {decimalen} cijfer(s) achter de komma"
    # Django fills in %(limit_value)s in these messages, so a literal % is written as %%.
    wat, eenheid = label.replace("%", "%%"), eenheid.replace("%", "%%")
    te_hoog = f"{wat} mag niet hoger zijn dan {maximum}{eenheid}."
    return forms.DecimalField(
        label=label, required=verplicht, min_value=Decimal(minimum), max_value=Decimal(maximum),
        max_digits=6, decimal_places=decimalen, localize=True, help_text=help_text,
        error_messages={
            "required": f"Vul {label.lower()} in.",
            "invalid": "Vul een getal in, bijvoorbeeld 10 of 7,5.",
            "min_value": (f"{wat} mag niet lager zijn dan {minimum}{eenheid}." if minimum
                          else f"{wat} mag niet negatief zijn."),
            "max_value": te_hoog, "max_digits": te_hoog, "max_whole_digits": te_hoog,
            "max_decimal_places": f"Gebruik {achter}.",
        },
    )


def _percentageveld(label: str, *, verplicht: bool = False, help_text: str = "") -> forms.DecimalField:
    veld = _getalveld(label, minimum=0, maximum=100, decimalen=2, verplicht=verplicht, eenheid="%",
                      help_text=help_text)
    buiten = f"{label.replace('%', '%%')}: een percentage ligt tussen 0 en 100."
    for sleutel in ("min_value", "max_value", "max_digits", "max_whole_digits"):
        veld.error_messages[sleutel] = buiten
    return veld


def _heel_getal(naam: str, label: str, *, verplicht: bool = True, help_text: str = "") -> forms.IntegerField:
    grens = regelmodule.GRENZEN[naam]
    return forms.IntegerField(
        label=label, required=verplicht, min_value=grens.minimum, max_value=grens.maximum, help_text=help_text,
        error_messages={"required": f"Vul {label.lower()} in.", "invalid": "Vul een geheel getal in.",
                        "min_value": grens.te_laag(), "max_value": grens.te_hoog()},
    )


def _janee(label: str, help_text: str = "") -> forms.BooleanField:
    return forms.BooleanField(label=label, required=False, help_text=help_text)


class _Groep(UtrechtFormMixin, forms.Form):
    titel = ""


class AlgemeenForm(_Groep):
    titel = "Versie"
    versie = forms.CharField(widget=forms.HiddenInput, required=False)
    naam = forms.CharField(label="Naam van de verordening", max_length=200,
                           error_messages={"required": "Vul de naam van de verordening in.",
                                           "max_length": "De naam is te lang (hoogstens 200 tekens)."})
    geldig_van = _datumveld("Geldig van", help_text="De eerste dag waarop deze versie geldt.")
    geldig_tot = _datumveld("Geldig tot en met", verplicht=False,
                            help_text="Leeg laten als de einddatum nog niet vaststaat. Bij publicatie eindigt een "
                                      "open voorgaande versie automatisch op de dag vóór deze versie.")


class GeschiktheidForm(_Groep):
    titel = "Geschiktheid"
    doelgroepregister_vereist = _janee("Inschrijving in het Doelgroepregister is vereist")
    min_loonwaarde_pct = _percentageveld("Minimale loonwaarde (%)", help_text="UWV-protocol: 30%. Leeg: geen minimum.")
    sfb_vereist = _janee("Een structureel functionele beperking (SFB) is vereist")
    min_contracturen_per_week = _getalveld("Minimum contracturen per week", minimum=0, maximum=60,
                                           help_text="Leeg: geen minimum.")
    min_contractduur_maanden = _heel_getal("min_contractduur_maanden", "Minimale contractduur (maanden)",
                                           verplicht=False, help_text="Leeg: geen minimum.")
    doelgroep_toelichting = forms.CharField(
        label="Doelgroep (toelichting)", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
        error_messages={"max_length": "De toelichting is te lang (hoogstens 2000 tekens)."},
    )


class IntensiteitForm(_Groep):
    titel = "Intensiteit"
    intensiteit_soort = forms.ChoiceField(
        label="Soort intensiteit", choices=IntensiteitKeuze.choices, widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe de intensiteit wordt bepaald.",
                        "invalid_choice": "Kies een van de vier soorten intensiteit."},
    )
    vast_percentage = _percentageveld("Vast percentage van de contracturen",
                                      help_text="Alleen bij een vast percentage, bijvoorbeeld 5.")
    vaste_uren = _getalveld("Vast aantal uren", minimum=0, maximum=1000, help_text="Alleen bij een vast aantal uren.")
    vaste_uren_eenheid = forms.ChoiceField(
        label="Eenheid van het vaste aantal uren", required=False,
        choices=[("", "— kies —"), *EenheidKeuze.choices],
        error_messages={"invalid_choice": "Kies per week of per half jaar."},
    )
    standaard_regime = forms.CharField(
        label="Standaardregime", required=False, max_length=40,
        help_text="Alleen bij regimes: het regime als de aanvraag er geen noemt, bijvoorbeeld midden.",
        error_messages={"max_length": "De naam van het regime is te lang (hoogstens 40 tekens)."},
    )
    max_uren_per_periode = _getalveld("Maximum aantal uren per toekenningsperiode", minimum=0, maximum=10000,
                                      help_text="Een absoluut plafond per periode. Leeg: geen plafond.")

    def clean_standaard_regime(self) -> str:
        return regelmodule.regimenaam(self.cleaned_data["standaard_regime"])


class _RegimeForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(label="Naam", max_length=40,
                           error_messages={"required": "Geef het regime een naam.",
                                           "max_length": "De naam is te lang (hoogstens 40 tekens)."})

    def clean_naam(self) -> str:
        naam = regelmodule.regimenaam(self.cleaned_data["naam"])
        if not regelmodule.REGIMENAAM.match(naam):
            raise forms.ValidationError("Gebruik letters, cijfers en spaties; begin met een letter.")
        return naam


class PercentageRegimeForm(_RegimeForm):
    jaar_1 = _percentageveld("Jaar 1 (%)", verplicht=True)
    jaar_2 = _percentageveld("Jaar 2 (%)", verplicht=True)
    jaar_3_en_verder = _percentageveld("Jaar 3 en verder (%)", verplicht=True)


class UrenbandForm(_RegimeForm):
    min_uren = _getalveld("Minimum uren per half jaar", minimum=0, maximum=1000, verplicht=True)
    max_uren = _getalveld("Maximum uren per half jaar", minimum=0, maximum=1000, verplicht=True)

    def clean(self):
        gegevens = super().clean()
        laag, hoog = gegevens.get("min_uren"), gegevens.get("max_uren")
        if laag is not None and hoog is not None and laag > hoog:
            self.add_error("max_uren", "Het maximum is lager dan het minimum.")
        return gegevens


class _RegimeFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        namen = [f.cleaned_data["naam"] for f in self.forms
                 if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("naam")]
        dubbel = sorted({regelmodule.regimelabel(n) for n in namen if namen.count(n) > 1})
        if dubbel:
            raise forms.ValidationError(f"Elk regime komt maar één keer voor; dubbel: {', '.join(dubbel)}.")

    def regimes(self) -> list[dict]:
        return [{k: v for k, v in f.cleaned_data.items() if k != "DELETE"} for f in self.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")]


PercentageRegimeFormSet = forms.formset_factory(PercentageRegimeForm, formset=_RegimeFormSet, extra=1, can_delete=True)
UrenbandFormSet = forms.formset_factory(UrenbandForm, formset=_RegimeFormSet, extra=1, can_delete=True)


class DuurForm(_Groep):
    titel = "Duur"
    standaard_max_maanden = _heel_getal("standaard_max_maanden", "Standaard maximale duur (maanden)",
                                        help_text="Bijvoorbeeld 24 (twee jaar) of 36 (drie jaar).")
    toekenningsperiode_maanden = forms.TypedChoiceField(
        label="Toekenningsperiode", choices=[(6, "6 maanden (26 weken)"), (12, "12 maanden (52 weken)")],
        coerce=int, widget=forms.RadioSelect,
        error_messages={"required": "Kies een toekenningsperiode van 6 of 12 maanden.",
                        "invalid_choice": "Kies een toekenningsperiode van 6 of 12 maanden."},
    )
    verlenging_toegestaan = _janee("Verlenging na de standaard maximale duur is mogelijk")
    verlenging_bewijs = forms.CharField(
        label="Bewijs voor verlenging", required=False, max_length=500,
        help_text="Verplicht als verlenging mogelijk is, bijvoorbeeld: een uitgebreid plan van aanpak.",
        error_messages={"max_length": "De tekst is te lang (hoogstens 500 tekens)."},
    )
    max_totaal_maanden = _heel_getal("max_totaal_maanden", "Maximale totale duur inclusief verlenging (maanden)",
                                     verplicht=False, help_text="Leeg: geen maximum.")


class KwaliteitForm(_Groep):
    titel = "Kwaliteit"
    geaccepteerde_keurmerken = forms.MultipleChoiceField(
        label="Geaccepteerde keurmerken en registers", required=False, choices=KeurmerkKeuze.choices,
        widget=forms.CheckboxSelectMultiple, help_text="De organisatie moet er op de peildatum één geldig hebben. "
                                                       "Niets aangevinkt: geen eis.",
        error_messages={"invalid_choice": "Kies alleen keurmerken en registers uit de lijst."},
    )
    min_opleiding = forms.ChoiceField(
        label="Minimaal opleidingsniveau van de jobcoach", required=False,
        choices=[("", "Geen eis"), *OpleidingKeuze.choices],
        error_messages={"invalid_choice": "Kies een opleidingsniveau uit de lijst."},
    )
    jobcoach_niet_klantmanager = _janee("De jobcoach is nooit ook de klantmanager (handhaving en begeleiding "
                                        "in verschillende handen)")


class MonitoringForm(_Groep):
    titel = "Monitoring"
    evaluatiefrequentie = forms.ChoiceField(
        label="Evaluatie van het traject", choices=Evaluatiefrequentie.choices, widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe vaak het traject wordt geëvalueerd.",
                        "invalid_choice": "Kies per kwartaal of per half jaar."},
    )
    herbeoordeling_weken_voor_einde = _heel_getal(
        "herbeoordeling_weken_voor_einde", "Herbeoordeling begint (weken vóór de einddatum)",
    )


class TermijnenForm(_Groep):
    titel = "Termijnen"
    beslistermijn_weken = _heel_getal("beslistermijn_weken", "Beslistermijn (weken)",
                                      help_text="Awb artikel 4:13: een redelijke termijn, uiterlijk 8 weken.")
    hersteltermijn_weken = _heel_getal("hersteltermijn_weken", "Hersteltermijn voor aanvulling (weken)",
                                       help_text="Awb artikel 4:5; gebruikelijk is 2 weken.")


class TekstenForm(_Groep):
    titel = "Teksten voor brieven en de beschikking"
    briefhoofd_naam = forms.CharField(
        label="Naam in het briefhoofd", required=False, max_length=200,
        help_text="Leeg: 'Gemeente' en de naam van de gemeente van de aanvraag.",
        error_messages={"max_length": "De naam is te lang (hoogstens 200 tekens)."},
    )
    logo = forms.ImageField(
        label="Logo", required=False, help_text="PNG of JPEG, hoogstens 512 kB. Het logo wordt in de brief "
                                                "opgenomen; er wordt nooit een internetadres opgehaald.",
        validators=[FileExtensionValidator(["png", "jpg", "jpeg"], "Een logo is een PNG- of JPEG-bestand.")],
        error_messages={"invalid_image": "Dit bestand is geen (leesbare) afbeelding. Kies een PNG- of JPEG-bestand.",
                        "invalid": "Kies een PNG- of JPEG-bestand.", "empty": "Het gekozen bestand is leeg."},
    )
    artikel_persoonlijke_ondersteuning = forms.CharField(
        label="Artikel over persoonlijke ondersteuning", max_length=60,
        help_text="Het artikel van de verordening dat in de beschikking wordt genoemd, bijvoorbeeld: artikel 8.",
        error_messages={"required": "Vul het artikel van de verordening in.",
                        "max_length": "Hoogstens 60 tekens."},
    )
    ondertekenaar_functie = forms.CharField(
        label="Ondertekening namens", max_length=200,
        error_messages={"required": "Vul in namens wie de beschikking wordt ondertekend.",
                        "max_length": "Hoogstens 200 tekens."},
    )
    bezwaar_adres = forms.CharField(
        label="Adres voor bezwaar", widget=forms.Textarea(attrs={"rows": 4}), max_length=1000,
        error_messages={"required": "Vul het adres in waar belanghebbenden bezwaar kunnen maken.",
                        "max_length": "Het adres is te lang (hoogstens 1000 tekens)."},
    )

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and getattr(logo, "size", 0) > MAX_LOGO_BYTES:
            raise forms.ValidationError("Het logo is te groot; hoogstens 512 kB.")
        if logo and getattr(getattr(logo, "image", None), "format", "PNG") not in ("PNG", "JPEG"):
            raise forms.ValidationError("Een logo is een PNG- of JPEG-bestand.")
        return logo


GROEPEN = (AlgemeenForm, GeschiktheidForm, IntensiteitForm, DuurForm, KwaliteitForm, MonitoringForm, TermijnenForm,
           TekstenForm)


def _zonder_nullen(getal: Decimal) -> Decimal:
    """6.00 → 6 and 7.50 → 7.5, so a form shows what the user typed (normalize() alone gives 1E+1 for 10)."""
    return getal.quantize(Decimal(1)) if getal == getal.to_integral_value() else getal.normalize()


def _met_decimalen(regimes: list[dict]) -> list[dict] | None:
    """Stored regimes (figures as strings) as form initial data (Decimals, shown as '7,5')."""
    return [{k: (v if k == "naam" or v is None else _zonder_nullen(Decimal(v))) for k, v in r.items()}
            for r in regimes] or None


class VerordeningFormulier:
    """The edit page's group forms and regime formsets, validated together."""

    def __init__(self, *, verordening: Verordening, versie: str, data=None, files=None):
        initial = {veld: getattr(verordening, veld) for groep in GROEPEN for veld in groep.base_fields
                   if veld != "versie"}
        initial = {veld: _zonder_nullen(w) if isinstance(w, Decimal) else w for veld, w in initial.items()}
        initial["logo"] = verordening.logo or None
        initial["versie"] = versie
        self.groepen = [groep(data, files, initial=initial) for groep in GROEPEN]
        self.percentages = PercentageRegimeFormSet(data, prefix="pct",
                                                   initial=_met_decimalen(verordening.percentage_regimes))
        self.banden = UrenbandFormSet(data, prefix="band", initial=_met_decimalen(verordening.regime_banden))
        self.regelfouten: list[str] = []
        self.gegevens: dict = {}

    @property
    def intensiteit(self) -> IntensiteitForm:
        return self.groepen[2]

    def _soort(self) -> str:
        bron = self.intensiteit.data if self.intensiteit.is_bound else self.intensiteit.initial
        return bron.get("intensiteit_soort") or ""

    def _formset_voor_soort(self):
        """Only the regimes of the chosen kind count; the other formset is ignored (and cleared on save)."""
        return {IntensiteitSoort.PERCENTAGE_PER_JAAR: self.percentages,
                IntensiteitSoort.REGIME_BANDEN: self.banden}.get(self._soort())

    def is_valid(self) -> bool:
        formset = self._formset_voor_soort()
        groepen_geldig = all([g.is_valid() for g in self.groepen])
        if not (groepen_geldig and (formset is None or formset.is_valid())):
            return False
        self.gegevens = {k: v for g in self.groepen for k, v in g.cleaned_data.items()}
        self.gegevens["percentage_regimes"] = self.percentages.regimes() if formset is self.percentages else []
        self.gegevens["regime_banden"] = self.banden.regimes() if formset is self.banden else []
        return self._controleer_regels()

    def _controleer_regels(self) -> bool:
        """The rules as a whole (the engine); a message about one field goes beside that field."""
        fouten = regelmodule.problemen(regelmodule.normaliseer(self.gegevens))
        for veld, teksten in fouten.items():
            groep = next((g for g in self.groepen if veld in g.fields), None)
            for tekst in teksten:
                if groep is None:
                    self.regelfouten.append(tekst)
                else:
                    groep.add_error(veld, tekst)
        return not fouten

    def fout(self, tekst: str) -> None:
        """A message about the whole form (e.g. from the service), shown above it."""
        self.regelfouten.append(tekst)


# --------------------------------------------------------------------------------------------------
# The example case: preview of one version, and the comparison of a regio's gemeenten.


def _eerste_van_volgende_maand(vandaag: datetime.date) -> datetime.date:
    return (vandaag.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def voorbeeld_standaard(vandaag: datetime.date | None = None) -> dict[str, str]:
    """The example case shown before the user typed one: 24 hours a week, starting next month."""
    vandaag = vandaag or timezone.localdate()
    return {"contracturen_per_week": "24", "startdatum": _eerste_van_volgende_maand(vandaag).isoformat(),
            "datum": vandaag.isoformat(), "regime": ""}


class VoorbeeldForm(UtrechtFormMixin, forms.Form):
    """The facts of an example case (GET). `regimes` are the names the compared versions know."""

    contracturen_per_week = _getalveld("Contracturen per week", minimum=1, maximum=60, verplicht=True)
    startdatum = _datumveld("Startdatum van het traject")
    contract_einddatum = _datumveld("Einddatum van het contract", verplicht=False,
                                    help_text="Leeg: contract voor onbepaalde tijd.")
    regime = forms.ChoiceField(label="Regime", required=False, choices=[("", "Standaardregime van de verordening")],
                               error_messages={"invalid_choice": "Kies een regime uit de lijst."})
    gevraagde_uren = _getalveld("Gevraagde uren per half jaar", minimum=0, maximum=1000,
                                help_text="Alleen bij regimes met urenbanden. Leeg: het maximum van de band.")
    doelgroepregister = _janee("De werknemer staat in het Doelgroepregister")
    loonwaarde_pct = _percentageveld("Loonwaarde (%)", help_text="Leeg: niet vastgesteld.")
    jobcoachorganisatie = forms.ModelChoiceField(
        label="Jobcoachorganisatie", required=False, queryset=Jobcoachorganisatie.objects.order_by("naam"),
        empty_label="Niet toetsen", help_text="Toetst de keurmerken van de organisatie op de datum hieronder.",
        error_messages={"invalid_choice": "Kies een jobcoachorganisatie uit de lijst."},
    )
    datum = _datumveld("Datum van ontvangst", help_text="Bepaalt welke versie geldt en is de peildatum voor "
                                                        "keurmerken.")

    def __init__(self, *args, regimes: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regime"].choices = [("", "Standaardregime van de verordening"),
                                         *((n, regelmodule.regimelabel(n)) for n in regimes)]

    def clean(self):
        gegevens = super().clean()
        start, eind = gegevens.get("startdatum"), gegevens.get("contract_einddatum")
        if start and eind and eind < start:
            self.add_error("contract_einddatum", "Het contract eindigt vóór de startdatum van het traject.")
        return gegevens


def _regioveld() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Regio", queryset=Regio.objects.none(), empty_label=None,
        error_messages={"required": "Kies een regio.", "invalid_choice": "Kies een regio uit de lijst."},
    )


class RegioDatumForm(forms.Form):
    """Just the regio and date of the comparison: they decide which versions are compared."""

    regio = _regioveld()
    datum = VoorbeeldForm.base_fields["datum"]

    def __init__(self, *args, regio_s, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regio"].queryset = regio_s


class VergelijkingForm(VoorbeeldForm):
    regio = _regioveld()
    field_order = ["regio"]

    def __init__(self, *args, regio_s, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regio"].queryset = regio_s


# --------------------------------------------------------------------------------------------------
# The register of jobcoachorganisaties


class JobcoachorganisatieForm(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(label="Naam", max_length=200,
                           error_messages={"required": "Vul de naam van de organisatie in.",
                                           "max_length": "De naam is te lang (hoogstens 200 tekens)."})
    kvk_nummer = forms.CharField(label="KvK-nummer", max_length=8, min_length=8, help_text="8 cijfers",
                                 error_messages={"required": "Vul het KvK-nummer in.",
                                                 "max_length": "Een KvK-nummer bestaat uit acht cijfers.",
                                                 "min_length": "Een KvK-nummer bestaat uit acht cijfers."})

    def clean_kvk_nummer(self) -> str:
        nummer = self.cleaned_data["kvk_nummer"].strip()
        if not nummer.isdigit():
            raise forms.ValidationError("Een KvK-nummer bestaat uit acht cijfers.")
        if Jobcoachorganisatie.objects.filter(kvk_nummer=nummer).exists():
            raise forms.ValidationError("Er staat al een organisatie met dit KvK-nummer in het register.")
        return nummer


class KeurmerkregistratieForm(UtrechtFormMixin, forms.Form):
    keurmerk = forms.ChoiceField(label="Keurmerk of register", choices=[("", "— kies —"), *KeurmerkKeuze.choices],
                                 error_messages={"required": "Kies een keurmerk of register.",
                                                 "invalid_choice": "Kies een keurmerk of register uit de lijst."})
    registratienummer = forms.CharField(label="Registratienummer", required=False, max_length=40,
                                        error_messages={"max_length": "Hoogstens 40 tekens."})
    geldig_van = _datumveld("Geldig van", verplicht=False)
    geldig_tot = _datumveld("Geldig tot en met", verplicht=False,
                            help_text="Leeg: zonder einddatum. Vanaf de dag erna telt het keurmerk niet meer.")

    def clean(self):
        gegevens = super().clean()
        van, tot = gegevens.get("geldig_van"), gegevens.get("geldig_tot")
        if van and tot and tot < van:
            self.add_error("geldig_tot", "De einddatum ligt vóór de ingangsdatum.")
        return gegevens
