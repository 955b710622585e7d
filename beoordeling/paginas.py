"""What the onderzoek pages show: the forms of a phase page, an htmx row, and the one-page overview.

Works on a beoordeling from selectors.onderzoek_voor (rows prefetched and, for the overview,
filtered by role), so building a page costs the same number of queries for 2 or 200 rows.
"""

from verordening.models import Jobcoachorganisatie

from . import selectors, services
from .forms import (
    BeeldvormingForm,
    BesluitvormingForm,
    DoelForm,
    FactorForm,
    KnelpuntForm,
    OordeelsvormingForm,
    OplossingForm,
    formset,
    rijen,
)
from .leidraad import VRAGEN, IcfCategorie, IcfGroep
from .toepassing import standaard_ingangsdatum, toepassing
from .volledigheid import FASEN, ontbrekend, ontbrekend_voor_ondertekening

FASE_TITEL = {"beeldvorming": "Beeldvorming", "oordeelsvorming": "Oordeelsvorming", "besluitvorming": "Besluitvorming"}
RIJ_FORMS = {"factoren": FactorForm, "knelpunten": KnelpuntForm, "oplossingen": OplossingForm, "doelen": DoelForm}
RIJ_VELDEN = {
    "factoren": ("categorie", "werking", "icf_code", "kwalificatie", "bron", "tekst"),
    "knelpunten": ("omschrijving", "plaatsing", "duurzaamheid"),
    "oplossingen": ("soort", "omschrijving", "oordeel", "toelichting"),
    "doelen": ("doel", "resultaat", "termijn_maanden", "taken"),
}
RIJ_LABEL = {"factoren": "ICF-factor", "knelpunten": "knelpunt", "oplossingen": "oplossingsmogelijkheid",
             "doelen": "coachingsdoel"}


def _kort(tekst: str, lengte: int = 90) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def icf_schema(factoren) -> list[tuple[str, list]]:
    """The factors per part of the ICF schema, in the Leidraad's order; empty parts left out."""
    volgorde = {c.value: i for i, c in enumerate(IcfCategorie)}
    per_groep: dict[str, list] = {g.value: [] for g in IcfGroep}
    for f in sorted(factoren, key=lambda f: (volgorde[f.categorie], f.pk)):
        per_groep[f.groep].append(f)
    return [(IcfGroep(g).label, lijst) for g, lijst in per_groep.items() if lijst]


def factor_keuzes(factoren) -> list:
    return [(groep, [(f.pk, f"{f.get_categorie_display()} – {f.keuzelabel}") for f in lijst])
            for groep, lijst in icf_schema(factoren)]


def knelpunt_keuzes(knelpunten) -> list:
    return [(k.pk, _kort(k.omschrijving)) for k in knelpunten]


def _rij_initial(soort: str, obj) -> dict:
    waarden = {"id": obj.pk, **{veld: getattr(obj, veld) for veld in RIJ_VELDEN[soort]}}
    if soort == "knelpunten":
        waarden["factoren"] = [f.pk for f in obj.zichtbare_factoren]
    if soort == "doelen":
        waarden["knelpunten"] = [k.pk for k in obj.knelpunten_lijst]
    return waarden


