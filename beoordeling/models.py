"""The Beoordeling (BOB onderzoek) with its ICF factors, knelpunten, oplossingen, the answers to the
Leidraad's eight questions and the coaching goals; the change log; the Besluit it ends in; and stored
documents (PDFs).

Beoordeling: beeldvorming → oordeelsvorming → besluitvorming → ter_ondertekening → vastgesteld,
with ter_ondertekening → besluitvorming when the arbeidsdeskundige sends it back with a reason.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from accounts.models import Rol

from .leidraad import (
    GROEP_VAN,
    VRAAG,
    Afwijzingsgrond,
    Bron,
    Contractvorm,
    Doelgroepregister,
    DoelgroepregisterGrondslag,
    IcfCategorie,
    JaNee,
    Kwalificatie,
    OplossingOordeel,
    OplossingSoort,
    Sfb,
    Vraag,
    Werking,
    icf_notatie,
    is_medisch,
    taak_labels,
)


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


def _fase_compleet(fase: str):
    """Condition: the phase has everything the Leidraad asks for (see beoordeling.volledigheid)."""

    def condition(beoordeling: "Beoordeling") -> bool:
        from .volledigheid import ontbrekend

        return not ontbrekend(beoordeling, fase)

    condition.__name__ = f"{fase}_compleet"
    return condition


def _onderzoek_compleet(beoordeling: "Beoordeling") -> bool:
    from .volledigheid import ontbrekend_voor_ondertekening

    return not ontbrekend_voor_ondertekening(beoordeling)


class Beoordeling(ConcurrentTransitionMixin, models.Model):
    """The onderzoek of one aanvraag (one round), after the BOB model of the NVvA Leidraad.

    The fields below hold what belongs to the onderzoek as a whole; the rows (ICF factors, knelpunten,
    oplossingen, the answers to the eight questions and the coaching goals) hang off it. `versie`
    counts every saved change: a form carries the version it was opened on, so a save on top of
    someone else's change is refused instead of silently overwriting it.
    """

    aanvraag = models.ForeignKey("aanvragen.Aanvraag", on_delete=models.PROTECT, related_name="beoordelingen")
    ronde = models.PositiveSmallIntegerField(default=1)
    status = FSMField(_("fase"), max_length=24, choices=BeoordelingStatus.choices, default=B.BEELDVORMING, protected=True)
    versie = models.PositiveIntegerField(default=1)

    # --- Beeldvorming: the core of the problem, the werkplek, and the facts eligibility rests on ---
    kern_problematiek = models.TextField(_("kern van de problematiek"), blank=True)
    werkplek_taken = models.TextField(_("taken in de functie"), blank=True)
    werkplek_contracturen = models.DecimalField(
        _("contracturen per week"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    contractvorm = models.CharField(_("contract"), max_length=16, choices=Contractvorm.choices, blank=True)
    contract_einddatum = models.DateField(_("einddatum contract"), null=True, blank=True)
    intern_werkbegeleider = models.BooleanField(_("intern werkbegeleider aanwezig"), null=True, blank=True)
    intern_werkbegeleider_naam = models.CharField(_("intern werkbegeleider (naam en functie)"), max_length=200,
                                                  blank=True)
    doelgroepregister = models.CharField(_("Doelgroepregister"), max_length=20,
                                         choices=Doelgroepregister.choices, blank=True)
    doelgroepregister_grondslag = models.CharField(_("grondslag inschrijving"), max_length=20,
                                                   choices=DoelgroepregisterGrondslag.choices, blank=True)
    doelgroepregister_gecontroleerd_op = models.DateField(_("Doelgroepregister geraadpleegd op"), null=True,
                                                          blank=True)
    sfb = models.CharField(_("structureel functionele beperking (SFB)"), max_length=20, choices=Sfb.choices,
                           blank=True)
    sfb_datum = models.DateField(_("datum oordeel SFB"), null=True, blank=True)
    loonwaarde_pct = models.DecimalField(_("loonwaarde (%)"), max_digits=5, decimal_places=1, null=True, blank=True)
    loonwaarde_gemeten_op = models.DateField(_("datum loonwaardemeting"), null=True, blank=True)
    loonwaarde_deskundige = models.CharField(_("loonwaardemeting door (deskundige, methode)"), max_length=200,
                                             blank=True)
    aanvraag_overgenomen_op = models.DateTimeField(null=True, blank=True)

    # --- Oordeelsvorming: multidisciplinair overleg and "is jobcoaching de meest adequate oplossing?" ---
    overleg_schuldhulp = models.BooleanField(_("schuldhulpverlening (schuldproblematiek)"), default=False)
    overleg_wmo_wlz = models.BooleanField(_("ambulante begeleiding (Wmo/Wlz)"), default=False)
    overleg_anders = models.BooleanField(_("andere begeleidingsvormen"), default=False)
    overleg_toelichting = models.TextField(_("toelichting multidisciplinair overleg"), blank=True)
    jobcoaching_adequaat = models.CharField(_("is jobcoaching de meest adequate oplossing?"), max_length=3,
                                            choices=JaNee.choices, blank=True)
    adequaat_motivering = models.TextField(_("motivering"), blank=True)
    alternatief_werkplekaanpassing = models.TextField(_("afweging werkplekaanpassing"), blank=True)
    alternatief_intern_werkbegeleider = models.TextField(_("afweging intern werkbegeleider"), blank=True)
    alternatief_beschut_werk = models.TextField(_("afweging beschut werk"), blank=True)

    # --- Besluitvorming: the proposal; fixed into a Besluit on vaststelling ---
    motivering = models.TextField(_("motivering van het besluit"), blank=True)
    voorstel_uitkomst = models.CharField(_("voorgestelde uitkomst"), max_length=32, choices=Uitkomst.choices, blank=True)
    afwijzingsgrond = models.CharField(_("grond van de afwijzing"), max_length=20, choices=Afwijzingsgrond.choices,
                                       blank=True)
    gedeeltelijk_toelichting = models.TextField(_("wat wel en wat niet wordt toegekend"), blank=True)
    ingangsdatum = models.DateField(_("ingangsdatum jobcoaching"), null=True, blank=True)
    regime = models.CharField(_("regime"), max_length=40, blank=True)
    gevraagde_uren = models.DecimalField(_("gevraagde uren per half jaar"), max_digits=5, decimal_places=1,
                                         null=True, blank=True)
    maatwerk_uren_per_week = models.DecimalField(
        _("afwijkend aantal uren per week (maatwerk)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    maatwerk_duur_maanden = models.PositiveSmallIntegerField(_("afwijkende duur in maanden (maatwerk)"), null=True,
                                                             blank=True)
    maatwerk_motivering = models.TextField(_("motivering van het maatwerk"), blank=True)
    voorstel_jobcoachorganisatie = models.ForeignKey(
        "verordening.Jobcoachorganisatie", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("jobcoachorganisatie"),
    )
    voorstel_jobcoach = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("jobcoach"),
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

    @property
    def is_toekenning(self) -> bool:
        return self.voorstel_uitkomst in (Uitkomst.TOEKENNING, Uitkomst.GEDEELTELIJKE_TOEKENNING)

    @property
    def heeft_maatwerk(self) -> bool:
        return self.maatwerk_uren_per_week is not None or self.maatwerk_duur_maanden is not None

    @property
    def overleg_aangewezen(self) -> bool:
        return self.overleg_schuldhulp or self.overleg_wmo_wlz or self.overleg_anders

    # --- state machine ------------------------------------------------------------------------

    @transition(
        field=status, source=B.BEELDVORMING, target=B.OORDEELSVORMING,
        permission=_klantmanager, conditions=[_fase_compleet("beeldvorming")],
    )
    def naar_oordeelsvorming(self) -> None:
        pass

    @transition(
        field=status, source=B.OORDEELSVORMING, target=B.BESLUITVORMING,
        permission=_klantmanager, conditions=[_fase_compleet("oordeelsvorming")],
    )
    def naar_besluitvorming(self) -> None:
        pass

    @transition(
        field=status, source=B.BESLUITVORMING, target=B.TER_ONDERTEKENING,
        permission=_klantmanager, conditions=[_onderzoek_compleet],
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


class IcfFactor(models.Model):
    """One entry of the ICF schema: a factor or a part of functioning, bevorderend or belemmerend."""

    beoordeling = models.ForeignKey(Beoordeling, on_delete=models.CASCADE, related_name="factoren")
    categorie = models.CharField(_("onderdeel van het ICF-schema"), max_length=24, choices=IcfCategorie.choices)
    werking = models.CharField(_("werking"), max_length=12, choices=Werking.choices)
    icf_code = models.CharField(_("ICF-code"), max_length=6, blank=True)
    kwalificatie = models.PositiveSmallIntegerField(_("kwalificatie"), choices=Kwalificatie.choices, null=True,
                                                    blank=True)
    bron = models.CharField(_("bron"), max_length=24, choices=Bron.choices)
    tekst = models.TextField(_("omschrijving"))

    class Meta:
        verbose_name = _("ICF-factor")
        verbose_name_plural = _("ICF-factoren")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_categorie_display()}: {self.tekst[:60]}"

    @property
    def groep(self) -> str:
        return GROEP_VAN[self.categorie]

    @property
    def is_medisch(self) -> bool:
        return is_medisch(self.categorie)

    @property
    def notatie(self) -> str:
        return icf_notatie(code=self.icf_code, kwalificatie=self.kwalificatie, werking=self.werking)

    @property
    def keuzelabel(self) -> str:
        """How a knelpunt's form lists this factor."""
        code = f" [{self.notatie}]" if self.icf_code else ""
        return f"{self.get_werking_display()}{code}: {self.tekst[:90]}"


