"""The Beoordeling (BOB onderzoek), the Besluit it ends in, and stored documents (PDFs).

Beoordeling: beeldvorming → oordeelsvorming → besluitvorming → ter_ondertekening → vastgesteld,
with ter_ondertekening → besluitvorming when the arbeidsdeskundige sends it back with a reason.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from accounts.models import Rol


class BeoordelingStatus(models.TextChoices):
    BEELDVORMING = "beeldvorming", _("Beeldvorming")
    OORDEELSVORMING = "oordeelsvorming", _("Oordeelsvorming")
    BESLUITVORMING = "besluitvorming", _("Besluitvorming")
    TER_ONDERTEKENING = "ter_ondertekening", _("Ter ondertekening")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")


B = BeoordelingStatus


class Uitkomst(models.TextChoices):
    TOEKENNING = "toekenning", _("Toekenning")
    GEDEELTELIJKE_TOEKENNING = "gedeeltelijke_toekenning", _("Gedeeltelijke toekenning")
    AFWIJZING = "afwijzing", _("Afwijzing")


def _klantmanager(beoordeling: "Beoordeling", user) -> bool:
    return user.rol == Rol.KLANTMANAGER and beoordeling.aanvraag.gemeente_id in user.gemeente_ids()


def _arbeidsdeskundige_niet_voorbereider(beoordeling: "Beoordeling", user) -> bool:
    """Four eyes: the one who prepared the besluit can never sign it off."""
    return (
        user.rol == Rol.ARBEIDSDESKUNDIGE
        and beoordeling.aanvraag.gemeente_id in user.gemeente_ids()
        and beoordeling.voorbereid_door_id != user.pk
    )


def _fase_tekst_ingevuld(veld: str):
    def condition(beoordeling: "Beoordeling") -> bool:
        return bool(getattr(beoordeling, veld).strip())

    condition.__name__ = f"{veld}_ingevuld"
    return condition


def _voorstel_compleet(beoordeling: "Beoordeling") -> bool:
    return not beoordeling.ontbrekend_voor_ondertekening()


class Beoordeling(ConcurrentTransitionMixin, models.Model):
    aanvraag = models.ForeignKey("aanvragen.Aanvraag", on_delete=models.PROTECT, related_name="beoordelingen")
    ronde = models.PositiveSmallIntegerField(default=1)
    status = FSMField(_("fase"), max_length=24, choices=BeoordelingStatus.choices, default=B.BEELDVORMING, protected=True)

    beeldvorming = models.TextField(_("beeldvorming"), blank=True)
    oordeelsvorming = models.TextField(_("oordeelsvorming"), blank=True)
    besluitvorming = models.TextField(_("besluitvorming"), blank=True)

    # The proposal made in besluitvorming; fixed into a Besluit on vaststelling.
    voorstel_uitkomst = models.CharField(_("voorgestelde uitkomst"), max_length=32, choices=Uitkomst.choices, blank=True)
    voorstel_uren_per_week = models.DecimalField(
        _("uren jobcoaching per week"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    voorstel_duur_maanden = models.PositiveSmallIntegerField(_("duur (maanden)"), null=True, blank=True)
    voorstel_jobcoachorganisatie = models.ForeignKey(
        "verordening.Jobcoachorganisatie", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("jobcoachorganisatie"),
    )

    voorbereid_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    teruggestuurd_reden = models.TextField(_("reden van terugsturen"), blank=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        constraints = [models.UniqueConstraint(fields=["aanvraag", "ronde"], name="beoordeling_ronde_uniek")]
        indexes = [models.Index(fields=["status"], name="beoordeling_status_idx")]

    def __str__(self) -> str:
        return f"Beoordeling {self.aanvraag} (ronde {self.ronde})"

    def ontbrekend_voor_ondertekening(self) -> list[str]:
        """What is still missing before the besluit can go to the arbeidsdeskundige (Dutch)."""
        ontbreekt = []
        if not self.besluitvorming.strip():
            ontbreekt.append("de motivering van de besluitvorming")
        if not self.voorstel_uitkomst:
            ontbreekt.append("de voorgestelde uitkomst")
        if self.voorstel_uitkomst in (Uitkomst.TOEKENNING, Uitkomst.GEDEELTELIJKE_TOEKENNING):
            if not self.voorstel_uren_per_week:
                ontbreekt.append("het aantal uren jobcoaching per week")
            if not self.voorstel_duur_maanden:
                ontbreekt.append("de duur in maanden")
        return ontbreekt

    # --- state machine ------------------------------------------------------------------------

    @transition(
        field=status, source=B.BEELDVORMING, target=B.OORDEELSVORMING,
        permission=_klantmanager, conditions=[_fase_tekst_ingevuld("beeldvorming")],
    )
    def naar_oordeelsvorming(self) -> None:
        pass

    @transition(
        field=status, source=B.OORDEELSVORMING, target=B.BESLUITVORMING,
        permission=_klantmanager, conditions=[_fase_tekst_ingevuld("oordeelsvorming")],
    )
    def naar_besluitvorming(self) -> None:
        pass

    @transition(
        field=status, source=B.BESLUITVORMING, target=B.TER_ONDERTEKENING,
        permission=_klantmanager, conditions=[_voorstel_compleet],
    )
    def ter_ondertekening_aanbieden(self, *, gebruiker) -> None:
        self.voorbereid_door = gebruiker
        self.teruggestuurd_reden = ""

    @transition(
        field=status, source=B.TER_ONDERTEKENING, target=B.BESLUITVORMING,
        permission=_arbeidsdeskundige_niet_voorbereider,
    )
    def terugsturen(self, *, reden: str) -> None:
        self.teruggestuurd_reden = reden

    @transition(
        field=status, source=B.TER_ONDERTEKENING, target=B.VASTGESTELD,
        permission=_arbeidsdeskundige_niet_voorbereider,
    )
    def vaststellen(self, *, gebruiker) -> None:
        self.vastgesteld_door = gebruiker


class Besluit(models.Model):
    """The besluit as signed off: it fixes the figures, the verordening and the texts used."""

    beoordeling = models.OneToOneField(Beoordeling, on_delete=models.PROTECT, related_name="besluit")
    aanvraag = models.ForeignKey("aanvragen.Aanvraag", on_delete=models.PROTECT, related_name="besluiten")
    verordening = models.ForeignKey("verordening.Verordening", on_delete=models.PROTECT, related_name="+")
    uitkomst = models.CharField(_("uitkomst"), max_length=32, choices=Uitkomst.choices)
    uren_per_week = models.DecimalField(_("uren per week"), max_digits=4, decimal_places=1, null=True, blank=True)
    duur_maanden = models.PositiveSmallIntegerField(_("duur (maanden)"), null=True, blank=True)
    startdatum = models.DateField(_("ingangsdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    jobcoachorganisatie = models.ForeignKey(
        "verordening.Jobcoachorganisatie", null=True, blank=True, on_delete=models.PROTECT, related_name="besluiten"
    )
    motivering = models.TextField(_("motivering"))
    voorbereid_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"))

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self) -> str:
        return f"Besluit {self.aanvraag} ({self.get_uitkomst_display()})"

    @property
    def is_toekenning(self) -> bool:
        return self.uitkomst != Uitkomst.AFWIJZING


class DocumentSoort(models.TextChoices):
    ONTVANGSTBEVESTIGING = "ontvangstbevestiging", _("Ontvangstbevestiging")
    BRIEF_AANVULLING = "brief_aanvulling", _("Verzoek om aanvulling")
    BRIEF_VERDAGING = "brief_verdaging", _("Verdagingsbrief")
    BRIEF_BUITEN_BEHANDELING = "brief_buiten_behandeling", _("Besluit buiten behandeling")
    BESCHIKKING = "beschikking", _("Beschikking")
    ONDERZOEKSRAPPORT = "onderzoeksrapport", _("Onderzoeksrapport (volledig dossier)")
    ONDERZOEKSRAPPORT_AANVRAGER = "onderzoeksrapport_aanvrager", _("Onderzoeksrapport (afschrift aanvrager)")
    DOSSIER_ZIP = "dossier_zip", _("Dossier (ZIP met bijlagen)")
    BESLISSING_OP_BEZWAAR = "beslissing_op_bezwaar", _("Beslissing op bezwaar")


class Document(models.Model):
    """An immutable stored PDF. A correction is a new version that references the old one."""

    aanvraag = models.ForeignKey("aanvragen.Aanvraag", on_delete=models.PROTECT, related_name="documenten")
    besluit = models.ForeignKey(Besluit, null=True, blank=True, on_delete=models.PROTECT, related_name="documenten")
    soort = models.CharField(_("soort"), max_length=40, choices=DocumentSoort.choices)
    versie = models.PositiveSmallIntegerField(default=1)
    vervangt = models.OneToOneField("self", null=True, blank=True, on_delete=models.PROTECT, related_name="vervangen_door")
    bestand = models.FileField(upload_to="documenten/%Y/%m/")
    sha256 = models.CharField(max_length=64)
    grootte = models.PositiveIntegerField()
    template_versie = models.CharField(max_length=20)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        constraints = [
            models.UniqueConstraint(fields=["aanvraag", "soort", "besluit", "versie"], name="document_versie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.aanvraag} v{self.versie}"

    @property
    def bestandsnaam(self) -> str:
        return f"{self.soort}-{self.aanvraag.nummer}-v{self.versie}.pdf"
