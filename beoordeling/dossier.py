"""The onderzoek dossier: everything a besluit rests on, as one PDF with a table of contents, and (complete
variant) a ZIP with that PDF and the bijlagen themselves.

Two variants (DossierVariant):
- volledig — for the klantmanager, arbeidsdeskundige and bezwaarbehandelaar: medical ICF entries, the
  change log of the onderzoek, who did what and the internal reasons of the sign-off steps;
- aanvrager — the copy a werkgever or werknemer may ask for: without medical entries (AVG art. 9) and
  without internal notes (the change log, the names of staff in the history, the reasons the
  arbeidsdeskundige gave when sending a besluit back).

A request is a Dossierverzoek; its delivery is recorded on it. The dossier's HTML is hashed: a request
for a dossier that has not changed since the last delivery gets the same stored documents at once,
so documents only get a new version when their content changes. Rendering runs in a Celery task
(tasks.dossier_maken), idempotent on the request row.
"""

import hashlib
import tempfile
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename

from aanvragen.models import Bijlage, Transitie
from aanvragen.transities import GeenToestemming
from accounts.scoping import zichtbare_aanvragen

from . import documentregels
from .documenten import document_opslaan
from .leidraad import MEDISCHE_CATEGORIEEN, VRAGEN, IcfCategorie, IcfGroep
from .models import (
    Besluit,
    Coachingsdoel,
    Document,
    Documentdownload,
    DocumentSoort,
    Dossierverzoek,
    DossierVariant,
    IcfFactor,
    Knelpunt,
    LeidraadAntwoord,
    Oplossing,
    Wijziging,
)
from .pdf import html_naar_pdf

DOSSIER_TEMPLATE_VERSIE = "2026.1"
RAPPORTSOORT = {DossierVariant.VOLLEDIG: DocumentSoort.ONDERZOEKSRAPPORT,
                DossierVariant.AANVRAGER: DocumentSoort.ONDERZOEKSRAPPORT_AANVRAGER}
# Steps of the sign-off whose reasons are the gemeente's internal working notes.
INTERNE_MACHINES = frozenset({"beoordeling"})


# --- what the dossier shows -------------------------------------------------------------------------------


@dataclass
class Dossier:
    variant: str
    besluit: Besluit
    schema: list  # [(part of the ICF schema, [IcfFactor])]
    knelpunten: list
    oplossingen: list
    antwoorden: list  # [(Vraag, LeidraadAntwoord | None)] for all eight questions
    doelen: list
    transities: list
    bijlagen: list
    documenten: list  # the letters and beschikkingen of the case
    wijzigingen: list = field(default_factory=list)  # complete variant only

    @property
    def volledig(self) -> bool:
        return self.variant == DossierVariant.VOLLEDIG

    @property
    def beoordeling(self):
        return self.besluit.beoordeling

    @property
    def aanvraag(self):
        return self.besluit.aanvraag

    @property
    def kenmerk(self) -> str:
        return f"{self.aanvraag.nummer}/B{self.beoordeling.ronde}"

    @property
    def stand(self):
        """The moment the dossier describes: its most recent event (never the time of rendering, so the
        same dossier renders to the same HTML)."""
        momenten = [self.besluit.vastgesteld_op, *(t.op for t in self.transities),
                    *(b.geupload_op for b in self.bijlagen), *(d.aangemaakt_op for d in self.documenten),
                    *(w.op for w in self.wijzigingen)]
        return max(momenten)


def _icf_schema(factoren) -> list:
    volgorde = {c.value: i for i, c in enumerate(IcfCategorie)}
    per_groep: dict[str, list] = {g.value: [] for g in IcfGroep}
    for factor in sorted(factoren, key=lambda f: (volgorde[f.categorie], f.pk)):
        per_groep[factor.groep].append(factor)
    return [(IcfGroep(g).label, lijst) for g, lijst in per_groep.items() if lijst]


