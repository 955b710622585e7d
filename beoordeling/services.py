"""Writes on the onderzoek (Beoordeling) and the besluit it ends in.

Every write is one transaction that locks the Beoordeling row, checks the version the user started
from (`versie`), applies the change, writes one Wijziging row per changed value and raises `versie`.
State changes go through aanvragen.transities.voer_uit.
"""

from dataclasses import dataclass
from typing import Callable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from aanvragen.transities import GeenToestemming, GelijktijdigGewijzigd, TransitieFout, voer_uit
from accounts.models import Rol

from . import volledigheid
from .leidraad import (
    VRAAG,
    Bron,
    Doelgroepregister,
    IcfCategorie,
    Jobcoachtaak,
    Werking,
    code_fouten,
    is_medisch,
    normaliseer_code,
)
from .models import (
    Beoordeling,
    BeoordelingStatus,
    Besluit,
    Coachingsdoel,
    IcfFactor,
    Knelpunt,
    LeidraadAntwoord,
    Oplossing,
    Uitkomst,
    WijzigingActie,
)
from .toepassing import Toepassing, toepassing
from .wijzigingen import Logboek, weergave

FASE_NAAM = {"beeldvorming": "Beeldvorming", "oordeelsvorming": "Oordeelsvorming", "besluitvorming": "Besluitvorming"}

# The fields of the onderzoek each phase page edits.
FASE_VELDEN = {
    "beeldvorming": (
        "kern_problematiek", "werkplek_taken", "werkplek_contracturen", "contractvorm", "contract_einddatum",
        "intern_werkbegeleider", "intern_werkbegeleider_naam", "doelgroepregister", "doelgroepregister_grondslag",
        "doelgroepregister_gecontroleerd_op", "sfb", "sfb_datum", "loonwaarde_pct", "loonwaarde_gemeten_op",
        "loonwaarde_deskundige",
    ),
    "oordeelsvorming": (
        "overleg_schuldhulp", "overleg_wmo_wlz", "overleg_anders", "overleg_toelichting", "jobcoaching_adequaat",
        "adequaat_motivering", "alternatief_werkplekaanpassing", "alternatief_intern_werkbegeleider",
        "alternatief_beschut_werk",
    ),
    "besluitvorming": (
        "motivering", "voorstel_uitkomst", "afwijzingsgrond", "gedeeltelijk_toelichting", "ingangsdatum", "regime",
        "gevraagde_uren", "maatwerk_uren_per_week", "maatwerk_duur_maanden", "maatwerk_motivering",
        "voorstel_jobcoachorganisatie", "voorstel_jobcoach",
    ),
}
# The rows each phase page edits.
FASE_RIJEN = {
    "beeldvorming": ("factoren",),
    "oordeelsvorming": ("knelpunten", "oplossingen"),
    "besluitvorming": ("antwoorden", "doelen"),
}
BEWERKBAAR = (BeoordelingStatus.BEELDVORMING, BeoordelingStatus.OORDEELSVORMING, BeoordelingStatus.BESLUITVORMING)
VOLGENDE_FASE = {
    BeoordelingStatus.BEELDVORMING: "naar_oordeelsvorming",
    BeoordelingStatus.OORDEELSVORMING: "naar_besluitvorming",
}
CONFLICT = (
    "Iemand anders heeft dit onderzoek opgeslagen nadat u het opende. Uw invoer is niet opgeslagen maar staat "
    "hieronder nog; bekijk de wijzigingen van de ander (open de pagina opnieuw in een ander tabblad), neem ze "
    "over en sla opnieuw op."
)


class OnderzoekFout(TransitieFout):
    """Input the onderzoek cannot take (an invalid row, a reference to another case's data, a
    jobcoachorganisatie the verordening does not accept); `veld` names the form field when there is one."""

    def __init__(self, melding: str, *, veld: str | None = None):
        self.veld = veld
        super().__init__(melding)


