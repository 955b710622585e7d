"""The rules of the beschikking and the dossier that need no database: pure, table-driven, tested alone.

- which kind of beschikking a besluit gets, and the texts that differ per kind;
- who the letters go to (one letter per belanghebbende, each noting the copy to the other);
- the engine's stored calculation (Besluit.berekening, JSON) turned back into dates and figures;
- who may request and download which kind of document.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Rol

# --------------------------------------------------------------------------------------------------
# The kind of beschikking


class SoortBeschikking(models.TextChoices):
    TOEKENNING = "toekenning", _("Toekenning")
    GEDEELTELIJKE_TOEKENNING = "gedeeltelijke_toekenning", _("Gedeeltelijke toekenning")
    AFWIJZING = "afwijzing", _("Afwijzing")
    VERLENGING = "verlenging", _("Verlenging")
    BEEINDIGING = "beeindiging", _("Beëindiging")
    HERZIENING = "herziening", _("Herziening na bezwaar")


# What the besluit itself says it is (a later issue sets Besluit.soort_beschikking for a verlenging,
# beëindiging or herziening); otherwise the uitkomst decides.
_AANLEIDINGEN = {SoortBeschikking.VERLENGING, SoortBeschikking.BEEINDIGING, SoortBeschikking.HERZIENING}
_UIT_UITKOMST = {
    "toekenning": SoortBeschikking.TOEKENNING,
    "gedeeltelijke_toekenning": SoortBeschikking.GEDEELTELIJKE_TOEKENNING,
    "afwijzing": SoortBeschikking.AFWIJZING,
}


def soort_beschikking(*, uitkomst: str, aanleiding: str = "") -> SoortBeschikking:
    """The kind of beschikking: the besluit's own `aanleiding` when it names one, else from the uitkomst."""
    if aanleiding in _AANLEIDINGEN:
        return SoortBeschikking(aanleiding)
    try:
        return _UIT_UITKOMST[uitkomst]
    except KeyError:
        raise ValueError(f"Onbekende uitkomst van een besluit: {uitkomst!r}") from None


@dataclass(frozen=True)
class Beschikkingtekst:
    onderwerp: str
    kop: str
    toont_toekenning: bool  # the block with intensiteit, duur, jobcoachorganisatie and monitoring
    rechtsmiddel: str  # "bezwaar" (a primary besluit) or "beroep" (a besluit taken on bezwaar)


BESCHIKKINGTEKST: dict[str, Beschikkingtekst] = {
    SoortBeschikking.TOEKENNING: Beschikkingtekst(
        "Besluit op de aanvraag om jobcoaching", "Wij kennen jobcoaching toe", True, "bezwaar"),
    SoortBeschikking.GEDEELTELIJKE_TOEKENNING: Beschikkingtekst(
        "Besluit op de aanvraag om jobcoaching", "Wij kennen jobcoaching gedeeltelijk toe", True, "bezwaar"),
    SoortBeschikking.AFWIJZING: Beschikkingtekst(
        "Besluit op de aanvraag om jobcoaching", "Wij wijzen de aanvraag om jobcoaching af", False, "bezwaar"),
    SoortBeschikking.VERLENGING: Beschikkingtekst(
        "Besluit over de verlenging van de jobcoaching", "Wij verlengen de jobcoaching", True, "bezwaar"),
    SoortBeschikking.BEEINDIGING: Beschikkingtekst(
        "Besluit over de beëindiging van de jobcoaching", "Wij beëindigen de jobcoaching", False, "bezwaar"),
    SoortBeschikking.HERZIENING: Beschikkingtekst(
        "Nieuw besluit na uw bezwaar", "Wij herzien ons eerdere besluit", True, "beroep"),
}


def beschikkingtekst(soort: str, *, uitkomst: str) -> Beschikkingtekst:
    """The texts of a kind; a herziening that ends in an afwijzing shows no figures."""
    tekst = BESCHIKKINGTEKST[soort]
    if soort == SoortBeschikking.HERZIENING and uitkomst == "afwijzing":
        return Beschikkingtekst(tekst.onderwerp, tekst.kop, False, tekst.rechtsmiddel)
    return tekst


# --------------------------------------------------------------------------------------------------
# Addressees: one letter per belanghebbende (Participatiewet art. 10(5)-(6), Awb 3:41)


@dataclass(frozen=True)
class Geadresseerde:
    rol: str  # "werknemer" or "werkgever"
    naam: str
    adresregels: tuple[str, ...]
    ter_attentie: str = ""

    @property
    def aanhef(self) -> str:
        if self.rol == "werkgever":
            return f"Geachte {self.ter_attentie}," if self.ter_attentie else "Geachte heer, mevrouw,"
        return f"Geachte {self.naam},"


@dataclass(frozen=True)
class Brief:
    """One copy of the beschikking: to whom, and to whom a copy (afschrift) went."""

    aan: Geadresseerde
    afschrift_aan: tuple[Geadresseerde, ...]