def dossier_gegevens(*, besluit_id: int, variant: str) -> Dossier:
    """Everything the dossier shows, in a fixed number of queries whatever the size of the case. The
    applicant's variant never loads the medical entries nor the internal notes: what is not read cannot
    end up in the PDF."""
    volledig = variant == DossierVariant.VOLLEDIG
    factoren = IcfFactor.objects.order_by("id")
    if not volledig:
        factoren = factoren.exclude(categorie__in=MEDISCHE_CATEGORIEEN)
    besluit = (
        Besluit.objects.select_related(
            "aanvraag__gemeente", "aanvraag__werkgever", "aanvraag__behandelaar", "aanvraag__jobcoachorganisatie",
            "aanvraag__voorkeur_jobcoachorganisatie", "verordening", "beoordeling", "jobcoachorganisatie",
            "jobcoach", "voorbereid_door", "vastgesteld_door",
        )
        .prefetch_related(
            Prefetch("beoordeling__factoren", queryset=factoren, to_attr="dossier_factoren"),
            Prefetch("beoordeling__knelpunten", queryset=Knelpunt.objects.order_by("id").prefetch_related(
                Prefetch("factoren", queryset=factoren, to_attr="dossier_factoren")), to_attr="dossier_knelpunten"),
            Prefetch("beoordeling__oplossingen", queryset=Oplossing.objects.order_by("id"),
                     to_attr="dossier_oplossingen"),
            Prefetch("beoordeling__antwoorden", queryset=LeidraadAntwoord.objects.order_by("vraag"),
                     to_attr="dossier_antwoorden"),
            Prefetch("beoordeling__doelen", queryset=Coachingsdoel.objects.order_by("id").prefetch_related(
                Prefetch("knelpunten", queryset=Knelpunt.objects.order_by("id"), to_attr="dossier_knelpunten")),
                to_attr="dossier_doelen"),
            "aanvraag__ondersteuningsvragen",
            "aanvraag__werkplekfactoren",
            Prefetch("aanvraag__bijlagen", to_attr="dossier_bijlagen",
                     queryset=Bijlage.objects.select_related("geupload_door").order_by("geupload_op", "id")),
        )
        .get(pk=besluit_id)
    )
    return _samenstellen(besluit, variant)


def _samenstellen(besluit: Besluit, variant: str) -> Dossier:
    beoordeling, aanvraag = besluit.beoordeling, besluit.aanvraag
    volledig = variant == DossierVariant.VOLLEDIG
    antwoorden = {a.vraag: a for a in beoordeling.dossier_antwoorden}
    transities = list(Transitie.objects.filter(aanvraag=aanvraag).select_related("door").order_by("op", "id"))
    for transitie in transities:  # who did it, and the internal reasons, stay out of the applicant's copy
        transitie.dossier_door = transitie.door if volledig else None
        transitie.dossier_reden = transitie.reden if volledig or transitie.machine not in INTERNE_MACHINES else ""
    knelpunten = beoordeling.dossier_knelpunten
    nummers = {k.pk: nummer for nummer, k in enumerate(knelpunten, start=1)}
    for knelpunt in knelpunten:
        knelpunt.nummer = nummers[knelpunt.pk]
    for doel in beoordeling.dossier_doelen:
        doel.knelpunt_nummers = [nummers[k.pk] for k in doel.dossier_knelpunten if k.pk in nummers]
    wijzigingen = []
    if volledig:
        wijzigingen = list(Wijziging.objects.filter(beoordeling=beoordeling).select_related("door")
                           .order_by("op", "id"))
    return Dossier(
        variant=variant,
        besluit=besluit,
        schema=_icf_schema(beoordeling.dossier_factoren),
        knelpunten=knelpunten,
        oplossingen=beoordeling.dossier_oplossingen,
        antwoorden=[(vraag, antwoorden.get(vraag.nummer)) for vraag in VRAGEN],
        doelen=beoordeling.dossier_doelen,
        transities=transities,
        bijlagen=aanvraag.dossier_bijlagen,
        documenten=list(Document.objects.filter(aanvraag=aanvraag).order_by("aangemaakt_op", "id")),
        wijzigingen=wijzigingen,
    )


