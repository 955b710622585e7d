"""Who may see which case. Every view fetches its objects through these, so a case outside the
user's scope is simply not found (404), never shown."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from .models import GEMEENTE_ROLLEN, Rol


def zichtbare_aanvragen(user, qs: QuerySet | None = None) -> QuerySet:
    from aanvragen.models import Aanvraag, AanvraagStatus

    qs = Aanvraag.objects.all() if qs is None else qs
    if not user.is_authenticated:
        return qs.none()
    if user.rol in GEMEENTE_ROLLEN:
        # Staff never see an applicant's unsent concept.
        return qs.filter(gemeente_id__in=user.gemeente_ids()).exclude(status=AanvraagStatus.CONCEPT)
    if user.rol == Rol.WERKGEVER and user.werkgever_id:
        return qs.filter(werkgever_id=user.werkgever_id)
    if user.rol == Rol.WERKNEMER and user.bsn:
        # Someone else's concept with his BSN is not his yet: only his own drafts and sent aanvragen.
        return qs.filter(werknemer_bsn=user.bsn).exclude(Q(status=AanvraagStatus.CONCEPT) & ~Q(aangemaakt_door=user))
    if user.rol == Rol.JOBCOACH and user.jobcoachorganisatie_id:
        # What the organisation applied for, and the trajecten it was chosen for.
        from beoordeling.models import Besluit

        org = user.jobcoachorganisatie_id
        return qs.filter(
            Q(jobcoachorganisatie_id=org)
            | Q(pk__in=Besluit.objects.filter(jobcoachorganisatie_id=org).values("aanvraag_id"))
        )
    return qs.none()


def rol_vereist(*rollen: str):
    """Login required, and the user's role must be one of `rollen` (403 otherwise)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.user.rol not in rollen:
                raise PermissionDenied("Deze pagina is niet voor uw rol.")
            return view(request, *args, **kwargs)

        wrapper.rollen = frozenset(rollen)
        return wrapper

    return decorator
