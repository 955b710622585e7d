"""Gemeenten, regio's, their verordening versions and the register of jobcoachorganisaties."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Regio(models.Model):
    """An arbeidsmarktregio; may adopt one verordening shared by its gemeenten."""

    naam = models.CharField(_("naam"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Gemeente(models.Model):
    naam = models.CharField(_("naam"), max_length=120)
    cbs_code = models.CharField(_("CBS-gemeentecode"), max_length=6, unique=True, help_text="bijv. GM0363")
    regio = models.ForeignKey(Regio, null=True, blank=True, on_delete=models.PROTECT, related_name="gemeenten")

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def nummer_code(self) -> str:
        """The four digits of the CBS code, used in aanvraag numbers."""
        return self.cbs_code.removeprefix("GM")


class Verordening(models.Model):
    """One dated version of a re-integratieverordening, for a gemeente or shared by a regio."""

    gemeente = models.ForeignKey(
        Gemeente, null=True, blank=True, on_delete=models.PROTECT, related_name="verordeningen"
    )
    regio = models.ForeignKey(Regio, null=True, blank=True, on_delete=models.PROTECT, related_name="verordeningen")
    naam = models.CharField(_("naam"), max_length=200)
    geldig_van = models.DateField(_("geldig van"))
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)
    beslistermijn_weken = models.PositiveSmallIntegerField(_("beslistermijn (weken)"), default=8)
    hersteltermijn_weken = models.PositiveSmallIntegerField(_("hersteltermijn (weken)"), default=2)
    artikel_persoonlijke_ondersteuning = models.CharField(
        _("artikel persoonlijke ondersteuning"), max_length=60, default="artikel 8"
    )
    ondertekenaar_functie = models.CharField(
        _("functie ondertekenaar"), max_length=200, default="namens het college van burgemeester en wethouders"
    )
    bezwaar_adres = models.TextField(_("adres voor bezwaar"))

    class Meta:
        verbose_name = _("verordening")
        verbose_name_plural = _("verordeningen")
        ordering = ["-geldig_van"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(gemeente__isnull=False, regio__isnull=True))
                | (models.Q(gemeente__isnull=True, regio__isnull=False)),
                name="verordening_gemeente_xor_regio",
            )
        ]

    def __str__(self) -> str:
        return f"{self.naam} (vanaf {self.geldig_van:%d-%m-%Y})"


class Jobcoachorganisatie(models.Model):
    naam = models.CharField(_("naam"), max_length=200)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, unique=True)

    class Meta:
        verbose_name = _("jobcoachorganisatie")
        verbose_name_plural = _("jobcoachorganisaties")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam
