import pytest
from django.conf import settings

from accounts.models import Rol
from config.celery import app as celery_app

from .factories import (
    AanvraagFactory,
    GemeenteFactory,
    JobcoachorganisatieFactory,
    UserFactory,
    VerordeningFactory,
    WerkgeverFactory,
)


@pytest.fixture(autouse=True)
def celery_eager():
    """Tasks run in-process unless a test starts a real worker (see tests/test_worker.py)."""
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = True


@pytest.fixture(autouse=True)
def _sessie_elk_verzoek_verlengen(settings):
    """Query counts are part of a page's contract; with the once-a-minute session write on, the first
    request of a test would count three queries more than the next. Tests extend it on every request."""
    settings.STAFF_SESSION_VERLENG_NA = 0


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path / "documenten")}},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


class Wereld:
    """Two gemeenten, each with its staff, and two werkgevers: the setting of most tests."""

    def __init__(self):
        self.gemeente_a = GemeenteFactory(naam="Amstelveen", cbs_code="GM0362")
        self.gemeente_b = GemeenteFactory(naam="Bussum", cbs_code="GM0381")
        VerordeningFactory(gemeente=self.gemeente_a)
        VerordeningFactory(gemeente=self.gemeente_b)
        self.werkgever_a = WerkgeverFactory(naam="Bakkerij De Korenschoof")
        self.werkgever_b = WerkgeverFactory(naam="Transport Van Dijk")
        self.jobcoachorganisatie = JobcoachorganisatieFactory()
        self.wg_a = UserFactory(rol=Rol.WERKGEVER, werkgever=self.werkgever_a, username="wg_a")
        self.wg_b = UserFactory(rol=Rol.WERKGEVER, werkgever=self.werkgever_b, username="wg_b")
        self.km_a = UserFactory(rol=Rol.KLANTMANAGER, gemeenten=[self.gemeente_a], username="km_a")
        self.km_b = UserFactory(rol=Rol.KLANTMANAGER, gemeenten=[self.gemeente_b], username="km_b")
        self.ad_a = UserFactory(rol=Rol.ARBEIDSDESKUNDIGE, gemeenten=[self.gemeente_a], username="ad_a")
        self.ad_a2 = UserFactory(rol=Rol.ARBEIDSDESKUNDIGE, gemeenten=[self.gemeente_a], username="ad_a2")
        self.ad_b = UserFactory(rol=Rol.ARBEIDSDESKUNDIGE, gemeenten=[self.gemeente_b], username="ad_b")

    def aanvraag(self, **kwargs):
        kwargs.setdefault("gemeente", self.gemeente_a)
        kwargs.setdefault("werkgever", self.werkgever_a)
        kwargs.setdefault("aangemaakt_door", self.wg_a)
        return AanvraagFactory(**kwargs)


@pytest.fixture
def wereld(db):
    return Wereld()


@pytest.fixture
def wereld_in_de_database(transactional_db):
    """The usual `wereld`, committed, so a worker thread (its own DB connection) can read it."""
    return Wereld()


@pytest.fixture
def via_redis():
    """Send tasks to the Redis broker instead of running them in-process; restore afterwards."""
    if not settings.REDIS_URL:
        pytest.fail("REDIS_URL is not set: the worker tests need a Redis broker (`make test` sets it)")
    assert celery_app.conf.broker_url == settings.REDIS_URL
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()  # leftovers of an aborted earlier run must not reach this worker
    try:
        yield
    finally:
        celery_app.control.purge()
        celery_app.conf.task_always_eager = eager