class Knelpunt(models.Model):
    """A knelpunt in werk or werkomgeving, traced to the ICF factors behind it (Oordeelsvorming)."""

    beoordeling = models.ForeignKey(Beoordeling, on_delete=models.CASCADE, related_name="knelpunten")
    omschrijving = models.TextField(_("knelpunt"))
    plaatsing = models.BooleanField(_("raakt de plaatsing"), default=False)
    duurzaamheid = models.BooleanField(_("raakt de duurzaamheid"), default=False)
    factoren = models.ManyToManyField(IcfFactor, blank=True, related_name="knelpunten",
                                      verbose_name=_("ICF-factoren"))

    class Meta:
        verbose_name = _("knelpunt")
        verbose_name_plural = _("knelpunten")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.omschrijving[:80]

    @property
    def raakt(self) -> str:
        delen = [d for d, ja in (("plaatsing", self.plaatsing), ("duurzaamheid", self.duurzaamheid)) if ja]
        return " en ".join(delen)


class Oplossing(models.Model):
    """An oplossingsmogelijkheid weighed in the oordeelsvorming: organisatorisch, technisch or begeleiding."""

    beoordeling = models.ForeignKey(Beoordeling, on_delete=models.CASCADE, related_name="oplossingen")
    soort = models.CharField(_("soort oplossing"), max_length=16, choices=OplossingSoort.choices)
    omschrijving = models.TextField(_("oplossing"))
    oordeel = models.CharField(_("afweging"), max_length=16, choices=OplossingOordeel.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("oplossingsmogelijkheid")
        verbose_name_plural = _("oplossingsmogelijkheden")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.omschrijving[:60]}"


