"""`manage.py demo_data`: gemeenten, verordeningen, a user for every role and cases in every state.

Idempotent: reference data is updated in place, and the demo cases are made only once. Each app
keeps its own part in `<app>/demo.py`.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from aanvragen.bezwaar import demo as bezwaar_demo
from aanvragen.demo import DemoAanvragen
from aanvragen.models import Aanvraag
from accounts import demo as accounts_demo
from beoordeling.trajecten import demo as trajecten_demo
from verordening import demo as verordening_demo


class Command(BaseCommand):
    help = "Laadt demodata: gemeenten, verordeningen, gebruikers voor elke rol en aanvragen in elke status."

    def handle(self, *args, **options):
        with transaction.atomic():
            gemeenten = verordening_demo.laad_gemeenten()
            jobcoachorganisaties = verordening_demo.laad_jobcoachorganisaties()
            werkgevers = accounts_demo.laad_werkgevers()
            gebruikers = accounts_demo.laad_gebruikers(
                gemeenten=gemeenten, werkgevers=werkgevers, jobcoachorganisaties=jobcoachorganisaties
            )
        if Aanvraag.objects.filter(werkgever__in=werkgevers.values()).exists():
            trajecten_demo.laad_trajecten()
            self.stdout.write("Demodata was al geladen; gebruikers en verordeningen zijn bijgewerkt.")
            return
        DemoAanvragen().laad(gemeenten, gebruikers, jobcoachorganisaties["noord"])
        bezwaar_demo.laad(gemeenten, gebruikers)
        trajecten_demo.laad_trajecten()
        self.stdout.write(self.style.SUCCESS(
            f"Demodata geladen. Wachtwoord van alle demogebruikers: {accounts_demo.DEMO_WACHTWOORD}"
        ))
