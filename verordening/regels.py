"""Stored verordening fields → the engine's Verordeningsregels, and the checks the engine leaves to us.

No Django and no I/O: `regels_uit` takes a plain mapping of field values (a model instance's fields, or
a form's cleaned data before anything is stored), so a form, the model's clean() and
`selectors.regels_van` all validate the same way and report the same Dutch messages.

How the rule fields are stored (decided here, used by the model, the forms and the demo data):
- scalars as model fields with the engine's names;
- the regimes as ordered lists in JSON, figures as exact decimal strings (jsonb keeps list order, not
  key order): percentage_regimes = [{"naam": "midden", "jaar_1": "10", "jaar_2": "5",
  "jaar_3_en_verder": "3"}, …], regime_banden = [{"naam": "licht", "min_uren": "10", "max_uren": "20"}, …];
- geaccepteerde_keurmerken as a JSON list of Keurmerk values.
Only the fields of the chosen intensity kind count; `normaliseer` clears the others before storing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping

from .engine import UWV_REGIMES, IntensiteitSoort, RegelFout, Verordeningsregels

PCT = IntensiteitSoort.PERCENTAGE_PER_JAAR
VAST_PCT = IntensiteitSoort.VAST_PERCENTAGE
VASTE_UREN = IntensiteitSoort.VASTE_UREN
BANDEN = IntensiteitSoort.REGIME_BANDEN

# Fields that hold rules, in the order of the engine's dataclass (plus monitoring, not used by the engine).
REGEL_VELDEN = (
    "doelgroepregister_vereist", "min_loonwaarde_pct", "sfb_vereist", "min_contracturen_per_week",
    "min_contractduur_maanden",
    "intensiteit_soort", "percentage_regimes", "vast_percentage", "vaste_uren", "vaste_uren_eenheid",
    "regime_banden", "standaard_regime", "max_uren_per_periode",
    "standaard_max_maanden", "toekenningsperiode_maanden", "verlenging_toegestaan", "verlenging_bewijs",
    "max_totaal_maanden",
    "geaccepteerde_keurmerken", "min_opleiding", "jobcoach_niet_klantmanager",
)

# Fields that only count for one intensity kind (cleared for the other kinds).
_VELDEN_PER_SOORT = {
    "percentage_regimes": {PCT},
    "regime_banden": {BANDEN},
    "standaard_regime": {PCT, BANDEN},
    "vast_percentage": {VAST_PCT},
    "vaste_uren": {VASTE_UREN},
    "vaste_uren_eenheid": {VASTE_UREN},
}
_LEEG = {"percentage_regimes": [], "regime_banden": [], "standaard_regime": "", "vaste_uren_eenheid": ""}

# The participatiewet (and so every re-integratieverordening under it) took effect on 1 January 2015.
EERSTE_DATUM = datetime.date(2015, 1, 1)
LAATSTE_JAAR = 2099


@dataclass(frozen=True)
class Grens:
    """A sensible range for a whole-number field, with the Dutch messages for both sides."""

    minimum: int
    maximum: int
    wat: str
    eenheid: str

    def te_laag(self) -> str:
        return f"{self.wat} is ten minste {self.minimum} {self.eenheid}."

    def te_hoog(self) -> str:
        return f"{self.wat} is ten hoogste {self.maximum} {self.eenheid}."


# Ranges outside which a figure is almost certainly a typing error; used by forms, model and services.
GRENZEN = {
    "beslistermijn_weken": Grens(1, 26, "De beslistermijn", "weken"),
    "hersteltermijn_weken": Grens(1, 12, "De hersteltermijn", "weken"),
    "standaard_max_maanden": Grens(1, 120, "De standaard maximale duur", "maanden"),
    "max_totaal_maanden": Grens(1, 240, "Het totale maximum", "maanden"),
    "min_contractduur_maanden": Grens(0, 60, "De minimale contractduur", "maanden"),
    "herbeoordeling_weken_voor_einde": Grens(0, 52, "Het begin van de herbeoordeling", "weken voor de einddatum"),
}
MAX_CONTRACTUREN = Decimal(60)  # hours per week: more is not a contract
MAX_UREN_PER_WEEK = Decimal(40)  # a fixed number of jobcoach hours per week above this is a typing error
REGIMENAAM = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def regimenaam(tekst: str) -> str:
    """'Zeer licht' → 'zeer_licht': the key the engine uses (it shows it again as 'zeer licht')."""
    return re.sub(r"[\s-]+", "_", (tekst or "").strip().lower())


def regimelabel(naam: str) -> str:
    return naam.replace("_", " ")


def uwv_regimes_standaard() -> list[dict[str, str]]:
    """The UWV regimes as stored JSON: the default of a new verordening (editable per gemeente)."""
    return [
        {"naam": naam, "jaar_1": _tekst(r.jaar_1), "jaar_2": _tekst(r.jaar_2),
         "jaar_3_en_verder": _tekst(r.jaar_3_en_verder)}
        for naam, r in UWV_REGIMES.items()
    ]


def _tekst(getal: Decimal | int | str | None) -> str | None:
    """An exact decimal string for JSON ('7.5', '10'), or None."""
    if getal is None or getal == "":
        return None
    return format(Decimal(str(getal)).normalize(), "f")


def normaliseer(gegevens: Mapping[str, Any]) -> dict[str, Any]:
    """A copy in which the fields of other intensity kinds are cleared and figures are exact strings in JSON."""
    schoon = dict(gegevens)
    soort = schoon.get("intensiteit_soort")
    for veld, soorten in _VELDEN_PER_SOORT.items():
        if soort not in soorten:
            schoon[veld] = _LEEG.get(veld)
    schoon["percentage_regimes"] = [
        {"naam": r["naam"], "jaar_1": _tekst(r["jaar_1"]), "jaar_2": _tekst(r["jaar_2"]),
         "jaar_3_en_verder": _tekst(r["jaar_3_en_verder"])}
        for r in schoon.get("percentage_regimes") or []
    ]
    schoon["regime_banden"] = [
        {"naam": r["naam"], "min_uren": _tekst(r["min_uren"]), "max_uren": _tekst(r["max_uren"])}
        for r in schoon.get("regime_banden") or []
    ]
    schoon["geaccepteerde_keurmerken"] = sorted(schoon.get("geaccepteerde_keurmerken") or [])
    if not schoon.get("verlenging_toegestaan"):
        schoon["verlenging_bewijs"] = ""
    return schoon


def regels_uit(gegevens: Mapping[str, Any]) -> Verordeningsregels:
    """The engine's rules for stored or typed field values. Invalid data raises RegelFout (Dutch)."""
    soort = gegevens.get("intensiteit_soort")

    def telt(veld: str) -> bool:
        return soort in _VELDEN_PER_SOORT[veld]

    try:
        percentages = {r["naam"]: (r["jaar_1"], r["jaar_2"], r["jaar_3_en_verder"])
                       for r in gegevens.get("percentage_regimes") or []} if telt("percentage_regimes") else {}
        banden = {r["naam"]: (r["min_uren"], r["max_uren"])
                  for r in gegevens.get("regime_banden") or []} if telt("regime_banden") else {}
    except (KeyError, TypeError) as exc:
        raise RegelFout(["De regimes van deze versie zijn onvolledig opgeslagen; vul ze opnieuw in."]) from exc
    return Verordeningsregels(
        doelgroepregister_vereist=bool(gegevens.get("doelgroepregister_vereist")),
        min_loonwaarde_pct=gegevens.get("min_loonwaarde_pct"),
        sfb_vereist=bool(gegevens.get("sfb_vereist")),
        min_contracturen_per_week=gegevens.get("min_contracturen_per_week"),
        min_contractduur_maanden=gegevens.get("min_contractduur_maanden"),
        intensiteit_soort=soort,
        percentage_regimes=percentages,
        vast_percentage=gegevens.get("vast_percentage") if telt("vast_percentage") else None,
        vaste_uren=gegevens.get("vaste_uren") if telt("vaste_uren") else None,
        vaste_uren_eenheid=(gegevens.get("vaste_uren_eenheid") or None) if telt("vaste_uren_eenheid") else None,
        regime_banden=banden,
        standaard_regime=(gegevens.get("standaard_regime") or None) if telt("standaard_regime") else None,
        max_uren_per_periode=gegevens.get("max_uren_per_periode"),
        standaard_max_maanden=gegevens.get("standaard_max_maanden"),
        toekenningsperiode_maanden=gegevens.get("toekenningsperiode_maanden"),
        verlenging_toegestaan=bool(gegevens.get("verlenging_toegestaan")),
        verlenging_bewijs=gegevens.get("verlenging_bewijs") or "",
        max_totaal_maanden=gegevens.get("max_totaal_maanden"),
        geaccepteerde_keurmerken=frozenset(gegevens.get("geaccepteerde_keurmerken") or ()),
        min_opleiding=gegevens.get("min_opleiding") or None,
        jobcoach_niet_klantmanager=bool(gegevens.get("jobcoach_niet_klantmanager")),
    )


