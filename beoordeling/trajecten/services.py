"""Writes for trajecten: creating one from a besluit, the jobcoach's reports and their review, the
manual transitions, and the daily monitoring scan."""

import datetime

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from aanvragen.models import Transitie
from aanvragen.transities import GeenToestemming, TransitieFout, voer_uit
from beoordeling.models import Uitkomst

from . import planning
from .models import (
    SYSTEEM_GEBRUIKER,
    Signaal,
    SignaalSoort,
    T,
    Traject,
    Voortgangsrapportage,
)

TOEKENNINGEN = (Uitkomst.TOEKENNING, Uitkomst.GEDEELTELIJKE_TOEKENNING)


def traject_aanmaken(*, besluit) -> Traject | None:
    """The traject a toekenning starts; None for an afwijzing. Idempotent: one traject per besluit."""
    if besluit.uitkomst not in TOEKENNINGEN or not (besluit.startdatum and besluit.einddatum):
        return None
    verordening = besluit.verordening
    uren_per_week = besluit.uren_per_week or 0
    traject, _ = Traject.objects.get_or_create(besluit=besluit, defaults={
        "aanvraag_id": besluit.aanvraag_id,
        "gemeente_id": besluit.aanvraag.gemeente_id,  # a regio verordening has no gemeente of its own
        "jobcoachorganisatie_id": besluit.jobcoachorganisatie_id,
        "jobcoach_id": besluit.jobcoach_id,
        "startdatum": besluit.startdatum,
        "einddatum": besluit.einddatum,
        "uren_per_week": uren_per_week,
        "uren_toegekend": planning.toegekende_uren(uren_per_week, besluit.startdatum, besluit.einddatum),
        "evaluatiefrequentie": verordening.evaluatiefrequentie,
        "volgende_evaluatie": planning.evaluatiemoment(besluit.startdatum, verordening.evaluatiefrequentie, 1),
        "herbeoordeling_vanaf": planning.herbeoordeling_vanaf(besluit.einddatum,
                                                              verordening.herbeoordeling_weken_voor_einde),
    })
    return traject


def systeemgebruiker():
    """The actor of the daily scan in the Transitie log: an inactive account nobody can log in with."""
    from accounts.models import Rol

    gebruiker, _ = get_user_model().objects.get_or_create(
        username=SYSTEEM_GEBRUIKER,
        defaults={"is_active": False, "rol": Rol.FUNCTIONEEL_BEHEERDER, "first_name": "Systeem",
                  "last_name": "(dagelijkse controle)"},
    )
    return gebruiker


# --- jobcoach reports ----------------------------------------------------------------------------


def _periode_start(traject: Traject) -> datetime.date:
    laatste = traject.rapportages.order_by("-periode_einde").values_list("periode_einde", flat=True).first()
    return laatste + datetime.timedelta(days=1) if laatste else traject.startdatum


def rapportage_indienen(*, traject: Traject, door, gegevens: dict) -> Voortgangsrapportage:
    """The report over the period ending at the traject's next evaluation; moves that moment on and
    closes the 'rapportage ontbreekt' signal for it."""
    with transaction.atomic():
        traject = Traject.objects.select_for_update().get(pk=traject.pk)
        if door.jobcoachorganisatie_id is None or door.jobcoachorganisatie_id != traject.jobcoachorganisatie_id:
            raise GeenToestemming("U mag voor dit traject geen rapportage indienen.")
        if traject.status not in (T.LOPEND, T.HERBEOORDELING):
            raise TransitieFout("Een rapportage kan alleen bij een lopend traject worden ingediend.")
        start, einde = _periode_start(traject), traject.volgende_evaluatie
        rapportage = Voortgangsrapportage.objects.create(
            traject=traject, periode_start=start, periode_einde=einde, ingediend_door=door,
            uren_toegekend=planning.toegekende_uren(traject.uren_per_week, start, einde), **gegevens,
        )
        traject.volgende_evaluatie = planning.volgende_evaluatie(traject.startdatum, traject.evaluatiefrequentie,
                                                                 na=einde)
        traject.save(update_fields=["volgende_evaluatie"])
        Signaal.objects.filter(traject=traject, soort=SignaalSoort.RAPPORTAGE_ONTBREEKT, moment=einde).update(
            opgelost=True)
    return rapportage


