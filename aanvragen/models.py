"""The Aanvraag and its state machine, what the applicant told us (ICF-structured), the bijlagen,
the Awb deadlines kept on it (opschorting, verdaging), and the transition log shared by every
state machine.

Transitions only change state in memory; `aanvragen.services` calls them through
`transities.voer_uit`, which checks their permission, saves and writes the Transitie row in one
database transaction.

While an aanvraag is a concept its fields may be empty: every step of the form saves what is
valid so far. `services.aanvraag_indienen` checks completeness before it leaves the concept state.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from accounts.models import Rol

from . import termijnen


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


class Namens(models.TextChoices):
    """For whom a jobcoachorganisatie applies."""

    WERKGEVER = "werkgever", _("Namens de werkgever")
    WERKNEMER = "werknemer", _("Namens de werknemer")


class Contractsoort(models.TextChoices):
    BEPAALDE_TIJD = "bepaalde_tijd", _("Bepaalde tijd")
    ONBEPAALDE_TIJD = "onbepaalde_tijd", _("Onbepaalde tijd")


class Doelgroepregister(models.TextChoices):
    JA = "ja", _("Ja")
    NEE = "nee", _("Nee")
    AANGEVRAAGD = "aangevraagd", _("Aangevraagd, de uitslag is er nog niet")


# --- transition permissions: (instance, user) -> bool, checked by voer_uit -----------------------


def _is_aanvrager(aanvraag: "Aanvraag", user) -> bool:
    """The party that applied: the werkgever, the werknemer, or the jobcoachorganisatie together with
    the party it applied for."""
    partij = aanvraag.aanvrager
    if partij == Aanvrager.JOBCOACHORGANISATIE:
        if user.rol == Rol.JOBCOACH:
            return aanvraag.jobcoachorganisatie_id is not None and (
                aanvraag.jobcoachorganisatie_id == user.jobcoachorganisatie_id
            )
        partij = aanvraag.namens
    if partij == Aanvrager.WERKGEVER and user.rol == Rol.WERKGEVER:
        return aanvraag.werkgever_id is not None and aanvraag.werkgever_id == user.werkgever_id
    if partij == Aanvrager.WERKNEMER and user.rol == Rol.WERKNEMER:
        return bool(user.bsn) and aanvraag.werknemer_bsn == user.bsn
    return False


def _is_klantmanager_van_gemeente(aanvraag: "Aanvraag", user) -> bool:
    return user.rol == Rol.KLANTMANAGER and aanvraag.gemeente_id in user.gemeente_ids()


def _is_aanvrager_of_klantmanager(aanvraag: "Aanvraag", user) -> bool:
    return _is_aanvrager(aanvraag, user) or _is_klantmanager_van_gemeente(aanvraag, user)


def _is_registrerende_klantmanager(aanvraag: "Aanvraag", user) -> bool:
    return _is_klantmanager_van_gemeente(aanvraag, user) and aanvraag.aangemaakt_door_id == user.pk


def _mag_besluiten(aanvraag: "Aanvraag", user) -> bool:
    return user.rol == Rol.ARBEIDSDESKUNDIGE and aanvraag.gemeente_id in user.gemeente_ids()


def mag_concept_bewerken(aanvraag: "Aanvraag", user) -> bool:
    """Who may fill in and submit a concept: the applicant, or the klantmanager who registers it."""
    if aanvraag.kanaal != Kanaal.ONLINE:
        return aanvraag.aangemaakt_door_id == user.pk and user.rol == Rol.KLANTMANAGER
    return _is_aanvrager(aanvraag, user) or aanvraag.aangemaakt_door_id == user.pk


# --- transition conditions: (instance) -> bool --------------------------------------------------


def _hersteltermijn_verstreken(aanvraag: "Aanvraag") -> bool:
    lopend = aanvraag.lopende_opschorting()
    return lopend is not None and timezone.localdate() > lopend.hersteltermijn_einde


def _nog_niet_verdaagd(aanvraag: "Aanvraag") -> bool:
    return not Verdaging.objects.filter(aanvraag_id=aanvraag.pk).exists()


class Aanvraag(ConcurrentTransitionMixin, models.Model):
    nummer = models.CharField(_("aanvraagnummer"), max_length=20, unique=True, null=True, blank=True)
    gemeente = models.ForeignKey(
        "verordening.Gemeente", null=True, blank=True, on_delete=models.PROTECT, related_name="aanvragen",
        verbose_name=_("woongemeente"),
    )
    werkgever = models.ForeignKey(
        "accounts.Werkgever", null=True, blank=True, on_delete=models.PROTECT, related_name="aanvragen"
    )
    aanvrager = models.CharField(_("aanvrager"), max_length=24, choices=Aanvrager.choices)
    namens = models.CharField(_("namens"), max_length=12, choices=Namens.choices, blank=True)
    jobcoachorganisatie = models.ForeignKey(
        "verordening.Jobcoachorganisatie", null=True, blank=True, on_delete=models.PROTECT,
        related_name="ingediende_aanvragen", verbose_name=_("aanvragende jobcoachorganisatie"),
    )
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

    # De werknemer
    werknemer_naam = models.CharField(_("naam werknemer"), max_length=200, blank=True)
    werknemer_bsn = models.CharField(_("BSN werknemer"), max_length=9, blank=True, db_index=True)
    werknemer_geboortedatum = models.DateField(_("geboortedatum werknemer"), null=True, blank=True)
    werknemer_adres = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    werknemer_postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    werknemer_woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    werknemer_email = models.EmailField(_("e-mailadres werknemer"), blank=True)
    werknemer_telefoon = models.CharField(_("telefoonnummer werknemer"), max_length=20, blank=True)

    # De werkgever, as the applicant typed it (the Werkgever row is linked by KvK-nummer on submission)
    werkgever_naam = models.CharField(_("naam werkgever"), max_length=200, blank=True)
    werkgever_kvk = models.CharField(_("KvK-nummer werkgever"), max_length=8, blank=True)
    werkgever_contactpersoon = models.CharField(_("contactpersoon werkgever"), max_length=200, blank=True)
    werkgever_vestigingsadres = models.CharField(_("vestigingsadres"), max_length=300, blank=True)

    # Het werk
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    taken = models.TextField(_("taken"), blank=True)
    contracturen_per_week = models.DecimalField(
        _("contracturen per week"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    contractsoort = models.CharField(_("soort contract"), max_length=16, choices=Contractsoort.choices, blank=True)
    contract_einddatum = models.DateField(_("einddatum contract"), null=True, blank=True)
    startdatum = models.DateField(_("startdatum werk"), null=True, blank=True)
    loonwaarde_percentage = models.PositiveSmallIntegerField(_("loonwaarde (%)"), null=True, blank=True)
    loonkostensubsidie = models.BooleanField(_("loonkostensubsidie"), null=True, blank=True)
    doelgroepregister = models.CharField(
        _("Doelgroepregister"), max_length=12, choices=Doelgroepregister.choices, blank=True
    )

    # De ondersteuning (the ICF answers are Ondersteuningsvraag and Werkplekfactor rows)
    reden = models.TextField(_("waarom is jobcoaching nodig?"), blank=True)
    werkgever_doet_al = models.TextField(_("wat de werkgever al doet"), blank=True)
    interne_werkbegeleider = models.BooleanField(_("interne werkbegeleider aanwezig"), null=True, blank=True)
    voorkeur_jobcoachorganisatie = models.ForeignKey(
        "verordening.Jobcoachorganisatie", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("voorkeur jobcoachorganisatie"),
    )

    status = FSMField(_("status"), max_length=24, choices=AanvraagStatus.choices, default=S.CONCEPT, protected=True)
    ontvangen_op = models.DateField(_("datum van ontvangst"), null=True, blank=True)
    beslistermijn_weken = models.PositiveSmallIntegerField(_("beslistermijn (weken)"), null=True, blank=True)
    # Denormalised from ontvangen_op, opschortingen and verdaging by the services on every change, so the
    # worklist can select overdue cases set-based.
    uiterste_beslisdatum = models.DateField(_("uiterste beslisdatum"), null=True, blank=True)
    # The id of the form that started this concept: a double click on the first step finds this concept
    # again instead of making a second one.
    invoer_sleutel = models.UUIDField(null=True, blank=True, unique=True, editable=False)
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
            # "Te laat": open cases of a gemeente whose uiterste beslisdatum has passed. Partial, so the
            # millions of closed cases are not in it.
            models.Index(
                fields=["gemeente", "uiterste_beslisdatum"],
                condition=models.Q(status__in=[s.value for s in OPEN_STATUSSEN]),
                name="aanvraag_termijn_open_idx",
            ),
            # The open cases of a gemeente in order of receipt: "te laat" and "nog niemand" pages read
            # these, instead of walking past all closed cases in the gemeente's receipt index.
            models.Index(
                fields=["gemeente", "ontvangen_op", "id"],
                condition=models.Q(status__in=[s.value for s in OPEN_STATUSSEN]),
                name="aanvraag_open_ontv_idx",
            ),
            # "Behandeld door: mij", in order of receipt.
            models.Index(fields=["behandelaar", "gemeente", "ontvangen_op", "id"], name="aanvraag_behandelaar_idx"),
            models.Index(fields=["jobcoachorganisatie", "-aangemaakt_op"], name="aanvraag_jco_idx"),
        ]

    def __str__(self) -> str:
        return self.nummer or f"Concept {self.pk}"

    @property
    def werkgever_weergave(self) -> str:
        """The werkgever's name as shown in lists (uses a select_related werkgever when present)."""
        if self.werkgever_id:
            return self.werkgever.naam
        return self.werkgever_naam

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN

    def lopende_opschorting(self) -> "Opschorting | None":
        """The running aanvulling request, if any (uses prefetched opschortingen when present)."""
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "opschortingen" in cache:
            return next((o for o in cache["opschortingen"] if o.eind is None), None)
        return self.opschortingen.filter(eind__isnull=True).first()

    def verdaging_of_none(self) -> "Verdaging | None":
        try:
            return self.verdaging
        except Verdaging.DoesNotExist:
            return None

    def beslistermijn(self) -> termijnen.Termijn | None:
        """The beslistermijn with its Dutch explanation (Awb 4:13-4:15 and the Atw).

        A running aanvulling request counts as if its hersteltermijn lapses unused (see
        Opschorting.als_termijn), so the result is stable from day to day. Uses prefetched
        opschortingen and a select_related verdaging when present.
        """
        if not self.ontvangen_op or not self.beslistermijn_weken:
            return None
        verdaging = self.verdaging_of_none()
        return termijnen.beslistermijn(
            self.ontvangen_op,
            self.beslistermijn_weken,
            [o.als_termijn() for o in self.opschortingen.all()],
            verdaging.weken if verdaging else 0,
        )

    def ontbrekend_voor_indienen(self) -> list[str]:
        """What a case needs in any case before it can be submitted (Dutch). The form checks far more
        per step; this is the floor every route (form, phone registration, import) must meet."""
        verplicht = [
            ("gemeente_id", "de woongemeente"), ("werknemer_naam", "de naam van de werknemer"),
            ("werknemer_bsn", "het BSN van de werknemer"), ("functie", "de functie"),
            ("contracturen_per_week", "de contracturen per week"), ("startdatum", "de startdatum"),
            ("reden", "waarom jobcoaching nodig is"),
        ]
        return [label for veld, label in verplicht if getattr(self, veld) in (None, "")]

    # --- state machine ------------------------------------------------------------------------

    @transition(field=status, source=S.CONCEPT, target=S.INGEDIEND, permission=_is_aanvrager)
    def indienen(self, *, ontvangen_op: datetime.date, nummer: str, beslistermijn_weken: int) -> None:
        self.ontvangen_op = ontvangen_op
        self.nummer = nummer
        self.beslistermijn_weken = beslistermijn_weken

    @transition(field=status, source=S.CONCEPT, target=S.INGEDIEND, permission=_is_registrerende_klantmanager)
    def registreren(self, *, nummer: str, beslistermijn_weken: int) -> None:
        """A request received by phone or letter, registered by the klantmanager (ontvangen_op entered)."""
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
        field=status, source=S.AANVULLING_GEVRAAGD, target=S.IN_BEHANDELING, permission=_is_aanvrager_of_klantmanager
    )
    def aanvulling_ontvangen(self) -> None:
        pass

    @transition(
        field=status,
        source=S.AANVULLING_GEVRAAGD,
        target=S.BUITEN_BEHANDELING,
        permission=_is_klantmanager_van_gemeente,
        conditions=[_hersteltermijn_verstreken],
    )
    def buiten_behandeling_stellen(self) -> None:
        pass

    @transition(
        field=status,
        source=list(OPEN_STATUSSEN),
        target=None,  # the status stays; the beslistermijn moves
        permission=_is_klantmanager_van_gemeente,
        conditions=[_nog_niet_verdaagd],
    )
    def verdagen(self) -> None:
        pass

    @transition(field=status, source=S.IN_BEHANDELING, target=S.BESLOTEN, permission=_mag_besluiten)
    def besluit_nemen(self) -> None:
        pass

    @transition(field=status, source=list(OPEN_STATUSSEN), target=S.INGETROKKEN, permission=_is_aanvrager)
    def intrekken(self) -> None:
        pass