def problemen(gegevens: Mapping[str, Any]) -> dict[str, list[str]]:
    """Every problem of one version's stored data, by field ('__all__' for the rules as a whole)."""
    fouten: dict[str, list[str]] = {}

    def fout(veld: str, tekst: str) -> None:
        fouten.setdefault(veld, []).append(tekst)

    van, tot = gegevens.get("geldig_van"), gegevens.get("geldig_tot")
    if van is None:
        fout("geldig_van", "Vul de datum in waarop deze versie ingaat.")
    elif van < EERSTE_DATUM:
        fout("geldig_van", "Een verordening onder de Participatiewet gaat niet vóór 1 januari 2015 in.")
    elif van.year > LAATSTE_JAAR:
        fout("geldig_van", f"Een ingangsdatum na {LAATSTE_JAAR} is vrijwel zeker een typefout.")
    if van and tot and tot < van:
        fout("geldig_tot", f"De einddatum ligt vóór de ingangsdatum ({van:%d-%m-%Y}).")
    for veld, grens in GRENZEN.items():
        waarde = gegevens.get(veld)
        if waarde is not None and waarde < grens.minimum:
            fout(veld, grens.te_laag())
        elif waarde is not None and waarde > grens.maximum:
            fout(veld, grens.te_hoog())
    contracturen = gegevens.get("min_contracturen_per_week")
    if contracturen is not None and contracturen > MAX_CONTRACTUREN:
        fout("min_contracturen_per_week", f"Het minimum aantal contracturen is ten hoogste {MAX_CONTRACTUREN} uur "
                                          "per week.")
    vaste_uren = gegevens.get("vaste_uren")
    if (gegevens.get("intensiteit_soort") == VASTE_UREN and gegevens.get("vaste_uren_eenheid") == "per_week"
            and vaste_uren is not None and vaste_uren > MAX_UREN_PER_WEEK):
        fout("vaste_uren", f"Een vast aantal uren per week is ten hoogste {MAX_UREN_PER_WEEK} uur.")
    if not (gegevens.get("bezwaar_adres") or "").strip():
        fout("bezwaar_adres", "Vul het adres in waar belanghebbenden bezwaar kunnen maken.")
    _problemen_regimes(gegevens, fout)
    try:
        regels_uit(gegevens)
    except RegelFout as exc:
        for melding in exc.meldingen:
            fout("__all__", melding)
    return fouten


def _problemen_regimes(gegevens: Mapping[str, Any], fout) -> None:
    soort = gegevens.get("intensiteit_soort")
    lijst = gegevens.get("percentage_regimes") if soort == PCT else gegevens.get("regime_banden") if soort == BANDEN \
        else None
    if not lijst:
        return
    namen = [r.get("naam", "") for r in lijst]
    for naam in namen:
        if not REGIMENAAM.match(naam or ""):
            fout("__all__", f"De regimenaam '{naam}' is ongeldig: gebruik letters, cijfers en spaties "
                            "(bijvoorbeeld 'zeer licht').")
    dubbel = sorted({regimelabel(n) for n in namen if namen.count(n) > 1})
    if dubbel:
        fout("__all__", f"Elk regime komt maar één keer voor; dubbel: {', '.join(dubbel)}.")
