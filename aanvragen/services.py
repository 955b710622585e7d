"""Writes on aanvragen. Views, admin and tasks call these; each is one transaction with its log row.

The Awb deadlines live here too: every service that changes what the beslistermijn depends on
(receipt, an aanvulling request and its end, the verdaging) recomputes the stored
`uiterste_beslisdatum` in the same transaction (`_termijn_bijwerken`).
"""

import datetime
import hashlib

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from accounts.models import Rol, Werkgever
from verordening.models import Gemeente, Verordening
from verordening.selectors import GeenVerordening, verordening_op_datum

from . import bijlagen as bijlage_keuring
from . import termijnen
from .models import (
    Aanvraag,
    AanvraagStatus,
    Aanvrager,
    Bijlage,
    Kanaal,
    Namens,
    Nummerreeks,
    Ondersteuningsvraag,
    Opschorting,
    Verdaging,
    Werkplekfactor,
    mag_concept_bewerken,
)
from .transities import GeenToestemming, TransitieFout, voer_uit

# The fields of the original one-page form (still accepted by aanvraag_concept_opslaan).
AANVRAAG_VELDEN = ("werknemer_naam", "werknemer_bsn", "functie", "contracturen_per_week", "startdatum", "reden")
# Every field an applicant may fill in while the aanvraag is a concept.
CONCEPT_VELDEN = frozenset({
    *AANVRAAG_VELDEN, "gemeente", "namens",
    "werknemer_geboortedatum", "werknemer_adres", "werknemer_postcode", "werknemer_woonplaats",
    "werknemer_email", "werknemer_telefoon",
    "werkgever_naam", "werkgever_kvk", "werkgever_contactpersoon", "werkgever_vestigingsadres",
    "taken", "contractsoort", "contract_einddatum", "loonwaarde_percentage", "loonkostensubsidie",
    "doelgroepregister", "werkgever_doet_al", "interne_werkbegeleider", "voorkeur_jobcoachorganisatie",
})


def vandaag() -> datetime.date:
    """Today's calendar date in Europe/Amsterdam (the zone the Awb terms are counted in)."""
    return timezone.localdate()


# --- concepts ------------------------------------------------------------------------------------------


def _nieuw_concept(door) -> Aanvraag:
    """An unsaved online concept for `door`, prefilled with what the account tells us."""
    aanvraag = Aanvraag(aangemaakt_door=door, kanaal=Kanaal.ONLINE)
    if door.rol == Rol.WERKGEVER:
        aanvraag.aanvrager = Aanvrager.WERKGEVER
        werkgever = door.werkgever
        aanvraag.werkgever = werkgever
        if werkgever is not None:
            aanvraag.werkgever_naam = werkgever.naam
            aanvraag.werkgever_kvk = werkgever.kvk_nummer
            aanvraag.werkgever_vestigingsadres = werkgever.vestigingsadres
            aanvraag.werkgever_contactpersoon = door.get_full_name()
    elif door.rol == Rol.WERKNEMER:
        aanvraag.aanvrager = Aanvrager.WERKNEMER
        aanvraag.werknemer_bsn = door.bsn
        aanvraag.werknemer_naam = door.get_full_name()
        aanvraag.werknemer_email = door.email
    elif door.rol == Rol.JOBCOACH:
        aanvraag.aanvrager = Aanvrager.JOBCOACHORGANISATIE
        aanvraag.jobcoachorganisatie = door.jobcoachorganisatie
        aanvraag.voorkeur_jobcoachorganisatie = door.jobcoachorganisatie
    else:
        raise GeenToestemming("Alleen een werkgever, werknemer of jobcoach kan online een aanvraag doen.")
    return aanvraag


def leeg_concept(door) -> Aanvraag:
    """An unsaved concept for `door`: what the first step of the form starts from (nothing is written)."""
    return _nieuw_concept(door)