def rapportage_herzien(*, rapportage: Voortgangsrapportage, door, gegevens: dict) -> Voortgangsrapportage:
    """The jobcoach's answer to 'wijziging gevraagd': the corrected report, back to the klantmanager."""
    with transaction.atomic():
        for veld, waarde in gegevens.items():
            setattr(rapportage, veld, waarde)
        voer_uit(obj=rapportage, transitie="opnieuw_indienen", door=door, aanvraag=rapportage.traject.aanvraag,
                 machine="rapportage")
    return rapportage


def rapportage_accepteren(*, rapportage: Voortgangsrapportage, door) -> Voortgangsrapportage:
    with transaction.atomic():
        return voer_uit(obj=rapportage, transitie="accepteren", door=door, aanvraag=rapportage.traject.aanvraag,
                        machine="rapportage")


def rapportage_wijziging_vragen(*, rapportage: Voortgangsrapportage, door, reden: str) -> Voortgangsrapportage:
    with transaction.atomic():
        return voer_uit(obj=rapportage, transitie="wijziging_vragen", door=door, reden=reden,
                        aanvraag=rapportage.traject.aanvraag, machine="rapportage", args={"reden": reden})


def traject_verlengen(*, traject: Traject, door, einddatum: datetime.date) -> Traject:
    """After a herbeoordeling: the traject runs on to the new end date, with hours for the extra weeks
    and the next herbeoordeling the verordening's weeks before that date."""
    if einddatum <= traject.einddatum:
        raise TransitieFout("De nieuwe einddatum moet na de huidige einddatum liggen.")
    weken = traject.besluit.verordening.herbeoordeling_weken_voor_einde
    args = {"einddatum": einddatum, "herbeoordeling_vanaf": planning.herbeoordeling_vanaf(einddatum, weken),
            "uren_erbij": planning.toegekende_uren(traject.uren_per_week,
                                                   traject.einddatum + datetime.timedelta(days=1), einddatum)}
    with transaction.atomic():
        return voer_uit(obj=traject, transitie="verlengen", door=door, aanvraag=traject.aanvraag,
                        machine="traject", reden=f"Verlengd tot en met {einddatum:%d-%m-%Y}.", args=args)


def traject_afronden(*, traject: Traject, door) -> Traject:
    with transaction.atomic():
        return voer_uit(obj=traject, transitie="afronden", door=door, aanvraag=traject.aanvraag, machine="traject")


def traject_beeindigen(*, traject: Traject, door, reden: str) -> Traject:
    with transaction.atomic():
        return voer_uit(obj=traject, transitie="beeindigen", door=door, aanvraag=traject.aanvraag,
                        machine="traject", reden=reden, args={"reden": reden})


# --- the daily scan ------------------------------------------------------------------------------


def monitoring_scan(peildatum: datetime.date | None = None) -> dict[str, int]:
    """Everything due on or before `peildatum` (so a missed day is caught up on the next run):
    start trajecten whose startdatum came, open herbeoordeling when the verordening's weeks before the
    end are reached, and signal evaluation moments that passed without a report.

    Set-based: three UPDATE/INSERT ... SELECT statements whatever the number of trajecten. Idempotent:
    a moved traject no longer matches its source status, and signals are unique per traject, kind and
    moment (ON CONFLICT DO NOTHING)."""
    peildatum = peildatum or timezone.localdate()
    with transaction.atomic():
        door = systeemgebruiker()
        gestart = _bulk_transitie(transitie="starten", van=T.GEPLAND, naar=T.LOPEND, kolom="startdatum",
                                  peildatum=peildatum, door=door)
        herbeoordeling = _bulk_transitie(transitie="herbeoordeling_openen", van=T.LOPEND, naar=T.HERBEOORDELING,
                                         kolom="herbeoordeling_vanaf", peildatum=peildatum, door=door)
        signalen = _signaleer_ontbrekende_rapportages(peildatum)
    return {"gestart": gestart, "herbeoordeling": herbeoordeling, "rapportage_ontbreekt": signalen}


