"""Tenant isolation, proven for every URL pattern of the project.

The URL patterns are read from the resolver, so a new page is covered automatically. Each view
declares its roles with `accounts.scoping.rol_vereist` (that declaration is the permission table for
roles); OBJECTEN below declares which kind of object each URL parameter names. A view without a
role declaration, or a URL with parameters missing from OBJECTEN, fails this test.

For every URL and every role we request it with the objects of the user's own organisation and with
those of another gemeente / werkgever / jobcoachorganisatie: a role outside the declaration gets 403,
objects of another organisation are never shown (403 or 404), and nothing answers 500.
"""

import datetime

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import Rol
from tests.factories import JobcoachorganisatieFactory, UserFactory
from tests.helpers import ter_ondertekening

pytestmark = pytest.mark.django_db

# URLs that are not behind a role: the login and logout pages and the role-based redirect.
OPENBAAR = {"login", "logout", "start"}
# Objects every organisation shares: the public register of jobcoachorganisaties.
GEDEELD = {"jobcoachorganisatie"}
# URL parameters that are not objects, with a valid value.
VASTE_WAARDEN = {"stap": "werknemer", "fase": "beeldvorming", "soort": "factoren"}
# URL name -> the kind of object each of its object parameters names. This is the declared table:
# a URL with a parameter that is not here (nor in VASTE_WAARDEN) fails test_elke_url_is_gedeclareerd.
OBJECTEN = {
    "aanvragen:bewerken": {"pk": "aanvraag"},
    "aanvragen:stap": {"pk": "aanvraag"},
    "aanvragen:indienen": {"pk": "aanvraag"},
    "aanvragen:bijlage": {"pk": "aanvraag", "bijlage_pk": "bijlage"},
    "aanvragen:bijlage_verwijderen": {"pk": "aanvraag", "bijlage_pk": "bijlage"},
    "aanvragen:detail": {"pk": "aanvraag"},
    "aanvragen:documenten": {"pk": "aanvraag"},
    "aanvragen:document": {"pk": "aanvraag", "document_pk": "brief"},
    "aanvragen:intrekken": {"pk": "aanvraag"},
    "aanvragen:aanvullen": {"pk": "aanvraag"},
    "aanvragen:in_behandeling_nemen": {"pk": "aanvraag"},
    "aanvragen:aanvulling_vragen": {"pk": "aanvraag"},
    "aanvragen:verdagen": {"pk": "aanvraag"},
    "aanvragen:buiten_behandeling": {"pk": "aanvraag"},
    "beoordeling:detail": {"pk": "beoordeling"},
    "beoordeling:geschiedenis": {"pk": "beoordeling"},
    "beoordeling:overnemen": {"pk": "beoordeling"},
    "beoordeling:vaststellen": {"pk": "beoordeling"},
    "beoordeling:terugsturen": {"pk": "beoordeling"},
    "beoordeling:fase": {"pk": "beoordeling"},
    "beoordeling:rij": {"pk": "beoordeling"},
    "beoordeling:document": {"pk": "document"},
    "beoordeling:download": {"pk": "document"},
    "beoordeling:documenten_status": {"aanvraag_pk": "aanvraag"},
    "beoordeling:dossier_opvragen": {"besluit_pk": "besluit"},
    "beoordeling:dossierverzoek": {"pk": "dossierverzoek"},
    "trajecten:jobcoach_traject": {"pk": "traject"},
    "trajecten:traject": {"pk": "traject"},
    "trajecten:herzien": {"pk": "rapportage"},
    "trajecten:beoordelen": {"pk": "rapportage"},
    "bezwaar:indienen": {"besluit_pk": "besluit"},
    "bezwaar:registreren": {"besluit_pk": "besluit"},
    "bezwaar:detail": {"pk": "bezwaar"},
    "bezwaar:in_behandeling_nemen": {"pk": "bezwaar"},
    "bezwaar:verdagen": {"pk": "bezwaar"},
    "bezwaar:hoorzitting": {"pk": "bezwaar"},
    "bezwaar:verschoonbaar": {"pk": "bezwaar"},
    "bezwaar:beslissen": {"pk": "bezwaar"},
    "verordening:nieuw": {"pk": "gemeente"},
    "verordening:detail": {"pk": "verordening"},
    "verordening:bewerken": {"pk": "verordening"},
    "verordening:publiceren": {"pk": "verordening"},
    "verordening:verwijderen": {"pk": "verordening"},
    "verordening:voorbeeld": {"pk": "verordening"},
    "verordening:keurmerk_nieuw": {"pk": "jobcoachorganisatie"},
}
VASTE_WAARDEN_PER_URL = {"verordening:nieuw": {"soort": "gemeente"}}