def dossier_html(dossier: Dossier) -> str:
    return render_to_string("pdf/dossier.html", {
        "dossier": dossier,
        "besluit": dossier.besluit,
        "beoordeling": dossier.beoordeling,
        "aanvraag": dossier.aanvraag,
        "gemeente": dossier.aanvraag.gemeente,
        "briefhoofd": dossier.besluit.verordening.briefhoofd_voor(dossier.aanvraag.gemeente),
        "berekening": documentregels.berekening_weergave(dossier.besluit.berekening),
        "medische_categorieen": MEDISCHE_CATEGORIEEN,
    })


def inhoud_sha256(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


# --- the ZIP: the PDF and the bijlagen themselves ------------------------------------------------------------


class BijlageBeschadigd(Exception):
    """A stored bijlage no longer matches the hash taken at upload: never put it in a dossier."""


def _zipnaam(nummer: int, naam: str) -> str:
    # The name was typed by a user: no directories, no tricks, just a plain file name inside bijlagen/.
    return f"bijlagen/{nummer:02d}-{get_valid_filename(naam.replace('/', '_').replace(chr(92), '_')) or 'bijlage'}"


def _zip_maken(dossier: Dossier, pdf: bytes):
    """The ZIP as a temporary file: the rapport, every bijlage (checked against its SHA-256) and a list of
    contents with the hash of each file, so the archive can be checked without the application."""
    bestand = tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024)
    rapportnaam = f"onderzoeksrapport-{dossier.aanvraag.nummer}.pdf"
    regels = [f"Dossier {dossier.kenmerk}, stand {timezone.localtime(dossier.stand):%d-%m-%Y %H:%M}", "",
              f"{hashlib.sha256(pdf).hexdigest()}  {rapportnaam}"]
    vast = (1980, 1, 1, 0, 0, 0)  # fixed times inside the archive: equal contents give an equal ZIP
    with zipfile.ZipFile(bestand, "w", compression=zipfile.ZIP_STORED) as archief:
        archief.writestr(zipfile.ZipInfo(rapportnaam, vast), pdf)
        for nummer, bijlage in enumerate(dossier.bijlagen, start=1):
            naam = _zipnaam(nummer, bijlage.naam)
            sha = hashlib.sha256()
            with bijlage.bestand.open("rb") as bron, archief.open(zipfile.ZipInfo(naam, vast), "w") as doel:
                while blok := bron.read(1024 * 1024):
                    sha.update(blok)
                    doel.write(blok)
            if sha.hexdigest() != bijlage.sha256:
                raise BijlageBeschadigd(f"Bijlage {bijlage.pk} wijkt af van de opgeslagen SHA-256.")
            regels.append(f"{bijlage.sha256}  {naam}")
        archief.writestr(zipfile.ZipInfo("inhoud.txt", vast), "\n".join(regels) + "\n",
                         compress_type=zipfile.ZIP_DEFLATED)
    return bestand


# --- requests and their delivery ------------------------------------------------------------------------------


def _laatste_levering(besluit: Besluit, variant: str, sha: str) -> Dossierverzoek | None:
    """The latest delivery of exactly this content, whose documents can be handed out again."""
    laatste = (Dossierverzoek.objects.filter(besluit=besluit, variant=variant, rapport__isnull=False)
               .select_related("rapport", "zip").order_by("-geleverd_op", "-id").first())
    return laatste if laatste is not None and laatste.inhoud_sha256 == sha else None