# --- what the applicant told us, structured after the ICF (NVvA Leidraad) ------------------------


class IcfDomein(models.TextChoices):
    """The ICF activity chapters an applicant can say something about, in plain Dutch."""

    LEREN = "d1", _("Leren en taken toepassen")
    ALGEMENE_TAKEN = "d2", _("Algemene taken en eisen, zoals tempo en structuur")
    COMMUNICATIE = "d3", _("Communicatie")
    OMGANG = "d7", _("Omgang met collega's en leidinggevende")
    WERK = "d8", _("Werk en werknemersvaardigheden")


class Ondersteuningsvraag(models.Model):
    """What goes wrong at work, per ICF domain. `code` is a precise ICF code (d155, d240, …) for a
    ticked example, or the chapter code (d1, d2, …) for the applicant's own words in `tekst`."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="ondersteuningsvragen")
    domein = models.CharField(_("domein"), max_length=2, choices=IcfDomein.choices)
    code = models.CharField(_("ICF-code"), max_length=6)
    tekst = models.TextField(_("tekst"))

    class Meta:
        verbose_name = _("ondersteuningsvraag")
        verbose_name_plural = _("ondersteuningsvragen")
        ordering = ["domein", "code", "id"]

    def __str__(self) -> str:
        return f"{self.code}: {self.tekst[:40]}"

    @property
    def is_toelichting(self) -> bool:
        return self.code == self.domein


class Arbeidsfactor(models.TextChoices):
    """The 4 A's of the werk: the external factors of the Leidraad's ICF schema."""

    ARBEIDSINHOUD = "arbeidsinhoud", _("Arbeidsinhoud")
    ARBEIDSOMSTANDIGHEDEN = "arbeidsomstandigheden", _("Arbeidsomstandigheden")
    ARBEIDSVERHOUDINGEN = "arbeidsverhoudingen", _("Arbeidsverhoudingen")
    ARBEIDSVOORWAARDEN = "arbeidsvoorwaarden", _("Arbeidsvoorwaarden")


class Invloed(models.TextChoices):
    BEVORDEREND = "bevorderend", _("Bevorderend")
    BELEMMEREND = "belemmerend", _("Belemmerend")


class Werkplekfactor(models.Model):
    """A workplace factor that helps (bevorderend) or hinders (belemmerend), per A."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="werkplekfactoren")
    factor = models.CharField(_("factor"), max_length=24, choices=Arbeidsfactor.choices)
    invloed = models.CharField(_("invloed"), max_length=12, choices=Invloed.choices)
    tekst = models.TextField(_("tekst"))

    class Meta:
        verbose_name = _("werkplekfactor")
        verbose_name_plural = _("werkplekfactoren")
        ordering = ["factor", "invloed", "id"]

    def __str__(self) -> str:
        return f"{self.get_factor_display()} ({self.get_invloed_display().lower()})"