def _controleer_concept(aanvraag: Aanvraag, door) -> None:
    if aanvraag.status != AanvraagStatus.CONCEPT:
        raise TransitieFout("Een ingediende aanvraag kan niet meer worden gewijzigd.")
    if not mag_concept_bewerken(aanvraag, door):
        raise GeenToestemming("U mag deze aanvraag niet wijzigen.")


def aanvraag_concept_opslaan(
    *,
    door,
    gegevens: dict,
    gemeente: Gemeente | None = None,
    aanvraag: Aanvraag | None = None,
    ondersteuningsvragen: list[tuple[str, str, str]] | None = None,
    werkplekfactoren: list[tuple[str, str, str]] | None = None,
    invoer_sleutel=None,
) -> Aanvraag:
    """Create or update a concept with the fields in `gegevens` (and only those).

    Every step of the form calls this, also with the valid part of a step that has errors, so nothing
    typed is lost. `ondersteuningsvragen` (domein, code, tekst) and `werkplekfactoren` (factor, invloed,
    tekst), when given, replace the concept's rows.
    """
    onbekend = set(gegevens) - CONCEPT_VELDEN
    if onbekend:
        raise ValueError(f"Geen velden van een concept: {sorted(onbekend)}")
    if aanvraag is None and invoer_sleutel is not None:
        # The same first step sent twice (double click, back and resend): continue that concept.
        aanvraag = Aanvraag.objects.filter(invoer_sleutel=invoer_sleutel, aangemaakt_door=door).first()
    nieuw = aanvraag is None
    if nieuw:
        aanvraag = _nieuw_concept(door)
        aanvraag.invoer_sleutel = invoer_sleutel
    else:
        _controleer_concept(aanvraag, door)
    if gemeente is not None:
        gegevens = {**gegevens, "gemeente": gemeente}
    for veld, waarde in gegevens.items():
        setattr(aanvraag, veld, waarde)
    with transaction.atomic():
        if nieuw:
            try:
                with transaction.atomic():
                    aanvraag.save()
            except IntegrityError:
                # Two requests with the same invoer_sleutel at once: the other one created it.
                aanvraag = Aanvraag.objects.get(invoer_sleutel=invoer_sleutel, aangemaakt_door=door)
                _controleer_concept(aanvraag, door)
                for veld, waarde in gegevens.items():
                    setattr(aanvraag, veld, waarde)
                nieuw = False
        if not nieuw:
            # Only this step's fields: a second tab on another step never overwrites them.
            aanvraag.save(update_fields=[*gegevens, "gewijzigd_op"])
        if ondersteuningsvragen is not None:
            aanvraag.ondersteuningsvragen.all().delete()
            Ondersteuningsvraag.objects.bulk_create(
                Ondersteuningsvraag(aanvraag=aanvraag, domein=d, code=c, tekst=t) for d, c, t in ondersteuningsvragen
            )
        if werkplekfactoren is not None:
            aanvraag.werkplekfactoren.all().delete()
            Werkplekfactor.objects.bulk_create(
                Werkplekfactor(aanvraag=aanvraag, factor=f, invloed=i, tekst=t) for f, i, t in werkplekfactoren
            )
    return aanvraag


def aanvraag_registratie_starten(
    *, door, gemeente: Gemeente, kanaal: str, ontvangen_op: datetime.date, aanvrager: str,
    jobcoachorganisatie=None, namens: str = "",
) -> Aanvraag:
    """A klantmanager registers a request received by phone or letter: a concept he fills in with the
    same steps as the online form, with the date of receipt he entered."""
    if door.rol != Rol.KLANTMANAGER or gemeente.pk not in door.gemeente_ids():
        raise GeenToestemming("Alleen een klantmanager van de gemeente kan een aanvraag registreren.")
    if kanaal == Kanaal.ONLINE:
        raise TransitieFout("Een online aanvraag dient de aanvrager zelf in.")
    if ontvangen_op > vandaag():
        raise TransitieFout("De datum van ontvangst ligt in de toekomst.")
    jco = aanvrager == Aanvrager.JOBCOACHORGANISATIE
    return Aanvraag.objects.create(
        aangemaakt_door=door, gemeente=gemeente, kanaal=kanaal, ontvangen_op=ontvangen_op, aanvrager=aanvrager,
        jobcoachorganisatie=jobcoachorganisatie if jco else None, namens=namens if jco else "",
    )