def _leveren(verzoek: Dossierverzoek, *, rapport: Document, zip_: Document | None, sha: str) -> None:
    verzoek.rapport, verzoek.zip, verzoek.inhoud_sha256 = rapport, zip_, sha
    verzoek.geleverd_op = timezone.now()
    verzoek.save(update_fields=["rapport", "zip", "inhoud_sha256", "geleverd_op"])


def dossier_opvragen(*, besluit: Besluit, door) -> Dossierverzoek:
    """Record a request for the dossier of `besluit` (fetched through the user's scope by the caller).

    Staff of the onderzoek get the complete dossier, a werkgever or werknemer the applicant's copy. When
    the dossier has not changed since the last delivery the request is delivered at once; otherwise it is
    rendered by a task after commit. A second click while one is being made returns that one."""
    from .tasks import dossier_maken as taak

    variant = documentregels.variant_voor(door.rol)
    if variant is None:
        raise GeenToestemming("U kunt het onderzoek van deze aanvraag niet opvragen.")
    with transaction.atomic():
        lopend = Dossierverzoek.objects.filter(besluit=besluit, variant=variant, aangevraagd_door=door,
                                               rapport__isnull=True, mislukt_op__isnull=True).first()
        if lopend is not None:
            return lopend
        verzoek = Dossierverzoek.objects.create(besluit=besluit, variant=variant, aangevraagd_door=door)
        sha = inhoud_sha256(dossier_html(dossier_gegevens(besluit_id=besluit.pk, variant=variant)))
        eerder = _laatste_levering(besluit, variant, sha)
        if eerder is not None:
            _leveren(verzoek, rapport=eerder.rapport, zip_=eerder.zip, sha=sha)
        else:
            transaction.on_commit(lambda: taak.delay(verzoek.pk))
    return verzoek


def _volgende_versie(*, besluit: Besluit, soort: str, inhoud, extensie: str = "pdf") -> Document:
    vorige = Document.alle.filter(besluit=besluit, soort=soort).order_by("-versie").first()
    return document_opslaan(aanvraag=besluit.aanvraag, besluit=besluit, soort=soort, inhoud=inhoud,
                            versie=(vorige.versie + 1) if vorige else 1, vervangt=vorige,
                            template_versie=DOSSIER_TEMPLATE_VERSIE, extensie=extensie)


def dossier_maken(*, verzoek_id: int) -> Dossierverzoek:
    """Render and store the requested dossier, once (what tasks.dossier_maken runs).

    Idempotent: the request row is locked and a delivered request is returned as it is, so a retry or a
    duplicate message never makes another version. The besluit is locked too, so two requests for the
    same case render one after the other and the second finds the first's documents (same content) or
    takes the next version number. Files are written before the rows, in this transaction: a crash
    leaves no Document and no delivery, and the retry starts over."""
    from .tasks import dossier_gereed_melden

    with transaction.atomic():
        verzoek = Dossierverzoek.objects.select_for_update().get(pk=verzoek_id)
        if verzoek.is_geleverd:
            return verzoek
        besluit = Besluit.objects.select_for_update().get(pk=verzoek.besluit_id)
        dossier = dossier_gegevens(besluit_id=besluit.pk, variant=verzoek.variant)
        html = dossier_html(dossier)
        sha = inhoud_sha256(html)
        eerder = _laatste_levering(besluit, verzoek.variant, sha)
        if eerder is not None:
            _leveren(verzoek, rapport=eerder.rapport, zip_=eerder.zip, sha=sha)
            return verzoek
        pdf = html_naar_pdf(html)
        rapport = _volgende_versie(besluit=besluit, soort=RAPPORTSOORT[verzoek.variant], inhoud=pdf)
        zip_ = None
        if dossier.volledig:
            with _zip_maken(dossier, pdf) as archief:
                zip_ = _volgende_versie(besluit=besluit, soort=DocumentSoort.DOSSIER_ZIP, inhoud=archief,
                                        extensie="zip")
        _leveren(verzoek, rapport=rapport, zip_=zip_, sha=sha)
        if verzoek.variant == DossierVariant.AANVRAGER:
            transaction.on_commit(lambda: dossier_gereed_melden.delay(verzoek.pk))
    return verzoek


