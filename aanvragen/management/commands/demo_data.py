"""`manage.py demo_data`: gemeenten, verordeningen, a user for every role and cases in every state.

Idempotent: reference data is updated in place, and the demo cases are made only once.
All demo users share the password in DEMO_WACHTWOORD (listed in README.md).
"""

import datetime
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from aanvragen import services as aanvraag_services
from aanvragen.models import Aanvraag
from accounts.models import Rol, User, Werkgever
from beoordeling import services as beoordeling_services
from beoordeling.models import Uitkomst
from verordening.models import Gemeente, Jobcoachorganisatie, Regio, Verordening

DEMO_WACHTWOORD = "Jobcoach-Demo-2026"

REGIO_BUCH = "BUCH (Bergen, Uitgeest, Castricum, Heiloo)"
GEMEENTEN = [
    # (slug, naam, CBS-code, regio)
    ("amsterdam", "Amsterdam", "GM0363", None),
    ("utrecht", "Utrecht", "GM0344", None),
    ("castricum", "Castricum", "GM0383", REGIO_BUCH),
    ("heiloo", "Heiloo", "GM0399", REGIO_BUCH),
]
STAF_ROLLEN = [
    ("km", Rol.KLANTMANAGER, "Klantmanager"),
    ("km2", Rol.KLANTMANAGER, "Tweede klantmanager"),
    ("ad", Rol.ARBEIDSDESKUNDIGE, "Arbeidsdeskundige"),
    ("ad2", Rol.ARBEIDSDESKUNDIGE, "Tweede arbeidsdeskundige"),
    ("bb", Rol.BEZWAARBEHANDELAAR, "Bezwaarbehandelaar"),
    ("fb", Rol.FUNCTIONEEL_BEHEERDER, "Functioneel beheerder"),
    ("bm", Rol.BELEIDSMEDEWERKER, "Beleidsmedewerker"),
]
# Valid BSNs (elfproef) of the demo werknemers.
WERKNEMERS = [
    ("Jan de Vries", "111222333"),
    ("Fatima El Amrani", "123456782"),
    ("Sanne Bakker", "010000008"),
    ("Mohamed Yilmaz", "100000009"),
    ("Lotte Jansen", "999990019"),
    ("Kees Visser", "999990020"),
    ("Ayla Demir", "999990032"),
    ("Thomas Smit", "999990044"),
    ("Noor Hendriks", "999990056"),
]


