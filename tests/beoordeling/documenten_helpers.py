"""Builders for the document tests: a signed besluit on a structured onderzoek, made directly with the ORM.

The documents read a besluit as it is stored; how the onderzoek got there is tested with the services
elsewhere. The engine's calculation is the real one (beoordeling.toepassing), stored as the sign-off
stores it.
"""

import datetime
import hashlib
import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfReader

from aanvragen.models import Bijlage, Transitie
from beoordeling.models import (
    Beoordeling,
    Besluit,
    Coachingsdoel,
    IcfFactor,
    Knelpunt,
    LeidraadAntwoord,
    Oplossing,
    Uitkomst,
    Wijziging,
)
from beoordeling.toepassing import toepassing
from tests.verordening.factories import KeurmerkregistratieFactory

WERKNEMER = "Fatima el Amrani"
MEDISCH = "Autismespectrumstoornis vastgesteld door de bedrijfsarts"
INTERNE_REDEN = "Motiveer beter waarom een interne werkbegeleider niet volstaat"
KNELPUNT = "Raakt de draad kwijt bij wisselende taken op drukke dagen"
ADEQUAAT = "Een jobcoach kan de werkvolgorde samen met de collega's aanleren"
MAATWERK = "Door de ploegendiensten is in de eerste maanden meer begeleiding nodig"


def pdf_tekst(inhoud: bytes) -> str:
    reader = PdfReader(io.BytesIO(inhoud))
    return " ".join(" ".join(pagina.extract_text() or "" for pagina in reader.pages).split())


def lees(document) -> bytes:
    with document.bestand.open("rb") as bestand:
        return bestand.read()


def _aanvraag(wereld, **kwargs):
    vandaag = timezone.localdate()
    gegevens = {
        "status": "besloten", "nummer": f"0362-2026-{Beoordeling.objects.count() + 1:05d}",
        "ontvangen_op": vandaag - datetime.timedelta(days=30), "werknemer_naam": WERKNEMER,
        "werknemer_bsn": "111222333", "werknemer_adres": "Dorpsstraat 1", "werknemer_postcode": "1901 EJ",
        "werknemer_woonplaats": "Limmen", "werkgever_contactpersoon": "Petra Korenschoof",
        "functie": "Medewerker inpak", "contracturen_per_week": Decimal("24"),
        "startdatum": vandaag - datetime.timedelta(days=20), "behandelaar": wereld.km_a,
    }
    return wereld.aanvraag(**(gegevens | kwargs))


def _onderzoek(beoordeling, *, factoren: int) -> None:
    medisch = IcfFactor.objects.create(beoordeling=beoordeling, categorie="ziekte", werking="belemmerend",
                                       bron="medisch_advies", tekst=MEDISCH)
    categorieen = ["activiteiten", "participatie", "psychologisch", "arbeidsinhoud", "sociaal"]
    rijen = [IcfFactor.objects.create(
        beoordeling=beoordeling, categorie=categorieen[i % len(categorieen)],
        werking="belemmerend" if i % 3 else "bevorderend", bron="observatie_werkplek",
        icf_code="d230" if categorieen[i % len(categorieen)] in ("activiteiten", "participatie") else "",
        kwalificatie=2 if categorieen[i % len(categorieen)] in ("activiteiten", "participatie") else None,
        tekst=f"Waarneming {i + 1} op de werkvloer: werkt zorgvuldig maar verliest overzicht bij drukte.",
    ) for i in range(factoren - 1)]
    knelpunt = Knelpunt.objects.create(beoordeling=beoordeling, omschrijving=KNELPUNT, plaatsing=True,
                                       duurzaamheid=True)
    knelpunt.factoren.set([medisch, *rijen[:2]])  # a medical factor behind the knelpunt, too
    Oplossing.objects.create(beoordeling=beoordeling, soort="organisatorisch", oordeel="aanvullend",
                             omschrijving="Vaste werkplek en een takenlijst", toelichting="Helpt, maar volstaat niet.")
    for nummer in range(1, 9):
        LeidraadAntwoord.objects.create(beoordeling=beoordeling, vraag=nummer, antwoord="ja" if nummer <= 5 else "",
                                        motivering=f"Antwoord op vraag {nummer}, gemotiveerd.")
    doel = Coachingsdoel.objects.create(beoordeling=beoordeling, doel="Werkt zelfstandig de vaste werkvolgorde af",
                                        resultaat="Vier weken zonder hulp de ochtendtaken", termijn_maanden=6,
                                        taken=["vaardigheden", "coach_de_coach"])
    doel.knelpunten.set([knelpunt])


def _transities(aanvraag, beoordeling, wereld) -> None:
    stappen = [("aanvraag", aanvraag.pk, "indienen", "concept", "ingediend", wereld.wg_a, ""),
               ("aanvraag", aanvraag.pk, "in_behandeling_nemen", "ingediend", "in_behandeling", wereld.km_a, ""),
               ("beoordeling", beoordeling.pk, "terugsturen", "ter_ondertekening", "besluitvorming", wereld.ad_a,
                INTERNE_REDEN),
               ("beoordeling", beoordeling.pk, "vaststellen", "ter_ondertekening", "vastgesteld", wereld.ad_a, ""),
               ("aanvraag", aanvraag.pk, "besluit_nemen", "in_behandeling", "besloten", wereld.ad_a, "")]
    for machine, object_id, transitie, van, naar, door, reden in stappen:
        Transitie.objects.create(aanvraag=aanvraag, machine=machine, object_id=object_id, transitie=transitie,
                                 van=van, naar=naar, door=door, reden=reden)


