"""Reads for the onderzoek, besluit and document pages; each returns what its page renders.

Medical details (ICF factors of ziekte/aandoening and functies/anatomische eigenschappen, and the
changes that reveal them) are special-category personal data: they are filtered out HERE, in the
queries, for everyone but the klantmanager, arbeidsdeskundige and bezwaarbehandelaar of the case's
gemeente. Pages, PDFs and fragments get already-filtered rows and cannot leak what they never receive.
"""

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.shortcuts import get_object_or_404

from accounts.models import Rol
from accounts.scoping import zichtbare_aanvragen

from .leidraad import MEDISCHE_CATEGORIEEN
from .models import (
    Beoordeling,
    BeoordelingStatus,
    Besluit,
    Coachingsdoel,
    Document,
    IcfFactor,
    Knelpunt,
    LeidraadAntwoord,
    Oplossing,
    Wijziging,
)

MEDISCHE_ROLLEN = frozenset({Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE, Rol.BEZWAARBEHANDELAAR})


def mag_medisch_zien(user, aanvraag) -> bool:
    return (
        user.is_authenticated
        and user.rol in MEDISCHE_ROLLEN
        and aanvraag.gemeente_id in user.gemeente_ids()
    )


def _factoren(medisch: bool) -> QuerySet:
    qs = IcfFactor.objects.order_by("id")
    return qs if medisch else qs.exclude(categorie__in=MEDISCHE_CATEGORIEEN)


def _beoordelingen(user) -> QuerySet:
    return Beoordeling.objects.filter(aanvraag__in=zichtbare_aanvragen(user)).select_related(
        "aanvraag__gemeente", "aanvraag__werkgever", "aanvraag__behandelaar", "voorbereid_door",
        "vastgesteld_door", "voorstel_jobcoachorganisatie", "voorstel_jobcoach",
    )


def beoordeling_voor(*, user, pk: int) -> Beoordeling:
    """The beoordeling without its rows (for the sign-off actions)."""
    return get_object_or_404(_beoordelingen(user), pk=pk)


def onderzoek_voor(*, user, pk: int) -> Beoordeling:
    """The whole onderzoek as the user may see it, in a fixed number of queries whatever its size.

    The rows are on list attributes: `zichtbare_factoren`, `knelpunten_lijst` (each with its
    `zichtbare_factoren`), `oplossingen_lijst`, `antwoorden_lijst`, `doelen_lijst` (each with
    `knelpunten_lijst`). `medisch_zichtbaar` says whether medical factors were left in.
    """
    beoordeling = beoordeling_voor(user=user, pk=pk)
    medisch = mag_medisch_zien(user, beoordeling.aanvraag)
    factoren = _factoren(medisch)
    prefetch_related_objects(
        [beoordeling],
        Prefetch("factoren", queryset=factoren, to_attr="zichtbare_factoren"),
        Prefetch("knelpunten", queryset=Knelpunt.objects.order_by("id").prefetch_related(
            Prefetch("factoren", queryset=factoren, to_attr="zichtbare_factoren")), to_attr="knelpunten_lijst"),
        Prefetch("oplossingen", queryset=Oplossing.objects.order_by("id"), to_attr="oplossingen_lijst"),
        Prefetch("antwoorden", queryset=LeidraadAntwoord.objects.order_by("vraag"), to_attr="antwoorden_lijst"),
        Prefetch("doelen", queryset=Coachingsdoel.objects.order_by("id").prefetch_related(
            Prefetch("knelpunten", queryset=Knelpunt.objects.order_by("id"), to_attr="knelpunten_lijst")),
            to_attr="doelen_lijst"),
    )
    beoordeling.medisch_zichtbaar = medisch
    return beoordeling


def wijzigingen(*, user, beoordeling: Beoordeling) -> QuerySet:
    """The change log, newest first; without the medical changes for those who may not see them."""
    qs = Wijziging.objects.filter(beoordeling=beoordeling).select_related("door").order_by("-op", "-id")
    if not mag_medisch_zien(user, beoordeling.aanvraag):
        qs = qs.filter(medisch=False)
    return qs


def wijzigingen_sinds(*, user, beoordeling: Beoordeling, versie: str) -> list[Wijziging]:
    """What others changed after the version a user opened (for the conflict message)."""
    try:
        vanaf = int(versie)
    except (TypeError, ValueError):
        return []
    qs = Wijziging.objects.filter(beoordeling=beoordeling, versie__gt=vanaf).select_related("door").order_by("op", "id")
    if not mag_medisch_zien(user, beoordeling.aanvraag):
        qs = qs.filter(medisch=False)
    return list(qs)


def jobcoaches_in_register() -> list:
    """Every jobcoach (a user with rol jobcoach) with his organisation, for the besluitvorming choice."""
    from accounts.models import User

    return list(
        User.objects.filter(rol=Rol.JOBCOACH, jobcoachorganisatie__isnull=False)
        .select_related("jobcoachorganisatie").order_by("jobcoachorganisatie__naam", "last_name", "first_name")
    )


def ter_ondertekening(*, user) -> QuerySet:
    return (
        Beoordeling.objects.filter(aanvraag__in=zichtbare_aanvragen(user), status=BeoordelingStatus.TER_ONDERTEKENING)
        .select_related("aanvraag__werkgever", "voorbereid_door")
        .order_by("gewijzigd_op")
    )


def besluiten(*, user, jobcoachorganisatie_id: int | None = None) -> QuerySet:
    qs = Besluit.objects.filter(aanvraag__in=zichtbare_aanvragen(user))
    if jobcoachorganisatie_id is not None:
        qs = qs.filter(jobcoachorganisatie_id=jobcoachorganisatie_id)
    return qs.select_related("aanvraag__werkgever", "aanvraag__gemeente", "jobcoachorganisatie").order_by("-vastgesteld_op")


def document_voor(*, user, pk: int) -> Document:
    qs = Document.objects.filter(aanvraag__in=zichtbare_aanvragen(user)).select_related("aanvraag")
    return get_object_or_404(qs, pk=pk)
