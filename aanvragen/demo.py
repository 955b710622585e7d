"""Demo aanvragen in every state, walked through the real services (used by `manage.py demo_data`).

Every case is a complete aanvraag (all steps of the form, ICF answers, a bijlage), submitted and then
moved back in time: each case is made inside one transaction and its dates are moved before commit,
so the letters (made after commit) carry the moved dates and the stored uiterste beslisdatum is
recomputed. Among them: a running aanvulling, a verdaging, an overdue case, a case buiten
behandeling, one registered from a phone call and one submitted by a jobcoachorganisatie.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from beoordeling import services as beoordeling_services
from beoordeling.models import Uitkomst
from beoordeling.pdf import html_naar_pdf
from verordening.models import Jobcoachprofiel

from . import services as aanvraag_services
from . import termijnen
from .models import Aanvraag, Opschorting, Transitie, Verdaging

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
    ("Bram Kok", "999990093"),
    ("Iris Mulder", "999990111"),
    ("Daan de Graaf", "999990123"),
    ("Sem Bos", "999990135"),
    ("Julia Peters", "999990147"),
    ("Luuk Dekker", "999990159"),
    ("Emma van Leeuwen", "999990160"),
    ("Finn Brouwer", "999990172"),
    ("Mila de Wit", "999990184"),
    ("Lars Dijkstra", "999990196"),
    ("Zoë Smits", "999990202"),
]

ONDERSTEUNING = [
    ("d1", "d155", "Nieuwe taken of vaardigheden aanleren"),
    ("d2", "d230", "Een vaste dagindeling of werkvolgorde aanhouden"),
    ("d2", "d240", "Omgaan met tempo, werkdruk en stress"),
    ("d2", "d2", "Raakt het overzicht kwijt als het druk wordt en slaat dan stappen over."),
    ("d7", "d720", "Omgaan met kritiek, onenigheid of samenwerken"),
]
WERKPLEK = [
    ("arbeidsinhoud", "bevorderend", "Vaste, overzichtelijke taken in de productie."),
    ("arbeidsomstandigheden", "belemmerend", "Drukte en lawaai in de ochtendspits."),
    ("arbeidsverhoudingen", "bevorderend", "Een vaste collega die wil helpen."),
]


def _dag(dagen_geleden: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=dagen_geleden)


def _demo_pdf(titel: str) -> ContentFile:
    pdf = html_naar_pdf(f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{titel}</title></head>'
                        f"<body><h1>{titel}</h1><p>Voorbeeldbijlage van de demo.</p></body></html>")
    return ContentFile(pdf, name=f"{titel.lower().replace(' ', '-')}.pdf")


class DemoAanvragen:
    def __init__(self):
        self.werknemers = iter(WERKNEMERS)

    # --- the aanvraag ---------------------------------------------------------------------------------

    def _gegevens(self, werknemer, *, door) -> dict:
        naam, bsn = werknemer
        werkgever = getattr(door, "werkgever", None)
        return {
            "werknemer_naam": naam, "werknemer_bsn": bsn, "werknemer_geboortedatum": datetime.date(1994, 6, 12),
            "werknemer_adres": "Kerkstraat 7", "werknemer_postcode": "1901 AB", "werknemer_woonplaats": "Castricum",
            "werknemer_telefoon": "06 12345678",
            "werkgever_naam": werkgever.naam if werkgever else "Bakkerij De Korenschoof B.V.",
            "werkgever_kvk": werkgever.kvk_nummer if werkgever else "12345678",
            "werkgever_contactpersoon": "Petra Korenschoof",
            "werkgever_vestigingsadres": (werkgever.vestigingsadres if werkgever
                                          else "Dorpsstraat 12, 1901 EJ Castricum"),
            "functie": "Medewerker productie", "taken": "Deeg afwegen, brood inpakken, de winkel aanvullen.",
            "contracturen_per_week": Decimal("24"), "contractsoort": "bepaalde_tijd",
            "contract_einddatum": timezone.localdate() + datetime.timedelta(days=300),
            "startdatum": _dag(30), "loonkostensubsidie": True, "loonwaarde_percentage": 60,
            "doelgroepregister": "ja",
            "reden": "Heeft begeleiding nodig bij het aanleren van taken en het houden van overzicht.",
            "werkgever_doet_al": "Een vaste collega is aanspreekpunt; de werktijden zijn aangepast.",
            "interne_werkbegeleider": False,
        }

    def _concept(self, *, door, gemeente, werknemer=None, aanvraag=None, **anders) -> Aanvraag:
        werknemer = werknemer or next(self.werknemers)
        return aanvraag_services.aanvraag_concept_opslaan(
            door=door, gemeente=gemeente, aanvraag=aanvraag,
            gegevens=self._gegevens(werknemer, door=door) | anders,
            ondersteuningsvragen=ONDERSTEUNING, werkplekfactoren=WERKPLEK,
        )

    def _terugdateren(self, aanvraag: Aanvraag, dagen_geleden: int) -> Aanvraag:
        Aanvraag.objects.filter(pk=aanvraag.pk).update(ontvangen_op=_dag(dagen_geleden))
        Transitie.objects.filter(aanvraag=aanvraag, transitie__in=["indienen", "registreren"]).update(
            op=timezone.now() - datetime.timedelta(days=dagen_geleden))
        aanvraag.refresh_from_db()
        return aanvraag_services.aanvraag_termijn_bijwerken(aanvraag=aanvraag)

    def _ingediend(self, *, door, gemeente, dagen_geleden: int, bijlage: bool = False, **kwargs) -> Aanvraag:
        concept = self._concept(door=door, gemeente=gemeente, **kwargs)
        if bijlage:
            aanvraag_services.bijlage_toevoegen(aanvraag=concept, door=door, bestand=_demo_pdf("Arbeidsovereenkomst"))
        aanvraag = aanvraag_services.aanvraag_indienen(aanvraag=concept, door=door)
        return self._terugdateren(aanvraag, dagen_geleden)

    def _aanvulling(self, aanvraag, km, *, dagen_geleden: int, wat: str) -> Opschorting:
        opschorting = aanvraag_services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=km, wat_ontbreekt=wat)
        verzocht = _dag(dagen_geleden)
        Opschorting.objects.filter(pk=opschorting.pk).update(
            verzocht_op=verzocht, start=verzocht + datetime.timedelta(days=1),
            hersteltermijn_einde=termijnen.hersteltermijn_einde(verzocht, 2))
        aanvraag_services.aanvraag_termijn_bijwerken(aanvraag=aanvraag)
        return opschorting

    # --- the onderzoek (beoordeling app) -------------------------------------------------------------

    def _fase(self, beoordeling, km, **gegevens):
        return beoordeling_services.beoordeling_fase_opslaan(
            beoordeling=beoordeling, door=km, gegevens=gegevens, versie=beoordeling_services.versie_token(beoordeling))

    def _onderzoek_tot(self, aanvraag, km, fase: str, jco, jobcoach):
        """Take the case and do the onderzoek up to `fase`, starting from the applicant's answers."""
        aanvraag_services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=km)
        b = aanvraag.beoordelingen.get()
        beoordeling_services.beoordeling_aanvraag_overnemen(beoordeling=b, door=km,
                                                           versie=beoordeling_services.versie_token(b))
        if fase == "beeldvorming":
            return b
        factor = {"id": None, "werking": "belemmerend", "icf_code": "", "kwalificatie": None}
        self._fase(
            b, km, kern_problematiek="Leert nieuwe taken traag aan en raakt het overzicht kwijt bij drukte.",
            doelgroepregister_grondslag="participatiewet", doelgroepregister_gecontroleerd_op=_dag(5),
            loonwaarde_gemeten_op=_dag(40), loonwaarde_deskundige="Arbeidsdeskundige van de gemeente",
            factoren=[factor | {"categorie": "psychologisch", "werking": "bevorderend", "bron": "gesprek_werknemer",
                                "tekst": "Gemotiveerd en wil graag zelfstandig werken."},
                      factor | {"categorie": "participatie", "bron": "gesprek_werkgever", "icf_code": "d845",
                                "kwalificatie": 2, "tekst": "Dreigt de baan te verliezen door fouten bij drukte."}])
        beoordeling_services.beoordeling_volgende_fase(beoordeling=b, door=km)
        if fase == "oordeelsvorming":
            return b
        belemmerend = [f.pk for f in b.factoren.order_by("id") if f.werking == "belemmerend"]
        self._fase(
            b, km,
            knelpunten=[{"id": None, "omschrijving": "Structuur en tempo: raakt het overzicht kwijt bij drukte.",
                         "plaatsing": True, "duurzaamheid": True, "factoren": belemmerend}],
            oplossingen=[
                {"id": None, "soort": "organisatorisch", "omschrijving": "Vaste werkvolgorde op een taakkaart.",
                 "oordeel": "aanvullend", "toelichting": ""},
                {"id": None, "soort": "technisch", "omschrijving": "Timer met stappen op een tablet.",
                 "oordeel": "niet_passend", "toelichting": "Lost het overzicht bij drukte niet op."},
                {"id": None, "soort": "begeleiding", "omschrijving": "Jobcoaching op de werkvloer.",
                 "oordeel": "volstaat", "toelichting": ""},
            ],
            jobcoaching_adequaat="ja",
            adequaat_motivering="Zonder training on the job leert de werknemer de werkvolgorde niet aan.",
            alternatief_werkplekaanpassing="Een taakkaart helpt, maar volstaat niet alleen.",
            alternatief_intern_werkbegeleider="Er is geen collega met tijd voor dagelijkse begeleiding.",
            alternatief_beschut_werk="Niet aangewezen: permanent toezicht is niet nodig.")
        beoordeling_services.beoordeling_volgende_fase(beoordeling=b, door=km)
        if fase == "besluitvorming":
            return b
        self._fase(
            b, km, voorstel_uitkomst=Uitkomst.TOEKENNING,
            motivering="Zonder begeleiding kan de werknemer de taken niet uitvoeren (artikel 10 Participatiewet).",
            antwoorden={n: {"antwoord": "ja", "motivering": "Zie de beeldvorming en de oordeelsvorming."}
                        for n in range(1, 9)},
            voorstel_jobcoachorganisatie=jco, voorstel_jobcoach=jobcoach,
            doelen=[{"id": None, "doel": "Werkt de vaste werkvolgorde zelfstandig af.",
                     "resultaat": "Vier weken achter elkaar geen fouten in de orders.", "termijn_maanden": 6,
                     "knelpunten": list(b.knelpunten.values_list("id", flat=True)),
                     "taken": ["begeleidingsplan", "vaardigheden", "coach_de_coach"]}])
        beoordeling_services.beoordeling_ter_ondertekening(beoordeling=b, door=km)
        return b

    # --- the cases ---------------------------------------------------------------------------------------

    def laad(self, gemeenten, u, jco):
        wg, wg2, km = u["werkgever.bakkerij"], u["werkgever.transport"], u["km.castricum"]
        castricum, amsterdam = gemeenten["castricum"], gemeenten["amsterdam"]
        jobcoach = u["jobcoach.noord"]
        # The quality check of the BUCH verordening asks the jobcoach's level (register data of the
        # verordening app); the demo jobcoach has hbo werk- en denkniveau.
        Jobcoachprofiel.objects.get_or_create(jobcoach=jobcoach, defaults={"opleidingsniveau": "hbo"})

        def zaak(maak):
            with transaction.atomic():  # letters are made after commit, with the moved dates
                return maak()

        # A concept with only the first step done.
        zaak(lambda: aanvraag_services.aanvraag_concept_opslaan(
            door=wg, gemeente=castricum, gegevens={"werknemer_naam": "Sanne Bakker", "werknemer_bsn": "010000008"}))
        zaak(lambda: self._ingediend(door=wg, gemeente=castricum, dagen_geleden=3, bijlage=True))
        zaak(lambda: self._ingediend(door=u["werknemer.jan"], gemeente=castricum, dagen_geleden=50,
                                     werknemer=WERKNEMERS[0]))
        for fase, dagen in (("beeldvorming", 20), ("oordeelsvorming", 30), ("besluitvorming", 40),
                            ("ter_ondertekening", 45)):
            zaak(lambda fase=fase, dagen=dagen: self._onderzoek_tot(
                self._ingediend(door=wg, gemeente=castricum, dagen_geleden=dagen), km, fase, jco, jobcoach))

        def besloten():
            b = self._onderzoek_tot(self._ingediend(door=wg, gemeente=castricum, dagen_geleden=55), km,
                                    "ter_ondertekening", jco, jobcoach)
            beoordeling_services.beoordeling_vaststellen(beoordeling=b, door=u["ad.castricum"])
        zaak(besloten)

        def aanvulling_lopend():
            a = self._ingediend(door=wg, gemeente=castricum, dagen_geleden=25)
            aanvraag_services.aanvraag_in_behandeling_nemen(aanvraag=a, door=km)
            self._aanvulling(a, km, dagen_geleden=5, wat="Arbeidsovereenkomst\nFunctieomschrijving")
        zaak(aanvulling_lopend)

        def verdaagd():
            a = self._ingediend(door=wg, gemeente=castricum, dagen_geleden=50)
            aanvraag_services.aanvraag_in_behandeling_nemen(aanvraag=a, door=km)
            verdaging = aanvraag_services.aanvraag_verdagen(
                aanvraag=a, door=km, weken=4, reden="Wij wachten op het advies van de bedrijfsarts.")
            Verdaging.objects.filter(pk=verdaging.pk).update(gemeld_op=_dag(2))
        zaak(verdaagd)

        def te_laat():
            a = self._ingediend(door=wg, gemeente=castricum, dagen_geleden=70)
            aanvraag_services.aanvraag_in_behandeling_nemen(aanvraag=a, door=km)
        zaak(te_laat)

        def buiten_behandeling():
            a = self._ingediend(door=wg, gemeente=castricum, dagen_geleden=60)
            aanvraag_services.aanvraag_in_behandeling_nemen(aanvraag=a, door=km)
            self._aanvulling(a, km, dagen_geleden=30, wat="Loonwaardemeting")
            aanvraag_services.aanvraag_buiten_behandeling_stellen(
                aanvraag=a, door=km, reden="De hersteltermijn is verstreken zonder de gevraagde loonwaardemeting.")
        zaak(buiten_behandeling)

        def ingetrokken():
            a = self._ingediend(door=wg, gemeente=castricum, dagen_geleden=10)
            aanvraag_services.aanvraag_intrekken(aanvraag=a, door=wg, reden="Werknemer heeft een andere baan gevonden.")
        zaak(ingetrokken)

        def telefonisch():
            concept = aanvraag_services.aanvraag_registratie_starten(
                door=km, gemeente=castricum, kanaal="telefoon", ontvangen_op=_dag(2), aanvrager="werknemer")
            self._concept(door=km, gemeente=castricum, aanvraag=concept)
            aanvraag_services.aanvraag_indienen(aanvraag=concept, door=km)
        zaak(telefonisch)

        def via_jobcoach():
            concept = self._concept(door=jobcoach, gemeente=gemeenten["heiloo"], namens="werkgever")
            self._terugdateren(aanvraag_services.aanvraag_indienen(aanvraag=concept, door=jobcoach), 6)
        zaak(via_jobcoach)

        # Amsterdam: a second werkgever's cases, to show scoping.
        zaak(lambda: self._ingediend(door=wg2, gemeente=amsterdam, dagen_geleden=5))
        zaak(lambda: self._onderzoek_tot(self._ingediend(door=wg2, gemeente=amsterdam, dagen_geleden=15),
                                         u["km.amsterdam"], "oordeelsvorming", jco, jobcoach))
