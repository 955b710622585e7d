"""Demo werkgevers and one user for every role (used by `manage.py demo_data`).

Every demo user has the password DEMO_WACHTWOORD; README.md lists the usernames.
"""

from django.contrib.auth.hashers import make_password

from .models import Rol, User, Werkgever

DEMO_WACHTWOORD = "Jobcoach-Demo-2026"
STAF_ROLLEN = [
    ("km", Rol.KLANTMANAGER, "Klantmanager"),
    ("km2", Rol.KLANTMANAGER, "Tweede klantmanager"),
    ("ad", Rol.ARBEIDSDESKUNDIGE, "Arbeidsdeskundige"),
    ("ad2", Rol.ARBEIDSDESKUNDIGE, "Tweede arbeidsdeskundige"),
    ("bb", Rol.BEZWAARBEHANDELAAR, "Bezwaarbehandelaar"),
    ("fb", Rol.FUNCTIONEEL_BEHEERDER, "Functioneel beheerder"),
    ("bm", Rol.BELEIDSMEDEWERKER, "Beleidsmedewerker"),
]


def laad_werkgevers() -> dict[str, Werkgever]:
    return {
        "bakkerij": Werkgever.objects.update_or_create(
            kvk_nummer="12345678",
            defaults={"naam": "Bakkerij De Korenschoof B.V.", "vestigingsadres": "Dorpsstraat 12, 1901 EJ Castricum"},
        )[0],
        "transport": Werkgever.objects.update_or_create(
            kvk_nummer="87654321",
            defaults={"naam": "Transport Van Dijk", "vestigingsadres": "Havenweg 4, 1013 AA Amsterdam"},
        )[0],
    }


def laad_gebruikers(*, gemeenten: dict, werkgevers: dict, jobcoachorganisaties: dict) -> dict[str, User]:
    wachtwoord = make_password(DEMO_WACHTWOORD)

    def gebruiker(username: str, voornaam: str, achternaam: str, rol: str, **extra) -> User:
        return User.objects.update_or_create(
            username=username,
            defaults={"first_name": voornaam, "last_name": achternaam, "rol": rol, "password": wachtwoord,
                      "email": f"{username}@demo.jobcoachloket.nl", **extra},
        )[0]

    users = {}
    for slug, gemeente in gemeenten.items():
        for prefix, rol, functie in STAF_ROLLEN:
            user = gebruiker(f"{prefix}.{slug}", functie, gemeente.naam, rol)
            user.gemeenten.set([gemeente])
            users[user.username] = user
    users["werkgever.bakkerij"] = gebruiker("werkgever.bakkerij", "Petra", "Korenschoof", Rol.WERKGEVER,
                                            werkgever=werkgevers["bakkerij"])
    users["werkgever.transport"] = gebruiker("werkgever.transport", "Henk", "van Dijk", Rol.WERKGEVER,
                                             werkgever=werkgevers["transport"])
    users["werknemer.jan"] = gebruiker("werknemer.jan", "Jan", "de Vries", Rol.WERKNEMER, bsn="111222333")
    users["jobcoach.noord"] = gebruiker("jobcoach.noord", "Ilse", "Mulder", Rol.JOBCOACH,
                                        jobcoachorganisatie=jobcoachorganisaties["noord"])
    beheerder = gebruiker("beheerder", "Technisch", "Beheerder", Rol.FUNCTIONEEL_BEHEERDER,
                          is_staff=True, is_superuser=True)
    beheerder.gemeenten.set(gemeenten.values())
    users["beheerder"] = beheerder
    return users