class Onvolledig(TransitieFout):
    """A phase cannot be left yet; `ontbrekend` lists what is missing and where it is filled in."""

    def __init__(self, ontbrekend: list):
        self.ontbrekend = ontbrekend
        super().__init__("Nog niet compleet: " + "; ".join(o.tekst for o in ontbrekend) + ".")


def versie_token(beoordeling: Beoordeling) -> str:
    """The version a user started editing; a mismatch on save means someone else saved meanwhile."""
    return str(beoordeling.versie)


def mag_bewerken(beoordeling: Beoordeling, user, fase: str) -> bool:
    """The klantmanager may edit a phase reached so far, until the besluit goes to ondertekening."""
    if user.rol != Rol.KLANTMANAGER or beoordeling.aanvraag.gemeente_id not in user.gemeente_ids():
        return False
    if beoordeling.status not in BEWERKBAAR:
        return False
    return volledigheid.FASEN.index(fase) <= volledigheid.FASEN.index(beoordeling.status)


# --- saving a phase ---------------------------------------------------------------------------------


def beoordeling_fase_opslaan(*, beoordeling: Beoordeling, door, gegevens: dict, versie: str,
                             fase: str | None = None) -> Beoordeling:
    """Save (part of) one phase: its fields and rows. Nothing is saved when someone else saved first.

    `gegevens` holds field values by name and, per kind of row, a list of dicts: {"id": None for a new
    row, field values, "verwijderen": True to delete}. Rows not mentioned stay as they are.
    """
    fase = fase or beoordeling.status
    if fase not in FASE_VELDEN:
        raise TransitieFout("In deze fase kan het onderzoek niet meer worden gewijzigd.")
    onbekend = set(gegevens) - set(FASE_VELDEN[fase]) - set(FASE_RIJEN[fase])
    if onbekend:
        raise ValueError(f"Geen velden van de {fase}: {sorted(onbekend)}")
    if not mag_bewerken(beoordeling, door, fase):
        if beoordeling.status not in BEWERKBAAR:
            raise TransitieFout("In deze fase kan het onderzoek niet meer worden gewijzigd.")
        raise GeenToestemming("U mag dit onderdeel van het onderzoek niet wijzigen.")
    with transaction.atomic():
        actueel = _vergrendel(beoordeling, versie)
        log = Logboek(beoordeling=actueel, door=door)
        velden = {naam: _veldwaarde(naam, gegevens[naam]) for naam in FASE_VELDEN[fase] if naam in gegevens}
        gewijzigd = log.velden(obj=actueel, nieuw=velden, onderdeel=FASE_NAAM[fase])
        if {"voorstel_jobcoachorganisatie", "voorstel_jobcoach"} & set(gewijzigd):
            _kwaliteit_bewaken(actueel)
        for soort in FASE_RIJEN[fase]:
            if soort in gegevens:
                RIJEN_OPSLAAN[soort](actueel, gegevens[soort], log)
        _bewaar(actueel, log)
    beoordeling.refresh_from_db()
    return beoordeling


# Which finding of toets_kwaliteit refuses which choice.
_KWALITEIT_VELD = {"keurmerk": "voorstel_jobcoachorganisatie", "jobcoach_niet_klantmanager": "voorstel_jobcoach",
                   "opleiding": "voorstel_jobcoach"}


def _kwaliteit_bewaken(b: Beoordeling) -> None:
    """Refuse a jobcoachorganisatie without the keurmerk the verordening demands, and a jobcoach who is the
    case's klantmanager or lacks the education level. (No jobcoach chosen yet is not refused here; the
    completeness check asks for one when the verordening sets an education level.)"""
    kwaliteit = toepassing(b).kwaliteit
    if kwaliteit is None:
        return
    for bevinding in kwaliteit.bevindingen:
        if bevinding.voldoet or bevinding.regel not in _KWALITEIT_VELD:
            continue
        if bevinding.regel == "opleiding" and b.voorstel_jobcoach_id is None:
            continue
        raise OnderzoekFout(f"Deze keuze voldoet niet aan de verordening: {bevinding.tekst}",
                            veld=_KWALITEIT_VELD[bevinding.regel])


