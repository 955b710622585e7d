"""Writes on verordening versions and the register of jobcoachorganisaties. Each write is one transaction.

A version is a concept until it is published; a published version is read-only (the model refuses
changes), so a correction is always a new version copied from the current one.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django_fsm import can_proceed, has_transition_perm

from . import regels as regelmodule
from .models import (
    Gemeente,
    Jobcoachorganisatie,
    Keurmerkregistratie,
    Regio,
    Verordening,
    VersieOnwijzigbaar,
    VersieStatus,
)
from .selectors import mag_beheren


class VerordeningFout(Exception):
    """A write that may not happen; `meldingen` are Dutch sentences shown to the user."""

    def __init__(self, meldingen: list[str] | str):
        self.meldingen = [meldingen] if isinstance(meldingen, str) else list(meldingen)
        super().__init__(" ".join(self.meldingen))


class GelijktijdigGewijzigd(VerordeningFout):
    pass


# Fields a concept copies from its predecessor and the beheer form edits.
KOPIEER_VELDEN = (*regelmodule.REGEL_VELDEN, "doelgroep_toelichting", "evaluatiefrequentie",
                  "herbeoordeling_weken_voor_einde", "beslistermijn_weken", "hersteltermijn_weken",
                  "briefhoofd_naam", "logo", "artikel_persoonlijke_ondersteuning", "ondertekenaar_functie",
                  "bezwaar_adres")
BEWERK_VELDEN = ("naam", "geldig_van", "geldig_tot", *KOPIEER_VELDEN)


def versie_token(verordening: Verordening) -> str:
    """The version of a concept a user started editing; a mismatch on save means someone else saved."""
    return verordening.gewijzigd_op.isoformat()


def _controleer_beheer(door, verordening: Verordening) -> None:
    if not mag_beheren(door, verordening):
        raise PermissionDenied("U beheert de verordening van deze gemeente of regio niet.")


def _voorganger(*, gemeente: Gemeente | None, regio: Regio | None, vandaag: datetime.date) -> Verordening | None:
    """The version a new concept starts from: the one in force today, else the newest published one."""
    eigen = Verordening.objects.filter(gemeente=gemeente, regio=regio, status=VersieStatus.GEPUBLICEERD)
    in_force = eigen.filter(Q(geldig_van__lte=vandaag) & (Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=vandaag)))
    return in_force.order_by("-geldig_van").first() or eigen.order_by("-geldig_van").first()


def _voorgestelde_ingang(voorganger: Verordening | None, vandaag: datetime.date) -> datetime.date:
    """The day after the predecessor ends, else 1 January of next year: a starting point the user edits."""
    if voorganger and voorganger.geldig_tot:
        return max(voorganger.geldig_tot + datetime.timedelta(days=1), vandaag)
    return datetime.date(vandaag.year + 1, 1, 1)


def verordening_concept_maken(*, door, gemeente: Gemeente | None = None, regio: Regio | None = None) -> Verordening:
    """A new concept version for a gemeente or regio, copied from its current version (or the defaults)."""
    if (gemeente is None) == (regio is None):
        raise ValueError("Geef een gemeente of een regio, niet beide.")
    vandaag = timezone.localdate()
    with transaction.atomic():
        voorganger = _voorganger(gemeente=gemeente, regio=regio, vandaag=vandaag)
        concept = Verordening(gemeente=gemeente, regio=regio, status=VersieStatus.CONCEPT, afgeleid_van=voorganger)
        _controleer_beheer(door, concept)
        if voorganger:
            for veld in KOPIEER_VELDEN:
                # The logo by file name: the FieldFile object belongs to the predecessor.
                setattr(concept, veld, voorganger.logo.name if veld == "logo" else getattr(voorganger, veld))
            concept.naam = f"{voorganger.naam} (nieuwe versie)"[:200]
        else:
            eigenaar = gemeente or regio
            concept.naam = f"Re-integratieverordening Participatiewet {eigenaar.naam}"
            concept.bezwaar_adres = f"Het college van burgemeester en wethouders\n{eigenaar.naam}"
        concept.geldig_van = _voorgestelde_ingang(voorganger, vandaag)
        concept.geldig_tot = None
        concept.save()
    return concept


def verordening_concept_opslaan(
    *, verordening: Verordening, door, gegevens: dict[str, Any], versie: str
) -> Verordening:
    """Save the beheer form into a concept. Published versions and stale forms are refused."""
    _controleer_beheer(door, verordening)
    with transaction.atomic():
        actueel = Verordening.objects.select_for_update().get(pk=verordening.pk)
        if actueel.status != VersieStatus.CONCEPT:
            raise VersieOnwijzigbaar(
                "Deze versie is gepubliceerd en kan niet meer worden gewijzigd. Maak een nieuwe versie."
            )
        if versie_token(actueel) != versie:
            raise GelijktijdigGewijzigd(
                "Iemand anders heeft deze versie opgeslagen nadat u haar opende. Uw wijzigingen zijn niet "
                "opgeslagen maar staan hieronder nog; vergelijk ze met de actuele versie en sla opnieuw op."
            )
        schoon = regelmodule.normaliseer({veld: gegevens.get(veld) for veld in BEWERK_VELDEN if veld in gegevens})
        for veld, waarde in schoon.items():
            if veld == "logo":
                if waarde is None:
                    continue  # no new file uploaded: keep the current logo
                waarde = waarde or ""  # False: the user ticked "wissen"
            if veld in BEWERK_VELDEN:
                setattr(actueel, veld, waarde)
        _valideer(actueel)
        actueel.save()
    return actueel


def _valideer(verordening: Verordening) -> None:
    try:
        verordening.full_clean(exclude=["gepubliceerd_door", "afgeleid_van"])
    except ValidationError as exc:
        raise VerordeningFout([m for lijst in exc.message_dict.values() for m in lijst]) from exc


def verordening_publiceren(*, verordening: Verordening, door) -> Verordening:
    """Publish a concept: validate, refuse overlap with published versions, close an open predecessor.

    Publications for one gemeente or regio are serialised by locking its row. A new version may not begin
    on or before a day on which an aanvraag was already received under the versions it would replace:
    that aanvraag keeps the version of its date of receipt.
    """
    with transaction.atomic():
        _vergrendel_eigenaar(verordening)
        actueel = (Verordening.objects.select_for_update(of=("self",))
                   .select_related("gemeente", "regio").get(pk=verordening.pk))
        if actueel.status != VersieStatus.CONCEPT:
            raise VerordeningFout("Deze versie is al gepubliceerd.")
        if not has_transition_perm(actueel.publiceren, door):
            raise PermissionDenied("U beheert de verordening van deze gemeente of regio niet.")
        _valideer(actueel)
        te_sluiten = _controleer_overlap(actueel)
        _controleer_ontvangen_aanvragen(actueel)
        for voorganger in te_sluiten:
            voorganger.geldig_tot = actueel.geldig_van - datetime.timedelta(days=1)
            voorganger.save(update_fields=["geldig_tot", "gewijzigd_op"])
        assert can_proceed(actueel.publiceren)
        actueel.publiceren(door=door, op=timezone.now())
        actueel.save()
    return actueel


def _vergrendel_eigenaar(verordening: Verordening) -> None:
    if verordening.gemeente_id:
        Gemeente.objects.select_for_update().get(pk=verordening.gemeente_id)
    else:
        Regio.objects.select_for_update().get(pk=verordening.regio_id)


def _periode(v: Verordening) -> str:
    tot = f"tot en met {v.geldig_tot:%d-%m-%Y}" if v.geldig_tot else "zonder einddatum"
    return f"van {v.geldig_van:%d-%m-%Y} {tot}"


def _controleer_overlap(nieuw: Verordening) -> list[Verordening]:
    """The published versions the new one overlaps. Only an open-ended earlier one may be closed."""
    gepubliceerd = Verordening.objects.select_for_update().filter(
        gemeente_id=nieuw.gemeente_id, regio_id=nieuw.regio_id, status=VersieStatus.GEPUBLICEERD
    ).exclude(pk=nieuw.pk)
    eind = nieuw.geldig_tot or datetime.date.max
    te_sluiten, meldingen = [], []
    for oud in gepubliceerd.order_by("geldig_van"):
        if oud.geldig_van > eind or (oud.geldig_tot and oud.geldig_tot < nieuw.geldig_van):
            continue  # no overlap
        if oud.geldig_tot is None and oud.geldig_van < nieuw.geldig_van:
            te_sluiten.append(oud)  # the open-ended predecessor ends the day before the new version
            continue
        advies = (f" Laat deze versie eindigen vóór {oud.geldig_van:%d-%m-%Y}." if oud.geldig_van > nieuw.geldig_van
                  else " Kies een latere ingangsdatum.")
        meldingen.append(
            f"De periode ({_periode(nieuw)}) overlapt met de gepubliceerde versie '{oud.naam}' ({_periode(oud)}); "
            f"een gepubliceerde versie wordt niet gewijzigd.{advies}"
        )
    if meldingen:
        raise VerordeningFout(meldingen)
    return te_sluiten


def _controleer_ontvangen_aanvragen(nieuw: Verordening) -> None:
    from aanvragen.models import Aanvraag

    if nieuw.gemeente_id:
        aanvragen = Aanvraag.objects.filter(gemeente_id=nieuw.gemeente_id)
    else:
        aanvragen = Aanvraag.objects.filter(gemeente__regio_id=nieuw.regio_id)
    aanvragen = aanvragen.filter(ontvangen_op__gte=nieuw.geldig_van)
    if nieuw.geldig_tot:
        aanvragen = aanvragen.filter(ontvangen_op__lte=nieuw.geldig_tot)
    laatste = aanvragen.aggregate(laatste=Max("ontvangen_op"))["laatste"]
    if laatste:
        raise VerordeningFout(
            f"Op of na {nieuw.geldig_van:%d-%m-%Y} zijn al aanvragen ontvangen (de laatste op {laatste:%d-%m-%Y}); "
            "die blijven onder de versie die toen gold. Laat deze versie op zijn vroegst ingaan op "
            f"{laatste + datetime.timedelta(days=1):%d-%m-%Y}."
        )


def verordening_concept_verwijderen(*, verordening: Verordening, door) -> None:
    _controleer_beheer(door, verordening)
    with transaction.atomic():
        actueel = Verordening.objects.select_for_update().get(pk=verordening.pk)
        if actueel.status != VersieStatus.CONCEPT:
            raise VersieOnwijzigbaar("Een gepubliceerde versie kan niet worden verwijderd.")
        actueel.delete()


# --------------------------------------------------------------------------------------------------
# The register of jobcoachorganisaties: one register for all gemeenten, kept by functioneel beheerders.
# A renewed keurmerk is a new registration (its history stays); the longest-running one counts.


def _controleer_registerbeheer(door) -> None:
    from accounts.models import Rol

    if door.rol != Rol.FUNCTIONEEL_BEHEERDER:
        raise PermissionDenied("Alleen een functioneel beheerder houdt het register bij.")


def jobcoachorganisatie_registreren(*, door, naam: str, kvk_nummer: str) -> Jobcoachorganisatie:
    _controleer_registerbeheer(door)
    with transaction.atomic():
        organisatie = Jobcoachorganisatie(naam=naam, kvk_nummer=kvk_nummer)
        organisatie.full_clean()
        organisatie.save()
    return organisatie


def keurmerk_registreren(*, door, organisatie: Jobcoachorganisatie, keurmerk: str, registratienummer: str = "",
                         geldig_van: datetime.date | None = None,
                         geldig_tot: datetime.date | None = None) -> Keurmerkregistratie:
    _controleer_registerbeheer(door)
    with transaction.atomic():
        registratie = Keurmerkregistratie(organisatie=organisatie, keurmerk=keurmerk,
                                          registratienummer=registratienummer, geldig_van=geldig_van,
                                          geldig_tot=geldig_tot)
        registratie.full_clean()
        registratie.save()
    return registratie