class LeidraadAntwoord(models.Model):
    """The answer, with motivation, to one of the eight questions of the Leidraad (Besluitvorming)."""

    beoordeling = models.ForeignKey(Beoordeling, on_delete=models.CASCADE, related_name="antwoorden")
    vraag = models.PositiveSmallIntegerField(_("vraag"))
    antwoord = models.CharField(_("antwoord"), max_length=3, choices=JaNee.choices, blank=True)
    motivering = models.TextField(_("motivering"), blank=True)

    class Meta:
        verbose_name = _("antwoord op een vraag van de Leidraad")
        verbose_name_plural = _("antwoorden op de vragen van de Leidraad")
        ordering = ["vraag"]
        constraints = [
            models.UniqueConstraint(fields=["beoordeling", "vraag"], name="leidraadantwoord_uniek"),
            models.CheckConstraint(condition=models.Q(vraag__gte=1, vraag__lte=8), name="leidraadantwoord_vraag_1_8"),
        ]

    def __str__(self) -> str:
        return f"Vraag {self.vraag}"

    @property
    def vraag_info(self) -> Vraag:
        return VRAAG[self.vraag]


class Coachingsdoel(models.Model):
    """A SMART coaching goal: what, how it is measured, by when, which knelpunten it solves, and which
    tasks of the jobcoach (seeds/002 catalogue) achieve it."""

    beoordeling = models.ForeignKey(Beoordeling, on_delete=models.CASCADE, related_name="doelen")
    doel = models.TextField(_("doel"))
    resultaat = models.TextField(_("meetbaar resultaat"))
    termijn_maanden = models.PositiveSmallIntegerField(_("bereikt binnen (maanden)"))
    knelpunten = models.ManyToManyField(Knelpunt, blank=True, related_name="doelen", verbose_name=_("knelpunten"))
    taken = models.JSONField(_("activiteiten van de jobcoach"), default=list, blank=True)

    class Meta:
        verbose_name = _("coachingsdoel")
        verbose_name_plural = _("coachingsdoelen")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.doel[:80]

    @property
    def taak_labels(self) -> list[str]:
        return taak_labels(self.taken)