# --- bijlagen -------------------------------------------------------------------------------------------


def _opslaan_bijlage(*, aanvraag: Aanvraag, door, bestand, gekeurd, opschorting=None) -> Bijlage:
    sha = hashlib.sha256()
    for stuk in bestand.chunks():
        sha.update(stuk)
    bestand.seek(0)
    bijlage = Bijlage(aanvraag=aanvraag, opschorting=opschorting, naam=gekeurd.naam, soort=gekeurd.soort.code,
                      grootte=gekeurd.grootte, sha256=sha.hexdigest(), geupload_door=door)
    bijlage.bestand.save(gekeurd.naam, bestand, save=False)
    bijlage.save()
    return bijlage


def _keur_bestanden(aanvraag: Aanvraag, bestanden) -> list:
    """Judge all files before any is stored; the first refusal raises BijlageGeweigerd. Run under the
    aanvraag's row lock so two uploads at once cannot pass the total together."""
    al = aanvraag.bijlagen.aggregate(totaal=Sum("grootte"))["totaal"] or 0
    gekeurd = []
    for bestand in bestanden:
        uitslag = bijlage_keuring.keur(bestand, naam=bestand.name, grootte=bestand.size, al_geupload=al)
        al += uitslag.grootte
        gekeurd.append((bestand, uitslag))
    return gekeurd


def bijlage_toevoegen(*, aanvraag: Aanvraag, door, bestand) -> Bijlage:
    """Add a bijlage to a concept. Raises BijlageGeweigerd (Dutch reason) for a refused file."""
    _controleer_concept(aanvraag, door)
    with transaction.atomic():
        Aanvraag.objects.select_for_update().only("id").get(pk=aanvraag.pk)
        [(bestand, gekeurd)] = _keur_bestanden(aanvraag, [bestand])
        return _opslaan_bijlage(aanvraag=aanvraag, door=door, bestand=bestand, gekeurd=gekeurd)


def bijlage_verwijderen(*, bijlage: Bijlage, door) -> None:
    _controleer_concept(bijlage.aanvraag, door)
    bestand = bijlage.bestand
    with transaction.atomic():
        bijlage.delete()
        transaction.on_commit(lambda: bestand.storage.delete(bestand.name))


# --- submitting ------------------------------------------------------------------------------------------


def _volgend_nummer(*, gemeente: Gemeente, jaar: int) -> str:
    Nummerreeks.objects.get_or_create(gemeente=gemeente, jaar=jaar)
    reeks = Nummerreeks.objects.select_for_update().get(gemeente=gemeente, jaar=jaar)
    reeks.laatste += 1
    reeks.save(update_fields=["laatste"])
    return f"{gemeente.nummer_code}-{jaar}-{reeks.laatste:05d}"


def _verordening(aanvraag: Aanvraag, datum: datetime.date) -> Verordening:
    try:
        return verordening_op_datum(gemeente=aanvraag.gemeente, datum=datum)
    except GeenVerordening as exc:
        raise TransitieFout(str(exc)) from exc