def _vergrendel(beoordeling: Beoordeling, versie: str) -> Beoordeling:
    actueel = (Beoordeling.objects.select_for_update(of=("self",))
               .select_related("aanvraag__gemeente", "aanvraag__behandelaar").get(pk=beoordeling.pk))
    if str(actueel.versie) != str(versie) or actueel.status != beoordeling.status:
        raise GelijktijdigGewijzigd(CONFLICT)
    return actueel


def _bewaar(actueel: Beoordeling, log: Logboek) -> None:
    """Raise the version and write the log, only when something changed."""
    if not log.rijen:
        return
    actueel.versie += 1
    actueel.save()
    log.opslaan()


def _veldwaarde(naam: str, waarde):
    """Empty text is stored as '', an unticked checkbox as False."""
    veld = Beoordeling._meta.get_field(naam)
    if isinstance(veld, models.BooleanField) and not veld.null:
        return bool(waarde)
    if isinstance(veld, (models.CharField, models.TextField)) and waarde is None:
        return ""
    return waarde


# --- rows -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rijsoort:
    model: type
    onderdeel: str
    velden: tuple[str, ...]
    m2m: tuple[str, ...]
    controleer: Callable[[dict], list[str]]
    item: Callable[[object], str]
    medisch: Callable[[object, dict], bool] = lambda obj, nieuw: False


def _controleer_factor(rij: dict) -> list[str]:
    fouten = []
    if rij.get("categorie") not in IcfCategorie.values:
        fouten.append("Kies het onderdeel van het ICF-schema.")
    if rij.get("werking") not in Werking.values:
        fouten.append("Kies of de factor bevorderend of belemmerend werkt.")
    if rij.get("bron") not in Bron.values:
        fouten.append("Kies de bron van deze informatie.")
    if not (rij.get("tekst") or "").strip():
        fouten.append("Beschrijf de factor.")
    return fouten + code_fouten(categorie=rij.get("categorie"), code=rij.get("icf_code", ""),
                                kwalificatie=rij.get("kwalificatie"))


def _controleer_tekst(*velden_en_meldingen):
    def controleer(rij: dict) -> list[str]:
        return [melding for veld, melding in velden_en_meldingen if not str(rij.get(veld) or "").strip()]

    return controleer


def _controleer_doel(rij: dict) -> list[str]:
    fouten = _controleer_tekst(("doel", "Beschrijf het doel."),
                               ("resultaat", "Beschrijf het meetbare resultaat."))(rij)
    termijn = rij.get("termijn_maanden")
    if not isinstance(termijn, int) or not 1 <= termijn <= 60:
        fouten.append("Geef aan binnen hoeveel maanden (1 tot en met 60) het doel bereikt is.")
    onbekend = [t for t in rij.get("taken", []) if t not in Jobcoachtaak.values]
    if onbekend:
        fouten.append(f"Onbekende activiteit van de jobcoach: {', '.join(onbekend)}.")
    return fouten


RIJSOORTEN = {
    "factoren": Rijsoort(
        IcfFactor, "ICF-factor", ("categorie", "werking", "icf_code", "kwalificatie", "bron", "tekst"), (),
        _controleer_factor,
        item=lambda f: f"ICF-factor {f.pk} ({f.get_categorie_display()})",
        medisch=lambda f, nieuw: is_medisch(f.categorie) or is_medisch(nieuw.get("categorie", "")),
    ),
    "knelpunten": Rijsoort(
        Knelpunt, "Knelpunt", ("omschrijving", "plaatsing", "duurzaamheid"), ("factoren",),
        _controleer_tekst(("omschrijving", "Beschrijf het knelpunt.")),
        item=lambda k: f"Knelpunt {k.pk}",
    ),
    "oplossingen": Rijsoort(
        Oplossing, "Oplossingsmogelijkheid", ("soort", "omschrijving", "oordeel", "toelichting"), (),
        _controleer_tekst(("omschrijving", "Beschrijf de oplossing.")),
        item=lambda o: f"Oplossing {o.pk} ({o.get_soort_display().lower()})",
    ),
    "doelen": Rijsoort(
        Coachingsdoel, "Coachingsdoel", ("doel", "resultaat", "termijn_maanden", "taken"), ("knelpunten",),
        _controleer_doel,
        item=lambda d: f"Coachingsdoel {d.pk}",
    ),
}
# The rows an m2m field may point to: only those of the same onderzoek.
M2M_DOEL = {"factoren": IcfFactor, "knelpunten": Knelpunt}