class FasePagina:
    """The form of one phase page: the phase's fields and its formsets of rows, bound or not."""

    def __init__(self, beoordeling, fase: str, data=None):
        self.beoordeling = beoordeling
        self.fase = fase
        self.data = data
        self.toepassing = toepassing(beoordeling)
        self.conflict = None
        self.formsets: dict = {}
        self.rij_kwargs: dict = {}
        getattr(self, f"_bouw_{fase}")()

    # --- building -------------------------------------------------------------------------------

    def _initial(self) -> dict:
        b = self.beoordeling
        return {"versie": services.versie_token(b), **{v: getattr(b, v) for v in services.FASE_VELDEN[self.fase]}}

    def _formset(self, soort: str, objecten, **form_kwargs):
        self.rij_kwargs[soort] = form_kwargs
        self.formsets[soort] = formset(RIJ_FORMS[soort], prefix=soort, data=self.data,
                                       initial=[_rij_initial(soort, o) for o in objecten], form_kwargs=form_kwargs)

    def _bouw_beeldvorming(self) -> None:
        initial = self._initial()
        initial["intern_werkbegeleider"] = {True: "ja", False: "nee"}.get(initial["intern_werkbegeleider"])
        self.form = BeeldvormingForm(self.data, initial=initial)
        self._formset("factoren", self.beoordeling.zichtbare_factoren)

    def _bouw_oordeelsvorming(self) -> None:
        self.form = OordeelsvormingForm(self.data, initial=self._initial())
        self._formset("knelpunten", self.beoordeling.knelpunten_lijst,
                      factor_keuzes=factor_keuzes(self.beoordeling.zichtbare_factoren))
        self._formset("oplossingen", self.beoordeling.oplossingen_lijst)

    def _bouw_besluitvorming(self) -> None:
        b = self.beoordeling
        initial = self._initial()
        initial["voorstel_jobcoach"] = b.voorstel_jobcoach_id
        for antwoord in b.antwoorden_lijst:
            initial[f"vraag_{antwoord.vraag}_antwoord"] = antwoord.antwoord
            initial[f"vraag_{antwoord.vraag}_motivering"] = antwoord.motivering
        jobcoaches = selectors.jobcoaches_in_register()
        self.jobcoaches = {j.pk: j for j in jobcoaches}
        groepen: dict[str, list] = {}
        for j in jobcoaches:
            groepen.setdefault(j.jobcoachorganisatie.naam, []).append((j.pk, j.get_full_name() or j.username))
        self.form = BesluitvormingForm(
            self.data, initial=initial, regimes=self.toepassing.regimes,
            organisaties=Jobcoachorganisatie.objects.order_by("naam"), jobcoaches=list(groepen.items()),
            jobcoach_organisatie={j.pk: j.jobcoachorganisatie_id for j in jobcoaches},
        )
        self._formset("doelen", b.doelen_lijst, knelpunt_keuzes=knelpunt_keuzes(b.knelpunten_lijst))

    # --- validating and saving ---------------------------------------------------------------------

    def is_valid(self) -> bool:
        geldig = self.form.is_valid()
        for fs in self.formsets.values():
            geldig = fs.is_valid() and geldig
        return geldig

    @property
    def versie(self) -> str:
        return self.form.cleaned_data["versie"]

    def gegevens(self) -> dict:
        data = self.form.cleaned_data
        gegevens = {veld: data.get(veld) for veld in services.FASE_VELDEN[self.fase]}
        if self.fase == "besluitvorming":
            gegevens["voorstel_jobcoach"] = self.jobcoaches.get(data.get("voorstel_jobcoach"))
            gegevens["antwoorden"] = self.form.antwoorden()
        for soort, fs in self.formsets.items():
            gegevens[soort] = rijen(fs)
        return gegevens

    def fout(self, melding: str, veld: str | None = None) -> None:
        self.form.add_error(veld if veld in self.form.fields else None, melding)

    # --- showing --------------------------------------------------------------------------------

    def ontbrekend(self) -> list:
        if self.fase == "besluitvorming":
            return ontbrekend_voor_ondertekening(self.beoordeling, toepassing=self.toepassing)
        return ontbrekend(self.beoordeling, self.fase, toepassing=self.toepassing)

    def context(self, *, ontbreekt_fout: bool = False) -> dict:
        b = self.beoordeling
        return {
            "beoordeling": b,
            "aanvraag": b.aanvraag,
            "fase": self.fase,
            "fase_titel": FASE_TITEL[self.fase],
            "fasen": fasen(b, bewerkbaar=True),
            "form": self.form,
            "formsets": self.formsets,
            "ontbrekend": self.ontbrekend(),
            "ontbreekt_fout": ontbreekt_fout,
            "toepassing": self.toepassing,
            "conflict": self.conflict,
            "is_huidige_fase": self.fase == b.status,
            "overneembaar": self.fase == "beeldvorming" and services.overneembaar_uit_aanvraag(b),
            "versie": services.versie_token(b),
            "standaard_ingangsdatum": standaard_ingangsdatum(b),
            "vragen": self.vragen(),
            "fouten": self.foutoverzicht(),
            "schema": icf_schema(b.zichtbare_factoren),
        }


    def vragen(self) -> list:
        if self.fase != "besluitvorming":
            return []
        hints = vraag_hints(self.beoordeling, self.toepassing)
        return [(v, a, m, hints.get(v.nummer)) for v, a, m in self.form.vraagvelden()]

    def foutoverzicht(self) -> dict:
        """Every error of the page for the one summary at the top: general ones, then per field (linked)."""
        if not self.form.is_bound:
            return {"algemeen": [], "velden": []}
        algemeen = list(self.form.non_field_errors())
        velden = [_foutveld(bf, bf.label) for bf in self.form if bf.errors and not bf.is_hidden]
        algemeen += [f for bf in self.form.hidden_fields() for f in bf.errors]
        for soort, fs in self.formsets.items():
            algemeen += list(fs.non_form_errors())
            for nummer, form in enumerate(fs.forms, start=1):
                if getattr(form, "cleaned_data", {}).get("DELETE"):
                    continue
                algemeen += list(form.non_field_errors())
                velden += [_foutveld(bf, f"{RIJ_LABEL[soort].capitalize()} {nummer} – {bf.label}")
                           for bf in form if bf.errors and not bf.is_hidden]
        return {"algemeen": algemeen, "velden": velden}


def _foutveld(bf, label: str) -> dict:
    anker = bf.id_for_label or f"{bf.auto_id}_0"
    return {"id": anker, "label": label, "fout": bf.errors[0]}


