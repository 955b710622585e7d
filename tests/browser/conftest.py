"""Browser tests: headless Debian Chromium against pytest-django's live server.

Playwright's sync API keeps an asyncio loop running in the test thread, so Django's ORM would refuse
every query made from the tests ("SynchronousOnlyOperation"). That is the one reason for
DJANGO_ALLOW_ASYNC_UNSAFE, and it is set here only (CONVENTIONS.md item 12).

Run just these with `pytest -m browser`, or skip them with `-m "not browser"`.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import Wereld
from tests.factories import WACHTWOORD

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

BROWSER_MAP = Path(__file__).resolve().parent

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    """Mark every test below tests/browser with `browser` (this hook sees the whole session)."""
    for item in items:
        if BROWSER_MAP in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # A browser download is impossible here: use Debian's Chromium.
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def e2e_wereld(transactional_db):
    """The `wereld` of tests/conftest.py, but committed, so the live server thread sees it."""
    return Wereld()


@pytest.fixture
def sessie(browser, live_server):
    """Open a fresh browser context (one person, own cookies) and log `gebruikersnaam` in.

    Returns the page, which shows the user's start page after logging in.
    """
    contexten = []

    def inloggen(gebruikersnaam: str):
        context = browser.new_context(
            base_url=live_server.url, locale="nl-NL", timezone_id="Europe/Amsterdam", accept_downloads=True
        )
        contexten.append(context)
        page = context.new_page()
        page.goto("/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
        page.get_by_label("Wachtwoord").fill(WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()
        page.get_by_role("button", name="Uitloggen").wait_for()
        return page

    yield inloggen
    for context in contexten:
        context.close()
