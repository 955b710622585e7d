"""Applying the verordening in force to an onderzoek: the engine's facts, eligibility, quality and figures.

The verordening is the version in force on the aanvraag's date of receipt (verordening.selectors);
its rules come from `regels_van`, the facts from what the onderzoek recorded (beeldvorming: contract,
Doelgroepregister, loonwaarde, SFB; besluitvorming: ingangsdatum, regime, jobcoachorganisatie and
jobcoach). The page, the transition conditions and the besluit all use `toepassing()`, so what the
klantmanager and the arbeidsdeskundige see is what the besluit stores.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from verordening.engine import (
    Berekening,
    Casusfeiten,
    FeitenFout,
    RegelFout,
    Toetsing,
    Verordeningsregels,
    bereken,
    einde_termijn,
    toets_geschiktheid,
    toets_kwaliteit,
)
from verordening.regels import regimelabel
from verordening.selectors import GeenVerordening, kwaliteitsfeiten, regels_van, verordening_op_datum

from .leidraad import Contractvorm, Doelgroepregister, Sfb


@dataclass(frozen=True)
class Toekenning:
    """The figures a toekenning would grant: the engine's, or the maatwerk figures where they differ."""

    startdatum: datetime.date
    einddatum: datetime.date | None
    uren_per_week: Decimal | None
    duur_maanden: int | None
    maatwerk_uren: bool
    maatwerk_duur: bool

    @property
    def maatwerk(self) -> bool:
        return self.maatwerk_uren or self.maatwerk_duur


@dataclass
class Toepassing:
    verordening: object | None = None
    regels: Verordeningsregels | None = None
    feiten: Casusfeiten | None = None
    geschiktheid: Toetsing | None = None
    kwaliteit: Toetsing | None = None
    berekening: Berekening | None = None
    toekenning: Toekenning | None = None
    fouten: tuple[str, ...] = ()  # why (part of) the rules could not be applied, in Dutch

    @property
    def regimes(self) -> list[tuple[str, str]]:
        """(naam, label with its figures) of the verordening's regimes; empty when it has none."""
        regimes = self.regels.regimes() if self.regels else None
        return [(naam, f"{regimelabel(naam)} ({regime.omschrijving()})") for naam, regime in (regimes or {}).items()]


def standaard_ingangsdatum(beoordeling) -> datetime.date | None:
    """Jobcoaching starts when the work starts, but never before the aanvraag was received."""
    aanvraag = beoordeling.aanvraag
    datums = [d for d in (aanvraag.startdatum, aanvraag.ontvangen_op) if d is not None]
    return max(datums) if datums else None


def ingangsdatum(beoordeling) -> datetime.date | None:
    return beoordeling.ingangsdatum or standaard_ingangsdatum(beoordeling)


def contracturen(beoordeling) -> Decimal | None:
    return beoordeling.werkplek_contracturen or beoordeling.aanvraag.contracturen_per_week


def _eerdere_perioden(beoordeling) -> tuple[tuple[datetime.date, datetime.date], ...]:
    """Periods granted to the same werknemer before; the engine counts them for traject year and maximum."""
    from .models import Besluit, Uitkomst

    rijen = (
        Besluit.objects.filter(aanvraag__werknemer_bsn=beoordeling.aanvraag.werknemer_bsn,
                               startdatum__isnull=False, einddatum__isnull=False)
        .exclude(beoordeling_id=beoordeling.pk)
        .exclude(uitkomst=Uitkomst.AFWIJZING)
        .values_list("startdatum", "einddatum")
    )
    return tuple(rijen)


