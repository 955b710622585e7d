"""Forms of the three phase pages of the onderzoek and of the sign-off.

Plain forms (not ModelForms): the services own every write and the page's choices for factors,
knelpunten and jobcoaches are handed in once, so rendering many rows costs no extra queries.
Each phase page is one <form>: the phase's fields plus formsets of rows, saved together with one
version token (`versie`).
"""

from decimal import Decimal

from django import forms
from django.utils import timezone

from config.forms import UtrechtFormMixin

from .leidraad import (
    VRAGEN,
    Afwijzingsgrond,
    Bron,
    Contractvorm,
    Doelgroepregister,
    DoelgroepregisterGrondslag,
    JaNee,
    Kwalificatie,
    OplossingOordeel,
    OplossingSoort,
    Sfb,
    Werking,
    categorie_keuzes,
    code_fouten,
    taak_keuzes,
)
from .models import Uitkomst

KIES = [("", "— kies —")]
VERPLICHT = "Dit veld is verplicht."
DATUM_FOUT = {"invalid": "Vul een geldige datum in, bijvoorbeeld 15-03-2026."}


def _tekst(label: str, *, help_text: str = "", rows: int = 4, required: bool = False, max_length: int = 20000):
    return forms.CharField(
        label=label, help_text=help_text, required=required, max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": VERPLICHT, "max_length": f"Gebruik hoogstens {max_length} tekens."},
    )


def _keuze(label: str, choices, *, radio: bool = False, required: bool = False, help_text: str = ""):
    return forms.ChoiceField(
        label=label, help_text=help_text, required=required,
        choices=list(choices) if radio else KIES + list(choices),
        widget=forms.RadioSelect if radio else forms.Select,
        error_messages={"required": "Maak een keuze.", "invalid_choice": "Kies een van de mogelijkheden."},
    )


def _datum(label: str, *, help_text: str = ""):
    return forms.DateField(label=label, help_text=help_text, required=False,
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                           error_messages=DATUM_FOUT)


def _getal(label: str, *, minimum: str, maximum: str, eenheid: str, help_text: str = ""):
    return forms.DecimalField(
        label=label, help_text=help_text, required=False, max_digits=5, decimal_places=1, localize=True,
        min_value=Decimal(minimum), max_value=Decimal(maximum),
        error_messages={"invalid": "Vul een getal in, bijvoorbeeld 24 of 2,5.",
                        "min_value": f"Minimaal {minimum.replace('.', ',')} {eenheid}.",
                        "max_value": f"Maximaal {maximum.replace('.', ',')} {eenheid}.",
                        "max_decimal_places": "Gebruik hoogstens één cijfer achter de komma.",
                        "max_digits": "Dit getal is te groot."},
    )


def _ja_nee_bool(label: str):
    """A ja/nee question stored as a nullable boolean: None until answered."""
    return forms.TypedChoiceField(
        label=label, required=False, choices=JaNee.choices, widget=forms.RadioSelect,
        coerce=lambda waarde: waarde == JaNee.JA, empty_value=None,
        error_messages={"invalid_choice": "Kies ja of nee."},
    )


def _niet_in_de_toekomst(form: forms.Form, *velden: str) -> None:
    vandaag = timezone.localdate()
    for veld in velden:
        datum = form.cleaned_data.get(veld)
        if datum and datum > vandaag:
            form.add_error(veld, "Deze datum ligt in de toekomst.")


class NodigMixin:
    """`nodig` lists the fields the phase needs before it can be left. They are shown as required (no
    "(niet verplicht)" beside the label), but saving without them is allowed: work in progress is never
    refused, and the page lists what is still missing (beoordeling.volledigheid).
    """

    nodig: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._markeer_nodig(True)

    def _markeer_nodig(self, aan: bool) -> None:
        for naam in self.nodig:
            if naam in self.fields:
                self.fields[naam].required = aan

    def full_clean(self):
        self._markeer_nodig(False)
        try:
            super().full_clean()
        finally:
            self._markeer_nodig(True)


class VersieForm(NodigMixin, UtrechtFormMixin, forms.Form):
    """Carries the version of the onderzoek the page was opened on (see services.versie_token)."""

    versie = forms.CharField(widget=forms.HiddenInput)


# --- Beeldvorming -----------------------------------------------------------------------------------