def _werkgever_koppelen(aanvraag: Aanvraag) -> None:
    """When the werkgever applies (itself, or through a jobcoachorganisatie), link its Werkgever by
    KvK-nummer so its users follow the case. A werknemer's own aanvraag is not shown to the
    werkgever he named: that would let anyone who types a KvK-nummer show a BSN to a company."""
    voor_werkgever = aanvraag.aanvrager == Aanvrager.WERKGEVER or (
        aanvraag.aanvrager == Aanvrager.JOBCOACHORGANISATIE and aanvraag.namens == Namens.WERKGEVER
    )
    if aanvraag.werkgever_id or not voor_werkgever or not aanvraag.werkgever_kvk:
        return
    aanvraag.werkgever, _ = Werkgever.objects.get_or_create(
        kvk_nummer=aanvraag.werkgever_kvk,
        defaults={"naam": aanvraag.werkgever_naam, "vestigingsadres": aanvraag.werkgever_vestigingsadres},
    )


def aanvraag_indienen(*, aanvraag: Aanvraag, door) -> Aanvraag:
    """Submit a concept: it gets its number, date of receipt and beslistermijn, and after commit the
    ontvangstbevestiging (PDF + e-mail) is made.

    A concept registered by a klantmanager (phone, letter) keeps the date of receipt he entered.
    Submitting an already submitted aanvraag again (double click, back button) changes nothing.
    """
    from .tasks import ontvangstbevestiging_maken

    with transaction.atomic():
        actueel = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
        if actueel.status != AanvraagStatus.CONCEPT:
            return actueel
        ontbreekt = actueel.ontbrekend_voor_indienen()
        if ontbreekt:
            raise TransitieFout("De aanvraag is nog niet compleet: " + ", ".join(ontbreekt) + " ontbreekt.")
        online = actueel.kanaal == Kanaal.ONLINE
        ontvangen = vandaag() if online else actueel.ontvangen_op
        verordening = _verordening(actueel, ontvangen)
        _werkgever_koppelen(actueel)
        nummer = _volgend_nummer(gemeente=actueel.gemeente, jaar=ontvangen.year)
        if online:
            args = {"ontvangen_op": ontvangen, "nummer": nummer, "beslistermijn_weken": verordening.beslistermijn_weken}
            voer_uit(obj=actueel, transitie="indienen", door=door, aanvraag=actueel, machine="aanvraag", args=args)
        else:
            voer_uit(obj=actueel, transitie="registreren", door=door, aanvraag=actueel, machine="aanvraag",
                     reden=f"{actueel.get_kanaal_display()} ontvangen op {termijnen.nl_datum(ontvangen)}.",
                     args={"nummer": nummer, "beslistermijn_weken": verordening.beslistermijn_weken})
        _termijn_bijwerken(actueel)
        transaction.on_commit(lambda: ontvangstbevestiging_maken.delay(actueel.pk))
    return actueel


# --- the Awb deadlines ----------------------------------------------------------------------------------------


def _termijn_bijwerken(aanvraag: Aanvraag) -> None:
    """Recompute the stored uiterste beslisdatum from receipt, opschortingen and verdaging."""
    verse = (
        Aanvraag.objects.select_related("verdaging").prefetch_related("opschortingen").get(pk=aanvraag.pk)
    )
    termijn = verse.beslistermijn()
    aanvraag.uiterste_beslisdatum = termijn.einde if termijn else None
    Aanvraag.objects.filter(pk=aanvraag.pk).update(uiterste_beslisdatum=aanvraag.uiterste_beslisdatum)


def aanvraag_termijn_bijwerken(*, aanvraag: Aanvraag) -> Aanvraag:
    """Recompute the stored uiterste beslisdatum (after a data correction, or in demo data)."""
    with transaction.atomic():
        _termijn_bijwerken(aanvraag)
    return aanvraag


def aanvraag_in_behandeling_nemen(*, aanvraag: Aanvraag, door) -> Aanvraag:
    """The klantmanager takes the case; the first round of the onderzoek starts in beeldvorming."""
    from beoordeling.models import Beoordeling

    with transaction.atomic():
        voer_uit(obj=aanvraag, transitie="in_behandeling_nemen", door=door, aanvraag=aanvraag,
                 machine="aanvraag", args={"behandelaar": door})
        Beoordeling.objects.create(aanvraag=aanvraag, ronde=1)
    return aanvraag


