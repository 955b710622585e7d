"""Garbage in, never a 500: property-based requests against every URL parameter and the intake forms.

Hypothesis generates huge and odd numbers, unicode, injection strings and oversize text. Every answer
must be a page, a redirect or a clear refusal (4xx) — never a server error — and a refused request
is never taken for a submission. URL fuzzing runs each request in a rolled-back savepoint.
"""

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aanvragen.models import Aanvraag

pytestmark = pytest.mark.django_db

VIJANDIG = st.one_of(
    st.text(max_size=300),
    st.sampled_from([
        "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "NaN", "-1", "1e309",
        "9" * 40, "31-02-2026", "0000-00-00", "１２３", "\u202e", "x" * 25_000,
    ]),
)
GEEN_SERVERFOUT = st.integers(min_value=0, max_value=10**30)


def _patronen(resolver=None, prefix=""):
    for patroon in (resolver or get_resolver()).url_patterns:
        if isinstance(patroon, URLResolver):
            if patroon.namespace != "admin":
                yield from _patronen(patroon, f"{prefix}{patroon.namespace}:" if patroon.namespace else prefix)
        elif isinstance(patroon, URLPattern) and patroon.name and patroon.pattern.converters:
            yield f"{prefix}{patroon.name}", patroon


MET_PARAMETERS = dict(_patronen())


def _waarde(converter):
    from django.urls.converters import IntConverter, SlugConverter

    if isinstance(converter, IntConverter):
        return GEEN_SERVERFOUT
    if isinstance(converter, SlugConverter):
        return st.from_regex(r"[-a-zA-Z0-9_]{1,60}", fullmatch=True)
    return st.text(alphabet=st.characters(blacklist_characters="/", blacklist_categories=("Cs",)), min_size=1,
                   max_size=80)


def _vraag(client, method, url, data=None):
    with transaction.atomic():
        response = getattr(client, method)(url, data or {})
        transaction.set_rollback(True)
    return response.status_code


@pytest.mark.parametrize("naam", sorted(MET_PARAMETERS))
def test_url_parameters_geven_nooit_een_serverfout(client, wereld, naam):
    patroon = MET_PARAMETERS[naam]
    kwargs = st.fixed_dictionaries({k: _waarde(c) for k, c in patroon.pattern.converters.items()})
    gebruikers = [wereld.km_a, wereld.wg_a, wereld.ad_a]

    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(kwargs=kwargs, wie=st.sampled_from(gebruikers), method=st.sampled_from(["get", "post"]))
    def probeer(kwargs, wie, method):
        client.force_login(wie)
        status = _vraag(client, method, reverse(naam, kwargs=kwargs))
        assert status < 500, (naam, kwargs, status)

    probeer()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(["status", "sorteer", "pagina", "behandelaar", "te_laat", "q"]),
                              VIJANDIG, max_size=5))
def test_werklijst_filters_met_rommel(client, wereld, params):
    client.force_login(wereld.km_a)
    status = _vraag(client, "get", reverse("aanvragen:werklijst"), params)
    assert status in (200, 302, 400)


@pytest.mark.parametrize("stap", ["werknemer", "werkgever", "werk", "ondersteuning", "werkplek"])
def test_intakestappen_met_rommel_geven_een_melding_en_geen_serverfout(client, wereld, stap):
    aanvraag = wereld.aanvraag()
    url = reverse("aanvragen:stap", kwargs={"pk": aanvraag.pk, "stap": stap})
    client.force_login(wereld.wg_a)
    velden = ["werknemer_naam", "werknemer_bsn", "geboortedatum", "postcode", "woonplaats", "gemeente",
              "email", "telefoon", "kvk_nummer", "contracturen_per_week", "startdatum", "contract_einddatum",
              "loonwaarde_percentage", "functie", "taken", "reden"]

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=st.dictionaries(st.sampled_from(velden), VIJANDIG, max_size=8))
    def probeer(data):
        # Not rolled back: a step saves what is valid (drafts survive), so the concept must stay usable.
        status = client.post(url, data).status_code
        assert status < 500, (stap, data, status)
        concept = Aanvraag.objects.get(pk=aanvraag.pk)
        assert concept.status == "concept" and concept.nummer is None

    probeer()
    # After all that garbage the concept still opens as a normal page.
    assert client.get(url).status_code == 200
