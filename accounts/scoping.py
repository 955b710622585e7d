"""Who may see which case. Every view fetches its objects through these, so a case outside the
user's scope is simply not found (404), never shown."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

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
        return qs.filter(werknemer_bsn=user.bsn).exclude(
            status=AanvraagStatus.CONCEPT, aanvrager="werkgever"
        )
    if user.rol == Rol.JOBCOACH and user.jobcoachorganisatie_id:
        return qs.filter(besluiten__jobcoachorganisatie_id=user.jobcoachorganisatie_id).distinct()
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
