"""Users, their role, and the organisation each role belongs to.

Scope follows from the role: staff see the cases of their gemeenten, a werkgever-user those of its
werkgever, a werknemer those that carry his BSN, a jobcoach those assigned to its organisation.
"""

import hashlib
import hmac
from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    WERKGEVER = "werkgever", _("Werkgever")
    WERKNEMER = "werknemer", _("Werknemer")
    JOBCOACH = "jobcoach", _("Jobcoach")
    KLANTMANAGER = "klantmanager", _("Klantmanager")
    ARBEIDSDESKUNDIGE = "arbeidsdeskundige", _("Arbeidsdeskundige")
    BEZWAARBEHANDELAAR = "bezwaarbehandelaar", _("Bezwaarbehandelaar")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")
    BELEIDSMEDEWERKER = "beleidsmedewerker", _("Beleidsmedewerker")


GEMEENTE_ROLLEN = frozenset(
    {
        Rol.KLANTMANAGER,
        Rol.ARBEIDSDESKUNDIGE,
        Rol.BEZWAARBEHANDELAAR,
        Rol.FUNCTIONEEL_BEHEERDER,
        Rol.BELEIDSMEDEWERKER,
    }
)


class Werkgever(models.Model):
    """An employer organisation, identified by its KvK-nummer."""

    naam = models.CharField(_("naam"), max_length=200)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, unique=True)
    vestigingsadres = models.CharField(_("vestigingsadres"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("werkgever")
        verbose_name_plural = _("werkgevers")
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} (KvK {self.kvk_nummer})"


class User(AbstractUser):
    rol = models.CharField(_("rol"), max_length=32, choices=Rol.choices)
    gemeenten = models.ManyToManyField(
        "verordening.Gemeente", blank=True, related_name="medewerkers", verbose_name=_("gemeenten")
    )
    werkgever = models.ForeignKey(
        Werkgever, null=True, blank=True, on_delete=models.PROTECT, related_name="gebruikers"
    )
    jobcoachorganisatie = models.ForeignKey(
        "verordening.Jobcoachorganisatie",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="jobcoaches",
    )
    bsn = models.CharField(_("BSN"), max_length=9, blank=True, help_text=_("Alleen voor werknemers."))

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    @property
    def is_gemeente_medewerker(self) -> bool:
        return self.rol in GEMEENTE_ROLLEN

    @property
    def rol_label(self) -> str:
        return self.get_rol_display()

    @cached_property
    def organisatie_label(self) -> str:
        """The organisation shown in the page header. Uses prefetched gemeenten when present."""
        if self.is_gemeente_medewerker:
            return ", ".join(g.naam for g in self.gemeenten.all())
        if self.rol == Rol.WERKGEVER and self.werkgever_id:
            return self.werkgever.naam
        if self.rol == Rol.JOBCOACH and self.jobcoachorganisatie_id:
            return self.jobcoachorganisatie.naam
        return ""

    def gemeente_ids(self) -> set[int]:
        """Ids of the gemeenten this staff member works for, cached on the instance."""
        if not hasattr(self, "_gemeente_ids"):
            self._gemeente_ids = (
                set(self.gemeenten.values_list("id", flat=True)) if self.is_gemeente_medewerker else set()
            )
        return self._gemeente_ids


class Actie(models.TextChoices):
    BEKIJKEN = "bekijken", _("Bekijken")
    DOWNLOADEN = "downloaden", _("Downloaden")
    WIJZIGEN = "wijzigen", _("Wijzigen")


class Werkproces(models.TextChoices):
    INTAKE = "intake", _("Intake")
    ONDERZOEK = "onderzoek", _("Onderzoek")
    BESLUITVORMING = "besluitvorming", _("Besluitvorming")
    BEZWAAR = "bezwaar", _("Bezwaar")
    MONITORING = "monitoring", _("Monitoring")
    BEHEER = "beheer", _("Beheer")


class Verwerking(models.Model):
    """One entry of the verwerkingenlog (AVG art. 30): who opened, downloaded or changed whose case, when
    and for which werkproces. The person is stored as a keyed hash of the BSN (never the BSN itself) and
    the case as a plain id, so the log survives deletion of the case."""

    wie = models.ForeignKey(User, on_delete=models.PROTECT, related_name="verwerkingen", verbose_name=_("wie"))
    wanneer = models.DateTimeField(_("wanneer"), auto_now_add=True)
    persoon_sleutel = models.CharField(_("persoonssleutel"), max_length=64)
    aanvraag_id = models.IntegerField(_("aanvraag"))
    actie = models.CharField(_("actie"), max_length=16, choices=Actie.choices)
    werkproces = models.CharField(_("werkproces"), max_length=16, choices=Werkproces.choices)
    url_naam = models.CharField(_("pagina"), max_length=100)

    class Meta:
        verbose_name = _("verwerking")
        verbose_name_plural = _("verwerkingen")
        ordering = ["-wanneer", "-id"]
        indexes = [models.Index(fields=["persoon_sleutel", "wanneer"], name="verwerking_persoon_wanneer")]

    @staticmethod
    def sleutel(bsn: str) -> str:
        """HMAC-SHA256 of the BSN with SECRET_KEY: the same person gives the same key, the BSN cannot be read
        back. An empty BSN (an aanvraag without werknemer yet) gets an empty key."""
        if not bsn:
            return ""
        return hmac.new(settings.SECRET_KEY.encode(), bsn.encode(), hashlib.sha256).hexdigest()