class Command(BaseCommand):
    help = "Laadt demodata: gemeenten, verordeningen, gebruikers voor elke rol en aanvragen in elke status."

    def handle(self, *args, **options):
        self.wachtwoord = make_password(DEMO_WACHTWOORD)
        with transaction.atomic():
            gemeenten = self._gemeenten()
            werkgevers, jco = self._organisaties()
            gebruikers = self._gebruikers(gemeenten, werkgevers, jco)
        if Aanvraag.objects.filter(werkgever__in=werkgevers.values()).exists():
            self.stdout.write("Demodata was al geladen; gebruikers en verordeningen zijn bijgewerkt.")
            return
        self._aanvragen(gemeenten, gebruikers, jco)
        self.stdout.write(self.style.SUCCESS(f"Demodata geladen. Wachtwoord van alle demogebruikers: {DEMO_WACHTWOORD}"))

    # --- reference data ----------------------------------------------------------------------------

    def _gemeenten(self) -> dict[str, Gemeente]:
        regio, _ = Regio.objects.get_or_create(naam=REGIO_BUCH)
        gemeenten = {}
        for slug, naam, code, regio_naam in GEMEENTEN:
            gemeente, _ = Gemeente.objects.update_or_create(
                cbs_code=code, defaults={"naam": naam, "regio": regio if regio_naam else None}
            )
            gemeenten[slug] = gemeente
            if not regio_naam:
                self._verordening(gemeente=gemeente, naam=f"Re-integratieverordening Participatiewet {naam} 2024",
                                  bezwaar=f"Het college van burgemeester en wethouders van {naam}\nt.a.v. Juridische Zaken\nPostbus 1000\n1000 AA {naam}")
        self._verordening(regio=regio, naam="Re-integratieverordening BUCH 2024",
                          bezwaar="Het college van burgemeester en wethouders\nWerkorganisatie BUCH, Juridische Zaken\nPostbus 15\n1850 AA Heiloo")
        return gemeenten

    def _verordening(self, *, naam: str, bezwaar: str, gemeente=None, regio=None):
        Verordening.objects.update_or_create(
            gemeente=gemeente, regio=regio, geldig_van=datetime.date(2024, 1, 1),
            defaults={"naam": naam, "bezwaar_adres": bezwaar, "artikel_persoonlijke_ondersteuning": "artikel 8"},
        )

    def _organisaties(self):
        werkgevers = {
            "bakkerij": Werkgever.objects.update_or_create(kvk_nummer="12345678", defaults={
                "naam": "Bakkerij De Korenschoof B.V.", "vestigingsadres": "Dorpsstraat 12, 1901 EJ Castricum"})[0],
            "transport": Werkgever.objects.update_or_create(kvk_nummer="87654321", defaults={
                "naam": "Transport Van Dijk", "vestigingsadres": "Havenweg 4, 1013 AA Amsterdam"})[0],
        }
        jco = Jobcoachorganisatie.objects.update_or_create(kvk_nummer="55554444", defaults={"naam": "JobcoachNL Noord"})[0]
        Jobcoachorganisatie.objects.update_or_create(kvk_nummer="66667777", defaults={"naam": "Werkfit Begeleiding"})
        return werkgevers, jco

    def _gebruiker(self, username: str, voornaam: str, achternaam: str, rol: str, **extra) -> User:
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={"first_name": voornaam, "last_name": achternaam, "rol": rol, "password": self.wachtwoord,
                      "email": f"{username}@demo.jobcoachloket.nl", **extra},
        )
        return user

    def _gebruikers(self, gemeenten, werkgevers, jco) -> dict[str, User]:
        users = {}
        for slug, gemeente in gemeenten.items():
            for prefix, rol, functie in STAF_ROLLEN:
                user = self._gebruiker(f"{prefix}.{slug}", functie, gemeente.naam, rol)
                user.gemeenten.set([gemeente])
                users[f"{prefix}.{slug}"] = user
        users["werkgever.bakkerij"] = self._gebruiker("werkgever.bakkerij", "Petra", "Korenschoof", Rol.WERKGEVER,
                                                      werkgever=werkgevers["bakkerij"])
        users["werkgever.transport"] = self._gebruiker("werkgever.transport", "Henk", "van Dijk", Rol.WERKGEVER,
                                                       werkgever=werkgevers["transport"])
        users["werknemer.jan"] = self._gebruiker("werknemer.jan", "Jan", "de Vries", Rol.WERKNEMER, bsn="111222333")
        users["jobcoach.noord"] = self._gebruiker("jobcoach.noord", "Ilse", "Mulder", Rol.JOBCOACH,
                                                  jobcoachorganisatie=jco)
        admin = self._gebruiker("beheerder", "Technisch", "Beheerder", Rol.FUNCTIONEEL_BEHEERDER,
                                is_staff=True, is_superuser=True)
        admin.gemeenten.set(gemeenten.values())
        return users

    # --- cases in every state ---------------------------------------------------------------------

    def _aanvraag(self, *, door, gemeente, werknemer, dagen_geleden: int, indienen: bool = True) -> Aanvraag:
        naam, bsn = werknemer
        aanvraag = aanvraag_services.aanvraag_concept_opslaan(
            door=door, gemeente=gemeente,
            gegevens={"werknemer_naam": naam, "werknemer_bsn": bsn, "functie": "Medewerker productie",
                      "contracturen_per_week": Decimal("24"),
                      "startdatum": timezone.localdate() - datetime.timedelta(days=dagen_geleden),
                      "reden": "Heeft begeleiding nodig bij het aanleren van taken en het houden van overzicht."},
        )
        if indienen:
            aanvraag_services.aanvraag_indienen(aanvraag=aanvraag, door=door)
            Aanvraag.objects.filter(pk=aanvraag.pk).update(
                ontvangen_op=timezone.localdate() - datetime.timedelta(days=dagen_geleden)
            )
            aanvraag.refresh_from_db()
        return aanvraag

    def _onderzoek_tot(self, aanvraag, km, fase: str, jco):
        aanvraag_services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=km)
        beoordeling = aanvraag.beoordelingen.get()
        stappen = [
            ("beeldvorming", "Gesprek met werknemer en werkgever (drieluikgesprek) en observatie op de werkplek. "
                             "Werknemer leert nieuwe taken traag aan en raakt het overzicht kwijt bij drukte."),
            ("oordeelsvorming", "Knelpunt: structuur en tempo. Een intern werkbegeleider is er niet; "
                                "werkplekaanpassing alleen volstaat niet. Jobcoaching is de meest adequate oplossing."),
        ]
        for veld, tekst in stappen:
            if beoordeling.status == fase:
                return beoordeling
            beoordeling_services.beoordeling_fase_opslaan(
                beoordeling=beoordeling, door=km, gegevens={veld: tekst},
                versie=beoordeling_services.versie_token(beoordeling))
            beoordeling_services.beoordeling_volgende_fase(beoordeling=beoordeling, door=km)
        if fase == "besluitvorming":
            return beoordeling
        beoordeling_services.beoordeling_fase_opslaan(
            beoordeling=beoordeling, door=km,
            gegevens={"besluitvorming": "Op grond van het onderzoek kennen wij jobcoaching toe: de werknemer kan de "
                                        "taken zonder begeleiding niet uitvoeren (artikel 10 Participatiewet).",
                      "voorstel_uitkomst": Uitkomst.TOEKENNING, "voorstel_uren_per_week": Decimal("2.5"),
                      "voorstel_duur_maanden": 12, "voorstel_jobcoachorganisatie": jco},
            versie=beoordeling_services.versie_token(beoordeling))
        beoordeling_services.beoordeling_ter_ondertekening(beoordeling=beoordeling, door=km)
        return beoordeling

    def _aanvragen(self, gemeenten, u, jco):
        wg, wg2 = u["werkgever.bakkerij"], u["werkgever.transport"]
        castricum, amsterdam = gemeenten["castricum"], gemeenten["amsterdam"]
        km_c, km_a = u["km.castricum"], u["km.amsterdam"]
        w = iter(WERKNEMERS)

        self._aanvraag(door=wg, gemeente=castricum, werknemer=next(w), dagen_geleden=0, indienen=False)  # concept
        self._aanvraag(door=wg, gemeente=castricum, werknemer=next(w), dagen_geleden=3)  # ingediend
        self._aanvraag(door=u["werknemer.jan"], gemeente=castricum, werknemer=WERKNEMERS[0], dagen_geleden=50)
        a = self._aanvraag(door=wg, gemeente=castricum, werknemer=next(w), dagen_geleden=20)
        self._onderzoek_tot(a, km_c, "beeldvorming", jco)
        a = self._aanvraag(door=wg, gemeente=castricum, werknemer=next(w), dagen_geleden=30)
        self._onderzoek_tot(a, km_c, "oordeelsvorming", jco)
        a = self._aanvraag(door=wg, gemeente=castricum, werknemer=next(w), dagen_geleden=40)
        self._onderzoek_tot(a, km_c, "besluitvorming", jco)
        a = self._aanvraag(door=wg, gemeente=castricum, werknemer=next(w), dagen_geleden=45)
        self._onderzoek_tot(a, km_c, "ter_ondertekening", jco)
        a = self._aanvraag(door=wg, gemeente=castricum, werknemer=next(w), dagen_geleden=55)
        b = self._onderzoek_tot(a, km_c, "ter_ondertekening", jco)
        beoordeling_services.beoordeling_vaststellen(beoordeling=b, door=u["ad.castricum"])  # besloten + PDF
        a = self._aanvraag(door=wg, gemeente=castricum, werknemer=next(w), dagen_geleden=25)
        aanvraag_services.aanvraag_in_behandeling_nemen(aanvraag=a, door=km_c)
        aanvraag_services.aanvraag_aanvulling_vragen(aanvraag=a, door=km_c,
                                                     wat_ontbreekt="Arbeidsovereenkomst en functieomschrijving")
        a = self._aanvraag(door=wg, gemeente=castricum, werknemer=("Bram Kok", "999990093"), dagen_geleden=60)
        aanvraag_services.aanvraag_in_behandeling_nemen(aanvraag=a, door=km_c)
        aanvraag_services.aanvraag_aanvulling_vragen(aanvraag=a, door=km_c, wat_ontbreekt="Loonwaardemeting")
        aanvraag_services.aanvraag_buiten_behandeling_stellen(
            aanvraag=a, door=km_c, reden="De hersteltermijn is verstreken zonder de gevraagde loonwaardemeting.")
        a = self._aanvraag(door=wg, gemeente=castricum, werknemer=next(w), dagen_geleden=10)
        aanvraag_services.aanvraag_intrekken(aanvraag=a, door=wg, reden="Werknemer heeft een andere baan gevonden.")
        # Amsterdam: a second werkgever's cases, to show scoping.
        a = self._aanvraag(door=wg2, gemeente=amsterdam, werknemer=("Rik Vermeulen", "999990068"), dagen_geleden=5)
        a = self._aanvraag(door=wg2, gemeente=amsterdam, werknemer=("Eva de Boer", "999990081"), dagen_geleden=15)
        self._onderzoek_tot(a, km_a, "oordeelsvorming", jco)