def aanvraag_intrekken(*, aanvraag: Aanvraag, door, reden: str = "") -> Aanvraag:
    with transaction.atomic():
        voer_uit(obj=aanvraag, transitie="intrekken", door=door, aanvraag=aanvraag, machine="aanvraag", reden=reden)
    return aanvraag


def aanvraag_aanvulling_vragen(*, aanvraag: Aanvraag, door, wat_ontbreekt: str) -> Opschorting:
    """Awb 4:5 and 4:15: ask for what is missing with a hersteltermijn; the beslistermijn is suspended
    from the next day. The letter is made after commit."""
    from .tasks import aanvullingsbrief_maken

    if not wat_ontbreekt.strip():
        raise TransitieFout("Geef aan welke gegevens ontbreken.")
    with transaction.atomic():
        voer_uit(obj=aanvraag, transitie="aanvulling_vragen", door=door, aanvraag=aanvraag,
                 machine="aanvraag", reden=wat_ontbreekt)
        verzonden = vandaag()
        weken = _verordening(aanvraag, aanvraag.ontvangen_op).hersteltermijn_weken
        opschorting = Opschorting.objects.create(
            aanvraag=aanvraag, verzocht_op=verzonden, verzocht_door=door, wat_ontbreekt=wat_ontbreekt.strip(),
            hersteltermijn_einde=termijnen.hersteltermijn_einde(verzonden, weken),
            start=verzonden + datetime.timedelta(days=1),
        )
        _termijn_bijwerken(aanvraag)
        transaction.on_commit(lambda: aanvullingsbrief_maken.delay(opschorting.pk))
    return opschorting


def _lopende_opschorting(aanvraag: Aanvraag) -> Opschorting:
    opschorting = Opschorting.objects.select_for_update().filter(aanvraag=aanvraag, eind__isnull=True).first()
    if opschorting is None:
        raise TransitieFout("Er staat geen verzoek om aanvulling open.")
    return opschorting


def aanvraag_aanvullen(*, aanvraag: Aanvraag, door, toelichting: str = "", bestanden=()) -> Aanvraag:
    """The applicant (or the klantmanager, for a paper aanvulling) supplies what was asked: files and/or
    a note. The beslistermijn runs again from today, or from the day after the hersteltermijn if that
    passed already (4:15: the suspension ends when the term lapses unused)."""
    bestanden = list(bestanden)
    if not toelichting.strip() and not bestanden:
        raise TransitieFout("Voeg een bestand toe of schrijf in de toelichting wat u aanvult.")
    with transaction.atomic():
        Aanvraag.objects.select_for_update().only("id").get(pk=aanvraag.pk)
        gekeurd = _keur_bestanden(aanvraag, bestanden)
        voer_uit(obj=aanvraag, transitie="aanvulling_ontvangen", door=door, aanvraag=aanvraag,
                 machine="aanvraag", reden=toelichting.strip())
        opschorting = _lopende_opschorting(aanvraag)
        dag = vandaag()
        opschorting.aangevuld_op = dag
        opschorting.eind = min(dag, opschorting.hersteltermijn_einde + datetime.timedelta(days=1))
        opschorting.toelichting_aanvulling = toelichting.strip()
        opschorting.save(update_fields=["aangevuld_op", "eind", "toelichting_aanvulling"])
        for bestand, uitslag in gekeurd:
            _opslaan_bijlage(aanvraag=aanvraag, door=door, bestand=bestand, gekeurd=uitslag, opschorting=opschorting)
        _termijn_bijwerken(aanvraag)
    return aanvraag


