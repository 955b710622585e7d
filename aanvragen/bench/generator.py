"""Generated load data: 342 gemeenten and up to millions of aanvragen, written with COPY.

One function per model family. The national part (regio's, gemeenten, verordeningen,
jobcoachorganisaties, staff, werkgevers) is written first; then every case is planned
(`spreiding.plan_zaak`), the cases are put in the order they were created — so one gemeente's
rows lie spread over the table as in production — and written in chunks, one transaction each:
werknemers, aanvragen, beoordelingen, besluiten, documenten, transities.

Generated rows are recognisable, so `reset` removes only them: gemeenten with a CBS-like code
GM2001 to GM2342, users named "load.…", werkgevers whose KvK-nummer starts with 9 and
jobcoachorganisaties whose KvK-nummer starts with 8. To extend the data set for a new model, add a function here and call it from
`_schrijf_zaken` (per case) or `genereer` (national), and a column list that `Tabel` checks.
"""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
import os
import hashlib
import random
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import Count

from aanvragen import termijnen
from aanvragen.models import Aanvraag, Nummerreeks, Ondersteuningsvraag, Opschorting, Transitie, Werkplekfactor
from accounts.models import Rol, User, Werkgever
from beoordeling.models import (
    Beoordeling,
    Besluit,
    Coachingsdoel,
    Document,
    DocumentSoort,
    IcfFactor,
    Knelpunt,
    LeidraadAntwoord,
    Oplossing,
)
from verordening.engine import einde_termijn
from verordening.models import Gemeente, Jobcoachorganisatie, Regio, Verordening

from . import namen
from . import spreiding as sp
from .schrijver import Jsonb, Tabel, bulkmodus, json_waarde, reserveer_ids
from .voortgang import Voortgang

WACHTWOORD = "Jobcoach-Bench-2026"
USER_PREFIX = "load."
CBS_PREFIX = "GM2"
KVK_WERKGEVER = "9"
KVK_JOBCOACH = "8"
REGIO_PREFIX = "Arbeidsmarktregio "
CHUNK = 25_000
VERORDENING_VERSIES = ((dt.date(2019, 1, 1), dt.date(2023, 12, 31)), (dt.date(2024, 1, 1), None))
KANS_WERKNEMER_AANVRAGER = 0.18
KANALEN = (("online", 0.90), ("brief", 0.06), ("telefoon", 0.04))
UREN = tuple(Decimal(u) for u in ("12", "16", "20", "24", "24", "28", "32", "32", "36", "38", "40"))
UREN_COACHING = tuple(Decimal(u) for u in ("1", "1.5", "2", "2", "2.5", "3", "4"))
DUUR_MAANDEN = (6, 12, 12, 12, 24)
DOCUMENT_PAD = "documenten/load/voorbeeldbeschikking.pdf"
ONDERZOEK_VANAF = dt.date(2025, 1, 1)  # structured onderzoek rows for cases received since
FASEN = ("beeldvorming", "oordeelsvorming", "besluitvorming", "ter_ondertekening", "vastgesteld")


@dataclass(slots=True)
class GemeenteRef:
    """What the case generator needs to know about one generated gemeente."""

    id: int
    naam: str
    cbs_code: str
    regio: int  # index of its regio
    aantal: int  # number of cases to generate
    verordeningen: list[tuple[int, dt.date, dt.date | None, int]] = field(default_factory=list)
    jobcoachorganisaties: list[int] = field(default_factory=list)
    klantmanagers: list[int] = field(default_factory=list)
    arbeidsdeskundigen: list[int] = field(default_factory=list)
    werkgevers: list[tuple] = field(default_factory=list)  # (werkgever id, its user id, naam, kvk, adres)

    def verordening_op(self, datum: dt.date) -> tuple[int, dt.date, dt.date | None, int]:
        for versie in self.verordeningen:
            if versie[1] <= datum and (versie[2] is None or datum <= versie[2]):
                return versie
        raise ValueError(f"{self.naam} heeft op {datum} geen verordening")


class Zaak:
    """One generated case: its plan plus every id and value its rows need."""

    __slots__ = ("plan", "gemeente", "id", "nummer", "werkgever", "aanvrager", "kanaal", "aangemaakt_door",
                 "km", "ad", "werknemer", "bsn", "functie", "uren", "startdatum", "reden", "verordening",
                 "beoordeling_id", "besluit_id", "coaching", "geboortedatum", "opschortingen", "uiterste",
                 "traject_id", "traject_stappen")

    def door(self, wie: str) -> int:
        return self.aangemaakt_door if wie == "aanvrager" else self.km if wie == "km" else self.ad


@dataclass
class Resultaat:
    gemeenten: int
    aanvragen: int
    rijen: dict[str, int]


# --- what exists --------------------------------------------------------------------------------


def gegenereerde_gemeenten():
    return Gemeente.objects.filter(cbs_code__startswith=CBS_PREFIX)


def bestaand() -> tuple[int, int]:
    """(generated gemeenten, their aanvragen) present now."""
    gemeenten = gegenereerde_gemeenten()
    return gemeenten.count(), Aanvraag.objects.filter(gemeente__in=gemeenten).count()


# --- national families ----------------------------------------------------------------------------