class WijzigingActie(models.TextChoices):
    GEWIJZIGD = "gewijzigd", _("gewijzigd")
    TOEGEVOEGD = "toegevoegd", _("toegevoegd")
    VERWIJDERD = "verwijderd", _("verwijderd")


class Wijziging(models.Model):
    """One changed value of the onderzoek: who, when, what, old and new value.

    Written by the services in the same transaction as the change itself. `medisch` marks changes that
    reveal medical details; only the roles that may see those get them (selectors.wijzigingen).
    """

    beoordeling = models.ForeignKey(Beoordeling, on_delete=models.CASCADE, related_name="wijzigingen")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(_("tijdstip"), default=timezone.now)
    onderdeel = models.CharField(_("onderdeel"), max_length=40)
    item = models.CharField(_("item"), max_length=120, blank=True)
    actie = models.CharField(_("actie"), max_length=12, choices=WijzigingActie.choices)
    veld = models.CharField(_("veld"), max_length=120, blank=True)
    oud = models.TextField(_("oude waarde"), blank=True)
    nieuw = models.TextField(_("nieuwe waarde"), blank=True)
    medisch = models.BooleanField(default=False)
    versie = models.PositiveIntegerField(default=0)  # the version of the onderzoek this change made

    class Meta:
        verbose_name = _("wijziging in het onderzoek")
        verbose_name_plural = _("wijzigingen in het onderzoek")
        ordering = ["-op", "-id"]
        indexes = [models.Index(fields=["beoordeling", "-op", "-id"], name="wijziging_beoordeling_idx")]

    def __str__(self) -> str:
        return f"{self.onderdeel} {self.veld} {self.get_actie_display()}"