def dossier_mislukt(*, verzoek_id: int) -> None:
    """The task gave up after its retries: the page stops waiting and offers to try again."""
    Dossierverzoek.objects.filter(pk=verzoek_id, rapport__isnull=True).update(mislukt_op=timezone.now())


def dossier_gereed_melden(*, verzoek_id: int) -> int:
    """Tell the applicant that the requested onderzoek is ready: the aanvraag number and a link only."""
    verzoek = Dossierverzoek.objects.select_related("besluit__aanvraag", "aangevraagd_door").get(pk=verzoek_id)
    if not verzoek.aangevraagd_door.email:
        return 0
    nummer = verzoek.besluit.aanvraag.nummer
    link = settings.JCL_BASIS_URL + reverse("beoordeling:dossierverzoek", args=[verzoek.pk])
    tekst = (
        f"Het onderzoeksrapport dat u opvroeg bij aanvraag {nummer} staat klaar.\n\n"
        f"Log in op Jobcoachloket om het te downloaden:\n{link}\n\n"
        "Dit bericht is automatisch verstuurd. U kunt er niet op antwoorden."
    )
    return send_mail(f"Jobcoachloket: onderzoeksrapport bij aanvraag {nummer}", tekst, None,
                     [verzoek.aangevraagd_door.email])


# --- reads for the pages, and the downloads ---------------------------------------------------------------------


def besluit_voor(*, user, pk: int) -> Besluit:
    return get_object_or_404(Besluit.objects.filter(aanvraag__in=zichtbare_aanvragen(user))
                             .select_related("aanvraag"), pk=pk)


def verzoek_voor(*, user, pk: int) -> Dossierverzoek:
    """A request: for the one who made it, and for the staff of the onderzoek."""
    qs = Dossierverzoek.objects.filter(besluit__aanvraag__in=zichtbare_aanvragen(user)).select_related(
        "besluit__aanvraag", "rapport", "zip")
    verzoek = get_object_or_404(qs, pk=pk)
    if verzoek.aangevraagd_door_id != user.pk and user.rol not in documentregels.ONDERZOEK_ROLLEN:
        raise Http404("Verzoek niet gevonden")
    return verzoek


def laatste_verzoek(*, user, besluit: Besluit) -> Dossierverzoek | None:
    """What the user's dossier button shows: his own latest request, or for staff the latest delivered
    complete dossier of the besluit (made by a colleague, downloadable at once)."""
    variant = documentregels.variant_voor(user.rol)
    if variant is None:
        return None
    qs = Dossierverzoek.objects.filter(besluit=besluit, variant=variant).select_related("rapport", "zip")
    eigen = qs.filter(aangevraagd_door=user).order_by("-aangevraagd_op", "-id").first()
    if eigen is not None or variant != DossierVariant.VOLLEDIG:
        return eigen
    return qs.filter(rapport__isnull=False).order_by("-geleverd_op", "-id").first()


def document_voor_download(*, user, pk: int) -> Document:
    """A stored document (letter, beschikking or dossier) the user may have; 404 for anything else, so
    no one learns that a document they may not have exists."""
    document = get_object_or_404(Document.alle.filter(aanvraag__in=zichtbare_aanvragen(user))
                                 .select_related("aanvraag"), pk=pk)
    zelf = (document.soort == documentregels.AFSCHRIFT_AANVRAGER
            and Dossierverzoek.objects.filter(rapport=document, aangevraagd_door=user).exists())
    if not documentregels.mag_downloaden(soort=document.soort, rol=user.rol, zelf_opgevraagd=zelf):
        raise Http404("Document niet gevonden")
    return document


def download_registreren(*, document: Document, door) -> Documentdownload:
    return Documentdownload.objects.create(document=document, door=door)