def lege_rij(beoordeling, fase: str, soort: str, index: int) -> dict | None:
    """An empty row `index` of a formset of a phase page, for htmx to append."""
    if soort not in services.FASE_RIJEN[fase] or soort not in RIJ_FORMS or not 0 <= index < 1000:
        return None
    kwargs = {}
    if soort == "knelpunten":
        kwargs["factor_keuzes"] = factor_keuzes(beoordeling.zichtbare_factoren)
    if soort == "doelen":
        kwargs["knelpunt_keuzes"] = knelpunt_keuzes(beoordeling.knelpunten_lijst)
    form = RIJ_FORMS[soort](prefix=f"{soort}-{index}", empty_permitted=True, use_required_attribute=False, **kwargs)
    return {"beoordeling": beoordeling, "fase": fase, "soort": soort, "form": form, "index": index,
            "volgende": index + 1, "label": RIJ_LABEL[soort]}


def fasen(beoordeling, *, bewerkbaar: bool) -> list[dict]:
    """The phase indicator: each phase, whether it is the current one, and (for the klantmanager) a link."""
    statussen = [*FASEN, "ter_ondertekening", "vastgesteld"]
    huidig = statussen.index(beoordeling.status)
    labels = {**FASE_TITEL, "ter_ondertekening": "Ter ondertekening", "vastgesteld": "Vastgesteld"}
    return [{"fase": s, "label": labels[s], "actief": i == huidig,
             "link": bewerkbaar and s in FASEN and i <= huidig and beoordeling.status in services.BEWERKBAAR}
            for i, s in enumerate(statussen)]


def vraag_hints(b, toegepast) -> dict[int, str]:
    """Per question of the Leidraad what the onderzoek already says about it (shown beside the answer)."""
    knelpunten = b.knelpunten_lijst
    plaatsing = sum(k.plaatsing for k in knelpunten)
    duurzaamheid = sum(k.duurzaamheid for k in knelpunten)
    taken = sorted({label for d in b.doelen_lijst for label in d.taak_labels})
    hints = {
        1: f"Uit de oordeelsvorming: {len(knelpunten)} knelpunt(en).",
        2: f"{plaatsing} knelpunt(en) raken de plaatsing, {duurzaamheid} de duurzaamheid.",
        3: f"{len(b.oplossingen_lijst)} oplossingsmogelijkheden afgewogen.",
        4: "In de oordeelsvorming: " + (b.get_jobcoaching_adequaat_display().lower() or "nog niet beantwoord") + ".",
        6: ("Activiteiten in de coachingsdoelen: " + "; ".join(taken) + ".") if taken else
           "Nog geen activiteiten gekozen bij de coachingsdoelen.",
    }
    if toegepast.geschiktheid is not None:
        hints[5] = "Volgens de verordening: " + ("voldoet." if toegepast.geschiktheid.voldoet else
                                                 "voldoet niet. " + " ".join(toegepast.geschiktheid.gebreken))
    if toegepast.toekenning is not None and toegepast.toekenning.uren_per_week is not None:
        tk = toegepast.toekenning
        hints[7] = f"Berekend: gemiddeld {str(tk.uren_per_week).replace('.', ',')} uur per week, {tk.duur_maanden} maanden."
    if b.overleg_aangewezen:
        hints[8] = "Multidisciplinair overleg: " + b.overleg_toelichting[:200]
    return hints


def overzicht(user, beoordeling) -> dict:
    """The whole onderzoek on one page, as the user may see it."""
    from accounts.models import Rol

    t = toepassing(beoordeling)
    is_km = user.rol == Rol.KLANTMANAGER
    bewerkbaar = is_km and beoordeling.status in services.BEWERKBAAR
    antwoorden = {a.vraag: a for a in beoordeling.antwoorden_lijst}
    if bewerkbaar:
        nog_nodig = ontbrekend(beoordeling, beoordeling.status, toepassing=t)
    elif beoordeling.status == "ter_ondertekening":
        nog_nodig = ontbrekend_voor_ondertekening(beoordeling, toepassing=t)
    else:
        nog_nodig = []
    return {
        "beoordeling": beoordeling,
        "aanvraag": beoordeling.aanvraag,
        "fasen": fasen(beoordeling, bewerkbaar=bewerkbaar),
        "schema": icf_schema(beoordeling.zichtbare_factoren),
        "antwoorden": [(v, antwoorden.get(v.nummer)) for v in VRAGEN],
        "toepassing": t,
        "wijzigingen": list(selectors.wijzigingen(user=user, beoordeling=beoordeling)[:10]),
        "ontbrekend": nog_nodig,
        "mag_bewerken": bewerkbaar,
        "fase_titel": FASE_TITEL.get(beoordeling.status, ""),
        "mag_ondertekenen": user.rol == Rol.ARBEIDSDESKUNDIGE and beoordeling.status == "ter_ondertekening"
        and beoordeling.voorbereid_door_id != user.pk,
        "is_voorbereider": beoordeling.voorbereid_door_id == user.pk,
        "medisch_verborgen": not beoordeling.medisch_zichtbaar,
    }
