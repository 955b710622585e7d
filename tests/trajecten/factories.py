"""Builders for trajecten without walking a whole onderzoek: a decided aanvraag, its besluit, and the
traject `traject_aanmaken` makes from it (the real service), optionally moved to another state."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from accounts.models import Rol
from beoordeling.models import Besluit, Coachingsdoel, Uitkomst
from beoordeling.trajecten import services
from beoordeling.trajecten.models import Traject
from tests.factories import AanvraagFactory, BeoordelingFactory, UserFactory
from verordening.models import Verordening


_NUMMERS = itertools.count(1)


def besluit(wereld, *, gemeente=None, startdatum=datetime.date(2026, 1, 31), maanden=12, uren=Decimal("4"),
            organisatie=None, verordening=None):
    gemeente = gemeente or wereld.gemeente_a
    aanvraag = AanvraagFactory(gemeente=gemeente, werkgever=wereld.werkgever_a, aangemaakt_door=wereld.wg_a,
                               status="besloten", nummer=f"JCL-2026-T{next(_NUMMERS):05d}")
    beoordeling = BeoordelingFactory(aanvraag=aanvraag, status="vastgesteld")
    Coachingsdoel.objects.create(beoordeling=beoordeling, doel="Werkt de vaste werkvolgorde zelfstandig af.",
                                 resultaat="Vier weken geen fouten.", termijn_maanden=6)
    from beoordeling.trajecten.planning import maanden_erbij

    return Besluit.objects.create(
        beoordeling=beoordeling, aanvraag=aanvraag, verordening=verordening or Verordening.objects.filter(gemeente=gemeente).first(),
        uitkomst=Uitkomst.TOEKENNING, uren_per_week=uren, duur_maanden=maanden, startdatum=startdatum,
        einddatum=maanden_erbij(startdatum, maanden) - datetime.timedelta(days=1),
        jobcoachorganisatie=organisatie or wereld.jobcoachorganisatie, motivering="Nodig voor de werkvolgorde.",
        voorbereid_door=wereld.km_a, vastgesteld_door=wereld.ad_a, vastgesteld_op=timezone.now(),
    )


def traject(wereld, *, status=None, **kwargs) -> Traject:
    gemaakt = services.traject_aanmaken(besluit=besluit(wereld, **kwargs))
    if status:
        Traject.objects.filter(pk=gemaakt.pk).update(status=status)  # a starting state, not a transition
        gemaakt.refresh_from_db()
    return gemaakt


def jobcoach(organisatie, **kwargs):
    return UserFactory(rol=Rol.JOBCOACH, jobcoachorganisatie=organisatie, **kwargs)