def _rijen_opslaan(soort: str):
    spec = RIJSOORTEN[soort]

    def opslaan(beoordeling: Beoordeling, rijen: list[dict], log: Logboek) -> None:
        bestaand = {obj.pk: obj for obj in spec.model.objects.filter(beoordeling=beoordeling)
                    .prefetch_related(*spec.m2m)}
        doelen = {naam: {o.pk: o for o in M2M_DOEL[naam].objects.filter(beoordeling=beoordeling)}
                  for naam in spec.m2m}
        for rij in rijen:
            obj = bestaand.get(rij.get("id")) if rij.get("id") else None
            if rij.get("id") and obj is None:
                raise OnderzoekFout(f"{spec.onderdeel} {rij['id']} hoort niet bij dit onderzoek.")
            if rij.get("verwijderen"):
                if obj is not None:
                    _verwijder(spec, obj, log)
                continue
            _rij_opslaan(spec, beoordeling, obj, rij, doelen, log)

    return opslaan


_LEEG_IN_RIJ = {"taken": [], "plaatsing": False, "duurzaamheid": False, "kwalificatie": None,
                "termijn_maanden": None}


def _normaliseer_rij(spec: Rijsoort, rij: dict) -> dict:
    waarden = {veld: _LEEG_IN_RIJ.get(veld, "") if rij.get(veld) is None else rij[veld] for veld in spec.velden}
    if "icf_code" in waarden:
        waarden["icf_code"] = normaliseer_code(waarden["icf_code"])
    if "taken" in waarden:  # catalogue order, so a reordered but equal choice is no change
        gekozen = set(waarden["taken"])
        waarden["taken"] = [t.value for t in Jobcoachtaak if t.value in gekozen] + sorted(
            gekozen - set(Jobcoachtaak.values))
    return waarden


def _rij_opslaan(spec: Rijsoort, beoordeling: Beoordeling, obj, rij: dict, doelen: dict, log: Logboek) -> None:
    waarden = _normaliseer_rij(spec, rij)
    fouten = spec.controleer(waarden)
    verwijzingen = {}
    for naam in spec.m2m:
        ids = list(dict.fromkeys(rij.get(naam) or []))
        vreemd = [i for i in ids if i not in doelen[naam]]
        if vreemd:
            fouten.append(f"Verwijzing naar gegevens buiten dit onderzoek ({naam}).")
        verwijzingen[naam] = [doelen[naam][i] for i in ids if i in doelen[naam]]
    if fouten:
        raise OnderzoekFout(" ".join(fouten))
    nieuw = obj is None
    if nieuw:
        obj = spec.model(beoordeling=beoordeling, **waarden)
        _valideer(obj)
        obj.save()
        medisch = spec.medisch(obj, waarden)
        for veld, waarde in waarden.items():
            if waarde not in ("", None, [], False):
                log.schrijf(onderdeel=spec.onderdeel, actie=WijzigingActie.TOEGEVOEGD, item=spec.item(obj),
                            veld=str(obj._meta.get_field(veld).verbose_name),
                            nieuw=_toon(obj, veld, waarde), medisch=medisch)
    else:
        medisch = spec.medisch(obj, waarden)
        gewijzigd = log.velden(obj=obj, nieuw=waarden, onderdeel=spec.onderdeel, item=spec.item(obj),
                               medisch=medisch)
        if gewijzigd:
            _valideer(obj)
            obj.save(update_fields=gewijzigd)
    for naam, nieuwe in verwijzingen.items():
        _m2m_opslaan(spec, obj, naam, nieuwe, log, nieuw=nieuw)