class BeeldvormingForm(VersieForm):
    nodig = ("kern_problematiek", "werkplek_taken", "werkplek_contracturen", "contractvorm",
             "intern_werkbegeleider", "doelgroepregister", "doelgroepregister_gecontroleerd_op")
    kern_problematiek = _tekst(
        "Kern van de problematiek", rows=5,
        help_text="Wat is, na de gesprekken, de observatie en de stukken, de kern van het probleem in werk en "
                  "werkomgeving?")
    werkplek_taken = _tekst("Taken in de functie", rows=4,
                            help_text="De taken en de eisen die de functie en de werkomgeving stellen.")
    werkplek_contracturen = _getal("Contracturen per week", minimum="1", maximum="60", eenheid="uur per week")
    contractvorm = _keuze("Contract", Contractvorm.choices, radio=True)
    contract_einddatum = _datum("Einddatum contract", help_text="Alleen bij een contract voor bepaalde tijd.")
    intern_werkbegeleider = _ja_nee_bool("Is er een intern werkbegeleider?")
    intern_werkbegeleider_naam = forms.CharField(
        label="Intern werkbegeleider (naam en functie)", required=False, max_length=200,
        error_messages={"max_length": "Gebruik hoogstens 200 tekens."})
    doelgroepregister = _keuze("Doelgroepregister", Doelgroepregister.choices, radio=True)
    doelgroepregister_grondslag = _keuze("Grondslag van de inschrijving", DoelgroepregisterGrondslag.choices)
    doelgroepregister_gecontroleerd_op = _datum("Doelgroepregister geraadpleegd op")
    sfb = _keuze("Structureel functionele beperking (SFB)", Sfb.choices, radio=True,
                 help_text="Het oordeel van UWV over de SFB, als dat er is.")
    sfb_datum = _datum("Datum van het oordeel over de SFB")
    loonwaarde_pct = _getal("Loonwaarde (%)", minimum="0", maximum="100", eenheid="procent",
                            help_text="De uitkomst van de loonwaardemeting, als die er is.")
    loonwaarde_gemeten_op = _datum("Datum van de loonwaardemeting")
    loonwaarde_deskundige = forms.CharField(
        label="Loonwaardemeting door", required=False, max_length=200,
        help_text="De deskundige en de gevalideerde methode.",
        error_messages={"max_length": "Gebruik hoogstens 200 tekens."})

    def clean(self):
        cleaned = super().clean()
        _niet_in_de_toekomst(self, "doelgroepregister_gecontroleerd_op", "sfb_datum", "loonwaarde_gemeten_op")
        if cleaned.get("contract_einddatum") and cleaned.get("contractvorm") == Contractvorm.ONBEPAALDE_TIJD:
            self.add_error("contract_einddatum", "Een contract voor onbepaalde tijd heeft geen einddatum.")
        return cleaned


class RijForm(NodigMixin, UtrechtFormMixin, forms.Form):
    """A row of a formset; `id` is empty for a new row."""

    id = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FactorForm(RijForm):
    categorie = forms.ChoiceField(
        label="Onderdeel van het ICF-schema", choices=KIES + categorie_keuzes(),
        error_messages={"required": "Kies het onderdeel van het ICF-schema.",
                        "invalid_choice": "Kies een van de onderdelen."})
    werking = _keuze("Werking", Werking.choices, radio=True, required=True)
    icf_code = forms.CharField(label="ICF-code", required=False, max_length=6,
                               help_text="Bijvoorbeeld d850 (activiteit) of e310 (externe factor).",
                               error_messages={"max_length": "Een ICF-code heeft hoogstens 6 tekens."})
    kwalificatie = forms.TypedChoiceField(
        label="Kwalificatie", required=False, coerce=int, empty_value=None,
        choices=[("", "—"), *Kwalificatie.choices],
        error_messages={"invalid_choice": "Kies een kwalificatie van 0 tot en met 4, 8 of 9."})
    bron = _keuze("Bron", Bron.choices, required=True)
    tekst = _tekst("Omschrijving", rows=2, required=True)

    def clean(self):
        cleaned = super().clean()
        if "categorie" in cleaned and "icf_code" in cleaned and "kwalificatie" in cleaned:
            for fout in code_fouten(categorie=cleaned["categorie"], code=cleaned["icf_code"],
                                    kwalificatie=cleaned["kwalificatie"]):
                veld = "kwalificatie" if "kwalificatie" in fout.lower() and "code" not in fout.lower() else "icf_code"
                self.add_error(veld, fout)
        return cleaned


# --- Oordeelsvorming --------------------------------------------------------------------------------