# --- Awb deadlines --------------------------------------------------------------------------------


class Opschorting(models.Model):
    """A request for aanvulling (Awb 4:5) and the suspension of the beslistermijn it causes (4:15).

    The suspension runs from `start` (the day after the request was sent) until `eind`, exclusive: the
    day the aanvulling came in, or the day after the hersteltermijn lapsed unused. `eind` is empty
    while the request is open.
    """

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="opschortingen")
    verzocht_op = models.DateField(_("verzoek verzonden op"))
    verzocht_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    wat_ontbreekt = models.TextField(_("wat ontbreekt"))
    hersteltermijn_einde = models.DateField(_("hersteltermijn tot en met"))
    start = models.DateField(_("opgeschort vanaf"))
    eind = models.DateField(_("termijn loopt weer vanaf"), null=True, blank=True)
    aangevuld_op = models.DateField(_("aangevuld op"), null=True, blank=True)
    toelichting_aanvulling = models.TextField(_("toelichting bij de aanvulling"), blank=True)
    brief = models.OneToOneField(
        "beoordeling.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("opschorting (verzoek om aanvulling)")
        verbose_name_plural = _("opschortingen (verzoeken om aanvulling)")
        ordering = ["start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanvraag"], condition=models.Q(eind__isnull=True), name="opschorting_een_lopende"
            ),
        ]

    def __str__(self) -> str:
        return f"Aanvulling {self.aanvraag} van {self.verzocht_op:%d-%m-%Y}"

    @property
    def lopend(self) -> bool:
        return self.eind is None

    def als_termijn(self) -> termijnen.Opschorting:
        """For the beslistermijn. A running request counts as if the hersteltermijn lapses unused: that
        is the longest it can last, and it is the date the stored uiterste beslisdatum then holds."""
        if self.eind is None:
            return termijnen.Opschorting.hersteltermijn_verstreken(self.verzocht_op, self.hersteltermijn_einde)
        return termijnen.Opschorting(self.start, self.eind)


