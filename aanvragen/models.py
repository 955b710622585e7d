"""The Aanvraag and its state machine, plus the transition log shared by every state machine.

Transitions only change state in memory; `aanvragen.services` calls them, checks their permission,
saves and writes the Transitie row in one database transaction.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from accounts.models import Rol


class AanvraagStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    INGEDIEND = "ingediend", _("Ingediend")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("Aanvulling gevraagd")
    BESLOTEN = "besloten", _("Besloten")
    BUITEN_BEHANDELING = "buiten_behandeling", _("Buiten behandeling gesteld")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


S = AanvraagStatus
OPEN_STATUSSEN = (S.INGEDIEND, S.IN_BEHANDELING, S.AANVULLING_GEVRAAGD)


class Kanaal(models.TextChoices):
    ONLINE = "online", _("Online (Jobcoachloket)")
    TELEFOON = "telefoon", _("Telefonisch")
    BRIEF = "brief", _("Per brief")


class Aanvrager(models.TextChoices):
    WERKGEVER = "werkgever", _("Werkgever")
    WERKNEMER = "werknemer", _("Werknemer")
    JOBCOACHORGANISATIE = "jobcoachorganisatie", _("Jobcoachorganisatie namens werkgever of werknemer")


# --- transition permissions: (instance, user) -> bool, checked by the services -------------------


def _is_eigen_aanvrager(aanvraag: "Aanvraag", user) -> bool:
    if user.rol == Rol.WERKGEVER:
        return aanvraag.werkgever_id is not None and aanvraag.werkgever_id == user.werkgever_id
    if user.rol == Rol.WERKNEMER:
        return bool(user.bsn) and aanvraag.werknemer_bsn == user.bsn
    return False


def _is_klantmanager_van_gemeente(aanvraag: "Aanvraag", user) -> bool:
    return user.rol == Rol.KLANTMANAGER and aanvraag.gemeente_id in user.gemeente_ids()


def _mag_besluiten(aanvraag: "Aanvraag", user) -> bool:
    return user.rol == Rol.ARBEIDSDESKUNDIGE and aanvraag.gemeente_id in user.gemeente_ids()


class Aanvraag(ConcurrentTransitionMixin, models.Model):
    nummer = models.CharField(_("aanvraagnummer"), max_length=20, unique=True, null=True, blank=True)
    gemeente = models.ForeignKey("verordening.Gemeente", on_delete=models.PROTECT, related_name="aanvragen")
    werkgever = models.ForeignKey(
        "accounts.Werkgever", null=True, blank=True, on_delete=models.PROTECT, related_name="aanvragen"
    )
    aanvrager = models.CharField(_("aanvrager"), max_length=24, choices=Aanvrager.choices)
    kanaal = models.CharField(_("kanaal"), max_length=12, choices=Kanaal.choices, default=Kanaal.ONLINE)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="aangemaakte_aanvragen"
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="behandelde_aanvragen",
        verbose_name=_("klantmanager"),
    )

    werknemer_naam = models.CharField(_("naam werknemer"), max_length=200)
    werknemer_bsn = models.CharField(_("BSN werknemer"), max_length=9, db_index=True)
    functie = models.CharField(_("functie"), max_length=200)
    contracturen_per_week = models.DecimalField(_("contracturen per week"), max_digits=4, decimal_places=1)
    startdatum = models.DateField(_("startdatum werk"))
    reden = models.TextField(_("waarom is jobcoaching nodig?"))

    status = FSMField(_("status"), max_length=24, choices=AanvraagStatus.choices, default=S.CONCEPT, protected=True)
    ontvangen_op = models.DateField(_("datum van ontvangst"), null=True, blank=True)
    beslistermijn_weken = models.PositiveSmallIntegerField(_("beslistermijn (weken)"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        indexes = [
            # The worklist: one gemeente's cases, optionally one status, newest receipt first.
            models.Index(fields=["gemeente", "status", "-ontvangen_op", "-id"], name="aanvraag_werklijst_idx"),
            models.Index(fields=["gemeente", "-ontvangen_op", "-id"], name="aanvraag_gemeente_ontv_idx"),
            models.Index(fields=["werkgever", "-aangemaakt_op"], name="aanvraag_werkgever_idx"),
        ]

    def __str__(self) -> str:
        return self.nummer or f"Concept {self.pk}"

    # --- state machine ------------------------------------------------------------------------

    @transition(field=status, source=S.CONCEPT, target=S.INGEDIEND, permission=_is_eigen_aanvrager)
    def indienen(self, *, ontvangen_op: datetime.date, nummer: str, beslistermijn_weken: int) -> None:
        self.ontvangen_op = ontvangen_op
        self.nummer = nummer
        self.beslistermijn_weken = beslistermijn_weken

    @transition(field=status, source=S.INGEDIEND, target=S.IN_BEHANDELING, permission=_is_klantmanager_van_gemeente)
    def in_behandeling_nemen(self, *, behandelaar) -> None:
        self.behandelaar = behandelaar

    @transition(
        field=status, source=S.IN_BEHANDELING, target=S.AANVULLING_GEVRAAGD, permission=_is_klantmanager_van_gemeente
    )
    def aanvulling_vragen(self) -> None:
        pass

    @transition(
        field=status,
        source=S.AANVULLING_GEVRAAGD,
        target=S.IN_BEHANDELING,
        permission=lambda a, u: _is_eigen_aanvrager(a, u) or _is_klantmanager_van_gemeente(a, u),
    )
    def aanvulling_ontvangen(self) -> None:
        pass

    @transition(
        field=status,
        source=S.AANVULLING_GEVRAAGD,
        target=S.BUITEN_BEHANDELING,
        permission=_is_klantmanager_van_gemeente,
    )
    def buiten_behandeling_stellen(self) -> None:
        pass

    @transition(field=status, source=S.IN_BEHANDELING, target=S.BESLOTEN, permission=_mag_besluiten)
    def besluit_nemen(self) -> None:
        pass

    @transition(field=status, source=list(OPEN_STATUSSEN), target=S.INGETROKKEN, permission=_is_eigen_aanvrager)
    def intrekken(self) -> None:
        pass


class Transitie(models.Model):
    """One state change of any of a case's state machines: who, when, from, to and why."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="transities")
    machine = models.CharField(_("onderdeel"), max_length=20)  # aanvraag, beoordeling, traject, bezwaar
    object_id = models.PositiveBigIntegerField()
    transitie = models.CharField(_("handeling"), max_length=60)
    van = models.CharField(_("van"), max_length=30)
    naar = models.CharField(_("naar"), max_length=30)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    reden = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["op", "id"]
        indexes = [models.Index(fields=["aanvraag", "op"], name="transitie_aanvraag_idx")]

    def __str__(self) -> str:
        return f"{self.machine} {self.van} → {self.naar}"

    @property
    def omschrijving(self) -> str:
        return HANDELINGEN.get(self.transitie, self.transitie.replace("_", " ").capitalize())


# Dutch labels for the transition log as users read it.
HANDELINGEN = {
    "indienen": "Aanvraag ingediend",
    "in_behandeling_nemen": "In behandeling genomen",
    "aanvulling_vragen": "Aanvulling gevraagd",
    "aanvulling_ontvangen": "Aanvulling ontvangen",
    "buiten_behandeling_stellen": "Buiten behandeling gesteld",
    "besluit_nemen": "Besluit genomen",
    "intrekken": "Aanvraag ingetrokken",
    "naar_oordeelsvorming": "Onderzoek: naar oordeelsvorming",
    "naar_besluitvorming": "Onderzoek: naar besluitvorming",
    "ter_ondertekening_aanbieden": "Besluit ter ondertekening aangeboden",
    "terugsturen": "Besluit teruggestuurd naar klantmanager",
    "vaststellen": "Besluit vastgesteld (ondertekend)",
}


class Nummerreeks(models.Model):
    """Per gemeente and year the last sequence number handed out (row-locked when incremented)."""

    gemeente = models.ForeignKey("verordening.Gemeente", on_delete=models.CASCADE)
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["gemeente", "jaar"], name="nummerreeks_uniek")]