class Besluit(models.Model):
    """The besluit as signed off. It fixes what it was made with, so later changes elsewhere (a new
    verordening version, a changed register, an edited text) never change what was decided:
    the verordening version, the engine's calculation (`berekening`, Berekening.as_dict()), the figures
    granted, the maatwerk motivation and the texts."""

    beoordeling = models.OneToOneField(Beoordeling, on_delete=models.PROTECT, related_name="besluit")
    aanvraag = models.ForeignKey("aanvragen.Aanvraag", on_delete=models.PROTECT, related_name="besluiten")
    verordening = models.ForeignKey("verordening.Verordening", on_delete=models.PROTECT, related_name="+")
    uitkomst = models.CharField(_("uitkomst"), max_length=32, choices=Uitkomst.choices)
    afwijzingsgrond = models.CharField(_("grond van de afwijzing"), max_length=20, choices=Afwijzingsgrond.choices,
                                       blank=True)
    uren_per_week = models.DecimalField(_("uren per week"), max_digits=4, decimal_places=1, null=True, blank=True)
    duur_maanden = models.PositiveSmallIntegerField(_("duur (maanden)"), null=True, blank=True)
    startdatum = models.DateField(_("ingangsdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    regime = models.CharField(_("regime"), max_length=40, blank=True)
    berekening = models.JSONField(_("berekening volgens de verordening"), default=dict, blank=True)
    maatwerk = models.BooleanField(_("maatwerk"), default=False)
    maatwerk_motivering = models.TextField(_("motivering van het maatwerk"), blank=True)
    teksten = models.JSONField(_("teksten waarmee besloten is"), default=dict, blank=True)
    jobcoachorganisatie = models.ForeignKey(
        "verordening.Jobcoachorganisatie", null=True, blank=True, on_delete=models.PROTECT, related_name="besluiten"
    )
    jobcoach = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
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


# The onderzoek dossiers hold medical details and internal notes: never in a list of a case's letters.
DOSSIERSOORTEN = (DocumentSoort.ONDERZOEKSRAPPORT, DocumentSoort.ONDERZOEKSRAPPORT_AANVRAGER, DocumentSoort.DOSSIER_ZIP)


class BrievenManager(models.Manager):
    """`Document.objects`: the letters and beschikkingen every party of a case may see.

    The dossiers are left out here, so no page that lists or serves "the documents of a case" can
    show them by accident; they are reached through `Document.alle` in beoordeling.dossier only,
    which checks per soort who may have them (documentregels.mag_downloaden).
    """

    def get_queryset(self):
        return super().get_queryset().exclude(soort__in=DOSSIERSOORTEN)


class DocumentOnwijzigbaar(Exception):
    pass


class Document(models.Model):
    """An immutable stored PDF (or the dossier ZIP). A correction is a new version that references the
    old one (`vervangt`); save() refuses to change a stored row."""

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

    objects = BrievenManager()
    alle = models.Manager()

    @property
    def bestandsnaam(self) -> str:
        extensie = "zip" if self.soort == DocumentSoort.DOSSIER_ZIP else "pdf"
        return f"{self.soort}-{self.aanvraag.nummer}-v{self.versie}.{extensie}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise DocumentOnwijzigbaar("Een opgeslagen document verandert nooit; maak een nieuwe versie.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise DocumentOnwijzigbaar("Een opgeslagen document wordt nooit verwijderd.")


class DossierVariant(models.TextChoices):
    VOLLEDIG = "volledig", _("Volledig dossier")
    AANVRAGER = "aanvrager", _("Afschrift voor de aanvrager")


class Dossierverzoek(models.Model):
    """A request for the onderzoek dossier of a besluit, and its delivery (Breed Offensief: the applicant
    may ask for the onderzoek; the bezwaarbehandelaar needs the complete dossier).

    Delivered when `rapport` is set: the PDF (and for the complete variant the ZIP with the bijlagen).
    `inhoud_sha256` is the hash of the dossier's HTML, so a request for an unchanged dossier is
    delivered the same stored documents instead of a new version.
    """

    besluit = models.ForeignKey(Besluit, on_delete=models.PROTECT, related_name="dossierverzoeken")
    variant = models.CharField(_("variant"), max_length=12, choices=DossierVariant.choices)
    aangevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    rapport = models.ForeignKey(Document, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    zip = models.ForeignKey(Document, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    inhoud_sha256 = models.CharField(max_length=64, blank=True)
    geleverd_op = models.DateTimeField(_("geleverd op"), null=True, blank=True)
    mislukt_op = models.DateTimeField(_("mislukt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("verzoek om het onderzoeksdossier")
        verbose_name_plural = _("verzoeken om het onderzoeksdossier")
        ordering = ["-aangevraagd_op", "-id"]
        indexes = [models.Index(fields=["besluit", "variant", "-aangevraagd_op"], name="dossierverzoek_besluit_idx")]

    def __str__(self) -> str:
        return f"{self.get_variant_display()} {self.besluit.aanvraag} ({self.aangevraagd_op:%d-%m-%Y})"

    @property
    def is_geleverd(self) -> bool:
        return self.rapport_id is not None


class Documentdownload(models.Model):
    """Who downloaded which stored document, and when (the access log of the documents)."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="downloads")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(_("tijdstip"), default=timezone.now)

    class Meta:
        verbose_name = _("download van een document")
        verbose_name_plural = _("downloads van documenten")
        ordering = ["-op", "-id"]
        indexes = [models.Index(fields=["document", "-op"], name="documentdownload_doc_idx")]

    def __str__(self) -> str:
        return f"{self.document} door {self.door} op {self.op:%d-%m-%Y %H:%M}"