def aanvraag_buiten_behandeling_stellen(*, aanvraag: Aanvraag, door, reden: str) -> Aanvraag:
    """Awb 4:5: only after the hersteltermijn passed without the missing information. The besluit is
    sent as a letter (with the bezwaarclausule), made after commit."""
    from .tasks import buiten_behandeling_brief_maken

    if not reden.strip():
        raise TransitieFout("Geef de reden van het buiten behandeling stellen.")
    lopend = aanvraag.lopende_opschorting()
    if lopend is not None and vandaag() <= lopend.hersteltermijn_einde:
        raise TransitieFout(
            f"De hersteltermijn loopt nog tot en met {termijnen.nl_datum(lopend.hersteltermijn_einde)}. Pas daarna "
            "kunt u de aanvraag buiten behandeling stellen (artikel 4:5 Awb)."
        )
    with transaction.atomic():
        voer_uit(obj=aanvraag, transitie="buiten_behandeling_stellen", door=door, aanvraag=aanvraag,
                 machine="aanvraag", reden=reden)
        opschorting = _lopende_opschorting(aanvraag)
        opschorting.eind = opschorting.hersteltermijn_einde + datetime.timedelta(days=1)
        opschorting.save(update_fields=["eind"])
        _termijn_bijwerken(aanvraag)
        transaction.on_commit(lambda: buiten_behandeling_brief_maken.delay(aanvraag.pk))
    return aanvraag


def verdaging_mogelijk(aanvraag: Aanvraag, op: datetime.date) -> str:
    """Why the beslistermijn cannot be extended on `op` ("" when it can): once only, and announced
    within the running term (Awb 4:14 lid 3)."""
    if aanvraag.verdaging_of_none() is not None:
        return "De beslistermijn is al eens verdaagd; de wet staat één verdaging toe (artikel 4:14 Awb)."
    if not aanvraag.ontvangen_op or not aanvraag.beslistermijn_weken:
        return "Deze aanvraag heeft nog geen beslistermijn."
    # A request still open counts until `op` (the day of the notice), as the Awb counts it.
    opschortingen = [termijnen.Opschorting(o.start, o.eind) for o in aanvraag.opschortingen.all()]
    if not termijnen.verdaging_tijdig(aanvraag.ontvangen_op, op, aanvraag.beslistermijn_weken, opschortingen,
                                      peildatum=op):
        einde = termijnen.beslistermijn_einde(aanvraag.ontvangen_op, aanvraag.beslistermijn_weken, opschortingen,
                                              peildatum=op)
        return (f"De beslistermijn is op {termijnen.nl_datum(einde)} verstreken. Verdagen kan alleen binnen de "
                "lopende termijn (artikel 4:14, derde lid, Awb).")
    return ""


def aanvraag_verdagen(*, aanvraag: Aanvraag, door, weken: int, reden: str) -> Verdaging:
    """Awb 4:14 lid 3: extend the beslistermijn once, with a reason and a letter to the applicant."""
    from .tasks import verdagingsbrief_maken

    if not reden.strip():
        raise TransitieFout("Geef de reden van de verdaging; die staat in de brief aan de aanvrager.")
    if not 1 <= weken <= 8:
        raise TransitieFout("Verdaag met ten minste 1 en hoogstens 8 weken.")
    with transaction.atomic():
        gemeld = vandaag()
        if aanvraag.status in (s.value for s in (AanvraagStatus.INGEDIEND, AanvraagStatus.IN_BEHANDELING,
                                                 AanvraagStatus.AANVULLING_GEVRAAGD)):
            waarom_niet = verdaging_mogelijk(aanvraag, gemeld)
            if waarom_niet:
                raise TransitieFout(waarom_niet)
        voer_uit(obj=aanvraag, transitie="verdagen", door=door, aanvraag=aanvraag, machine="aanvraag",
                 reden=f"Met {weken} {'week' if weken == 1 else 'weken'}: {reden.strip()}")
        verdaging = Verdaging.objects.create(aanvraag=aanvraag, gemeld_op=gemeld, weken=weken, reden=reden.strip(),
                                             door=door)
        _termijn_bijwerken(aanvraag)
        transaction.on_commit(lambda: verdagingsbrief_maken.delay(verdaging.pk))
    return verdaging