def _toon(obj, veld: str, waarde) -> str:
    if veld == "taken":
        from .leidraad import taak_labels

        return "; ".join(taak_labels(waarde))
    return weergave(obj._meta.get_field(veld), waarde)


def _m2m_opslaan(spec: Rijsoort, obj, naam: str, nieuwe: list, log: Logboek, *, nieuw: bool) -> None:
    oude = [] if nieuw else list(getattr(obj, naam).all())
    if {o.pk for o in oude} == {o.pk for o in nieuwe}:
        return
    getattr(obj, naam).set(nieuwe)
    medisch = any(getattr(o, "is_medisch", False) for o in [*oude, *nieuwe])
    log.schrijf(onderdeel=spec.onderdeel, actie=WijzigingActie.TOEGEVOEGD if nieuw else WijzigingActie.GEWIJZIGD,
                item=spec.item(obj), veld=str(obj._meta.get_field(naam).verbose_name),
                oud="; ".join(str(o) for o in oude), nieuw="; ".join(str(o) for o in nieuwe), medisch=medisch)


def _verwijder(spec: Rijsoort, obj, log: Logboek) -> None:
    medisch = spec.medisch(obj, {})
    omschrijving = "; ".join(f"{obj._meta.get_field(v).verbose_name}: {_toon(obj, v, getattr(obj, v))}"
                             for v in spec.velden if getattr(obj, v) not in ("", None, [], False))
    log.schrijf(onderdeel=spec.onderdeel, actie=WijzigingActie.VERWIJDERD, item=spec.item(obj),
                oud=omschrijving, medisch=medisch)
    obj.delete()


