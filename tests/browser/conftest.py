"""Browser tests: headless Debian Chromium against pytest-django's live server.

Playwright's sync API keeps an asyncio loop marked as running in the test thread for as long as
Playwright is started, so Django's ORM would refuse every query made from that thread
("SynchronousOnlyOperation"): in the tests themselves, in fixtures, and in pytest-django's flush after
each test. That is the one reason for DJANGO_ALLOW_ASYNC_UNSAFE, and it is set here only
(CONVENTIONS.md item 12) — and only while Playwright runs: Playwright is started for this package
and stopped after its last test, and the variable is removed with it, so the rest of the session
(and any subprocess it starts, such as `manage.py check --deploy`, which rejects the variable) never
sees it. That is why `playwright`, `browser` and `browser_context_args` below replace
pytest-playwright's session-scoped fixtures of the same name.

Run just these with `pytest -m browser`, or skip them with `-m "not browser"`.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.conftest import Wereld
from tests.factories import WACHTWOORD

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
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


@pytest.fixture(scope="package")
def playwright():
    vorige = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as pw:
            yield pw
    finally:
        if vorige is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = vorige


@pytest.fixture(scope="package")
def browser_type(playwright, browser_name):
    return getattr(playwright, browser_name)


@pytest.fixture(scope="package")
def launch_browser(browser_type_launch_args, browser_type):
    def launch(**kwargs):
        return browser_type.launch(**{**browser_type_launch_args, **kwargs})

    return launch


@pytest.fixture(scope="package")
def browser(launch_browser):
    browser = launch_browser()
    yield browser
    browser.close()


@pytest.fixture(scope="package")
def browser_context_args(live_server):
    """Every context talks Dutch, lives in Amsterdam's time zone and opens the live server."""
    return {"base_url": live_server.url, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam",
            "accept_downloads": True}


@pytest.fixture
def e2e_wereld(transactional_db):
    """The `wereld` of tests/conftest.py, but committed, so the live server thread sees it."""
    return Wereld()


@pytest.fixture
def sessie(new_context):
    """Log `gebruikersnaam` in through /inloggen/ in a fresh browser context (own cookies).

    Returns the page, which then shows the user's start page. pytest-playwright's `new_context`
    closes the contexts after the test (and records traces/screenshots when asked to).
    """

    def inloggen(gebruikersnaam: str):
        page = new_context().new_page()
        page.set_default_timeout(10_000)  # actions; expect() keeps its 5 s
        page.goto("/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
        page.get_by_label("Wachtwoord").fill(WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
        return page

    return inloggen
