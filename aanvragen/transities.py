"""Running a state-machine transition the one way the product allows.

Every transition of every machine (Aanvraag, Beoordeling, later Traject and Bezwaar) goes through
`voer_uit`: lock the row, check that nobody changed it meanwhile, check the role permission and the
conditions, run it, save, and write the Transitie row — all in the caller's database transaction.
"""

from django.db import transaction
from django_fsm import ConcurrentTransition, can_proceed, has_transition_perm

from .models import Aanvraag, Transitie


class TransitieFout(Exception):
    """A transition that may not happen now; the message is Dutch and shown to the user."""


class GeenToestemming(TransitieFout):
    pass


class GelijktijdigGewijzigd(TransitieFout):
    pass


def voer_uit(
    *, obj, transitie: str, door, aanvraag: Aanvraag, machine: str, reden: str = "", args: dict | None = None
):
    """Run `obj.<transitie>(**args)` for user `door` and log it. Must run inside atomic()."""
    assert transaction.get_connection().in_atomic_block, "voer_uit hoort binnen transaction.atomic()"
    actueel = type(obj).objects.select_for_update().only("status").get(pk=obj.pk)
    if actueel.status != obj.status:
        raise GelijktijdigGewijzigd(
            "Iemand anders heeft deze zaak intussen gewijzigd (de status is nu "
            f"‘{actueel.get_status_display().lower()}’). Er is niets veranderd; bekijk de actuele stand."
        )
    methode = getattr(obj, transitie)
    # The state first: django-fsm's permission check is also False from a wrong state, and "you may
    # not" would then hide the real reason (someone already moved the case on).
    if not methode._django_fsm.has_transition(obj.status):
        raise TransitieFout(
            f"Deze handeling is niet mogelijk zolang de status ‘{obj.get_status_display().lower()}’ is."
        )
    # Conditions before the role: django-fsm's has_transition_perm is also False when a condition
    # fails, and "you may not" would then hide that something is still missing.
    if not can_proceed(methode):
        raise TransitieFout("Aan de voorwaarden voor deze handeling is (nog) niet voldaan.")
    if not has_transition_perm(methode, door):
        raise GeenToestemming("U mag deze handeling bij deze zaak niet uitvoeren.")
    van = obj.status
    methode(**(args or {}))
    try:
        obj.save()
    except ConcurrentTransition as exc:  # a second writer slipped in despite the lock
        raise GelijktijdigGewijzigd("Iemand anders heeft deze zaak intussen gewijzigd. Er is niets veranderd.") from exc
    Transitie.objects.create(
        aanvraag=aanvraag,
        machine=machine,
        object_id=obj.pk,
        transitie=transitie,
        van=van,
        naar=obj.status,
        door=door,
        reden=reden,
    )
    return obj
