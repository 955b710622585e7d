"""The demo data: contrasting rules per gemeente, a shared regio version, and an expired keurmerk."""

import datetime

import pytest

from verordening import demo
from verordening.engine import IntensiteitSoort, Keurmerk
from verordening.models import Verordening, VersieStatus
from verordening.selectors import geldige_keurmerken, regels_van, verordening_op_datum

pytestmark = pytest.mark.django_db
VANDAAG = datetime.date(2026, 11, 23)


def test_vier_contrasterende_verordeningen_en_een_gedeelde():
    gemeenten = demo.laad_gemeenten()
    soorten = {slug: (regels_van(verordening_op_datum(gemeente=g, datum=VANDAAG)).intensiteit_soort,
                      regels_van(verordening_op_datum(gemeente=g, datum=VANDAAG)).standaard_max_maanden)
               for slug, g in gemeenten.items()}
    assert soorten == {
        "amsterdam": (IntensiteitSoort.PERCENTAGE_PER_JAAR, 36),
        "utrecht": (IntensiteitSoort.VAST_PERCENTAGE, 24),
        "zaanstad": (IntensiteitSoort.VASTE_UREN, 24),
        "castricum": (IntensiteitSoort.REGIME_BANDEN, 24),
        "heiloo": (IntensiteitSoort.REGIME_BANDEN, 24),
    }
    gedeeld = verordening_op_datum(gemeente=gemeenten["heiloo"], datum=VANDAAG)
    assert gedeeld.regio_id and gedeeld == verordening_op_datum(gemeente=gemeenten["castricum"], datum=VANDAAG)
    assert gemeenten["zaanstad"].cbs_code == "GM0479"
    oud = verordening_op_datum(gemeente=gemeenten["amsterdam"], datum=datetime.date(2023, 6, 1))
    assert regels_van(oud).standaard_max_maanden == 24
    assert Verordening.objects.filter(status=VersieStatus.CONCEPT, gemeente=gemeenten["utrecht"]).exists()


def test_demo_is_idempotent():
    demo.laad_gemeenten()
    demo.laad_jobcoachorganisaties()
    aantallen = (Verordening.objects.count(), Verordening.objects.filter(status=VersieStatus.GEPUBLICEERD).count())
    demo.laad_gemeenten()
    organisaties = demo.laad_jobcoachorganisaties()
    assert (Verordening.objects.count(), Verordening.objects.filter(status=VersieStatus.GEPUBLICEERD).count()) \
        == aantallen
    assert set(organisaties) >= {"noord", "werkfit"}


def test_een_organisatie_met_verlopen_keurmerk():
    organisaties = demo.laad_jobcoachorganisaties()
    verlopen = geldige_keurmerken(organisaties["verlopen"].keurmerken.all(), VANDAAG)
    assert verlopen[Keurmerk.OVAL] < VANDAAG
    noord = geldige_keurmerken(organisaties["noord"].keurmerken.all(), VANDAAG)
    assert noord[Keurmerk.OVAL] >= VANDAAG