def _patronen(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for patroon in resolver.url_patterns:
        if isinstance(patroon, URLResolver):
            if patroon.namespace == "admin":
                continue  # the Django admin has its own is_staff check, tested separately
            ns = f"{prefix}{patroon.namespace}:" if patroon.namespace else prefix
            yield from _patronen(patroon, ns)
        elif isinstance(patroon, URLPattern) and patroon.name:
            yield f"{prefix}{patroon.name}", patroon


PATRONEN = dict(_patronen())


class Zaak:
    """A case of one organisation carried through every stage, so every URL has an object to name:
    a bijlage, the ontvangstbevestiging, a besluit with beschikking, a traject with a rapportage, a
    dossierverzoek and a bezwaar; plus the gemeente's verordening."""

    def __init__(self, wereld, *, gemeente, werkgever, werkgever_user, km, ad, jobcoachorganisatie, op_commit):
        from django.core.files.base import ContentFile
        from django.utils import timezone

        from aanvragen.bezwaar import services as bezwaar_services
        from aanvragen.models import Bijlage
        from beoordeling import services
        from beoordeling.models import Besluit, DocumentSoort, Dossierverzoek
        from beoordeling.trajecten import services as traject_services

        with op_commit(execute=True):
            beoordeling = ter_ondertekening(wereld, gemeente=gemeente, werkgever=werkgever,
                                            aangemaakt_door=werkgever_user, km=km)
            besluit = services.beoordeling_vaststellen(beoordeling=beoordeling, door=ad)
        aanvraag = beoordeling.aanvraag
        Besluit.objects.filter(pk=besluit.pk).update(jobcoachorganisatie=jobcoachorganisatie)
        traject = besluit.traject if hasattr(besluit, "traject") else aanvraag.trajecten.get()
        type(traject).objects.filter(pk=traject.pk).update(jobcoachorganisatie=jobcoachorganisatie)
        traject_services.monitoring_scan(timezone.localdate() + datetime.timedelta(days=400))
        traject.refresh_from_db()
        coach = UserFactory(rol=Rol.JOBCOACH, jobcoachorganisatie=jobcoachorganisatie)
        rapportage = traject_services.rapportage_indienen(
            traject=traject, door=coach,
            gegevens={"uren_besteed": 10, "voortgang": {}, "volgende_stappen": "Verder", "afbouw": "Nog niet"},
        )
        bijlage = Bijlage.objects.create(
            aanvraag=aanvraag, bestand=ContentFile(b"%PDF-1.4 test", name="contract.pdf"), naam="contract.pdf",
            soort="pdf", grootte=13, sha256="0" * 64, geupload_door=werkgever_user,
        )
        bezwaar = bezwaar_services.bezwaar_indienen(besluit=besluit, door=werkgever_user, gronden="Te weinig uren.")
        verzoek = Dossierverzoek.objects.create(besluit=besluit, variant="volledig", aangevraagd_door=ad)
        self.aanvraag = aanvraag
        self.objecten = {
            "aanvraag": aanvraag.pk,
            "beoordeling": beoordeling.pk,
            "besluit": besluit.pk,
            "document": besluit.documenten.get(soort=DocumentSoort.BESCHIKKING).pk,
            "brief": aanvraag.documenten.get(soort=DocumentSoort.ONTVANGSTBEVESTIGING).pk,
            "bijlage": bijlage.pk,
            "traject": traject.pk,
            "rapportage": rapportage.pk,
            "bezwaar": bezwaar.pk,
            "dossierverzoek": verzoek.pk,
            "verordening": gemeente.verordeningen.get().pk,
            "gemeente": gemeente.pk,
            "jobcoachorganisatie": jobcoachorganisatie.pk,
        }


def _gebruikers(wereld, zaak_a):
    """One user of each role, all belonging to organisation A."""
    return {
        Rol.WERKGEVER: wereld.wg_a,
        Rol.WERKNEMER: UserFactory(rol=Rol.WERKNEMER, bsn=zaak_a.aanvraag.werknemer_bsn),
        Rol.JOBCOACH: UserFactory(rol=Rol.JOBCOACH, jobcoachorganisatie=wereld.jobcoachorganisatie),
        **{rol: UserFactory(rol=rol, gemeenten=[wereld.gemeente_a])
           for rol in (Rol.KLANTMANAGER, Rol.ARBEIDSDESKUNDIGE, Rol.BEZWAARBEHANDELAAR,
                       Rol.FUNCTIONEEL_BEHEERDER, Rol.BELEIDSMEDEWERKER)},
    }


def _vraag(client, url):
    """GET, or POST for POST-only views; inside a rolled-back savepoint so nothing sticks."""
    with transaction.atomic():
        response = client.get(url)
        if response.status_code == 405:
            response = client.post(url, {})
        transaction.set_rollback(True)
    return response.status_code


def _kwargs(naam: str, objecten: dict) -> dict:
    waarden = {k: objecten[soort] for k, soort in OBJECTEN.get(naam, {}).items()}
    parameters = set(PATRONEN[naam].pattern.converters)
    for k in parameters - set(waarden):
        waarden[k] = VASTE_WAARDEN_PER_URL.get(naam, {}).get(k, VASTE_WAARDEN.get(k))
    return waarden


def test_elke_url_is_gedeclareerd():
    ontbrekend = []
    for naam, patroon in PATRONEN.items():
        if naam in OPENBAAR:
            continue
        if not getattr(patroon.callback, "rollen", None):
            ontbrekend.append(f"{naam}: geen @rol_vereist")
        for parameter in patroon.pattern.converters:
            bekend = parameter in OBJECTEN.get(naam, {}) or parameter in VASTE_WAARDEN \
                or parameter in VASTE_WAARDEN_PER_URL.get(naam, {})
            if not bekend:
                ontbrekend.append(f"{naam}: parameter '{parameter}' staat niet in OBJECTEN")
    assert not ontbrekend, "\n".join(ontbrekend)


def test_isolatie_van_elke_url_voor_elke_rol(client, wereld, django_capture_on_commit_callbacks):
    """One world, every URL × every role; each request runs in a rolled-back savepoint."""
    zaak_a = Zaak(wereld, gemeente=wereld.gemeente_a, werkgever=wereld.werkgever_a, werkgever_user=wereld.wg_a,
                  km=wereld.km_a, ad=wereld.ad_a, jobcoachorganisatie=wereld.jobcoachorganisatie,
                  op_commit=django_capture_on_commit_callbacks)
    zaak_b = Zaak(wereld, gemeente=wereld.gemeente_b, werkgever=wereld.werkgever_b, werkgever_user=wereld.wg_b,
                  km=wereld.km_b, ad=wereld.ad_b, jobcoachorganisatie=JobcoachorganisatieFactory(),
                  op_commit=django_capture_on_commit_callbacks)
    gebruikers = _gebruikers(wereld, zaak_a)
    fouten, vergelijkingen = [], 0
    for naam in sorted(n for n in PATRONEN if n not in OPENBAAR):
        rollen = getattr(PATRONEN[naam].callback, "rollen", frozenset())
        soorten = set(OBJECTEN.get(naam, {}).values())
        eigen_url = reverse(naam, kwargs=_kwargs(naam, zaak_a.objecten))
        andere_url = reverse(naam, kwargs=_kwargs(naam, zaak_b.objecten))
        for rol, user in gebruikers.items():
            client.force_login(user)
            eigen = _vraag(client, eigen_url)
            if eigen >= 500:
                fouten.append(f"{naam} als {rol}: {eigen}")
            elif rol not in rollen and eigen != 403:
                fouten.append(f"{naam} als {rol}: verwacht 403, kreeg {eigen}")
            elif rol in rollen and soorten and not soorten <= GEDEELD:
                andere = _vraag(client, andere_url)
                vergelijkingen += 1
                if andere not in (403, 404):
                    fouten.append(f"{naam} als {rol}: zaak van een andere organisatie gaf {andere}")
        client.logout()
        anoniem = _vraag(client, eigen_url)
        if anoniem not in (302, 405):
            fouten.append(f"{naam} anoniem: {anoniem}")
    assert not fouten, "\n".join(fouten)
    # Guard against a test that silently checks nothing: most URLs name objects of a case.
    assert vergelijkingen > 80, vergelijkingen


def test_beheer_alleen_voor_technisch_beheer(client, wereld):
    client.force_login(wereld.km_a)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/beheer/login/" in response["Location"]
