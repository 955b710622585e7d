"""`manage.py generate_load --aanvragen 1000000 --gemeenten 342`: realistic load data in PostgreSQL.

Skips when a data set of that size is already there; `--reset` first removes all generated data
(and only that). Progress goes to stderr. See aanvragen/bench/generator.py for what is made.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from aanvragen.bench import generator


class Command(BaseCommand):
    help = "Vult PostgreSQL met gegenereerde gemeenten, medewerkers, werkgevers en aanvragen in elke status."

    def add_arguments(self, parser):
        parser.add_argument("--aanvragen", type=int, default=1_000_000)
        parser.add_argument("--gemeenten", type=int, default=342)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--reset", action="store_true", help="Verwijder eerst alle gegenereerde gegevens.")

    def handle(self, *args, **opties):
        if connection.vendor != "postgresql":
            raise CommandError(
                "generate_load schrijft met PostgreSQL COPY; zet DATABASE_URL op een PostgreSQL-database.")
        if not 1 <= opties["gemeenten"] <= 999 or opties["aanvragen"] < opties["gemeenten"]:
            raise CommandError("Kies 1 tot 999 gemeenten en ten minste één aanvraag per gemeente.")
        start = time.monotonic()
        if opties["reset"]:
            self.stderr.write("Gegenereerde gegevens verwijderen…")
            generator.reset()
        gemeenten, aanvragen = generator.bestaand()
        if (gemeenten, aanvragen) == (opties["gemeenten"], opties["aanvragen"]):
            self.stdout.write(f"Er staan al {aanvragen} gegenereerde aanvragen in {gemeenten} gemeenten; niets gedaan.")
            return
        if gemeenten or aanvragen:
            raise CommandError(
                f"Er staan al {aanvragen} gegenereerde aanvragen in {gemeenten} gemeenten. "
                "Gebruik --reset om ze te vervangen."
            )
        resultaat = generator.genereer(aanvragen=opties["aanvragen"], gemeenten=opties["gemeenten"],
                                       seed=opties["seed"])
        rijen = ", ".join(f"{naam} {aantal}" for naam, aantal in resultaat.rijen.items())
        self.stdout.write(self.style.SUCCESS(
            f"{resultaat.aanvragen} aanvragen in {resultaat.gemeenten} gemeenten gegenereerd in "
            f"{time.monotonic() - start:.0f} s ({rijen})."
        ))
        voorbeeld = generator.staf_gebruikersnaam("GM2001", "klantmanager", 1)
        self.stdout.write(f"Medewerkers loggen in als bijv. {voorbeeld} met wachtwoord {generator.WACHTWOORD}.")
