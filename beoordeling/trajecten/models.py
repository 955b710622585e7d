"""The traject that follows a toekenning, the jobcoach's voortgangsrapportages and the signals the
daily scan raises. State changes go through `aanvragen.transities.voer_uit` (machine "traject" and
"rapportage"); the daily scan's bulk path is explained in services.monitoring_scan."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition


class TrajectStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    LOPEND = "lopend", _("Lopend")
    HERBEOORDELING = "herbeoordeling", _("Herbeoordeling")
    AFGEROND = "afgerond", _("Afgerond")
    BEEINDIGD = "beeindigd", _("Beëindigd")


T = TrajectStatus
ACTIEF = (T.GEPLAND, T.LOPEND, T.HERBEOORDELING)


# --- permissions: (instance, user) -> bool ------------------------------------------------------


def _is_gemeente_van_traject(traject: "Traject", user) -> bool:
    return user.is_gemeente_medewerker and traject.gemeente_id in user.gemeente_ids()


def _is_klantmanager_van_traject(traject: "Traject", user) -> bool:
    from accounts.models import Rol

    return user.rol == Rol.KLANTMANAGER and _is_gemeente_van_traject(traject, user)


def _is_systeem_of_gemeente(traject: "Traject", user) -> bool:
    return user.username == SYSTEEM_GEBRUIKER or _is_gemeente_van_traject(traject, user)


SYSTEEM_GEBRUIKER = "systeem.monitoring"


def _herbeoordeling_bereikt(traject: "Traject") -> bool:
    return traject.herbeoordeling_vanaf <= timezone.localdate()


def _startdatum_bereikt(traject: "Traject") -> bool:
    return traject.startdatum <= timezone.localdate()


class Traject(ConcurrentTransitionMixin, models.Model):
    """Jobcoaching as granted by one besluit: period, hours, who coaches, and when it is evaluated."""

    besluit = models.OneToOneField("beoordeling.Besluit", on_delete=models.PROTECT, related_name="traject")
    aanvraag = models.ForeignKey("aanvragen.Aanvraag", on_delete=models.PROTECT, related_name="trajecten")
    gemeente = models.ForeignKey("verordening.Gemeente", on_delete=models.PROTECT, related_name="trajecten")
    jobcoachorganisatie = models.ForeignKey("verordening.Jobcoachorganisatie", null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="trajecten")
    jobcoach = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="trajecten")
    status = FSMField(_("status"), max_length=20, choices=TrajectStatus.choices, default=T.GEPLAND, protected=True)
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"))
    uren_per_week = models.DecimalField(_("toegekende uren per week"), max_digits=4, decimal_places=1)
    uren_toegekend = models.DecimalField(_("toegekende uren voor het hele traject"), max_digits=7, decimal_places=1)
    evaluatiefrequentie = models.CharField(_("evaluatie"), max_length=16)
    volgende_evaluatie = models.DateField(_("volgende evaluatie"))
    herbeoordeling_vanaf = models.DateField(_("herbeoordeling vanaf"))
    einde_reden = models.TextField(_("reden van beëindiging"), blank=True)

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["volgende_evaluatie", "id"]
        indexes = [
            # The daily scan's two predicates, partial so they stay small as trajecten close.
            models.Index(fields=["volgende_evaluatie"], name="traject_evaluatie_idx",
                         condition=models.Q(status__in=["lopend", "herbeoordeling"])),
            models.Index(fields=["herbeoordeling_vanaf"], name="traject_herbeoordeling_idx",
                         condition=models.Q(status="lopend")),
            models.Index(fields=["startdatum"], name="traject_start_idx", condition=models.Q(status="gepland")),
            models.Index(fields=["gemeente", "status"], name="traject_gemeente_idx"),
        ]

    def __str__(self) -> str:
        return f"Traject {self.aanvraag}"

    @property
    def is_actief(self) -> bool:
        return self.status in ACTIEF

    @transition(field=status, source=T.GEPLAND, target=T.LOPEND, permission=_is_systeem_of_gemeente,
                conditions=[_startdatum_bereikt])
    def starten(self) -> None:
        pass

    @transition(field=status, source=T.LOPEND, target=T.HERBEOORDELING, permission=_is_systeem_of_gemeente,
                conditions=[_herbeoordeling_bereikt])
    def herbeoordeling_openen(self) -> None:
        pass

    @transition(field=status, source=T.HERBEOORDELING, target=T.LOPEND, permission=_is_klantmanager_van_traject)
    def verlengen(self, *, einddatum: datetime.date, herbeoordeling_vanaf: datetime.date,
                  uren_erbij) -> None:
        self.einddatum = einddatum
        self.herbeoordeling_vanaf = herbeoordeling_vanaf
        self.uren_toegekend += uren_erbij

    @transition(field=status, source=T.HERBEOORDELING, target=T.AFGEROND, permission=_is_klantmanager_van_traject)
    def afronden(self) -> None:
        pass

    @transition(field=status, source=list(ACTIEF), target=T.BEEINDIGD, permission=_is_klantmanager_van_traject)
    def beeindigen(self, *, reden: str) -> None:
        self.einde_reden = reden


class RapportageStatus(models.TextChoices):
    INGEDIEND = "ingediend", _("Ingediend")
    GEACCEPTEERD = "geaccepteerd", _("Geaccepteerd")
    WIJZIGING_GEVRAAGD = "wijziging_gevraagd", _("Wijziging gevraagd")


R = RapportageStatus


def _is_jobcoach_van_traject(rapportage: "Voortgangsrapportage", user) -> bool:
    from accounts.models import Rol

    return (user.rol == Rol.JOBCOACH and user.jobcoachorganisatie_id is not None
            and user.jobcoachorganisatie_id == rapportage.traject.jobcoachorganisatie_id)


def _is_klantmanager_van_rapportage(rapportage: "Voortgangsrapportage", user) -> bool:
    return _is_klantmanager_van_traject(rapportage.traject, user)


class Voortgangsrapportage(ConcurrentTransitionMixin, models.Model):
    """The jobcoach's report over one evaluation period (ending at `periode_einde`)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="rapportages")
    periode_start = models.DateField(_("periode vanaf"))
    periode_einde = models.DateField(_("periode tot en met"))
    uren_besteed = models.DecimalField(_("bestede uren"), max_digits=6, decimal_places=1)
    uren_toegekend = models.DecimalField(_("toegekende uren in de periode"), max_digits=6, decimal_places=1)
    voortgang = models.JSONField(_("voortgang per doel"), default=dict)  # {doel_id: text}
    volgende_stappen = models.TextField(_("volgende stappen"))
    afbouw = models.TextField(_("afbouw van de begeleiding"))
    status = FSMField(_("status"), max_length=20, choices=RapportageStatus.choices, default=R.INGEDIEND,
                      protected=True)
    wijziging_reden = models.TextField(_("gevraagde wijziging"), blank=True)
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ingediend_op = models.DateTimeField(_("ingediend op"), auto_now=True)

    class Meta:
        verbose_name = _("voortgangsrapportage")
        verbose_name_plural = _("voortgangsrapportages")
        ordering = ["periode_einde", "id"]
        constraints = [models.UniqueConstraint(fields=["traject", "periode_einde"], name="rapportage_periode_uniek")]

    def __str__(self) -> str:
        return f"Rapportage {self.traject} t/m {self.periode_einde}"

    @property
    def is_overschreden(self) -> bool:
        return self.uren_besteed > self.uren_toegekend

    @transition(field=status, source=R.INGEDIEND, target=R.GEACCEPTEERD, permission=_is_klantmanager_van_rapportage)
    def accepteren(self) -> None:
        pass

    @transition(field=status, source=R.INGEDIEND, target=R.WIJZIGING_GEVRAAGD,
                permission=_is_klantmanager_van_rapportage)
    def wijziging_vragen(self, *, reden: str) -> None:
        self.wijziging_reden = reden

    @transition(field=status, source=R.WIJZIGING_GEVRAAGD, target=R.INGEDIEND, permission=_is_jobcoach_van_traject)
    def opnieuw_indienen(self) -> None:
        self.wijziging_reden = ""


class SignaalSoort(models.TextChoices):
    RAPPORTAGE_ONTBREEKT = "rapportage_ontbreekt", _("Rapportage ontbreekt")


class Signaal(models.Model):
    """Something the daily scan noticed. Unique per traject, kind and moment, so a second scan over the
    same day (or a catch-up after downtime) adds nothing twice."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="signalen")
    soort = models.CharField(_("soort"), max_length=32, choices=SignaalSoort.choices)
    moment = models.DateField(_("evaluatiemoment"))
    aangemaakt_op = models.DateTimeField(_("gesignaleerd op"), auto_now_add=True)
    opgelost = models.BooleanField(_("opgelost"), default=False)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        constraints = [models.UniqueConstraint(fields=["traject", "soort", "moment"], name="signaal_uniek")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.traject}, {self.moment})"
