"""The bezwaar against a besluit (Awb chapter 6 and 7) and its state machine.

A bezwaar is always registered, also when it came in late: `tijdig` is False then and the
bezwaarbehandelaar judges whether the lateness is verschoonbaar (Awb 6:11). Transitions only change
state in memory; `bezwaar.services` runs them through `aanvragen.transities.voer_uit`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from aanvragen import termijnen
from accounts.models import Rol


class BezwaarStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    BESLIST = "beslist", _("Beslist")


S = BezwaarStatus
OPEN_STATUSSEN = (S.ONTVANGEN, S.IN_BEHANDELING)


class BezwaarUitkomst(models.TextChoices):
    GEGROND = "gegrond", _("Gegrond")
    DEELS_GEGROND = "deels_gegrond", _("Deels gegrond")
    ONGEGROND = "ongegrond", _("Ongegrond")
    NIET_ONTVANKELIJK = "niet_ontvankelijk", _("Niet-ontvankelijk")


#: Outcomes after which the original besluit must be herzien.
HERZIENING_UITKOMSTEN = (BezwaarUitkomst.GEGROND, BezwaarUitkomst.DEELS_GEGROND)


class IndienerRol(models.TextChoices):
    WERKGEVER = "werkgever", _("Werkgever")
    WERKNEMER = "werknemer", _("Werknemer")


class BezwaarKanaal(models.TextChoices):
    ONLINE = "online", _("Online via Jobcoachloket")
    BRIEF = "brief", _("Per brief")


def _is_behandelaar_van_gemeente(bezwaar: "Bezwaar", user) -> bool:
    return user.rol == Rol.BEZWAARBEHANDELAAR and bezwaar.gemeente_id in user.gemeente_ids()


def _nog_niet_verdaagd(bezwaar: "Bezwaar") -> bool:
    return not bezwaar.verdaagd


class Bezwaar(ConcurrentTransitionMixin, models.Model):
    besluit = models.ForeignKey("beoordeling.Besluit", on_delete=models.PROTECT, related_name="bezwaren")
    # Denormalised from besluit.aanvraag so the workspace filters and the permission check need no join.
    gemeente = models.ForeignKey("verordening.Gemeente", on_delete=models.PROTECT, related_name="bezwaren")
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                       verbose_name=_("ingediend of geregistreerd door"))
    indiener_rol = models.CharField(_("bezwaarmaker"), max_length=12, choices=IndienerRol.choices)
    indiener_naam = models.CharField(_("naam bezwaarmaker"), max_length=200)
    kanaal = models.CharField(_("kanaal"), max_length=8, choices=BezwaarKanaal.choices)
    ontvangen_op = models.DateField(_("datum van ontvangst"))
    ter_post_bezorgd = models.DateField(_("datum poststempel"), null=True, blank=True)
    gronden = models.TextField(_("gronden van het bezwaar"))

    # The termijn check (Awb 6:7-6:9) at registration; a late bezwaar is flagged, never refused.
    bekendgemaakt_op = models.DateField(_("beschikking verzonden op"))
    tijdig = models.BooleanField(_("tijdig ingediend"))
    verschoonbaar = models.BooleanField(_("termijnoverschrijding verschoonbaar"), null=True, blank=True)
    # The beslistermijn op bezwaar (Awb 7:10), recomputed by the services when commissie or verdaging change.
    commissie = models.BooleanField(_("advies van een bezwaarcommissie"), default=False)
    verdaagd = models.BooleanField(_("beslissing verdaagd"), default=False)
    uiterste_beslisdatum = models.DateField(_("uiterste beslisdatum"))

    status = FSMField(_("status"), max_length=16, choices=BezwaarStatus.choices, default=S.ONTVANGEN,
                      protected=True)
    behandelaar = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")

    # The hoorzitting (Awb 7:2).
    hoorzitting_op = models.DateField(_("datum hoorzitting"), null=True, blank=True)
    hoorzitting_genodigden = models.TextField(_("uitgenodigde partijen"), blank=True)
    hoorzitting_verslag = models.TextField(_("verslag van de hoorzitting"), blank=True)

    # The beslissing op bezwaar.
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=BezwaarUitkomst.choices, blank=True)
    motivering = models.TextField(_("motivering"), blank=True)
    beslist_op = models.DateField(_("beslist op"), null=True, blank=True)
    herziening_nodig = models.BooleanField(_("besluit moet worden herzien"), default=False)
    herbeoordeling = models.OneToOneField("beoordeling.Beoordeling", null=True, blank=True,
                                          on_delete=models.PROTECT, related_name="bezwaar")
    beslissing = models.OneToOneField("beoordeling.Document", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bezwaar")
        verbose_name_plural = _("bezwaren")
        indexes = [models.Index(fields=["gemeente", "status", "uiterste_beslisdatum"], name="bezwaar_werklijst_idx")]

    def __str__(self) -> str:
        return f"Bezwaar {self.pk} tegen {self.besluit_id}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN

    def beslistermijn(self) -> termijnen.Termijn:
        """Awb 7:10: six weeks (twelve with a commissie, +6 when verdaagd) after the bezwaartermijn."""
        einde_bezwaartermijn = termijnen.bezwaartermijn_einde(self.bekendgemaakt_op)
        return termijnen.beslistermijn_bezwaar(einde_bezwaartermijn, self.commissie, self.verdaagd)

    # --- state machine: the method names are the Transitie log's names, hence the "bezwaar_" prefix ------

    @transition(field=status, source=S.ONTVANGEN, target=S.IN_BEHANDELING, permission=_is_behandelaar_van_gemeente)
    def bezwaar_in_behandeling_nemen(self, *, behandelaar, commissie: bool) -> None:
        self.behandelaar = behandelaar
        self.commissie = commissie
        self.uiterste_beslisdatum = self.beslistermijn().einde

    @transition(field=status, source=list(OPEN_STATUSSEN), target=None, permission=_is_behandelaar_van_gemeente,
                conditions=[_nog_niet_verdaagd])
    def bezwaar_verdagen(self) -> None:
        self.verdaagd = True
        self.uiterste_beslisdatum = self.beslistermijn().einde

    @transition(field=status, source=S.IN_BEHANDELING, target=S.BESLIST, permission=_is_behandelaar_van_gemeente)
    def bezwaar_beslissen(self, *, uitkomst: str, motivering: str, beslist_op) -> None:
        self.uitkomst = uitkomst
        self.motivering = motivering
        self.beslist_op = beslist_op
        self.herziening_nodig = uitkomst in HERZIENING_UITKOMSTEN