class OordeelsvormingForm(VersieForm):
    nodig = ("jobcoaching_adequaat", "adequaat_motivering", "alternatief_werkplekaanpassing",
             "alternatief_intern_werkbegeleider", "alternatief_beschut_werk")
    overleg_schuldhulp = forms.BooleanField(label="Schuldhulpverlening (bij schuldproblematiek)", required=False)
    overleg_wmo_wlz = forms.BooleanField(label="Ambulante begeleiding (Wmo of Wlz)", required=False)
    overleg_anders = forms.BooleanField(label="Andere begeleidingsvormen", required=False)
    overleg_toelichting = _tekst("Toelichting multidisciplinair overleg", rows=3,
                                 help_text="Met wie is of wordt overlegd, en wat is afgesproken?")
    jobcoaching_adequaat = _keuze("Is jobcoaching de meest adequate oplossing?", JaNee.choices, radio=True)
    adequaat_motivering = _tekst("Motivering", rows=4,
                                 help_text="Waarom wel of niet, gezien de knelpunten en de afgewogen oplossingen?")
    alternatief_werkplekaanpassing = _tekst(
        "Werkplekaanpassing", rows=3, help_text="Lost een aanpassing van werk of werkplek de knelpunten op?")
    alternatief_intern_werkbegeleider = _tekst(
        "Intern werkbegeleider", rows=3,
        help_text="Kan de dagelijkse begeleiding door een intern werkbegeleider volstaan?")
    alternatief_beschut_werk = _tekst(
        "Beschut werk", rows=3, help_text="Is permanent toezicht of intensieve begeleiding nodig (beschut werk)?")


