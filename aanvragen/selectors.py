"""Reads for the aanvraag pages: each returns exactly what its page renders, with a fixed number of
queries whatever the number of rows."""

import datetime

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import Rol
from accounts.scoping import zichtbare_aanvragen
from verordening.models import Gemeente, Verordening, VersieStatus

from .models import (
    OPEN_STATUSSEN,
    Aanvraag,
    AanvraagStatus,
    Bijlage,
    Kanaal,
    Opschorting,
    Transitie,
    mag_concept_bewerken,
)

BEHANDELAAR_FILTERS = ("iedereen", "mij", "niemand")


def bediende_gemeenten(*, op: datetime.date | None = None) -> list[Gemeente]:
    """The gemeenten this installation serves: those with a published verordening in force (own or regio's),
    the same rule as verordening.selectors.verordening_op_datum."""
    datum = op or timezone.localdate()
    in_force = (Q(status=VersieStatus.GEPUBLICEERD) & Q(geldig_van__lte=datum)
                & (Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=datum)))
    eigen = Verordening.objects.filter(in_force, gemeente_id=OuterRef("pk"))
    regio = Verordening.objects.filter(in_force, regio_id=OuterRef("regio_id"))
    return list(Gemeente.objects.filter(Exists(eigen) | Exists(regio)).order_by("naam"))


def werklijst(
    *,
    user,
    status: str = "",
    sorteer: str = "oudste",
    behandelaar: str = "iedereen",
    te_laat: bool = False,
    vandaag: datetime.date | None = None,
) -> QuerySet:
    """The staff worklist: the user's gemeenten, filtered, sorted by receipt.

    "Te laat" is set-based on the stored uiterste_beslisdatum of open cases; partial indexes on the open
    cases (by receipt, and by uiterste beslisdatum) keep it fast at a million rows.
    """
    qs = zichtbare_aanvragen(user).select_related("werkgever", "behandelaar")
    if status:
        qs = qs.filter(status=status)
    open_ = [s.value for s in OPEN_STATUSSEN]
    if behandelaar == "mij":
        qs = qs.filter(behandelaar_id=user.pk)
    elif behandelaar == "niemand":
        # Open cases nobody has taken yet (a closed case needs no klantmanager any more).
        qs = qs.filter(behandelaar__isnull=True, status__in=open_)
    if te_laat:
        qs = qs.filter(status__in=open_, uiterste_beslisdatum__lt=vandaag or timezone.localdate())
    volgorde = ("ontvangen_op", "id") if sorteer == "oudste" else ("-ontvangen_op", "-id")
    return qs.order_by(*volgorde)


def mijn_aanvragen(*, user) -> QuerySet:
    """The applicant's own aanvragen, with what "Mijn aanvragen" needs for the next step."""
    return (
        zichtbare_aanvragen(user)
        .select_related("gemeente", "werkgever", "verdaging")
        .prefetch_related(
            Prefetch("opschortingen", queryset=Opschorting.objects.filter(eind__isnull=True),
                     to_attr="lopende_opschortingen")
        )
        .order_by("-aangemaakt_op", "-id")
    )


def aanvraag_detail(*, user, pk: int) -> Aanvraag:
    from beoordeling.models import Beoordeling, Document

    qs = zichtbare_aanvragen(user).select_related(
        "gemeente", "werkgever", "behandelaar", "aangemaakt_door", "jobcoachorganisatie",
        "voorkeur_jobcoachorganisatie", "verdaging",
    )
    qs = qs.prefetch_related(
        Prefetch("transities", queryset=Transitie.objects.select_related("door")),
        Prefetch("beoordelingen", queryset=Beoordeling.objects.order_by("ronde")),
        Prefetch("documenten", queryset=Document.objects.order_by("-aangemaakt_op", "-id")),
        "opschortingen", "bijlagen", "ondersteuningsvragen", "werkplekfactoren",
    )
    return qs.get(pk=pk)


def _eigen_registraties(user) -> QuerySet:
    """Concepts a klantmanager is registering (phone, letter): staff scope hides concepts otherwise."""
    if user.rol != Rol.KLANTMANAGER:
        return Aanvraag.objects.none()
    return Aanvraag.objects.filter(
        status=AanvraagStatus.CONCEPT, aangemaakt_door=user, gemeente_id__in=user.gemeente_ids()
    ).exclude(kanaal=Kanaal.ONLINE)


def _zichtbaar_of_eigen_registratie(user) -> QuerySet:
    return Aanvraag.objects.filter(
        Q(pk__in=zichtbare_aanvragen(user).values("pk")) | Q(pk__in=_eigen_registraties(user).values("pk"))
    )


def concept_voor(*, user, pk: int) -> Aanvraag:
    """A concept the user may fill in (404 otherwise)."""
    if user.rol == Rol.KLANTMANAGER:
        qs = _eigen_registraties(user)
    else:
        qs = zichtbare_aanvragen(user).filter(status=AanvraagStatus.CONCEPT)
    aanvraag = (
        qs.select_related("gemeente", "werkgever", "voorkeur_jobcoachorganisatie", "jobcoachorganisatie")
        .prefetch_related("bijlagen", "ondersteuningsvragen", "werkplekfactoren")
        .filter(pk=pk)
        .first()
    )
    if aanvraag is None or not mag_concept_bewerken(aanvraag, user):
        raise Http404("Aanvraag niet gevonden")
    return aanvraag


def aanvraag_voor_indienen(*, user, pk: int) -> Aanvraag:
    """The aanvraag behind an "indienen" click: the user's concept, or the case it already became."""
    aanvraag = _zichtbaar_of_eigen_registratie(user).select_related("gemeente").filter(pk=pk).first()
    if aanvraag is None:
        raise Http404("Aanvraag niet gevonden")
    return aanvraag


def bijlage_voor(*, user, aanvraag_pk: int, pk: int) -> Bijlage:
    """A bijlage of a case the user may see (404 otherwise)."""
    bijlage = (
        Bijlage.objects.filter(pk=pk, aanvraag_id=aanvraag_pk, aanvraag__in=_zichtbaar_of_eigen_registratie(user))
        .select_related("aanvraag")
        .first()
    )
    if bijlage is None:
        raise Http404("Bijlage niet gevonden")
    return bijlage


def document_voor(*, user, aanvraag_pk: int, pk: int):
    from beoordeling.models import Document

    document = (
        Document.objects.filter(pk=pk, aanvraag_id=aanvraag_pk, aanvraag__in=zichtbare_aanvragen(user))
        .select_related("aanvraag")
        .first()
    )
    if document is None:
        raise Http404("Document niet gevonden")
    return document


def beslistermijn_einde(aanvraag: Aanvraag) -> datetime.date | None:
    """The last day of the beslistermijn (Awb 4:13-4:15 with the Atw), as the services store it."""
    termijn = aanvraag.beslistermijn()
    return termijn.einde if termijn else None
