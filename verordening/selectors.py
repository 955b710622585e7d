"""Reads: which version applies, the rules of a version, the beheer and comparison pages, quality facts.

Every page read returns what the page renders with its relations loaded, so its query count is fixed.
"""

import datetime
from dataclasses import dataclass, field
from typing import Iterable

from django.db.models import F, Prefetch, Q, QuerySet

from . import regels as regelmodule
from .engine import Keurmerk, Opleidingsniveau, Verordeningsregels
from .models import (
    Gemeente,
    Jobcoachorganisatie,
    Jobcoachprofiel,
    Keurmerkregistratie,
    Regio,
    Verordening,
    VersieStatus,
)


class GeenVerordening(Exception):
    """No verordening version is in force for a gemeente on a date: never fall back to a default."""


def _geen_verordening(gemeente: Gemeente, datum: datetime.date) -> GeenVerordening:
    return GeenVerordening(f"Voor gemeente {gemeente.naam} is op {datum:%d-%m-%Y} geen verordening van kracht.")


def _van_kracht(datum: datetime.date) -> Q:
    return (Q(status=VersieStatus.GEPUBLICEERD) & Q(geldig_van__lte=datum)
            & (Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=datum)))


def verordening_op_datum(*, gemeente: Gemeente, datum: datetime.date) -> Verordening:
    """The published version in force on `datum`: the gemeente's own, else its regio's shared one.

    Concepts never apply. A date outside every published version raises GeenVerordening.
    """
    eigen = Q(gemeente=gemeente)
    if gemeente.regio_id:
        eigen |= Q(regio_id=gemeente.regio_id)
    # A gemeente's own version wins over a regio's shared one.
    versies = Verordening.objects.filter(_van_kracht(datum) & eigen).order_by(
        F("regio_id").asc(nulls_first=True), "-geldig_van"
    )
    versie = versies.first()
    if versie is None:
        raise _geen_verordening(gemeente, datum)
    return versie


def kies_versie(versies: Iterable[Verordening], gemeente: Gemeente, datum: datetime.date) -> Verordening | None:
    """The same choice as verordening_op_datum, made in memory over versions already fetched."""
    eigen, regio = [], []
    for v in versies:
        if v.status != VersieStatus.GEPUBLICEERD or v.geldig_van > datum or (v.geldig_tot and v.geldig_tot < datum):
            continue
        if v.gemeente_id == gemeente.pk:
            eigen.append(v)
        elif v.regio_id and v.regio_id == gemeente.regio_id:
            regio.append(v)
    kandidaten = eigen or regio
    return max(kandidaten, key=lambda v: v.geldig_van) if kandidaten else None


def regels_van(verordening: Verordening) -> Verordeningsregels:
    """The engine's rules of one stored version (no queries). Invalid stored data raises engine.RegelFout."""
    return regelmodule.regels_uit(verordening.regelgegevens())


# --------------------------------------------------------------------------------------------------
# Beheer: a functioneel beheerder manages the versions of his gemeenten and of their regio's.


def _regio_ids(user) -> set[int]:
    if not hasattr(user, "_beheer_regio_ids"):
        user._beheer_regio_ids = set(
            Gemeente.objects.filter(id__in=user.gemeente_ids(), regio__isnull=False).values_list("regio_id", flat=True)
        )
    return user._beheer_regio_ids


def beheerbare_verordeningen(user) -> QuerySet:
    """Versions the user may see and manage; everything else is simply not found (404)."""
    from accounts.models import Rol

    if not user.is_authenticated or user.rol != Rol.FUNCTIONEEL_BEHEERDER:
        return Verordening.objects.none()
    return Verordening.objects.filter(Q(gemeente_id__in=user.gemeente_ids()) | Q(regio_id__in=_regio_ids(user)))


def mag_beheren(user, verordening: Verordening) -> bool:
    from accounts.models import Rol

    if not user.is_authenticated or user.rol != Rol.FUNCTIONEEL_BEHEERDER:
        return False
    if verordening.gemeente_id:
        return verordening.gemeente_id in user.gemeente_ids()
    return verordening.regio_id in _regio_ids(user)


def beheerbare_eigenaar(user, *, soort: str, pk: int) -> Gemeente | Regio:
    """The gemeente or regio the user may make a version for (DoesNotExist otherwise)."""
    if soort == "gemeente":
        return Gemeente.objects.get(pk=pk, id__in=user.gemeente_ids())
    if soort == "regio":
        return Regio.objects.get(pk=pk, id__in=_regio_ids(user))
    raise Verordening.DoesNotExist


@dataclass
class Eigenaar:
    """A gemeente or regio on the beheer page, with its versions (newest first)."""

    soort: str  # "gemeente" or "regio"
    object: Gemeente | Regio
    versies: list[Verordening] = field(default_factory=list)
    van_kracht: Verordening | None = None  # for a gemeente: the version that applies today (own or regio)

    @property
    def label(self) -> str:
        return f"Gemeente {self.object.naam}" if self.soort == "gemeente" else f"Regio {self.object.naam}"


