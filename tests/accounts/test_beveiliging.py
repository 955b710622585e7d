"""Security headers and session rules a gemeente's security officer checks first."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_strikte_content_security_policy_zonder_unsafe_inline(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_medewerker_krijgt_korte_inactiviteitstermijn(client, wereld, settings):
    client.force_login(wereld.km_a)
    client.get(reverse("aanvragen:werklijst"))
    assert client.session.get_expiry_age() == settings.STAFF_IDLE_TIMEOUT


def test_werkgever_houdt_gewone_sessieduur(client, wereld, settings):
    client.force_login(wereld.wg_a)
    client.get(reverse("aanvragen:mijn"))
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_deploy_check_is_schoon_met_productie_instellingen():
    """The settings module's own production defaults (no DEBUG, HTTPS on) pass `check --deploy`."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "HTTPS", "SECURE_HSTS_SECONDS"}}
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr


def test_sessie_van_medewerker_wordt_hooguit_eens_per_minuut_weggeschreven(client, wereld, settings):
    settings.STAFF_SESSION_VERLENG_NA = 60
    client.force_login(wereld.km_a)
    client.get(reverse("aanvragen:werklijst"))
    eerste = client.session["_verlengd_op"]
    client.get(reverse("aanvragen:werklijst"))
    assert client.session["_verlengd_op"] == eerste
    assert client.session.get_expiry_age() == settings.STAFF_IDLE_TIMEOUT