def casusfeiten(beoordeling, *, peildatum: datetime.date) -> Casusfeiten:
    """The engine's facts of this onderzoek. Raises FeitenFout when a fact is missing or wrong."""
    aanvraag = beoordeling.aanvraag
    start = ingangsdatum(beoordeling)
    if start is None:
        raise FeitenFout(["De ingangsdatum van de jobcoaching ontbreekt."])
    kwaliteit = kwaliteitsfeiten(
        organisatie=beoordeling.voorstel_jobcoachorganisatie, peildatum=peildatum,
        jobcoach=beoordeling.voorstel_jobcoach, klantmanager=aanvraag.behandelaar,
    )
    return Casusfeiten(
        contracturen_per_week=contracturen(beoordeling),
        startdatum=start,
        peildatum=peildatum,
        contract_startdatum=aanvraag.startdatum,
        contract_einddatum=beoordeling.contract_einddatum if beoordeling.contractvorm == Contractvorm.BEPAALDE_TIJD
        else None,
        regime=beoordeling.regime or None,
        gevraagde_uren=beoordeling.gevraagde_uren,
        eerdere_perioden=_eerdere_perioden(beoordeling),
        doelgroepregister=beoordeling.doelgroepregister == Doelgroepregister.INGESCHREVEN,
        loonwaarde_pct=beoordeling.loonwaarde_pct,
        sfb=beoordeling.sfb == Sfb.VASTGESTELD,
        **kwaliteit,
    )


def regels_voor(beoordeling) -> tuple[object | None, Verordeningsregels | None, tuple[str, ...]]:
    """(verordening, regels, fouten): the version in force on the date of receipt and its rules."""
    aanvraag = beoordeling.aanvraag
    if aanvraag.ontvangen_op is None:
        return None, None, ("De aanvraag heeft geen datum van ontvangst.",)
    try:
        verordening = verordening_op_datum(gemeente=aanvraag.gemeente, datum=aanvraag.ontvangen_op)
    except GeenVerordening as exc:
        return None, None, (str(exc),)
    try:
        return verordening, regels_van(verordening), ()
    except RegelFout as exc:
        return verordening, None, (f"De regels van {verordening.naam} zijn onvolledig: {' '.join(exc.meldingen)}",)


def toepassing(beoordeling, *, peildatum: datetime.date | None = None) -> Toepassing:
    """Apply the verordening to the onderzoek as it is saved now; `peildatum` defaults to today."""
    peildatum = peildatum or timezone.localdate()
    verordening, regels, fouten = regels_voor(beoordeling)
    resultaat = Toepassing(verordening=verordening, regels=regels, fouten=fouten)
    if regels is None:
        return resultaat
    try:
        resultaat.feiten = casusfeiten(beoordeling, peildatum=peildatum)
    except FeitenFout as exc:
        resultaat.fouten = tuple(exc.meldingen)
        return resultaat
    resultaat.geschiktheid = toets_geschiktheid(regels, resultaat.feiten)
    resultaat.kwaliteit = toets_kwaliteit(regels, resultaat.feiten)
    try:
        resultaat.berekening = bereken(regels, resultaat.feiten)
    except FeitenFout as exc:
        resultaat.fouten = tuple(exc.meldingen)
        return resultaat
    resultaat.toekenning = _toekenning(beoordeling, resultaat.berekening, resultaat.feiten.startdatum)
    return resultaat


def uren_per_week(berekening: Berekening) -> Decimal | None:
    """The average hours per week of the first granting period, to one decimal."""
    periode = berekening.uren
    if periode is None or not periode.weken:
        return None
    return (periode.uren / periode.weken).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def duur_in_maanden(start: datetime.date, eind: datetime.date | None) -> int | None:
    """Whole months from `start` up to and including `eind` (a part month is not counted)."""
    if eind is None or eind < start:
        return None
    maanden = 0
    while einde_termijn(start, maanden + 1) <= eind:
        maanden += 1
    return maanden


def _toekenning(beoordeling, berekening: Berekening, start: datetime.date) -> Toekenning:
    uren = uren_per_week(berekening)
    eind = berekening.einddatum
    duur = duur_in_maanden(start, eind)
    maatwerk_uren = beoordeling.maatwerk_uren_per_week is not None and beoordeling.maatwerk_uren_per_week != uren
    maatwerk_duur = beoordeling.maatwerk_duur_maanden is not None and beoordeling.maatwerk_duur_maanden != duur
    if maatwerk_uren:
        uren = beoordeling.maatwerk_uren_per_week
    if maatwerk_duur:
        duur = beoordeling.maatwerk_duur_maanden
        eind = einde_termijn(start, duur)
    return Toekenning(start, eind, uren, duur, maatwerk_uren, maatwerk_duur)