def bijlage(aanvraag, *, naam: str = "advies-bedrijfsarts.pdf", inhoud: bytes = b"%PDF-1.4 bijlage\n", door=None):
    return Bijlage.objects.create(
        aanvraag=aanvraag, bestand=ContentFile(inhoud, name="bijlage.pdf"), naam=naam, soort="pdf", grootte=len(inhoud),
        sha256=hashlib.sha256(inhoud).hexdigest(), geupload_door=door or aanvraag.aangemaakt_door,
    )


def besluit_met_onderzoek(wereld, *, uitkomst: str = Uitkomst.TOEKENNING, factoren: int = 8, bijlagen: int = 1,
                          maatwerk: bool = False, **aanvraag_kwargs) -> Besluit:
    """A signed besluit of gemeente A on a complete onderzoek: ICF factors (one medical), a knelpunt, the
    eight answers, a goal, the history (with an internal reason) and `bijlagen` uploads."""
    aanvraag = _aanvraag(wereld, **aanvraag_kwargs)
    KeurmerkregistratieFactory(organisatie=wereld.jobcoachorganisatie, keurmerk="OVAL")
    toekenning = uitkomst != Uitkomst.AFWIJZING
    beoordeling = Beoordeling.objects.create(
        aanvraag=aanvraag, status="vastgesteld", kern_problematiek="Overzicht houden bij drukte.",
        werkplek_contracturen=Decimal("24"), contractvorm="onbepaalde_tijd", intern_werkbegeleider=False,
        doelgroepregister="ingeschreven", jobcoaching_adequaat="ja" if toekenning else "nee",
        adequaat_motivering=ADEQUAAT, overleg_toelichting="Geen schulden of Wmo-begeleiding aan de orde.",
        motivering="De werknemer kan de taken zonder begeleiding niet uitvoeren.", voorstel_uitkomst=uitkomst,
        afwijzingsgrond="" if toekenning else "andere_oplossing",
        ingangsdatum=aanvraag.startdatum, voorstel_jobcoachorganisatie=wereld.jobcoachorganisatie,
        maatwerk_uren_per_week=Decimal("4") if maatwerk else None, maatwerk_motivering=MAATWERK if maatwerk else "",
        voorbereid_door=wereld.km_a, vastgesteld_door=wereld.ad_a,
    )
    _onderzoek(beoordeling, factoren=factoren)
    Wijziging.objects.create(beoordeling=beoordeling, door=wereld.km_a, onderdeel="ICF-factor", actie="toegevoegd",
                             veld="omschrijving", nieuw=MEDISCH, medisch=True)
    Wijziging.objects.create(beoordeling=beoordeling, door=wereld.km_a, onderdeel="Oordeelsvorming",
                             actie="gewijzigd", veld="motivering", oud="", nieuw=ADEQUAAT)
    toegepast = toepassing(beoordeling)
    berekening = toegepast.berekening.as_dict() if toegepast.berekening else {"fouten": list(toegepast.fouten)}
    tk = toegepast.toekenning if toekenning else None
    besluit = Besluit.objects.create(
        beoordeling=beoordeling, aanvraag=aanvraag, verordening=toegepast.verordening, uitkomst=uitkomst,
        afwijzingsgrond=beoordeling.afwijzingsgrond,
        uren_per_week=tk.uren_per_week if tk else None, duur_maanden=tk.duur_maanden if tk else None,
        startdatum=tk.startdatum if tk else None, einddatum=tk.einddatum if tk else None,
        berekening=berekening, maatwerk=bool(tk and tk.maatwerk),
        maatwerk_motivering=MAATWERK if tk and tk.maatwerk else "",
        teksten={
            "knelpunten": [{"omschrijving": KNELPUNT, "plaatsing": True, "duurzaamheid": True}],
            "jobcoaching_adequaat": {"antwoord": beoordeling.jobcoaching_adequaat, "motivering": ADEQUAAT},
            "afwijzingsgrond": "" if toekenning else "Een andere oplossing is meer adequaat dan jobcoaching",
            "doelen": [{"doel": "Werkt zelfstandig de vaste werkvolgorde af", "resultaat": "Vier weken zonder hulp",
                        "termijn_maanden": 6, "activiteiten": ["Leert de werknemer vaardigheden aan"]}],
        },
        jobcoachorganisatie=wereld.jobcoachorganisatie if toekenning else None,
        motivering=beoordeling.motivering, voorbereid_door=wereld.km_a, vastgesteld_door=wereld.ad_a,
        vastgesteld_op=timezone.now(),
    )
    _transities(aanvraag, beoordeling, wereld)
    for nummer in range(bijlagen):
        bijlage(aanvraag, naam=f"bijlage-{nummer + 1}.pdf", inhoud=f"%PDF-1.4 bijlage {nummer + 1}\n".encode())
    return besluit