class KnelpuntForm(RijForm):
    nodig = ("factoren",)
    omschrijving = _tekst("Knelpunt", rows=2, required=True)
    plaatsing = forms.BooleanField(label="Raakt de plaatsing", required=False)
    duurzaamheid = forms.BooleanField(label="Raakt de duurzaamheid", required=False)
    factoren = forms.TypedMultipleChoiceField(
        label="ICF-factoren waar dit knelpunt uit voortkomt", required=False, coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Kies factoren uit de beeldvorming van dit onderzoek."})

    def __init__(self, *args, factor_keuzes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["factoren"].choices = factor_keuzes


class OplossingForm(RijForm):
    soort = _keuze("Soort oplossing", OplossingSoort.choices, required=True)
    omschrijving = _tekst("Oplossing", rows=2, required=True)
    oordeel = _keuze("Afweging", OplossingOordeel.choices, required=True)
    toelichting = _tekst("Toelichting", rows=2)


# --- Besluitvorming ---------------------------------------------------------------------------------


def _vraagvelden() -> dict:
    """Per question of the Leidraad: ja/nee (closed questions only) and the motivation or answer."""
    velden = {}
    for vraag in VRAGEN:
        if vraag.ja_nee:
            velden[f"vraag_{vraag.nummer}_antwoord"] = _keuze("Antwoord", JaNee.choices, radio=True)
        velden[f"vraag_{vraag.nummer}_motivering"] = _tekst("Motivering" if vraag.ja_nee else "Antwoord", rows=3)
    return velden


class BesluitvormingForm(VersieForm):
    """The eight questions, then the proposal. Regimes and jobcoaches depend on the case and are handed in."""

    voorstel_uitkomst = _keuze("Voorgestelde uitkomst", Uitkomst.choices, radio=True)
    afwijzingsgrond = _keuze("Grond van de afwijzing", Afwijzingsgrond.choices)
    gedeeltelijk_toelichting = _tekst("Wat wordt wel en wat niet toegekend?", rows=3,
                                      help_text="Alleen bij een gedeeltelijke toekenning.")
    motivering = _tekst("Motivering van het besluit", rows=6,
                        help_text="Deze tekst komt in de beschikking. Noem de knelpunten en waarom jobcoaching "
                                  "wel of niet de adequate oplossing is.")
    ingangsdatum = _datum("Ingangsdatum jobcoaching",
                          help_text="Leeg: de startdatum van het werk, maar niet vóór de ontvangst van de aanvraag.")
    regime = _keuze("Regime", ())
    gevraagde_uren = _getal("Gevraagde uren per half jaar", minimum="0", maximum="2000", eenheid="uur",
                            help_text="Alleen als minder dan het maximum van het regime nodig is.")
    voorstel_jobcoachorganisatie = forms.ModelChoiceField(
        label="Jobcoachorganisatie", queryset=None, required=False, empty_label="— nog niet gekozen —",
        error_messages={"invalid_choice": "Kies een jobcoachorganisatie uit het register."})
    voorstel_jobcoach = forms.TypedChoiceField(
        label="Jobcoach", required=False, coerce=int, empty_value=None,
        error_messages={"invalid_choice": "Kies een jobcoach uit het register."})
    maatwerk_uren_per_week = _getal("Afwijkend aantal uren per week", minimum="0.5", maximum="40",
                                    eenheid="uur per week",
                                    help_text="Alleen bij maatwerk: leeg laten om de verordening te volgen.")
    maatwerk_duur_maanden = forms.IntegerField(
        label="Afwijkende duur (maanden)", required=False, min_value=1, max_value=60,
        help_text="Alleen bij maatwerk: leeg laten om de verordening te volgen.",
        error_messages={"invalid": "Vul een heel aantal maanden in.", "min_value": "Minimaal 1 maand.",
                        "max_value": "Maximaal 60 maanden."})
    maatwerk_motivering = _tekst("Motivering van het maatwerk", rows=3,
                                 help_text="Verplicht bij een afwijkend aantal uren of een afwijkende duur; "
                                           "deze tekst komt in de beschikking.")

    nodig = ("voorstel_uitkomst", "motivering", *(f"vraag_{v.nummer}_{deel}" for v in VRAGEN
                                                   for deel in ("antwoord", "motivering")))

    def __init__(self, *args, regimes=(), organisaties=None, jobcoaches=(), jobcoach_organisatie=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.jobcoach_organisatie = jobcoach_organisatie or {}
        self.fields["regime"].choices = KIES + list(regimes)
        self.fields["voorstel_jobcoachorganisatie"].queryset = organisaties
        self.fields["voorstel_jobcoach"].choices = [("", "— nog niet gekozen —"), *jobcoaches]

    def clean(self):
        cleaned = super().clean()
        jobcoach, organisatie = cleaned.get("voorstel_jobcoach"), cleaned.get("voorstel_jobcoachorganisatie")
        if jobcoach is not None and (organisatie is None or self.jobcoach_organisatie.get(jobcoach) != organisatie.pk):
            self.add_error("voorstel_jobcoach", "Deze jobcoach werkt niet bij de gekozen jobcoachorganisatie.")
        return cleaned

    def vraagvelden(self):
        """(vraag, antwoordveld or None, motiveringveld) for the template."""
        return [(v, self[f"vraag_{v.nummer}_antwoord"] if v.ja_nee else None, self[f"vraag_{v.nummer}_motivering"])
                for v in VRAGEN]

    def antwoorden(self) -> dict:
        return {v.nummer: {"antwoord": self.cleaned_data.get(f"vraag_{v.nummer}_antwoord", ""),
                           "motivering": self.cleaned_data.get(f"vraag_{v.nummer}_motivering", "")}
                for v in VRAGEN}


# The eight questions are fields of the form like any other (after the proposal's fields).
BesluitvormingForm.base_fields.update(_vraagvelden())


class DoelForm(RijForm):
    nodig = ("knelpunten", "taken")
    doel = _tekst("Doel", rows=2, required=True,
                  help_text="Specifiek: wat kan de werknemer (of de werkgever) na de coaching zelfstandig?")
    resultaat = _tekst("Meetbaar resultaat", rows=2, required=True,
                       help_text="Waaraan zien werkgever en werknemer dat het doel bereikt is?")
    termijn_maanden = forms.IntegerField(
        label="Bereikt binnen (maanden)", min_value=1, max_value=60,
        error_messages={"required": "Geef aan binnen hoeveel maanden het doel bereikt is.",
                        "invalid": "Vul een heel aantal maanden in.", "min_value": "Minimaal 1 maand.",
                        "max_value": "Maximaal 60 maanden."})
    knelpunten = forms.TypedMultipleChoiceField(
        label="Knelpunten die dit doel oplost", required=False, coerce=int, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Kies knelpunten uit de oordeelsvorming van dit onderzoek."})
    taken = forms.MultipleChoiceField(
        label="Activiteiten van de jobcoach", required=False, choices=taak_keuzes(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Kies activiteiten uit de lijst."})

    def __init__(self, *args, knelpunt_keuzes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["knelpunten"].choices = knelpunt_keuzes


def formset(form_class, *, prefix: str, initial: list[dict], data=None, form_kwargs=None):
    """A formset of rows: the saved rows, then one empty row (more with htmx or after saving)."""
    klasse = forms.formset_factory(form_class, extra=1, can_delete=True, can_delete_extra=False)
    return klasse(data, prefix=prefix, initial=initial, form_kwargs=form_kwargs or {})


def rijen(formset) -> list[dict]:
    """The changed, new and deleted rows of a valid formset, as the services take them."""
    uit = []
    for form in formset.forms:
        if not form.has_changed() and not form.cleaned_data.get("id"):
            continue
        rij = {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
        rij["verwijderen"] = bool(form.cleaned_data.get("DELETE"))
        uit.append(rij)
    return uit


class TerugsturenForm(UtrechtFormMixin, forms.Form):
    reden = forms.CharField(
        label="Reden van terugsturen", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000,
        error_messages={"required": "Geef aan waarom u het besluit terugstuurt.",
                        "max_length": "Gebruik hoogstens 5000 tekens."},
    )


class OvernemenForm(VersieForm):
    """Take over the applicant's structured answers into the beeldvorming (one button)."""
