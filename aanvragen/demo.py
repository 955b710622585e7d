"""Demo aanvragen in every state, walked through the real services (used by `manage.py demo_data`)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from beoordeling import services as beoordeling_services
from beoordeling.models import Uitkomst

from . import services as aanvraag_services
from .models import Aanvraag

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


class DemoAanvragen:
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

    def laad(self, gemeenten, u, jco):
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
