"""What a complete aanvraag looks like: the POST data of every step, and complete concepts made through
the real services. Dates are relative to today so the form's date rules hold whenever tests run."""

import datetime
from decimal import Decimal

from django.utils import timezone

from aanvragen import services
from aanvragen.models import Aanvraag


def _iso(dagen: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=dagen)).isoformat()


def stap_data(gemeente_naam: str) -> dict[str, dict]:
    """Valid POST data per step, as a browser sends it."""
    return {
        "werknemer": {
            "werknemer_naam": "Jan de Vries", "werknemer_bsn": "111222333", "werknemer_geboortedatum": "1990-05-17",
            "werknemer_adres": "Dorpsstraat 1", "werknemer_postcode": "1901ej", "werknemer_woonplaats": "Limmen",
            "gemeente": gemeente_naam, "werknemer_email": "jan@example.nl", "werknemer_telefoon": "",
        },
        "werkgever": {
            "werkgever_naam": "Bakkerij De Korenschoof", "werkgever_kvk": "12345678",
            "werkgever_contactpersoon": "Petra Korenschoof",
            "werkgever_vestigingsadres": "Dorpsstraat 12, 1901 EJ Castricum",
        },
        "werk": {
            "functie": "Medewerker bakkerij", "taken": "Brood inpakken en de winkel aanvullen.",
            "contracturen_per_week": "24", "contractsoort": "bepaalde_tijd", "contract_einddatum": _iso(365),
            "startdatum": _iso(14), "loonwaarde_percentage": "", "loonkostensubsidie": "nee", "doelgroepregister": "ja",
        },
        "ondersteuning": {
            "d1_voorbeelden": ["d155", "d160"], "d1_toelichting": "Vergeet stappen als het druk wordt.",
            "d2_voorbeelden": ["d240"], "reden": "Heeft begeleiding nodig bij het leren van de vaste werkvolgorde.",
        },
        "werkplek": {
            "arbeidsinhoud_bevorderend": "Vaste, overzichtelijke taken.",
            "arbeidsomstandigheden_belemmerend": "Drukte in de winkel op zaterdag.",
            "werkgever_doet_al": "Een vaste collega is aanspreekpunt.", "interne_werkbegeleider": "nee",
            "voorkeur_jobcoachorganisatie": "",
        },
    }


def volledige_gegevens() -> dict:
    """Every concept field, as the services take them."""
    vandaag = timezone.localdate()
    return {
        "werknemer_naam": "Jan de Vries", "werknemer_bsn": "111222333",
        "werknemer_geboortedatum": datetime.date(1990, 5, 17), "werknemer_adres": "Dorpsstraat 1",
        "werknemer_postcode": "1901 EJ", "werknemer_woonplaats": "Limmen", "werknemer_email": "jan@example.nl",
        "werkgever_naam": "Bakkerij De Korenschoof", "werkgever_kvk": "12345678",
        "werkgever_contactpersoon": "Petra Korenschoof",
        "werkgever_vestigingsadres": "Dorpsstraat 12, 1901 EJ Castricum",
        "functie": "Medewerker bakkerij", "taken": "Brood inpakken.", "contracturen_per_week": Decimal("24"),
        "contractsoort": "onbepaalde_tijd", "startdatum": vandaag + datetime.timedelta(days=14),
        "loonkostensubsidie": False, "doelgroepregister": "ja",
        "reden": "Heeft begeleiding nodig bij het leren van de vaste werkvolgorde.",
        "werkgever_doet_al": "Een vaste collega is aanspreekpunt.", "interne_werkbegeleider": False,
    }


def volledig_concept(*, door, gemeente, aanvraag: Aanvraag | None = None, **anders) -> Aanvraag:
    """A complete concept of `door` for `gemeente` (or `aanvraag` completed), with ICF rows, made through
    the services."""
    return services.aanvraag_concept_opslaan(
        door=door, gemeente=gemeente, aanvraag=aanvraag, gegevens=volledige_gegevens() | anders,
        ondersteuningsvragen=[("d1", "d155", "Nieuwe taken of vaardigheden aanleren"),
                              ("d2", "d2", "Raakt het overzicht kwijt bij drukte.")],
        werkplekfactoren=[("arbeidsinhoud", "bevorderend", "Vaste taken.")],
    )