def _valideer(obj) -> None:
    try:
        obj.full_clean(exclude=["beoordeling"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise OnderzoekFout(" ".join(exc.messages)) from exc


def _antwoorden_opslaan(beoordeling: Beoordeling, antwoorden: dict, log: Logboek) -> None:
    """Answers to the eight questions, by question number: {nummer: {"antwoord": "ja", "motivering": "…"}}."""
    bestaand = {a.vraag: a for a in LeidraadAntwoord.objects.filter(beoordeling=beoordeling)}
    for nummer, waarden in antwoorden.items():
        if nummer not in VRAAG:
            raise OnderzoekFout(f"De Leidraad kent geen vraag {nummer}.")
        antwoord = waarden.get("antwoord") or ""
        if not VRAAG[nummer].ja_nee:
            antwoord = ""
        nieuw = {"antwoord": antwoord, "motivering": waarden.get("motivering") or ""}
        obj = bestaand.get(nummer)
        actie = WijzigingActie.GEWIJZIGD
        if obj is None:
            if not any(nieuw.values()):
                continue
            obj, actie = LeidraadAntwoord(beoordeling=beoordeling, vraag=nummer), WijzigingActie.TOEGEVOEGD
        gewijzigd = log.velden(obj=obj, nieuw=nieuw, onderdeel="Vraag van de Leidraad", item=f"Vraag {nummer}",
                               actie=actie)
        if gewijzigd:
            _valideer(obj)
            obj.save()


RIJEN_OPSLAAN = {
    "factoren": _rijen_opslaan("factoren"),
    "knelpunten": _rijen_opslaan("knelpunten"),
    "oplossingen": _rijen_opslaan("oplossingen"),
    "doelen": _rijen_opslaan("doelen"),
    "antwoorden": _antwoorden_opslaan,
}


# --- starting from the aanvraag ----------------------------------------------------------------------


def overneembaar_uit_aanvraag(beoordeling: Beoordeling) -> bool:
    """Whether the applicant's structured answers can still be taken over into the beeldvorming."""
    aanvraag = beoordeling.aanvraag
    return beoordeling.aanvraag_overgenomen_op is None and (
        aanvraag.ondersteuningsvragen.exists() or aanvraag.werkplekfactoren.exists()
    )


def beoordeling_aanvraag_overnemen(*, beoordeling: Beoordeling, door, versie: str) -> Beoordeling:
    """Start the beeldvorming from the aanvraag: what goes wrong (ICF activities) and the werkplek factors
    (the 4 A's) become ICF factors with the aanvraag as their source; werkplek facts fill empty fields.
    Done once; the klantmanager then checks, completes and corrects them."""
    if not mag_bewerken(beoordeling, door, "beeldvorming"):
        raise GeenToestemming("U mag de beeldvorming van dit onderzoek niet wijzigen.")
    with transaction.atomic():
        actueel = _vergrendel(beoordeling, versie)
        if actueel.aanvraag_overgenomen_op is not None:
            raise TransitieFout("De gegevens uit de aanvraag zijn al overgenomen.")
        log = Logboek(beoordeling=actueel, door=door)
        aanvraag = actueel.aanvraag
        log.velden(obj=actueel, nieuw=_werkplek_uit_aanvraag(actueel, aanvraag), onderdeel="Beeldvorming")
        RIJEN_OPSLAAN["factoren"](actueel, _factoren_uit_aanvraag(aanvraag), log)
        actueel.aanvraag_overgenomen_op = timezone.now()
        actueel.versie += 1
        actueel.save()
        log.opslaan()
    beoordeling.refresh_from_db()
    return beoordeling


_DOELGROEPREGISTER_UIT_AANVRAAG = {
    "ja": Doelgroepregister.INGESCHREVEN,
    "nee": Doelgroepregister.NIET_INGESCHREVEN,
    "aangevraagd": Doelgroepregister.AANGEVRAAGD,
}


def _werkplek_uit_aanvraag(b: Beoordeling, aanvraag) -> dict:
    """Only fields still empty in the onderzoek; the klantmanager's own entries always win."""
    kandidaten = {
        "werkplek_taken": aanvraag.taken,
        "werkplek_contracturen": aanvraag.contracturen_per_week,
        "contractvorm": aanvraag.contractsoort,
        "contract_einddatum": aanvraag.contract_einddatum,
        "intern_werkbegeleider": aanvraag.interne_werkbegeleider,
        "doelgroepregister": _DOELGROEPREGISTER_UIT_AANVRAAG.get(aanvraag.doelgroepregister, ""),
        "loonwaarde_pct": aanvraag.loonwaarde_percentage,
    }
    return {veld: waarde for veld, waarde in kandidaten.items()
            if waarde not in (None, "") and getattr(b, veld) in (None, "")}


def _factoren_uit_aanvraag(aanvraag) -> list[dict]:
    rijen = []
    for vraag in aanvraag.ondersteuningsvragen.all():
        rijen.append({
            "id": None,
            "categorie": IcfCategorie.PARTICIPATIE if vraag.domein == "d8" else IcfCategorie.ACTIVITEITEN,
            "werking": Werking.BELEMMEREND,
            # A chapter code (d1, d2…) marks the applicant's own words: not a precise ICF code.
            "icf_code": "" if vraag.is_toelichting else vraag.code,
            "kwalificatie": None,
            "bron": Bron.AANVRAAG,
            "tekst": vraag.tekst,
        })
    for factor in aanvraag.werkplekfactoren.all():
        rijen.append({"id": None, "categorie": factor.factor, "werking": factor.invloed, "icf_code": "",
                      "kwalificatie": None, "bron": Bron.AANVRAAG, "tekst": factor.tekst})
    return rijen


# --- transitions ------------------------------------------------------------------------------------


def _mag(beoordeling: Beoordeling, transitie: str, door) -> None:
    """Check the phase and the role before the completeness, so a user without the right role hears so.

    (django_fsm.has_transition_perm also evaluates the conditions: an incomplete phase would read as
    "not allowed".)"""
    meta = getattr(beoordeling, transitie)._django_fsm
    if not meta.has_transition(beoordeling.status):
        raise TransitieFout(f"Deze handeling is niet mogelijk zolang de fase ‘{beoordeling.get_status_display().lower()}’ is.")
    if not meta.has_transition_perm(beoordeling, beoordeling.status, door):
        raise GeenToestemming("U mag deze handeling bij deze zaak niet uitvoeren.")


def beoordeling_volgende_fase(*, beoordeling: Beoordeling, door) -> Beoordeling:
    transitie = VOLGENDE_FASE.get(beoordeling.status)
    if transitie is None:
        raise TransitieFout("Vanuit deze fase kan het onderzoek niet naar een volgende fase.")
    _mag(beoordeling, transitie, door)
    ontbreekt = volledigheid.ontbrekend(beoordeling, beoordeling.status)
    if ontbreekt:
        raise Onvolledig(ontbreekt)
    with transaction.atomic():
        voer_uit(obj=beoordeling, transitie=transitie, door=door, aanvraag=beoordeling.aanvraag, machine="beoordeling")
    return beoordeling


def beoordeling_ter_ondertekening(*, beoordeling: Beoordeling, door) -> Beoordeling:
    """Offer the besluit to an arbeidsdeskundige: only when all three phases are complete."""
    _mag(beoordeling, "ter_ondertekening_aanbieden", door)
    ontbreekt = volledigheid.ontbrekend_voor_ondertekening(beoordeling)
    if ontbreekt:
        raise Onvolledig(ontbreekt)
    with transaction.atomic():
        voer_uit(obj=beoordeling, transitie="ter_ondertekening_aanbieden", door=door,
                 aanvraag=beoordeling.aanvraag, machine="beoordeling", args={"gebruiker": door})
    return beoordeling


def beoordeling_terugsturen(*, beoordeling: Beoordeling, door, reden: str) -> Beoordeling:
    if not reden.strip():
        raise TransitieFout("Geef aan waarom u het besluit terugstuurt.")
    with transaction.atomic():
        voer_uit(obj=beoordeling, transitie="terugsturen", door=door, aanvraag=beoordeling.aanvraag,
                 machine="beoordeling", reden=reden, args={"reden": reden})
    return beoordeling


def beoordeling_vaststellen(*, beoordeling: Beoordeling, door) -> Besluit:
    """Sign off: fix the besluit with the figures of the verordening in force, close the aanvraag, and
    render the beschikking after commit. Refused when the verordening no longer allows the toekenning
    (for instance a keurmerk that expired since the besluit was offered)."""
    from .tasks import beschikking_renderen

    _mag(beoordeling, "vaststellen", door)
    toegepast = toepassing(beoordeling)
    if toegepast.verordening is None:
        raise TransitieFout(" ".join(toegepast.fouten))
    if beoordeling.is_toekenning:
        ontbreekt = volledigheid.ontbrekend(beoordeling, "besluitvorming", toepassing=toegepast)
        if ontbreekt:
            raise TransitieFout("Het besluit kan zo niet worden vastgesteld: "
                                + "; ".join(o.tekst for o in ontbreekt) + ". Stuur het terug naar de klantmanager.")
    aanvraag = beoordeling.aanvraag
    with transaction.atomic():
        voer_uit(obj=beoordeling, transitie="vaststellen", door=door, aanvraag=aanvraag,
                 machine="beoordeling", args={"gebruiker": door})
        besluit = _besluit_maken(beoordeling=beoordeling, toegepast=toegepast, door=door)
        if besluit.uitkomst in (Uitkomst.TOEKENNING, Uitkomst.GEDEELTELIJKE_TOEKENNING):
            from .trajecten.services import traject_aanmaken

            traject_aanmaken(besluit=besluit)  # monitoring starts with the toekenning (issue 7)
        voer_uit(obj=aanvraag, transitie="besluit_nemen", door=door, aanvraag=aanvraag, machine="aanvraag")
        transaction.on_commit(lambda: beschikking_renderen.delay(besluit.pk))
    return besluit


def _besluit_maken(*, beoordeling: Beoordeling, toegepast: Toepassing, door) -> Besluit:
    toekenning = toegepast.toekenning if beoordeling.is_toekenning else None
    return Besluit.objects.create(
        beoordeling=beoordeling,
        aanvraag=beoordeling.aanvraag,
        verordening=toegepast.verordening,
        uitkomst=beoordeling.voorstel_uitkomst,
        afwijzingsgrond=beoordeling.afwijzingsgrond if beoordeling.voorstel_uitkomst == Uitkomst.AFWIJZING else "",
        uren_per_week=toekenning.uren_per_week if toekenning else None,
        duur_maanden=toekenning.duur_maanden if toekenning else None,
        startdatum=toekenning.startdatum if toekenning else None,
        einddatum=toekenning.einddatum if toekenning else None,
        regime=_regime(beoordeling, toegepast) if toekenning else "",
        berekening=_berekening_vastleggen(toegepast),
        maatwerk=bool(toekenning and toekenning.maatwerk),
        maatwerk_motivering=beoordeling.maatwerk_motivering if toekenning and toekenning.maatwerk else "",
        teksten=_teksten(beoordeling, toegepast),
        jobcoachorganisatie=beoordeling.voorstel_jobcoachorganisatie if toekenning else None,
        jobcoach=beoordeling.voorstel_jobcoach if toekenning else None,
        motivering=beoordeling.motivering,
        voorbereid_door=beoordeling.voorbereid_door,
        vastgesteld_door=door,
        vastgesteld_op=timezone.now(),
    )


def _regime(beoordeling: Beoordeling, toegepast: Toepassing) -> str:
    if not toegepast.regimes:
        return ""
    return beoordeling.regime or (toegepast.regels.standaard_regime or "")


def _berekening_vastleggen(toegepast: Toepassing) -> dict:
    """The engine's calculation as it was, or at least the eligibility verdict an afwijzing rests on."""
    if toegepast.berekening is not None:
        return toegepast.berekening.as_dict()
    if toegepast.geschiktheid is not None:
        return {"geschiktheid": toegepast.geschiktheid.as_dict(), "fouten": list(toegepast.fouten)}
    return {"fouten": list(toegepast.fouten)}


def _teksten(beoordeling: Beoordeling, toegepast: Toepassing) -> dict:
    """The texts the besluit was made with, for the beschikking and the dossier."""
    verordening = toegepast.verordening
    aanvraag = beoordeling.aanvraag
    knelpunten = list(beoordeling.knelpunten.order_by("id"))
    doelen = list(beoordeling.doelen.order_by("id"))
    return {
        "motivering": beoordeling.motivering,
        "afwijzingsgrond": beoordeling.get_afwijzingsgrond_display() if beoordeling.afwijzingsgrond else "",
        "gedeeltelijk_toelichting": beoordeling.gedeeltelijk_toelichting,
        "maatwerk_motivering": beoordeling.maatwerk_motivering,
        "kern_problematiek": beoordeling.kern_problematiek,
        "knelpunten": [{"omschrijving": k.omschrijving, "plaatsing": k.plaatsing, "duurzaamheid": k.duurzaamheid}
                       for k in knelpunten],
        "jobcoaching_adequaat": {"antwoord": beoordeling.jobcoaching_adequaat,
                                 "motivering": beoordeling.adequaat_motivering},
        "doelen": [{"doel": d.doel, "resultaat": d.resultaat, "termijn_maanden": d.termijn_maanden,
                    "activiteiten": d.taak_labels} for d in doelen],
        "verordening": {
            "naam": verordening.naam,
            "briefhoofd": verordening.briefhoofd_voor(aanvraag.gemeente),
            "artikel_persoonlijke_ondersteuning": verordening.artikel_persoonlijke_ondersteuning,
            "ondertekenaar_functie": verordening.ondertekenaar_functie,
            "bezwaar_adres": verordening.bezwaar_adres,
        },
    }
