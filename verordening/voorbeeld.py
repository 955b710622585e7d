"""The example case of the preview and comparison pages: the engine's figures for one version.

The figures are exactly `engine.bereken(regels_van(versie), Casusfeiten(...))`; this module only turns
the form's answers into Casusfeiten and catches the engine's Dutch messages per version.
"""

import datetime
from dataclasses import dataclass
from typing import Iterable

from .engine import Berekening, Casusfeiten, FeitenFout, RegelFout, bereken
from .models import Verordening
from .selectors import kwaliteitsfeiten, regels_van


@dataclass(frozen=True)
class Voorbeeld:
    berekening: Berekening | None = None
    fout: str = ""
    kwaliteit_getoetst: bool = False
    herbeoordeling_vanaf: datetime.date | None = None

    @property
    def uitleg(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Duration and hours explained, as (heading, lines): the parts of the engine's explanation that
        the example is about (eligibility and quality are shown as verdicts beside it)."""
        if self.berekening is None:
            return ()
        delen = [("Duur", self.berekening.duur.uitlegregels)]
        for nummer, periode in enumerate(self.berekening.periodes, start=1):
            delen.append((f"Periode {nummer}", periode.uitlegregels))
        return tuple(delen)


def regimenamen(versies: Iterable[Verordening | None]) -> list[str]:
    """The regime names the versions know (in order of first appearance), for the example's regime choice."""
    namen: dict[str, None] = {}
    for versie in versies:
        if versie is None:
            continue
        try:
            namen.update(dict.fromkeys(regels_van(versie).regimes() or {}))
        except RegelFout:
            continue
    return list(namen)


def casusfeiten(gegevens: dict) -> dict:
    """Keyword arguments for engine.Casusfeiten from the VoorbeeldForm's cleaned data (quality facts included)."""
    kwaliteit = kwaliteitsfeiten(organisatie=gegevens.get("jobcoachorganisatie"), peildatum=gegevens["datum"])
    return {
        "contracturen_per_week": gegevens["contracturen_per_week"],
        "startdatum": gegevens["startdatum"],
        "peildatum": gegevens["datum"],
        "contract_einddatum": gegevens.get("contract_einddatum"),
        "regime": gegevens.get("regime") or None,
        "gevraagde_uren": gegevens.get("gevraagde_uren"),
        "doelgroepregister": bool(gegevens.get("doelgroepregister")),
        "loonwaarde_pct": gegevens.get("loonwaarde_pct"),
        **kwaliteit,
    }


def bereken_voorbeeld(verordening: Verordening, feiten: dict, *, kwaliteit_getoetst: bool) -> Voorbeeld:
    try:
        berekening = bereken(regels_van(verordening), Casusfeiten(**feiten))
    except (RegelFout, FeitenFout) as fout:
        return Voorbeeld(fout=" ".join(fout.meldingen))
    herbeoordeling = None
    if berekening.einddatum is not None:
        herbeoordeling = max(feiten["startdatum"], berekening.einddatum
                             - datetime.timedelta(weeks=verordening.herbeoordeling_weken_voor_einde))
    return Voorbeeld(berekening, "", kwaliteit_getoetst, herbeoordeling)
