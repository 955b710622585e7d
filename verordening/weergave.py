"""How a version's rules read on the beheer, preview and comparison pages: fixed rows per part.

Every version yields the same rows in the same order, so versions line up side by side.
"""

from dataclasses import dataclass
from decimal import Decimal

from .engine import IntensiteitSoort, Keurmerk, RegelFout, Verordeningsregels, nl_getal
from .models import Evaluatiefrequentie, OpleidingKeuze, Verordening
from .regels import regimelabel
from .selectors import regels_van


@dataclass(frozen=True)
class Rij:
    label: str
    regels: tuple[str, ...]  # the value, one line per item


@dataclass(frozen=True)
class Onderdeel:
    titel: str
    rijen: tuple[Rij, ...]


def _maanden(n: int | None, leeg: str) -> str:
    if n is None:
        return leeg
    return "1 maand" if n == 1 else f"{n} maanden"


def _getal(waarde, eenheid: str, leeg: str) -> str:
    return leeg if waarde is None else f"{nl_getal(Decimal(waarde))}{eenheid}"


def _vereist(ja: bool) -> str:
    return "vereist" if ja else "niet vereist"


def _norm(regels: Verordeningsregels) -> tuple[str, ...]:
    soort = regels.intensiteit_soort
    if soort == IntensiteitSoort.PERCENTAGE_PER_JAAR:
        return tuple(f"{regimelabel(n)}: {r.omschrijving()}" for n, r in regels.percentage_regimes.items())
    if soort == IntensiteitSoort.REGIME_BANDEN:
        return tuple(f"{regimelabel(n)}: {b.omschrijving()}" for n, b in regels.regime_banden.items())
    if soort == IntensiteitSoort.VAST_PERCENTAGE:
        return (f"{nl_getal(regels.vast_percentage)}% van de contracturen",)
    eenheid = "per week" if regels.vaste_uren_eenheid == "per_week" else "per half jaar"
    return (f"{nl_getal(regels.vaste_uren)} uur {eenheid}",)


def samenvatting(verordening: Verordening) -> tuple[Onderdeel, ...]:
    """The rows of one version; invalid stored rules show the engine's message instead of figures."""
    try:
        regels = regels_van(verordening)
    except RegelFout as fout:
        return (Onderdeel("Regels", (Rij("Ongeldige regels", fout.meldingen),)),)
    v = verordening
    keurmerken = [k.label for k in Keurmerk if k in regels.geaccepteerde_keurmerken]
    return (
        Onderdeel("Geschiktheid", (
            Rij("Doelgroepregister", (_vereist(regels.doelgroepregister_vereist),)),
            Rij("Minimale loonwaarde", (_getal(regels.min_loonwaarde_pct, "%", "geen minimum"),)),
            Rij("Structureel functionele beperking", (_vereist(regels.sfb_vereist),)),
            Rij("Minimum contracturen", (_getal(regels.min_contracturen_per_week, " uur per week", "geen minimum"),)),
            Rij("Minimale contractduur", (_maanden(regels.min_contractduur_maanden, "geen minimum"),)),
            Rij("Doelgroep", (v.doelgroep_toelichting or "geen beperking",)),
        )),
        Onderdeel("Intensiteit", (
            Rij("Soort", (regels.intensiteit_soort.label,)),
            Rij("Norm", _norm(regels)),
            Rij("Standaardregime", (regimelabel(regels.standaard_regime) if regels.standaard_regime else "geen",)),
            Rij("Plafond per periode", (_getal(regels.max_uren_per_periode, " uur", "geen"),)),
        )),
        Onderdeel("Duur", (
            Rij("Standaard maximale duur", (_maanden(regels.standaard_max_maanden, ""),)),
            Rij("Toekenningsperiode", (_maanden(regels.toekenningsperiode_maanden, ""),)),
            Rij("Verlenging", (f"mogelijk, met {regels.verlenging_bewijs}" if regels.verlenging_toegestaan
                               else "niet mogelijk",)),
            Rij("Maximale totale duur", (_maanden(regels.max_totaal_maanden, "geen maximum"),)),
        )),
        Onderdeel("Kwaliteit", (
            Rij("Keurmerken en registers", (" of ".join(keurmerken) if keurmerken else "geen eis",)),
            Rij("Opleiding jobcoach", (OpleidingKeuze(v.min_opleiding).label if v.min_opleiding else "geen eis",)),
            Rij("Jobcoach is nooit de klantmanager", ("ja" if regels.jobcoach_niet_klantmanager else "nee",)),
        )),
        Onderdeel("Monitoring", (
            Rij("Evaluatie", (Evaluatiefrequentie(v.evaluatiefrequentie).label.lower(),)),
            Rij("Herbeoordeling", (f"{v.herbeoordeling_weken_voor_einde} weken vóór de einddatum",)),
        )),
        Onderdeel("Termijnen", (
            Rij("Beslistermijn", (f"{v.beslistermijn_weken} weken",)),
            Rij("Hersteltermijn", (f"{v.hersteltermijn_weken} weken",)),
        )),
    )


@dataclass(frozen=True)
class VergelijkRij:
    label: str
    waarden: tuple[tuple[str, ...], ...]  # per column

    @property
    def verschilt(self) -> bool:
        return len(set(self.waarden)) > 1


@dataclass(frozen=True)
class VergelijkOnderdeel:
    titel: str
    rijen: tuple[VergelijkRij, ...]


def naast_elkaar(versies: list[Verordening | None]) -> tuple[VergelijkOnderdeel, ...]:
    """The rows of several versions side by side; a column without a version shows a dash."""
    samenvattingen = [samenvatting(v) if v is not None else None for v in versies]
    model = next((s for s in samenvattingen if s is not None and s[0].titel != "Regels"), None)
    if model is None:
        return ()
    onderdelen = []
    for i, onderdeel in enumerate(model):
        rijen = []
        for j, rij in enumerate(onderdeel.rijen):
            waarden = tuple(_cel(s, i, j) for s in samenvattingen)
            rijen.append(VergelijkRij(rij.label, waarden))
        onderdelen.append(VergelijkOnderdeel(onderdeel.titel, tuple(rijen)))
    return tuple(onderdelen)


def _cel(samenvatting_: tuple[Onderdeel, ...] | None, i: int, j: int) -> tuple[str, ...]:
    if samenvatting_ is None:
        return ("—",)
    if samenvatting_[0].titel == "Regels":  # invalid rules: the message once, in the first row
        return samenvatting_[0].rijen[0].regels if (i, j) == (0, 0) else ("—",)
    return samenvatting_[i].rijen[j].regels