def _gemeente_namen(aantal: int, rng: random.Random) -> list[str]:
    alle = [b + e for b in namen.GEMEENTE_BEGIN for e in namen.GEMEENTE_EIND]
    rng.shuffle(alle)
    if aantal > len(alle):
        alle += [f"{naam} {n}" for n in range(2, aantal // len(alle) + 2) for naam in alle[:]]
    return alle[:aantal]


def regios_en_gemeenten(*, aanvragen: int, gemeenten: int, rng: random.Random) -> list[GemeenteRef]:
    """Regio's, and gemeenten largest first; the largest ones are each regio's centre."""
    groottes = sp.verdeel(aanvragen, sp.gemeente_aandelen(gemeenten))
    gemeente_namen = _gemeente_namen(gemeenten, rng)
    aantal_regios = sp.aantal_regios(gemeenten)
    eerste_regio = reserveer_ids(Regio, aantal_regios)
    Tabel(Regio, ["id", "naam"]).schrijf(
        (eerste_regio + r, REGIO_PREFIX + gemeente_namen[r]) for r in range(aantal_regios)
    )
    eerste = reserveer_ids(Gemeente, gemeenten)
    refs = [
        GemeenteRef(id=eerste + i, naam=gemeente_namen[i], cbs_code=sp.cbs_code(i + 1),
                    regio=i if i < aantal_regios else rng.randrange(aantal_regios), aantal=groottes[i])
        for i in range(gemeenten)
    ]
    Tabel(Gemeente, ["id", "naam", "cbs_code", "regio_id"]).schrijf(
        (g.id, g.naam, g.cbs_code, eerste_regio + g.regio) for g in refs
    )
    for g in refs:
        g.regio += eerste_regio  # from here on: the regio's id
    return refs


def verordeningen(refs: list[GemeenteRef], rng: random.Random) -> int:
    """Two versions (2019 and 2024) for every gemeente's own verordening or its regio's shared one.

    In every fifth regio (the second, seventh, ...) the gemeenten other than the centre share the
    regio's verordening, as in BUCH; every gemeente thus has a verordening in force since 2019.
    """
    centra = {g.regio: g for g in refs if g.id == min(x.id for x in refs if x.regio == g.regio)}
    gedeeld = {r for i, r in enumerate(sorted(centra)) if i % 5 == 1}
    rijen, regio_versies = [], {}
    volgende = reserveer_ids(Verordening, 2 * (len(refs) + len(gedeeld)))

    def versies(naam: str, gemeente_id, regio_id):
        nonlocal volgende
        termijn = 6 if rng.random() < 0.1 else 8
        resultaat = []
        for van, tot in VERORDENING_VERSIES:
            gepubliceerd = dt.datetime(van.year - 1, 12, 1, 10, tzinfo=sp.AMSTERDAM)
            rijen.append((volgende, gemeente_id, regio_id, f"Re-integratieverordening Participatiewet {naam} "
                          f"{van.year}", van, tot, termijn, f"Het college van burgemeester en wethouders van "
                          f"{naam}\nt.a.v. Juridische Zaken\nPostbus 1000\n1000 AA {naam}", "gepubliceerd",
                          gepubliceerd))
            resultaat.append((volgende, van, tot, termijn))
            volgende += 1
        return resultaat

    for regio_id in sorted(gedeeld):
        regio_versies[regio_id] = versies(centra[regio_id].naam + " en omstreken", None, regio_id)
    for g in refs:
        if g.regio in gedeeld and g is not centra[g.regio]:
            g.verordeningen = regio_versies[g.regio]
        else:
            g.verordeningen = versies(g.naam, g.id, None)
    return Tabel(Verordening, ["id", "gemeente_id", "regio_id", "naam", "geldig_van", "geldig_tot",
                               "beslistermijn_weken", "bezwaar_adres", "status", "gepubliceerd_op"]).schrijf(rijen)


def jobcoachorganisaties(refs: list[GemeenteRef], rng: random.Random) -> int:
    """Four jobcoachorganisaties per regio; a gemeente's besluiten pick from its regio's."""
    regios = sorted({g.regio for g in refs})
    eerste = reserveer_ids(Jobcoachorganisatie, 4 * len(regios))
    per_regio = {r: [eerste + 4 * i + j for j in range(4)] for i, r in enumerate(regios)}
    for g in refs:
        g.jobcoachorganisaties = per_regio[g.regio]
    return Tabel(Jobcoachorganisatie, ["id", "naam", "kvk_nummer"]).schrijf(
        (eerste + n, f"{rng.choice(namen.ACHTERNAMEN).split()[-1]} Jobcoaching {n + 1}",
         f"{KVK_JOBCOACH}{n:07d}") for n in range(4 * len(regios))
    )


def _gebruiker_tabel() -> Tabel:
    return Tabel(User, ["id", "password", "username", "first_name", "last_name", "email", "rol", "werkgever_id",
                        "bsn"])


def _gebruiker(uid: int, wachtwoord: str, username: str, voornaam: str, achternaam: str, rol: str,
               werkgever_id=None, bsn: str = "") -> tuple:
    return (uid, wachtwoord, username, voornaam, achternaam, f"{username}@load.jobcoachloket.test", rol,
            werkgever_id, bsn)


def medewerkers(refs: list[GemeenteRef], rng: random.Random, wachtwoord: str) -> int:
    """Staff of every gemeente (klantmanagers, arbeidsdeskundigen, ...), linked to their gemeente."""
    rollen = [(g, rol, n) for g in refs for rol, aantal in sp.staf_omvang(g.aantal).items() for n in range(aantal)]
    eerste = reserveer_ids(User, len(rollen))
    eerste_link = reserveer_ids(User.gemeenten.through, len(rollen))
    gebruikers, links = [], []
    for i, (g, rol, n) in enumerate(rollen):
        uid = eerste + i
        gebruikers.append(_gebruiker(uid, wachtwoord, staf_gebruikersnaam(g.cbs_code, rol, n + 1),
                                     rng.choice(namen.VOORNAMEN), rng.choice(namen.ACHTERNAMEN), rol))
        links.append((eerste_link + i, uid, g.id))
        if rol == Rol.KLANTMANAGER:
            g.klantmanagers.append(uid)
        elif rol == Rol.ARBEIDSDESKUNDIGE:
            g.arbeidsdeskundigen.append(uid)
    _gebruiker_tabel().schrijf(gebruikers)
    Tabel(User.gemeenten.through, ["id", "user_id", "gemeente_id"]).schrijf(links)
    return len(gebruikers)


def staf_gebruikersnaam(cbs_code: str, rol: str, nummer: int) -> str:
    """E.g. load.klantmanager1.gm2001: the bench logs in with these."""
    return f"{USER_PREFIX}{rol}{nummer}.{cbs_code.lower()}"


def werkgevers(refs: list[GemeenteRef], rng: random.Random, wachtwoord: str) -> int:
    """Local werkgevers per gemeente (more for larger ones), each with one user who applies online."""
    totaal = sum(sp.aantal_werkgevers(g.aantal) for g in refs)
    eerste, eerste_user = reserveer_ids(Werkgever, totaal), reserveer_ids(User, totaal)
    rijen, gebruikers, n = [], [], 0
    for g in refs:
        for _ in range(sp.aantal_werkgevers(g.aantal)):
            naam = " ".join(filter(None, (rng.choice(namen.BRANCHES), rng.choice(namen.WERKGEVER_NAMEN),
                                          rng.choice(namen.RECHTSVORMEN))))
            kvk = f"{KVK_WERKGEVER}{n:07d}"
            adres = f"{rng.choice(namen.STRATEN)} {rng.randint(1, 200)}, {g.naam}"
            rijen.append((eerste + n, naam, kvk, adres))
            gebruikers.append(_gebruiker(eerste_user + n, wachtwoord, f"{USER_PREFIX}wg.{kvk}",
                                         rng.choice(namen.VOORNAMEN), rng.choice(namen.ACHTERNAMEN), Rol.WERKGEVER,
                                         werkgever_id=eerste + n))
            g.werkgevers.append((eerste + n, eerste_user + n, naam, kvk, adres))
            n += 1
    Tabel(Werkgever, ["id", "naam", "kvk_nummer", "vestigingsadres"]).schrijf(rijen)
    _gebruiker_tabel().schrijf(gebruikers)
    return totaal


# --- cases ---------------------------------------------------------------------------------------


def _werknemer(rng: random.Random, bsns) -> tuple[str, str]:
    return f"{sp.uit(rng, namen.VOORNAMEN)} {sp.uit(rng, namen.ACHTERNAMEN)}", next(bsns)


def zaken_plannen(refs: list[GemeenteRef], rng: random.Random, vandaag: dt.date, voortgang=None) -> list[Zaak]:
    """Plan every case, then number them per gemeente and year, and order them by creation."""
    bsns = sp.bsn_reeks()
    zaken = []
    for g in refs:
        eerdere: list[tuple[str, str]] = []
        for _ in range(g.aantal):
            zaken.append(_zaak(g, rng, vandaag, bsns, eerdere))
            if voortgang:
                voortgang.stap()
    _nummeren(zaken)
    _uiterste_beslisdata(zaken)
    zaken.sort(key=lambda z: z.plan.aangemaakt)
    eerste = reserveer_ids(Aanvraag, len(zaken))
    for i, zaak in enumerate(zaken):
        zaak.id = eerste + i
    return zaken


def _zaak(g: GemeenteRef, rng: random.Random, vandaag: dt.date, bsns, eerdere: list) -> Zaak:
    z = Zaak()
    status = sp.kies(rng, sp.STATUS_AANDELEN)
    z.kanaal = "online" if status == "concept" else sp.kies(rng, KANALEN)
    z.plan = plan = sp.plan_zaak(status, rng, vandaag, z.kanaal)
    z.gemeente = g
    # One werknemer in ten applies again: same name and BSN as an earlier case of the gemeente.
    z.werknemer, z.bsn = sp.uit(rng, eerdere) if eerdere and rng.random() < 0.1 else _werknemer(rng, bsns)
    eerdere.append((z.werknemer, z.bsn))
    z.aanvrager = "werknemer" if rng.random() < KANS_WERKNEMER_AANVRAGER else "werkgever"
    # Large werkgevers apply more often: the first ones of the list get most cases.
    z.werkgever = g.werkgevers[int(len(g.werkgevers) * rng.random() ** 2)]
    z.km = sp.uit(rng, g.klantmanagers)
    z.ad = sp.uit(rng, g.arbeidsdeskundigen)
    # Online the applicant's own account (a werknemer's is made later); a letter or call is registered
    # by a klantmanager.
    z.aangemaakt_door = z.km if z.kanaal != "online" else z.werkgever[1] if z.aanvrager == "werkgever" else None
    z.functie = sp.uit(rng, namen.FUNCTIES)
    z.uren = sp.uit(rng, UREN)
    z.reden = sp.uit(rng, namen.REDENEN)
    z.startdatum = sp.startdatum_werk(plan.ontvangen or plan.aangemaakt.date(), rng)
    z.geboortedatum = dt.date(1960 + sp.getal(rng, 0, 45), sp.getal(rng, 1, 12), sp.getal(rng, 1, 28))
    z.verordening = g.verordening_op(plan.ontvangen) if plan.ontvangen else None
    z.nummer = z.beoordeling_id = z.besluit_id = z.traject_id = None
    z.traject_stappen = ()
    z.coaching = (sp.uit(rng, UREN_COACHING), sp.uit(rng, DUUR_MAANDEN), sp.uit(rng, g.jobcoachorganisaties))
    z.opschortingen = _opschortingen(plan)
    z.uiterste = None  # set by _uiterste_beslisdata, for all cases at once
    return z


@functools.lru_cache(maxsize=8192)
def _hersteltermijn_einde(verzocht: dt.date) -> dt.date:
    return termijnen.hersteltermijn_einde(verzocht, 2)


def _uiterste_beslisdatum(sleutel: tuple) -> dt.date:
    ontvangen, weken, opschortingen = sleutel
    return termijnen.beslistermijn_einde(ontvangen, weken, opschortingen)


def _uiterste_beslisdata(zaken: list[Zaak]) -> None:
    """The uiterste beslisdatum as the services store it (Awb 4:13-4:15 with the Atw), by the same
    function: computed once per distinct (receipt, term, suspensions), on both cores when there are many."""
    sleutels = {z: (z.plan.ontvangen, z.verordening[3], tuple(o[-1] for o in z.opschortingen))
                for z in zaken if z.plan.ontvangen}
    uniek = list(set(sleutels.values()))
    if len(uniek) > 20_000:
        with multiprocessing.get_context("fork").Pool(os.cpu_count() or 2) as pool:
            data = pool.map(_uiterste_beslisdatum, uniek, chunksize=2000)
    else:
        data = [_uiterste_beslisdatum(sleutel) for sleutel in uniek]
    per_sleutel = dict(zip(uniek, data, strict=True))
    for z, sleutel in sleutels.items():
        z.uiterste = per_sleutel[sleutel]


def _opschortingen(plan: sp.Zaakplan) -> list[tuple]:
    """Every request for aanvulling (Awb 4:5) and how it ended: (verzocht op, hersteltermijn tot,
    eind, aangevuld op, the suspension for the beslistermijn)."""
    uitkomst = []
    stappen = plan.stappen
    for i, stap in enumerate(stappen):
        if stap.transitie != "aanvulling_vragen":
            continue
        verzocht = stap.op.date()
        herstel = _hersteltermijn_einde(verzocht)
        volgende = next((s for s in stappen[i + 1:] if s.machine == "aanvraag"), None)
        if volgende is None:  # still waiting: counts as if the hersteltermijn lapses unused
            eind, aangevuld, termijn = None, None, termijnen.Opschorting.hersteltermijn_verstreken(verzocht, herstel)
        elif volgende.transitie == "aanvulling_ontvangen":
            aangevuld = eind = max(volgende.op.date(), verzocht)
            termijn = termijnen.Opschorting.na_verzoek(verzocht, eind)
        elif volgende.transitie == "buiten_behandeling_stellen":
            eind, aangevuld = herstel + dt.timedelta(days=1), None
            termijn = termijnen.Opschorting.hersteltermijn_verstreken(verzocht, herstel)
        else:  # withdrawn while waiting
            eind, aangevuld = max(volgende.op.date(), verzocht), None
            termijn = termijnen.Opschorting.na_verzoek(verzocht, eind)
        uitkomst.append((verzocht, stap.reden, herstel, eind, aangevuld, termijn))
    return uitkomst


def _nummeren(zaken: list[Zaak]) -> None:
    """Aanvraagnummers per gemeente and year in the order of receipt, as `_volgend_nummer` gives them."""
    ingediend = sorted((z for z in zaken if z.plan.ontvangen), key=lambda z: z.plan.stappen[0].op)
    teller: dict[tuple[int, int], int] = {}
    for z in ingediend:
        sleutel = (z.gemeente.id, z.plan.ontvangen.year)
        teller[sleutel] = teller.get(sleutel, 0) + 1
        z.nummer = f"{z.gemeente.cbs_code.removeprefix('GM')}-{sleutel[1]}-{teller[sleutel]:05d}"


def werknemers(zaken: list[Zaak], rng: random.Random, wachtwoord: str) -> int:
    """A DigiD account for every werknemer who applies himself (one per BSN)."""
    nodig = [z for z in zaken if z.aanvrager == "werknemer"]
    nieuw = sorted({z.bsn for z in nodig})
    eerste = reserveer_ids(User, len(nieuw))
    per_bsn = {bsn: eerste + i for i, bsn in enumerate(nieuw)}
    namen_per_bsn = {z.bsn: z.werknemer for z in nodig}
    for z in nodig:
        if z.aangemaakt_door is None:
            z.aangemaakt_door = per_bsn[z.bsn]
    rijen = []
    for bsn, uid in per_bsn.items():
        voornaam, _, achternaam = namen_per_bsn[bsn].partition(" ")
        rijen.append(_gebruiker(uid, wachtwoord, f"{USER_PREFIX}wn.{bsn}", voornaam, achternaam, Rol.WERKNEMER,
                                bsn=bsn))
    return _gebruiker_tabel().schrijf(rijen)


def aanvragen(zaken: list[Zaak]) -> int:
    tabel = Tabel(Aanvraag, [
        "id", "nummer", "gemeente_id", "werkgever_id", "aanvrager", "kanaal", "aangemaakt_door_id",
        "behandelaar_id", "werknemer_naam", "werknemer_bsn", "werknemer_geboortedatum", "werknemer_adres",
        "werknemer_postcode", "werknemer_woonplaats", "werkgever_naam", "werkgever_kvk", "werkgever_vestigingsadres",
        "functie", "contracturen_per_week", "contractsoort", "startdatum", "reden", "interne_werkbegeleider",
        "status", "ontvangen_op", "beslistermijn_weken", "uiterste_beslisdatum", "aangemaakt_op", "gewijzigd_op",
    ])
    return tabel.schrijf(
        (z.id, z.nummer, z.gemeente.id, z.werkgever[0] if z.aanvrager == "werkgever" else None, z.aanvrager,
         z.kanaal, z.aangemaakt_door, z.km if z.plan.beoordeling else None, z.werknemer, z.bsn, z.geboortedatum,
         f"Kerkstraat {z.id % 180 + 1}", f"{1000 + z.gemeente.id % 8999} AB", z.gemeente.naam,
         z.werkgever[2], z.werkgever[3], z.werkgever[4], z.functie, z.uren,
         "onbepaalde_tijd" if z.id % 3 else "bepaalde_tijd", z.startdatum, z.reden, False,
         z.plan.status, z.plan.ontvangen, z.verordening[3] if z.verordening else None, z.uiterste,
         z.plan.aangemaakt, z.plan.gewijzigd)
        for z in zaken
    )


def opschortingen(zaken: list[Zaak]) -> int:
    """The requests for aanvulling, with the suspension of the beslistermijn they caused."""
    met = [(z, o) for z in zaken for o in z.opschortingen]
    eerste = reserveer_ids(Opschorting, len(met))
    return Tabel(Opschorting, ["id", "aanvraag_id", "verzocht_op", "verzocht_door_id", "wat_ontbreekt",
                               "hersteltermijn_einde", "start", "eind", "aangevuld_op"]).schrijf(
        (eerste + i, z.id, o[0], z.km, o[1], o[2], o[0] + dt.timedelta(days=1), o[3], o[4])
        for i, (z, o) in enumerate(met)
    )


def intake_antwoorden(zaken: list[Zaak]) -> int:
    """What the applicant told in the form, structured after the ICF: two questions, one workplace factor."""
    ingediend = [z for z in zaken if z.plan.ontvangen]
    eerste = reserveer_ids(Ondersteuningsvraag, 2 * len(ingediend))
    aantal = Tabel(Ondersteuningsvraag, ["id", "aanvraag_id", "domein", "code", "tekst"]).schrijf(
        (eerste + 2 * i + j, z.id, *vraag) for i, z in enumerate(ingediend)
        for j, vraag in enumerate(namen.ONDERSTEUNINGSVRAGEN)
    )
    eerste = reserveer_ids(Werkplekfactor, len(ingediend))
    return aantal + Tabel(Werkplekfactor, ["id", "aanvraag_id", "factor", "invloed", "tekst"]).schrijf(
        (eerste + i, z.id, *namen.WERKPLEKFACTOR) for i, z in enumerate(ingediend)
    )


BEOORDELING_KOLOMMEN = [
    "id", "aanvraag_id", "ronde", "status", "versie",
    # beeldvorming
    "kern_problematiek", "werkplek_taken", "werkplek_contracturen", "contractvorm", "intern_werkbegeleider",
    "doelgroepregister", "doelgroepregister_grondslag", "doelgroepregister_gecontroleerd_op", "sfb", "sfb_datum",
    "loonwaarde_pct", "loonwaarde_gemeten_op", "loonwaarde_deskundige", "aanvraag_overgenomen_op",
    # oordeelsvorming
    "jobcoaching_adequaat", "adequaat_motivering", "alternatief_werkplekaanpassing",
    "alternatief_intern_werkbegeleider", "alternatief_beschut_werk",
    # besluitvorming
    "motivering", "voorstel_uitkomst", "afwijzingsgrond", "ingangsdatum", "voorstel_jobcoachorganisatie_id",
    "voorbereid_door_id", "vastgesteld_door_id", "teruggestuurd_reden", "gewijzigd_op",
]
LEEG_BEELD = ("", "", None, "", None, "", "", None, "", None, None, None, "")
LEEG_OORDEEL = ("", "", "", "", "")


def _beoordeling_rij(z: Zaak) -> tuple:
    """Filled as far as the onderzoek got: a phase can only be left once it is complete."""
    plan = z.plan
    fase = FASEN.index(plan.beoordeling)
    overgenomen = next(s.op for s in plan.stappen if s.transitie == "in_behandeling_nemen")
    dag = overgenomen.date()
    beeld = (namen.KERN_PROBLEMATIEK[z.id % 2], z.reden, z.uren, "onbepaalde_tijd", False, "ingeschreven",
             "participatiewet", dag, "vastgesteld", dag, Decimal("55.0"), dag, "Arbeidsdeskundige, Dariuz-methode")
    uitkomst = plan.uitkomst or "toekenning"
    oordeel = ("ja" if uitkomst != "afwijzing" else "nee", namen.ADEQUAAT if uitkomst != "afwijzing"
               else namen.NIET_ADEQUAAT, *namen.ALTERNATIEVEN)
    voorstel = fase >= 3 or plan.teruggestuurd
    laatste = plan.laatste("beoordeling")
    return (
        z.beoordeling_id, z.id, 1, plan.beoordeling, 1 + fase * 2,
        *(beeld if fase >= 1 else LEEG_BEELD), overgenomen,
        *(oordeel if fase >= 2 else LEEG_OORDEEL),
        namen.MOTIVERING[uitkomst] if voorstel else "", uitkomst if voorstel else "",
        "andere_oplossing" if voorstel and uitkomst == "afwijzing" else "",
        max(z.startdatum, dag) if voorstel and uitkomst != "afwijzing" else None,
        z.coaching[2] if voorstel and uitkomst != "afwijzing" else None,
        z.km if voorstel else None, z.ad if fase == 4 else None,
        sp.REDEN_TERUGSTUREN if plan.teruggestuurd else "",
        laatste.op if laatste else overgenomen,
    )


def beoordelingen(zaken: list[Zaak]) -> int:
    """The onderzoek (ronde 1) of every case a klantmanager took in behandeling."""
    met = [z for z in zaken if z.plan.beoordeling]
    eerste = reserveer_ids(Beoordeling, len(met))
    for i, z in enumerate(met):
        z.beoordeling_id = eerste + i
    return Tabel(Beoordeling, BEOORDELING_KOLOMMEN).schrijf(_beoordeling_rij(z) for z in met)


def onderzoek(zaken: list[Zaak]) -> int:
    """The structured onderzoek (NVvA Leidraad): ICF factors, a knelpunt traced to a factor, the
    solution weighed, the answers to the eight questions and a coaching goal, as far as the phase got.

    Only for cases received since ONDERZOEK_VANAF: older onderzoeken are kept as the texts on the
    Beoordeling and in the besluit, as a migration from an earlier system would leave them.
    """
    met = [z for z in zaken if z.beoordeling_id and z.plan.ontvangen >= ONDERZOEK_VANAF
           and FASEN.index(z.plan.beoordeling) >= 1]
    tot_besluit = [z for z in met if FASEN.index(z.plan.beoordeling) >= 3]
    f, k, o = (reserveer_ids(m, n) for m, n in ((IcfFactor, 2 * len(met)), (Knelpunt, len(met)),
                                                (Oplossing, len(met))))
    a, d = reserveer_ids(LeidraadAntwoord, 8 * len(tot_besluit)), reserveer_ids(Coachingsdoel, len(tot_besluit))
    kf, dk = (reserveer_ids(m, len(lijst)) for m, lijst in ((Knelpunt.factoren.through, met),
                                                            (Coachingsdoel.knelpunten.through, tot_besluit)))
    knelpunt = {z.id: k + i for i, z in enumerate(met)}
    aantal = Tabel(IcfFactor, ["id", "beoordeling_id", "categorie", "werking", "icf_code", "kwalificatie", "bron",
                               "tekst"]).schrijf(
        (f + 2 * i + j, z.beoordeling_id, *factor)
        for i, z in enumerate(met) for j, factor in enumerate(namen.FACTOREN))
    aantal += Tabel(Knelpunt, ["id", "beoordeling_id", "omschrijving", "plaatsing", "duurzaamheid"]).schrijf(
        (k + i, z.beoordeling_id, namen.KNELPUNT, True, True) for i, z in enumerate(met))
    aantal += Tabel(Knelpunt.factoren.through, ["id", "knelpunt_id", "icffactor_id"]).schrijf(
        (kf + i, k + i, f + 2 * i) for i in range(len(met)))
    aantal += Tabel(Oplossing, ["id", "beoordeling_id", "soort", "omschrijving", "oordeel"]).schrijf(
        (o + i, z.beoordeling_id, *namen.OPLOSSING) for i, z in enumerate(met))
    aantal += Tabel(LeidraadAntwoord, ["id", "beoordeling_id", "vraag", "antwoord", "motivering"]).schrijf(
        (a + 8 * i + v - 1, z.beoordeling_id, v, "ja" if z.plan.uitkomst != "afwijzing" or v < 5 else "nee",
         "Zie het onderzoek.") for i, z in enumerate(tot_besluit) for v in range(1, 9))
    aantal += Tabel(Coachingsdoel, ["id", "beoordeling_id", "doel", "resultaat", "termijn_maanden"]).schrijf(
        (d + i, z.beoordeling_id, *namen.DOEL, 6) for i, z in enumerate(tot_besluit))
    aantal += Tabel(Coachingsdoel.knelpunten.through, ["id", "coachingsdoel_id", "knelpunt_id"]).schrijf(
        (dk + i, d + i, knelpunt[z.id]) for i, z in enumerate(tot_besluit))
    return aantal


def _teksten(z: Zaak, verordening: dict) -> Jsonb:
    """The texts the besluit was made with, in the shape beoordeling.services stores them."""
    uitkomst = z.plan.uitkomst
    nieuw = z.plan.ontvangen >= ONDERZOEK_VANAF
    return json_waarde({
        "motivering": namen.MOTIVERING[uitkomst],
        "afwijzingsgrond": "Een andere oplossing is passender" if uitkomst == "afwijzing" else "",
        "gedeeltelijk_toelichting": "", "maatwerk_motivering": "",
        "kern_problematiek": namen.KERN_PROBLEMATIEK[z.id % 2],
        "knelpunten": [{"omschrijving": namen.KNELPUNT, "plaatsing": True, "duurzaamheid": True}] if nieuw else [],
        "jobcoaching_adequaat": {"antwoord": "ja" if uitkomst != "afwijzing" else "nee",
                                 "motivering": namen.ADEQUAAT if uitkomst != "afwijzing" else namen.NIET_ADEQUAAT},
        "doelen": [{"doel": namen.DOEL[0], "resultaat": namen.DOEL[1], "termijn_maanden": 6, "activiteiten": []}]
        if nieuw else [],
        "verordening": verordening,
    })


def besluiten(zaken: list[Zaak]) -> int:
    """The signed-off besluit of every besloten case, with the verordening in force at receipt.

    `berekening` (the engine's calculation) stays empty: running the engine a million times is not
    worth it for load data; the beschikking then shows no calculation table.
    """
    met = [z for z in zaken if z.plan.status == "besloten"]
    eerste = reserveer_ids(Besluit, len(met))
    vaste = _verordeningsteksten({z.verordening[0] for z in met})
    rijen = []
    for i, z in enumerate(met):
        z.besluit_id = eerste + i
        vastgesteld = z.plan.laatste("beoordeling").op
        toekenning = z.plan.uitkomst != "afwijzing"
        uren, duur, jco = z.coaching if toekenning else (None, None, None)
        start = max(z.startdatum, vastgesteld.date()) if toekenning else None
        rijen.append((z.besluit_id, z.beoordeling_id, z.id, z.verordening[0], z.plan.uitkomst,
                      "" if toekenning else "andere_oplossing", uren, duur, start,
                      einde_termijn(start, duur) if toekenning else None, jco, namen.MOTIVERING[z.plan.uitkomst],
                      _teksten(z, vaste[z.verordening[0]] | {"briefhoofd": f"Gemeente {z.gemeente.naam}"}),
                      z.km, z.ad, vastgesteld))
    return Tabel(Besluit, [
        "id", "beoordeling_id", "aanvraag_id", "verordening_id", "uitkomst", "afwijzingsgrond", "uren_per_week",
        "duur_maanden", "startdatum", "einddatum", "jobcoachorganisatie_id", "motivering", "teksten",
        "voorbereid_door_id", "vastgesteld_door_id", "vastgesteld_op",
    ]).schrijf(rijen)


def _verordeningsteksten(ids: set[int]) -> dict[int, dict]:
    velden = ("naam", "artikel_persoonlijke_ondersteuning", "ondertekenaar_functie", "bezwaar_adres")
    return {v["id"]: {k: v[k] for k in velden} for v in Verordening.objects.filter(id__in=ids).values("id", *velden)}


def traject_model():
    """The Traject model of the monitoring issue, or None while it does not exist."""
    try:
        return apps.get_model("trajecten", "Traject")
    except LookupError:
        return None


def _nacht(dag: dt.date) -> dt.datetime:
    """When the daily scan moved a traject: late on the day its date was reached."""
    return dt.datetime.combine(dag, dt.time(23, 55), tzinfo=sp.AMSTERDAM)


def _traject(z: Zaak, start: dt.date, eind: dt.date, vandaag: dt.date, systeem: int, planning) -> tuple:
    """(status, volgende evaluatie, herbeoordeling vanaf, einde reden, steps) of one traject today,
    as the daily scan left it last night. Reports came in on time mostly: the next evaluation moment
    is at most a week overdue."""
    herbeoordeling = planning.herbeoordeling_vanaf(eind, 8)
    if start >= vandaag:
        return "gepland", planning.evaluatiemoment(start, "halfjaar", 1), herbeoordeling, "", []
    volgende = planning.volgende_evaluatie(start, "halfjaar", min(eind, vandaag - dt.timedelta(days=7)))
    stappen = [("starten", "gepland", "lopend", systeem, _nacht(start))]
    if eind < vandaag and z.id % 12 == 0:  # one in twelve ends early: the werknemer left the job
        einde = start + (min(eind, herbeoordeling) - start) / 2
        stappen.append(("beeindigen", "lopend", "beeindigd", z.km,
                        dt.datetime.combine(einde, dt.time(11), tzinfo=sp.AMSTERDAM)))
        return "beeindigd", volgende, herbeoordeling, "Het dienstverband is beëindigd.", stappen
    if herbeoordeling < vandaag:
        stappen.append(("herbeoordeling_openen", "lopend", "herbeoordeling", systeem, _nacht(herbeoordeling)))
    if eind < vandaag:
        stappen.append(("afronden", "herbeoordeling", "afgerond", z.km,
                        dt.datetime.combine(eind, dt.time(11), tzinfo=sp.AMSTERDAM)))
    return stappen[-1][2], volgende, herbeoordeling, "", stappen


def trajecten(zaken: list[Zaak], vandaag: dt.date) -> int:
    """The traject of every toekenning (monitoring issue), with its history in the Transitie log."""
    Traject = traject_model()
    if Traject is None:
        return 0
    from beoordeling.trajecten import planning
    from beoordeling.trajecten.services import systeemgebruiker

    systeem = systeemgebruiker().pk
    met = [z for z in zaken if z.besluit_id and z.plan.uitkomst != "afwijzing"]
    eerste = reserveer_ids(Traject, len(met))
    rijen = []
    for i, z in enumerate(met):
        z.traject_id = eerste + i
        uren, duur, jco = z.coaching
        start = max(z.startdatum, z.plan.laatste("beoordeling").op.date())
        eind = einde_termijn(start, duur)
        status, volgende, herbeoordeling, reden, stappen = _traject(z, start, eind, vandaag, systeem, planning)
        z.traject_stappen = stappen
        rijen.append((z.traject_id, z.besluit_id, z.id, z.gemeente.id, jco, status, start, eind, uren,
                      planning.toegekende_uren(uren, start, eind), "halfjaar", volgende, herbeoordeling, reden))
    return Tabel(Traject, ["id", "besluit_id", "aanvraag_id", "gemeente_id", "jobcoachorganisatie_id", "status",
                           "startdatum", "einddatum", "uren_per_week", "uren_toegekend", "evaluatiefrequentie",
                           "volgende_evaluatie", "herbeoordeling_vanaf", "einde_reden"]).schrijf(rijen)


def voorbeeld_pdf() -> tuple[str, str, int]:
    """One real PDF that every generated beschikking points to, so downloads work: (path, sha256, size)."""
    from beoordeling.pdf import html_naar_pdf

    if not default_storage.exists(DOCUMENT_PAD):
        pdf = html_naar_pdf(
            '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Voorbeeldbeschikking</title>'
            "</head><body><h1>Voorbeeldbeschikking</h1><p>Deze beschikking hoort bij gegenereerde testgegevens "
            "(manage.py generate_load).</p></body></html>"
        )
        default_storage.save(DOCUMENT_PAD, ContentFile(pdf))
    with default_storage.open(DOCUMENT_PAD, "rb") as bestand:
        inhoud = bestand.read()
    return DOCUMENT_PAD, hashlib.sha256(inhoud).hexdigest(), len(inhoud)


def documenten(zaken: list[Zaak], pdf: tuple[str, str, int]) -> int:
    """The beschikking of every besluit, stored a few seconds after the vaststelling."""
    met = [z for z in zaken if z.besluit_id]
    pad, sha, grootte = pdf
    eerste = reserveer_ids(Document, len(met))
    return Tabel(Document, ["id", "aanvraag_id", "besluit_id", "soort", "versie", "bestand", "sha256", "grootte",
                            "template_versie", "aangemaakt_op"]).schrijf(
        (eerste + i, z.id, z.besluit_id, DocumentSoort.BESCHIKKING.value, 1, pad, sha, grootte, "2026.1",
         z.plan.laatste("beoordeling").op + dt.timedelta(seconds=4))
        for i, z in enumerate(met)
    )


def transities(zaken: list[Zaak]) -> int:
    """The history of every case and its traject, as `transities.voer_uit` would have logged it."""
    rijen = []
    for z in zaken:
        for s in z.plan.stappen:
            object_id = z.id if s.machine == "aanvraag" else z.beoordeling_id
            rijen.append((z.id, s.machine, object_id, s.transitie, s.van, s.naar, z.door(s.door), s.op, s.reden))
        for transitie, van, naar, door, op in z.traject_stappen:
            rijen.append((z.id, "traject", z.traject_id, transitie, van, naar, door, op, ""))
    eerste = reserveer_ids(Transitie, len(rijen))
    return Tabel(Transitie, ["id", "aanvraag_id", "machine", "object_id", "transitie", "van", "naar", "door_id",
                             "op", "reden"]).schrijf((eerste + i,) + rij for i, rij in enumerate(rijen))


def nummerreeksen(zaken: list[Zaak]) -> int:
    """Continue numbering after the generated cases: the highest number per gemeente and year."""
    hoogste: dict[tuple[int, int], int] = {}
    for z in zaken:
        if z.nummer:
            sleutel = (z.gemeente.id, z.plan.ontvangen.year)
            hoogste[sleutel] = max(hoogste.get(sleutel, 0), int(z.nummer.rsplit("-", 1)[1]))
    Nummerreeks.objects.bulk_create(
        [Nummerreeks(gemeente_id=g, jaar=j, laatste=n) for (g, j), n in hoogste.items()],
        update_conflicts=True, unique_fields=["gemeente", "jaar"], update_fields=["laatste"],
    )
    return len(hoogste)


# --- orchestration ---------------------------------------------------------------------------------


def GROTE_MODELLEN() -> list:
    """Tables with a row or more per case: their plain indexes are rebuilt after the load."""
    return [Aanvraag, Opschorting, Ondersteuningsvraag, Werkplekfactor, Beoordeling, IcfFactor, Knelpunt,
            Knelpunt.factoren.through, Oplossing, LeidraadAntwoord, Coachingsdoel, Coachingsdoel.knelpunten.through,
            Besluit, Document, Transitie, *filter(None, [traject_model()])]


ZAAK_FAMILIES = (
    ("aanvragen", aanvragen),
    ("opschortingen", opschortingen),
    ("intake_antwoorden", intake_antwoorden),
    ("beoordelingen", beoordelingen),
    ("onderzoek", onderzoek),
    ("besluiten", besluiten),
)


def _schrijf_zaken(zaken: list[Zaak], pdf, vandaag: dt.date, rijen: dict[str, int]) -> None:
    for naam, familie in ZAAK_FAMILIES:
        rijen[naam] = rijen.get(naam, 0) + familie(zaken)
    rijen["documenten"] = rijen.get("documenten", 0) + documenten(zaken, pdf)
    rijen["trajecten"] = rijen.get("trajecten", 0) + trajecten(zaken, vandaag)
    rijen["transities"] = rijen.get("transities", 0) + transities(zaken)  # last: it logs the trajecten too


def genereer(*, aanvragen: int, gemeenten: int, seed: int = 2026, vandaag: dt.date | None = None,
             chunk: int = CHUNK, toon_voortgang: bool = True) -> Resultaat:
    """Generate the data set into the default database, in one transaction: all or nothing.

    Refuses when generated data is present. Statistics are refreshed afterwards (`analyseer`).
    """
    from django.utils import timezone

    vandaag = vandaag or timezone.localdate()
    rng = random.Random(seed)
    wachtwoord = make_password(WACHTWOORD)
    pdf = voorbeeld_pdf()
    rijen: dict[str, int] = {}
    with transaction.atomic():
        if bestaand() != (0, 0):
            raise ValueError("Er staan al gegenereerde gegevens in de database; gebruik eerst reset().")
        with bulkmodus(GROTE_MODELLEN()):
            refs = regios_en_gemeenten(aanvragen=aanvragen, gemeenten=gemeenten, rng=rng)
            rijen["verordeningen"] = verordeningen(refs, rng)
            rijen["jobcoachorganisaties"] = jobcoachorganisaties(refs, rng)
            rijen["medewerkers"] = medewerkers(refs, rng, wachtwoord)
            rijen["werkgevers"] = werkgevers(refs, rng, wachtwoord)
            with _balk("plannen", aanvragen, toon_voortgang) as balk:
                zaken = zaken_plannen(refs, rng, vandaag, balk)
            rijen["werknemers"] = werknemers(zaken, rng, wachtwoord)
            with _balk("schrijven", len(zaken), toon_voortgang) as balk:
                for begin in range(0, len(zaken), chunk):
                    _schrijf_zaken(zaken[begin:begin + chunk], pdf, vandaag, rijen)
                    balk.stap(min(chunk, len(zaken) - begin))
            if toon_voortgang:
                sys.stderr.write("Indexen opbouwen en verwijzingen controleren…\n")
        rijen["nummerreeksen"] = nummerreeksen(zaken)  # through the ORM, with its foreign key checked
    if toon_voortgang:
        sys.stderr.write("Statistieken bijwerken (VACUUM ANALYZE)…\n")
    analyseer()
    return Resultaat(gemeenten=len(refs), aanvragen=len(zaken), rijen=rijen)


class _Stil:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def stap(self, aantal: int = 1) -> None:
        pass


def _balk(label: str, totaal: int, tonen: bool):
    return Voortgang(label, totaal) if tonen else _Stil()


def _tabellen() -> list[str]:
    """Every table of the project's own apps (not Django's, not axes')."""
    eigen = {c.label for c in apps.get_app_configs()
             if Path(c.path).is_relative_to(_projectmap()) and "site-packages" not in Path(c.path).parts}
    bestaand = set(connection.introspection.table_names())  # a model whose migration is not there yet is skipped
    return sorted({m._meta.db_table for m in apps.get_models(include_auto_created=True)
                   if m._meta.app_label in eigen and m._meta.managed} & bestaand)


def _projectmap():
    from django.conf import settings

    return settings.BASE_DIR


def analyseer() -> None:
    """VACUUM ANALYZE the project's tables: fresh statistics and a visibility map, as autovacuum would.

    Inside a transaction (the tests) VACUUM is not allowed; there ANALYZE alone runs.
    """
    opdracht = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for tabel in _tabellen():
            cursor.execute(f'{opdracht} "{tabel}"')


# --- reset -----------------------------------------------------------------------------------------


def _verwijzingen(model):
    """(model, field) pairs for every foreign key that points to `model`, through tables included
    (models whose table is not migrated yet are skipped)."""
    bestaand = set(connection.introspection.table_names())
    for ander in apps.get_models(include_auto_created=True):
        if ander._meta.db_table not in bestaand:
            continue
        for veld in ander._meta.concrete_fields:
            if veld.is_relation and veld.related_model is model and ander is not model:
                yield ander, veld


def _verwijder(cursor, model, selectie: str, diepte: int = 0) -> None:
    """Delete the rows of `model` whose pk is in the SQL `selectie`, after all rows that point to them."""
    if diepte > 8:
        raise RuntimeError(f"te diepe verwijzingen bij {model._meta.label}")
    tabel, pk = model._meta.db_table, model._meta.pk.column
    for ander, veld in _verwijzingen(model):
        sub = f'SELECT "{ander._meta.pk.column}" FROM "{ander._meta.db_table}" WHERE "{veld.column}" IN ({selectie})'
        _verwijder(cursor, ander, sub, diepte + 1)
    cursor.execute(f'DELETE FROM "{tabel}" WHERE "{pk}" IN ({selectie})')


def reset() -> None:
    """Remove all generated data and nothing else.

    When the database holds only generated gemeenten and regio's, their tables are truncated with
    everything that references them (seconds, also for millions of rows); otherwise the generated
    rows are deleted one family at a time, children first.
    """
    gemeenten = f"SELECT id FROM \"{Gemeente._meta.db_table}\" WHERE cbs_code LIKE '{CBS_PREFIX}%'"
    regios = f"SELECT id FROM \"{Regio._meta.db_table}\" WHERE naam LIKE '{REGIO_PREFIX}%'"
    alleen_gegenereerd = not (
        Gemeente.objects.exclude(cbs_code__startswith=CBS_PREFIX).exists()
        or Regio.objects.exclude(naam__startswith=REGIO_PREFIX).exists()
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE refuses while checks are still pending
        if alleen_gegenereerd:
            cursor.execute(f'TRUNCATE "{Gemeente._meta.db_table}", "{Regio._meta.db_table}" CASCADE')
        else:
            _verwijder(cursor, Gemeente, gemeenten)
            cursor.execute(f'DELETE FROM "{Verordening._meta.db_table}" WHERE regio_id IN ({regios})')
            _verwijder(cursor, Regio, regios)
        _verwijder(cursor, User, f"SELECT id FROM \"{User._meta.db_table}\" WHERE username LIKE '{USER_PREFIX}%'")
        _verwijder(cursor, Werkgever,
                   f"SELECT id FROM \"{Werkgever._meta.db_table}\" WHERE kvk_nummer LIKE '{KVK_WERKGEVER}%'")
        _verwijder(cursor, Jobcoachorganisatie, f"SELECT id FROM \"{Jobcoachorganisatie._meta.db_table}\" "
                                                f"WHERE kvk_nummer LIKE '{KVK_JOBCOACH}%'")


def samenvatting() -> dict[str, int]:
    """Generated aanvragen per status (for the command's closing line and the tests)."""
    rijen = Aanvraag.objects.filter(gemeente__in=gegenereerde_gemeenten()).values("status").annotate(n=Count("id"))
    return {rij["status"]: rij["n"] for rij in rijen}