class Verdaging(models.Model):
    """The one verdaging of the beslistermijn (Awb 4:14 lid 3), announced within the running term."""

    aanvraag = models.OneToOneField(Aanvraag, on_delete=models.CASCADE, related_name="verdaging")
    gemeld_op = models.DateField(_("gemeld op"))
    weken = models.PositiveSmallIntegerField(_("verdaagd met (weken)"))
    reden = models.TextField(_("reden"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    brief = models.OneToOneField(
        "beoordeling.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("verdaging")
        verbose_name_plural = _("verdagingen")

    def __str__(self) -> str:
        return f"Verdaging {self.aanvraag} ({self.weken} weken)"


# --- bijlagen --------------------------------------------------------------------------------------


def _bijlage_pad(instance: "Bijlage", filename: str) -> str:
    # A random directory per file: names never collide and are never guessable from another case.
    import uuid

    return f"bijlagen/{instance.aanvraag_id}/{uuid.uuid4().hex}/{filename}"


class Bijlage(models.Model):
    """An uploaded document (PDF, JPEG, PNG or DOCX, checked by content). Stored in the private
    storage and served only by the permission-checked view `aanvragen:bijlage`."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="bijlagen")
    opschorting = models.ForeignKey(
        Opschorting, null=True, blank=True, on_delete=models.SET_NULL, related_name="bijlagen",
        help_text=_("Geleverd als aanvulling op dit verzoek."),
    )
    bestand = models.FileField(upload_to=_bijlage_pad, max_length=255)
    naam = models.CharField(_("bestandsnaam"), max_length=120)
    soort = models.CharField(_("soort"), max_length=8)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    sha256 = models.CharField(max_length=64)
    geupload_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geupload_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["geupload_op", "id"]

    def __str__(self) -> str:
        return self.naam


# --- the transition log ------------------------------------------------------------------------------


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
    "registreren": "Aanvraag geregistreerd door de gemeente",
    "in_behandeling_nemen": "In behandeling genomen",
    "aanvulling_vragen": "Aanvulling gevraagd",
    "aanvulling_ontvangen": "Aanvulling ontvangen",
    "buiten_behandeling_stellen": "Buiten behandeling gesteld",
    "verdagen": "Beslistermijn verdaagd",
    "besluit_nemen": "Besluit genomen",
    "intrekken": "Aanvraag ingetrokken",
    "naar_oordeelsvorming": "Onderzoek: naar oordeelsvorming",
    "naar_besluitvorming": "Onderzoek: naar besluitvorming",
    "ter_ondertekening_aanbieden": "Besluit ter ondertekening aangeboden",
    "terugsturen": "Besluit teruggestuurd naar klantmanager",
    "vaststellen": "Besluit vastgesteld (ondertekend)",
    "starten": "Traject gestart",
    "herbeoordeling_openen": "Herbeoordeling van het traject geopend",
    "verlengen": "Traject verlengd",
    "afronden": "Traject afgerond",
    "beeindigen": "Traject beëindigd",
    "accepteren": "Voortgangsrapportage geaccepteerd",
    "wijziging_vragen": "Wijziging van de voortgangsrapportage gevraagd",
    "opnieuw_indienen": "Voortgangsrapportage opnieuw ingediend",
    "bezwaar_ingediend": "Bezwaar ingediend",
    "bezwaar_geregistreerd": "Bezwaarschrift geregistreerd",
    "bezwaar_in_behandeling_nemen": "Bezwaar in behandeling genomen",
    "bezwaar_verdagen": "Beslistermijn op bezwaar verdaagd",
    "bezwaar_beslissen": "Beslissing op bezwaar genomen",
}


class Nummerreeks(models.Model):
    """Per gemeente and year the last sequence number handed out (row-locked when incremented)."""

    gemeente = models.ForeignKey("verordening.Gemeente", on_delete=models.CASCADE)
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["gemeente", "jaar"], name="nummerreeks_uniek")]