def _regels(*delen: str) -> tuple[str, ...]:
    """Address lines from free text: commas and newlines split lines, empty parts dropped."""
    regels = []
    for deel in delen:
        for regel in (deel or "").replace("\n", ",").split(","):
            if regel.strip():
                regels.append(regel.strip())
    return tuple(regels)


def geadresseerden(*, werknemer_naam: str, werknemer_adres: str = "", werknemer_postcode: str = "",
                   werknemer_woonplaats: str = "", werkgever_naam: str = "", werkgever_adres: str = "",
                   werkgever_contactpersoon: str = "") -> list[Geadresseerde]:
    """The werknemer always; the werkgever when the aanvraag names one."""
    plaats = " ".join(d for d in (werknemer_postcode.strip(), werknemer_woonplaats.strip()) if d)
    lijst = [Geadresseerde("werknemer", werknemer_naam.strip(), _regels(werknemer_adres, plaats))]
    if werkgever_naam.strip():
        lijst.append(Geadresseerde("werkgever", werkgever_naam.strip(), _regels(werkgever_adres),
                                   werkgever_contactpersoon.strip()))
    return lijst


def brieven(lijst: list[Geadresseerde]) -> list[Brief]:
    """One letter per addressee; each names the others as receiving a copy."""
    return [Brief(aan=g, afschrift_aan=tuple(a for a in lijst if a is not g)) for g in lijst]


# --------------------------------------------------------------------------------------------------
# The engine's calculation as stored on the besluit (verordening.engine.Berekening.as_dict)


@dataclass(frozen=True)
class Periode:
    nummer: int
    start: datetime.date
    eind: datetime.date
    weken: int
    uren: Decimal


@dataclass(frozen=True)
class Berekeningweergave:
    periodes: tuple[Periode, ...]
    totaal_uren: Decimal | None
    intensiteit: tuple[str, ...]  # how the hours of the first period were computed
    duur: tuple[str, ...]  # how the end date was computed
    geschiktheid: tuple[str, ...]  # the eligibility findings (all, or the unmet ones for an afwijzing)


def _datum(waarde) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(waarde)
    except (TypeError, ValueError):
        return None


def _getal(waarde) -> Decimal | None:
    try:
        return Decimal(str(waarde)) if waarde not in (None, "") else None
    except InvalidOperation:
        return None


def berekening_weergave(berekening: dict | None, *, alleen_gebreken: bool = False) -> Berekeningweergave | None:
    """The stored calculation as the beschikking shows it; None when nothing was stored."""
    if not berekening:
        return None
    periodes = []
    for nummer, p in enumerate(berekening.get("periodes") or [], start=1):
        start, eind, uren = _datum(p.get("periode_start")), _datum(p.get("periode_eind")), _getal(p.get("uren"))
        if start and eind and uren is not None:
            periodes.append(Periode(nummer, start, eind, int(p.get("weken") or 0), uren))
    eerste = berekening.get("uren") or {}
    duur = berekening.get("duur") or {}
    bevindingen = (berekening.get("geschiktheid") or {}).get("bevindingen") or []
    geschiktheid = tuple(b.get("tekst", "") for b in bevindingen if not (alleen_gebreken and b.get("voldoet")))
    return Berekeningweergave(
        periodes=tuple(periodes),
        totaal_uren=_getal(berekening.get("totaal_uren")),
        intensiteit=tuple(eerste.get("uitlegregels") or ()),
        duur=tuple(duur.get("uitlegregels") or ()),
        geschiktheid=geschiktheid,
    )


# --------------------------------------------------------------------------------------------------
# Who may have which document (the case itself is scoped first: accounts.scoping.zichtbare_aanvragen)

ONDERZOEK_ROLLEN = frozenset({Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE, Rol.BEZWAARBEHANDELAAR})
AANVRAGER_ROLLEN = frozenset({Rol.WERKGEVER, Rol.WERKNEMER})
BRIEF_ROLLEN = frozenset({*AANVRAGER_ROLLEN, Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE, Rol.BEZWAARBEHANDELAAR,
                          Rol.FUNCTIONEEL_BEHEERDER, Rol.BELEIDSMEDEWERKER})
VOLLEDIG = ("onderzoeksrapport", "dossier_zip")
AFSCHRIFT_AANVRAGER = "onderzoeksrapport_aanvrager"


def mag_downloaden(*, soort: str, rol: str, zelf_opgevraagd: bool = False) -> bool:
    """The complete dossier (medical details, internal notes) only for the staff who work on the onderzoek;
    the applicant's copy also for the werkgever or werknemer who asked for it; letters for every party."""
    if soort in VOLLEDIG:
        return rol in ONDERZOEK_ROLLEN
    if soort == AFSCHRIFT_AANVRAGER:
        return rol in ONDERZOEK_ROLLEN or (rol in AANVRAGER_ROLLEN and zelf_opgevraagd)
    return rol in BRIEF_ROLLEN


def variant_voor(rol: str) -> str | None:
    """Which dossier a role may request: the complete one, the applicant's copy, or none."""
    if rol in ONDERZOEK_ROLLEN:
        return "volledig"
    if rol in AANVRAGER_ROLLEN:
        return "aanvrager"
    return None