def beheeroverzicht(user, *, vandaag: datetime.date) -> list[Eigenaar]:
    """The user's gemeenten and their regio's, each with its versions; three queries whatever the size."""
    gemeenten = list(Gemeente.objects.filter(id__in=user.gemeente_ids()).select_related("regio"))
    regio_s = sorted({g.regio_id: g.regio for g in gemeenten if g.regio_id}.values(), key=lambda r: r.naam)
    versies = list(
        Verordening.objects.filter(Q(gemeente__in=gemeenten) | Q(regio__in=regio_s))
        .select_related("gemeente", "regio", "gepubliceerd_door")
        .order_by("-geldig_van", "-pk")
    )
    eigenaren = [Eigenaar("regio", r, [v for v in versies if v.regio_id == r.pk]) for r in regio_s]
    for g in gemeenten:
        eigen = Eigenaar("gemeente", g, [v for v in versies if v.gemeente_id == g.pk])
        eigen.van_kracht = kies_versie(versies, g, vandaag)
        eigenaren.append(eigen)
    return eigenaren


def verordening_voor_beheer(user, pk: int) -> Verordening:
    return beheerbare_verordeningen(user).select_related("gemeente", "regio", "gepubliceerd_door",
                                                         "afgeleid_van").get(pk=pk)


# --------------------------------------------------------------------------------------------------
# Vergelijking: the gemeenten of a regio side by side.


@dataclass
class Kolom:
    gemeente: Gemeente
    verordening: Verordening | None


def vergelijking(*, regio: Regio, datum: datetime.date) -> list[Kolom]:
    """Each gemeente of the regio with the published version that applies on `datum` (two queries)."""
    gemeenten = list(regio.gemeenten.order_by("naam"))
    versies = list(
        Verordening.objects.filter(_van_kracht(datum) & (Q(gemeente__in=gemeenten) | Q(regio=regio)))
        .select_related("gemeente", "regio")
    )
    return [Kolom(g, kies_versie(versies, g, datum)) for g in gemeenten]


def regio_s_met_gemeenten() -> QuerySet:
    return Regio.objects.filter(gemeenten__isnull=False).distinct().order_by("naam")


def standaard_regio(user) -> Regio | None:
    """The regio of the user's first gemeente: the comparison the user most likely wants."""
    gemeente = Gemeente.objects.filter(id__in=user.gemeente_ids(), regio__isnull=False).select_related("regio") \
        .order_by("naam").first()
    return gemeente.regio if gemeente else None


# --------------------------------------------------------------------------------------------------
# Register of jobcoachorganisaties, and the facts the quality check needs.


def register() -> QuerySet:
    """Every jobcoachorganisatie with its keurmerken and jobcoaches (three queries)."""
    from accounts.models import Rol, User

    jobcoaches = User.objects.filter(rol=Rol.JOBCOACH).select_related("jobcoachprofiel").order_by("last_name")
    return Jobcoachorganisatie.objects.prefetch_related(
        Prefetch("keurmerken", queryset=Keurmerkregistratie.objects.order_by("keurmerk", "-geldig_tot")),
        Prefetch("jobcoaches", queryset=jobcoaches),
    ).order_by("naam")


def geldige_keurmerken(registraties: Iterable[Keurmerkregistratie], peildatum: datetime.date) -> dict:
    """Per keurmerk the registration that counts on `peildatum`: {Keurmerk: geldig_tot or None}.

    Registrations that have not started yet are left out. Of several registrations of one keurmerk the
    one that lasts longest counts (None: no end). An expired registration is passed on with its date,
    so the engine can say it expired; it fails the check from the day after `geldig_tot`.
    """
    resultaat: dict[Keurmerk, datetime.date | None] = {}
    for r in registraties:
        if r.geldig_van and r.geldig_van > peildatum:
            continue
        sleutel = Keurmerk(r.keurmerk)
        if sleutel in resultaat and _duurt_minstens_zo_lang(resultaat[sleutel], r.geldig_tot):
            continue
        resultaat[sleutel] = r.geldig_tot
    return resultaat


def _duurt_minstens_zo_lang(tot: datetime.date | None, ander: datetime.date | None) -> bool:
    """Whether a registration valid until `tot` lasts at least as long as one until `ander` (None: no end)."""
    return tot is None or (ander is not None and ander <= tot)


def kwaliteitsfeiten(organisatie: Jobcoachorganisatie | None, peildatum: datetime.date, *,
                     jobcoach=None, klantmanager=None) -> dict:
    """The quality facts of a case as keyword arguments for engine.Casusfeiten.

    Returns {"keurmerken": {Keurmerk: geldig_tot}, "jobcoach_opleidingsniveau": Opleidingsniveau | None,
    "jobcoach_is_klantmanager": bool}; combine with the other facts: Casusfeiten(**feiten, **kwaliteit).
    Uses prefetched `keurmerken` on the organisation when present. The jobcoach is the klantmanager when
    both are the same account or share an e-mail address.
    """
    registraties = list(organisatie.keurmerken.all()) if organisatie is not None else []
    niveau = None
    if jobcoach is not None:
        profiel = Jobcoachprofiel.objects.filter(jobcoach=jobcoach).only("opleidingsniveau").first()
        niveau = Opleidingsniveau(profiel.opleidingsniveau) if profiel else None
    return {
        "keurmerken": geldige_keurmerken(registraties, peildatum),
        "jobcoach_opleidingsniveau": niveau,
        "jobcoach_is_klantmanager": _zelfde_persoon(jobcoach, klantmanager),
    }


def _zelfde_persoon(a, b) -> bool:
    if a is None or b is None:
        return False
    return a.pk == b.pk or bool(a.email and b.email and a.email.strip().lower() == b.email.strip().lower())