def _bulk_transitie(*, transitie: str, van: str, naar: str, kolom: str, peildatum, door,
                    in_de_database: bool | None = None) -> int:
    """The set-based equivalent of `voer_uit` for the scan's automatic transitions:
    - lock + concurrency check: one UPDATE ... WHERE status = <van> locks each row and skips any a
      concurrent writer already moved (the row no longer has the source status), just as voer_uit's
      select_for_update + status comparison would refuse it;
    - permission: the actor is the system user, which the transitions' permission admits;
    - condition: the `<kolom> <= peildatum` predicate is the transition's condition (_startdatum_bereikt /
      _herbeoordeling_bereikt), evaluated for the peildatum instead of today;
    - log: exactly the moved rows (RETURNING) get a Transitie row, in the same transaction.
    On PostgreSQL the UPDATE and the log INSERT are one statement (a data-modifying CTE), so no row
    travels to Python: a catch-up over many trajecten stays within the bench's time. Elsewhere (the
    SQLite demo) the moved rows come back and are logged with one bulk_create."""
    if in_de_database is None:
        in_de_database = connection.vendor == "postgresql"
    tabel, log = (connection.ops.quote_name(m._meta.db_table) for m in (Traject, Transitie))
    update = f"UPDATE {tabel} SET status = %s WHERE status = %s AND {kolom} <= %s RETURNING id, aanvraag_id"
    reden = f"Automatisch bij de dagelijkse controle van {peildatum:%d-%m-%Y}."
    with connection.cursor() as cursor:
        if in_de_database:
            cursor.execute(
                f"""WITH verplaatst AS ({update})
                    INSERT INTO {log} (aanvraag_id, machine, object_id, transitie, van, naar, door_id, op, reden)
                    SELECT aanvraag_id, %s, id, %s, %s, %s, %s, %s, %s FROM verplaatst""",
                [naar, van, peildatum, "traject", transitie, van, naar, door.pk, timezone.now(), reden],
            )
            return cursor.rowcount
        cursor.execute(update, [naar, van, peildatum])
        verplaatst = cursor.fetchall()
    Transitie.objects.bulk_create(
        (Transitie(aanvraag_id=aanvraag_id, machine="traject", object_id=pk, transitie=transitie, van=van,
                   naar=naar, door=door, reden=reden) for pk, aanvraag_id in verplaatst),
        batch_size=5000,
    )
    return len(verplaatst)


def _signaleer_ontbrekende_rapportages(peildatum) -> int:
    """One signal per traject whose evaluation moment lies before the peildatum without a report for it.
    Already signalled moments are skipped by the anti-join (cheap on a rerun); ON CONFLICT DO NOTHING keeps
    two concurrent runs from adding a signal twice."""
    q = connection.ops.quote_name
    traject, signaal, rapportage = (q(m._meta.db_table) for m in (Traject, Signaal, Voortgangsrapportage))
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {signaal} (traject_id, soort, moment, aangemaakt_op, opgelost)
                SELECT t.id, %s, t.volgende_evaluatie, %s, %s FROM {traject} t
                WHERE t.status IN (%s, %s) AND t.volgende_evaluatie < %s
                  AND NOT EXISTS (SELECT 1 FROM {rapportage} r
                                  WHERE r.traject_id = t.id AND r.periode_einde = t.volgende_evaluatie)
                  AND NOT EXISTS (SELECT 1 FROM {signaal} s WHERE s.traject_id = t.id AND s.soort = %s
                                  AND s.moment = t.volgende_evaluatie)
                ON CONFLICT (traject_id, soort, moment) DO NOTHING""",
            [SignaalSoort.RAPPORTAGE_ONTBREEKT, timezone.now(), False, T.LOPEND, T.HERBEOORDELING, peildatum,
             SignaalSoort.RAPPORTAGE_ONTBREEKT],
        )
        return cursor.rowcount
