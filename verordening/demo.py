"""Demo gemeenten, regio and verordeningen (used by `manage.py demo_data`)."""

import datetime

from .models import Gemeente, Jobcoachorganisatie, Regio, Verordening

REGIO_BUCH = "BUCH (Bergen, Uitgeest, Castricum, Heiloo)"
GEMEENTEN = [
    # (slug, naam, CBS-code, regio)
    ("amsterdam", "Amsterdam", "GM0363", None),
    ("utrecht", "Utrecht", "GM0344", None),
    ("castricum", "Castricum", "GM0383", REGIO_BUCH),
    ("heiloo", "Heiloo", "GM0399", REGIO_BUCH),
]


def laad_gemeenten() -> dict[str, Gemeente]:
    regio, _ = Regio.objects.get_or_create(naam=REGIO_BUCH)
    gemeenten = {}
    for slug, naam, code, regio_naam in GEMEENTEN:
        gemeente, _ = Gemeente.objects.update_or_create(
            cbs_code=code, defaults={"naam": naam, "regio": regio if regio_naam else None}
        )
        gemeenten[slug] = gemeente
        if not regio_naam:
            _verordening(
                gemeente=gemeente,
                naam=f"Re-integratieverordening Participatiewet {naam} 2024",
                bezwaar=f"Het college van burgemeester en wethouders van {naam}\nt.a.v. Juridische Zaken\n"
                f"Postbus 1000\n1000 AA {naam}",
            )
    _verordening(
        regio=regio,
        naam="Re-integratieverordening BUCH 2024",
        bezwaar="Het college van burgemeester en wethouders\nWerkorganisatie BUCH, Juridische Zaken\n"
        "Postbus 15\n1850 AA Heiloo",
    )
    return gemeenten


def _verordening(*, naam: str, bezwaar: str, gemeente=None, regio=None) -> Verordening:
    return Verordening.objects.update_or_create(
        gemeente=gemeente,
        regio=regio,
        geldig_van=datetime.date(2024, 1, 1),
        defaults={"naam": naam, "bezwaar_adres": bezwaar, "artikel_persoonlijke_ondersteuning": "artikel 8"},
    )[0]


def laad_jobcoachorganisaties() -> dict[str, Jobcoachorganisatie]:
    return {
        "noord": Jobcoachorganisatie.objects.update_or_create(
            kvk_nummer="55554444", defaults={"naam": "JobcoachNL Noord"}
        )[0],
        "werkfit": Jobcoachorganisatie.objects.update_or_create(
            kvk_nummer="66667777", defaults={"naam": "Werkfit Begeleiding"}
        )[0],
    }
