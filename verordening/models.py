"""Gemeenten, regio's, their verordening versions and the register of jobcoachorganisaties.

A verordening version is a concept until the functioneel beheerder publishes it; from then on it is
read-only (save() refuses changes): a correction is a new version. The one change a published version
allows is closing its open end date when a successor is published (see services.verordening_publiceren).
"""

import base64

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from . import regels as regelmodule
from .engine import Eenheid, IntensiteitSoort, Keurmerk, Opleidingsniveau

IntensiteitKeuze = models.TextChoices(
    "IntensiteitKeuze", [(s.name, (s.value, s.label[0].upper() + s.label[1:])) for s in IntensiteitSoort]
)
EenheidKeuze = models.TextChoices(
    "EenheidKeuze", [("PER_WEEK", (Eenheid.PER_WEEK.value, "per week")),
                     ("PER_HALFJAAR", (Eenheid.PER_HALFJAAR.value, "per half jaar"))]
)
KeurmerkKeuze = models.TextChoices("KeurmerkKeuze", [(k.name, (k.value, k.label)) for k in Keurmerk])
OpleidingKeuze = models.TextChoices(
    "OpleidingKeuze", [(o.name, (o.value, f"{o.value.upper()} werk- en denkniveau")) for o in Opleidingsniveau]
)


class Evaluatiefrequentie(models.TextChoices):
    KWARTAAL = "kwartaal", _("Per kwartaal")
    HALFJAAR = "halfjaar", _("Per half jaar")


class VersieStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")


class VersieOnwijzigbaar(Exception):
    """A published verordening version may not change; the message is Dutch and shown to the user."""


CBS_CODE = RegexValidator(r"^GM\d{4}$", "Een CBS-gemeentecode is GM gevolgd door vier cijfers, bijvoorbeeld GM0363.")
KVK_NUMMER = RegexValidator(r"^\d{8}$", "Een KvK-nummer bestaat uit acht cijfers.")


class Regio(models.Model):
    """An arbeidsmarktregio (or a werkorganisatie such as BUCH); may adopt one verordening for its gemeenten."""

    naam = models.CharField(_("naam"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Gemeente(models.Model):
    naam = models.CharField(_("naam"), max_length=120)
    cbs_code = models.CharField(
        _("CBS-gemeentecode"), max_length=6, unique=True, help_text="bijv. GM0363", validators=[CBS_CODE]
    )
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


def _mag_publiceren(verordening: "Verordening", user) -> bool:
    from .selectors import mag_beheren

    return mag_beheren(user, verordening)


class Verordening(models.Model):
    """One dated version of a re-integratieverordening, for a gemeente or shared by a regio."""

    gemeente = models.ForeignKey(
        Gemeente, null=True, blank=True, on_delete=models.PROTECT, related_name="verordeningen"
    )
    regio = models.ForeignKey(Regio, null=True, blank=True, on_delete=models.PROTECT, related_name="verordeningen")
    naam = models.CharField(_("naam"), max_length=200)
    geldig_van = models.DateField(_("geldig van"))
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)
    status = FSMField(_("status"), max_length=16, choices=VersieStatus.choices, default=VersieStatus.CONCEPT)
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    gepubliceerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("gepubliceerd door"),
    )
    afgeleid_van = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("afgeleid van")
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    # Geschiktheid
    doelgroepregister_vereist = models.BooleanField(_("inschrijving Doelgroepregister vereist"), default=False)
    min_loonwaarde_pct = models.DecimalField(
        _("minimale loonwaarde (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
    )
    sfb_vereist = models.BooleanField(_("structureel functionele beperking vereist"), default=False)
    min_contracturen_per_week = models.DecimalField(
        _("minimum contracturen per week"), max_digits=4, decimal_places=1, null=True, blank=True,
    )
    min_contractduur_maanden = models.PositiveSmallIntegerField(_("minimale contractduur (maanden)"), null=True,
                                                                blank=True)
    doelgroep_toelichting = models.TextField(_("doelgroep (toelichting)"), blank=True)

    # Intensiteit
    intensiteit_soort = models.CharField(
        _("soort intensiteit"), max_length=24, choices=IntensiteitKeuze.choices,
        default=IntensiteitSoort.PERCENTAGE_PER_JAAR.value,
    )
    percentage_regimes = models.JSONField(_("regimes met percentages"), default=regelmodule.uwv_regimes_standaard,
                                          blank=True)
    vast_percentage = models.DecimalField(
        _("vast percentage van de contracturen"), max_digits=5, decimal_places=2, null=True, blank=True,
    )
    vaste_uren = models.DecimalField(
        _("vast aantal uren"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    vaste_uren_eenheid = models.CharField(_("eenheid vaste uren"), max_length=16, choices=EenheidKeuze.choices,
                                          blank=True)
    regime_banden = models.JSONField(_("regimes met urenbanden"), default=list, blank=True)
    standaard_regime = models.CharField(_("standaardregime"), max_length=40, blank=True, default="midden")
    max_uren_per_periode = models.DecimalField(
        _("maximum uren per periode"), max_digits=6, decimal_places=1, null=True, blank=True
    )

    # Duur
    standaard_max_maanden = models.PositiveSmallIntegerField(_("standaard maximale duur (maanden)"), default=24)
    toekenningsperiode_maanden = models.PositiveSmallIntegerField(
        _("toekenningsperiode (maanden)"), choices=[(6, "6 maanden"), (12, "12 maanden")], default=6
    )
    verlenging_toegestaan = models.BooleanField(_("verlenging toegestaan"), default=False)
    verlenging_bewijs = models.TextField(_("bewijs voor verlenging"), blank=True)
    max_totaal_maanden = models.PositiveSmallIntegerField(_("maximale totale duur (maanden)"), null=True, blank=True)

    # Kwaliteit
    geaccepteerde_keurmerken = models.JSONField(_("geaccepteerde keurmerken en registers"), default=list, blank=True)
    min_opleiding = models.CharField(_("minimaal opleidingsniveau jobcoach"), max_length=8,
                                     choices=OpleidingKeuze.choices, blank=True)
    jobcoach_niet_klantmanager = models.BooleanField(_("jobcoach is nooit de klantmanager"), default=True)

    # Monitoring
    evaluatiefrequentie = models.CharField(_("evaluatie"), max_length=16, choices=Evaluatiefrequentie.choices,
                                           default=Evaluatiefrequentie.HALFJAAR)
    herbeoordeling_weken_voor_einde = models.PositiveSmallIntegerField(
        _("herbeoordeling start (weken voor de einddatum)"), default=8
    )

    # Termijnen
    beslistermijn_weken = models.PositiveSmallIntegerField(_("beslistermijn (weken)"), default=8)
    hersteltermijn_weken = models.PositiveSmallIntegerField(_("hersteltermijn (weken)"), default=2)

    # Teksten voor brieven en de beschikking
    briefhoofd_naam = models.CharField(
        _("naam in het briefhoofd"), max_length=200, blank=True,
        help_text=_("Leeg: 'Gemeente' en de naam van de gemeente van de aanvraag."),
    )
    logo = models.ImageField(
        _("logo"), upload_to="verordening/logo/", blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg"], "Een logo is een PNG- of JPEG-bestand.")],
    )
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
            ),
            models.CheckConstraint(
                condition=models.Q(geldig_tot__isnull=True) | models.Q(geldig_tot__gte=models.F("geldig_van")),
                name="verordening_periode_oplopend",
            ),
        ]
        indexes = [models.Index(fields=["status", "geldig_van"], name="verordening_status_idx")]

    def __str__(self) -> str:
        return f"{self.naam} (vanaf {self.geldig_van:%d-%m-%Y})"

    @property
    def is_concept(self) -> bool:
        return self.status == VersieStatus.CONCEPT

    @property
    def eigenaar_label(self) -> str:
        return f"Gemeente {self.gemeente.naam}" if self.gemeente_id else f"Regio {self.regio.naam}"

    def briefhoofd_voor(self, gemeente: Gemeente) -> str:
        """The letterhead name on a letter of `gemeente` (a regio's shared version serves several)."""
        return self.briefhoofd_naam or f"Gemeente {gemeente.naam}"

    def logo_als_data_uri(self) -> str:
        """The logo inlined as a data: URI, for pages and PDFs: nothing is ever fetched by URL ('' if none)."""
        if not self.logo:
            return ""
        soort = "image/png" if self.logo.name.lower().endswith(".png") else "image/jpeg"
        with self.logo.open("rb") as bestand:
            return f"data:{soort};base64,{base64.b64encode(bestand.read()).decode('ascii')}"

    def regelgegevens(self) -> dict:
        """The stored rule fields (and what `regels.problemen` checks) as a plain mapping."""
        namen = (*regelmodule.REGEL_VELDEN, "geldig_van", "geldig_tot", "bezwaar_adres",
                 *regelmodule.GRENZEN)
        return {naam: getattr(self, naam) for naam in namen}

    def clean(self) -> None:
        """Range checks and the engine's checks, with Dutch messages by field (admin and services)."""
        fouten = regelmodule.problemen(self.regelgegevens())
        if fouten:
            raise ValidationError({veld: [ValidationError(t) for t in teksten] for veld, teksten in fouten.items()})

    # --- publication --------------------------------------------------------------------------

    @transition(field=status, source=VersieStatus.CONCEPT, target=VersieStatus.GEPUBLICEERD,
                permission=_mag_publiceren)
    def publiceren(self, *, door, op) -> None:
        self.gepubliceerd_door = door
        self.gepubliceerd_op = op

    def save(self, *args, **kwargs):
        if not self._state.adding and self.pk:
            self._bewaak_publicatie()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if type(self).objects.filter(pk=self.pk, status=VersieStatus.GEPUBLICEERD).exists():
            raise VersieOnwijzigbaar("Een gepubliceerde versie kan niet worden verwijderd.")
        return super().delete(*args, **kwargs)

    def _bewaak_publicatie(self) -> None:
        """Refuse any change to a published version, except closing its open end date."""
        velden = [f for f in self._meta.concrete_fields if f.attname not in ("gewijzigd_op",)]
        opgeslagen = type(self).objects.filter(pk=self.pk).values(*(f.attname for f in velden)).first()
        if opgeslagen is None or opgeslagen["status"] != VersieStatus.GEPUBLICEERD:
            return
        for veld in velden:
            nu, toen = getattr(self, veld.attname), opgeslagen[veld.attname]
            if isinstance(veld, models.FileField):
                nu = nu.name if nu else ""
                toen = toen or ""
            if nu == toen:
                continue
            if veld.attname == "geldig_tot" and toen is None:
                continue  # closing the open end when a successor is published
            raise VersieOnwijzigbaar(
                f"De versie '{self.naam}' is gepubliceerd en kan niet meer worden gewijzigd "
                f"({veld.verbose_name}). Maak een nieuwe versie."
            )


class Jobcoachorganisatie(models.Model):
    naam = models.CharField(_("naam"), max_length=200)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, unique=True, validators=[KVK_NUMMER])

    class Meta:
        verbose_name = _("jobcoachorganisatie")
        verbose_name_plural = _("jobcoachorganisaties")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Keurmerkregistratie(models.Model):
    """A keurmerk or register entry of a jobcoachorganisatie, valid up to and including `geldig_tot`."""

    organisatie = models.ForeignKey(Jobcoachorganisatie, on_delete=models.CASCADE, related_name="keurmerken")
    keurmerk = models.CharField(_("keurmerk of register"), max_length=16, choices=KeurmerkKeuze.choices)
    registratienummer = models.CharField(_("registratienummer"), max_length=40, blank=True)
    geldig_van = models.DateField(_("geldig van"), null=True, blank=True)
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True,
                                  help_text=_("Leeg: zonder einddatum."))

    class Meta:
        verbose_name = _("keurmerk of registratie")
        verbose_name_plural = _("keurmerken en registraties")
        ordering = ["keurmerk", "-geldig_tot"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(geldig_tot__isnull=True) | models.Q(geldig_van__isnull=True)
                | models.Q(geldig_tot__gte=models.F("geldig_van")),
                name="keurmerk_periode_oplopend",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_keurmerk_display()} ({self.organisatie})"

    def clean(self) -> None:
        if self.geldig_van and self.geldig_tot and self.geldig_tot < self.geldig_van:
            raise ValidationError({"geldig_tot": "De einddatum ligt vóór de ingangsdatum."})

    def geldig_op(self, datum) -> bool:
        """Valid on `datum`: started, and not expired (expired from the day after geldig_tot)."""
        return (self.geldig_van is None or self.geldig_van <= datum) and (
            self.geldig_tot is None or datum <= self.geldig_tot
        )


class Jobcoachprofiel(models.Model):
    """What the quality check needs to know about one jobcoach (a user with rol jobcoach).

    Kept here, beside the register, rather than on accounts.User: the opleidingsniveau is register
    data the functioneel beheerder maintains, and only the quality check reads it.
    """

    jobcoach = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobcoachprofiel",
        limit_choices_to={"rol": "jobcoach"}, verbose_name=_("jobcoach"),
    )
    opleidingsniveau = models.CharField(_("opleidingsniveau (werk- en denkniveau)"), max_length=8,
                                        choices=OpleidingKeuze.choices)

    class Meta:
        verbose_name = _("jobcoachprofiel")
        verbose_name_plural = _("jobcoachprofielen")

    def __str__(self) -> str:
        return f"{self.jobcoach} ({self.get_opleidingsniveau_display()})"
