"""The Awb deadlines wired into the aanvraag: the stored uiterste beslisdatum after receipt, an aanvulling
(suspension), a verdaging and buiten behandeling, across DST, feestdagen and the year end.

The pure computations are tested in test_termijnen.py; here every expected date is worked out by hand
for the whole route through the services. Calendar 2026: Koningsdag Monday 27 April, tweede Pinksterdag
Monday 25 May, DST starts Sunday 29 March; 1 January 2027 is a Friday.
"""

import datetime

import pytest
import time_machine

from aanvragen import services
from aanvragen.models import Aanvraag, AanvraagStatus
from aanvragen.transities import TransitieFout
from tests.helpers import ingediend

pytestmark = pytest.mark.django_db
D = datetime.date


def op(dag: D):
    """Freeze the clock on `dag` (10:00 UTC is that same day in Amsterdam, summer or winter)."""
    return time_machine.travel(datetime.datetime(dag.year, dag.month, dag.day, 10, tzinfo=datetime.UTC), tick=False)


def uiterste(aanvraag) -> D:
    return Aanvraag.objects.get(pk=aanvraag.pk).uiterste_beslisdatum


def in_behandeling(wereld, ontvangen: D) -> Aanvraag:
    with op(ontvangen):
        aanvraag = ingediend(wereld)
        services.aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=wereld.km_a)
    return aanvraag


@pytest.mark.parametrize(
    "ontvangen,verwacht",
    [
        (D(2026, 3, 3), D(2026, 4, 28)),  # + 56 days, a Tuesday
        (D(2026, 3, 2), D(2026, 4, 28)),  # + 56 = Koningsdag (Mon 27 April) -> Tuesday
        (D(2026, 11, 6), D(2027, 1, 4)),  # + 56 = Nieuwjaarsdag (Fri) -> weekend -> Monday 4 January
    ],
)
def test_indienen_zet_de_uiterste_beslisdatum(wereld, ontvangen, verwacht):
    with op(ontvangen):
        aanvraag = ingediend(wereld)
    assert aanvraag.ontvangen_op == ontvangen
    assert uiterste(aanvraag) == verwacht


def test_ontvangstdatum_is_de_amsterdamse_kalenderdag_ook_rond_de_zomertijd(wereld):
    # 22:30 UTC on Sunday 29 March 2026 is 00:30 on Monday 30 March in Amsterdam (summer time just began).
    with time_machine.travel(datetime.datetime(2026, 3, 29, 22, 30, tzinfo=datetime.UTC), tick=False):
        aanvraag = ingediend(wereld)
    assert aanvraag.ontvangen_op == D(2026, 3, 30)
    assert uiterste(aanvraag) == D(2026, 5, 26)  # + 56 = tweede Pinksterdag (Mon 25 May) -> Tuesday


def test_aanvulling_schort_op_tot_de_aanvulling_binnen_is(wereld):
    aanvraag = in_behandeling(wereld, D(2026, 3, 2))  # basis 27 April (-> 28 April by the Atw)
    with op(D(2026, 3, 10)):
        opschorting = services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a,
                                                          wat_ontbreekt="Arbeidsovereenkomst")
    assert (opschorting.start, opschorting.hersteltermijn_einde) == (D(2026, 3, 11), D(2026, 3, 24))
    # While it runs, the stored date assumes the hersteltermijn lapses: 14 days suspended.
    assert uiterste(aanvraag) == D(2026, 5, 11)
    with op(D(2026, 3, 16)):
        services.aanvraag_aanvullen(aanvraag=Aanvraag.objects.get(pk=aanvraag.pk), door=wereld.wg_a,
                                    toelichting="Het contract is meegestuurd.")
    opschorting.refresh_from_db()
    assert (opschorting.eind, opschorting.aangevuld_op) == (D(2026, 3, 16), D(2026, 3, 16))
    # 11-15 March suspended (5 days): 27 April + 5 = Saturday 2 May -> Monday 4 May.
    assert uiterste(aanvraag) == D(2026, 5, 4)
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == AanvraagStatus.IN_BEHANDELING


def test_aanvulling_na_de_hersteltermijn_schort_alleen_de_hersteltermijn_op(wereld):
    aanvraag = in_behandeling(wereld, D(2026, 3, 2))
    with op(D(2026, 3, 10)):
        services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt="Contract")
    with op(D(2026, 3, 30)):  # the hersteltermijn ended on 24 March
        services.aanvraag_aanvullen(aanvraag=Aanvraag.objects.get(pk=aanvraag.pk), door=wereld.wg_a,
                                    toelichting="Alsnog het contract.")
    assert aanvraag.opschortingen.get().eind == D(2026, 3, 25)
    assert uiterste(aanvraag) == D(2026, 5, 11)


def test_hersteltermijn_volgt_de_termijnenwet(wereld):
    aanvraag = in_behandeling(wereld, D(2026, 3, 2))
    with op(D(2026, 4, 13)):  # + 14 days = Koningsdag
        opschorting = services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a,
                                                          wat_ontbreekt="Contract")
    assert opschorting.hersteltermijn_einde == D(2026, 4, 28)


def test_verdaging_verlengt_eenmaal_en_alleen_binnen_de_termijn(wereld):
    aanvraag = in_behandeling(wereld, D(2026, 3, 2))
    with op(D(2026, 4, 28)):  # the last day of the term: still in time
        verdaging = services.aanvraag_verdagen(aanvraag=aanvraag, door=wereld.km_a, weken=4,
                                               reden="Wij wachten op advies van de arbeidsdeskundige.")
    assert verdaging.gemeld_op == D(2026, 4, 28)
    # 27 April + 28 days = tweede Pinksterdag (Mon 25 May) -> Tuesday 26 May.
    assert uiterste(aanvraag) == D(2026, 5, 26)
    log = aanvraag.transities.get(transitie="verdagen")
    assert (log.van, log.naar) == ("in_behandeling", "in_behandeling")
    with op(D(2026, 5, 1)), pytest.raises(TransitieFout, match="al eens verdaagd"):
        services.aanvraag_verdagen(aanvraag=Aanvraag.objects.get(pk=aanvraag.pk), door=wereld.km_a, weken=2,
                                   reden="Nog eens.")


def test_verdagen_na_afloop_van_de_termijn_kan_niet(wereld):
    aanvraag = in_behandeling(wereld, D(2026, 3, 2))
    with op(D(2026, 4, 29)), pytest.raises(TransitieFout, match="op 28 april 2026 verstreken"):
        services.aanvraag_verdagen(aanvraag=aanvraag, door=wereld.km_a, weken=4, reden="Te laat.")
    assert Aanvraag.objects.get(pk=aanvraag.pk).verdaging_of_none() is None
    assert uiterste(aanvraag) == D(2026, 4, 28)


def test_aanvulling_en_verdaging_samen(wereld):
    aanvraag = in_behandeling(wereld, D(2026, 3, 2))
    with op(D(2026, 3, 10)):
        services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt="Contract")
    with op(D(2026, 3, 16)):
        services.aanvraag_aanvullen(aanvraag=Aanvraag.objects.get(pk=aanvraag.pk), door=wereld.wg_a,
                                    toelichting="Contract.")
    with op(D(2026, 4, 30)):  # before 4 May, the term with the suspension
        services.aanvraag_verdagen(aanvraag=Aanvraag.objects.get(pk=aanvraag.pk), door=wereld.km_a, weken=2,
                                   reden="Wachten op de loonwaardemeting.")
    # 27 April + 14 (verdaging) + 5 (suspension) = Saturday 16 May -> Monday 18 May.
    assert uiterste(aanvraag) == D(2026, 5, 18)


def test_verdaging_tijdens_lopende_aanvulling_telt_de_opschorting_tot_de_melding(wereld):
    aanvraag = in_behandeling(wereld, D(2026, 3, 2))
    with op(D(2026, 4, 20)):
        services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt="Contract")
    # On 30 April the unsuspended term (28 April) has passed, but 21-29 April were suspended: in time.
    with op(D(2026, 4, 30)):
        services.aanvraag_verdagen(aanvraag=Aanvraag.objects.get(pk=aanvraag.pk), door=wereld.km_a, weken=1,
                                   reden="Drukte.")
    # Hersteltermijn until 4 May (20 April + 14); assumed lapsed: 21 April - 4 May = 14 days suspended.
    # 27 April + 7 + 14 = Monday 18 May.
    assert uiterste(aanvraag) == D(2026, 5, 18)


def test_buiten_behandeling_pas_na_de_hersteltermijn(wereld):
    aanvraag = in_behandeling(wereld, D(2026, 3, 2))
    with op(D(2026, 3, 10)):
        services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=wereld.km_a, wat_ontbreekt="Contract")
    with op(D(2026, 3, 24)), pytest.raises(TransitieFout, match="loopt nog tot en met 24 maart 2026"):
        services.aanvraag_buiten_behandeling_stellen(aanvraag=aanvraag, door=wereld.km_a, reden="Niets ontvangen.")
    with op(D(2026, 3, 25)):
        services.aanvraag_buiten_behandeling_stellen(aanvraag=Aanvraag.objects.get(pk=aanvraag.pk),
                                                     door=wereld.km_a, reden="Niets ontvangen.")
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.BUITEN_BEHANDELING
    assert aanvraag.opschortingen.get().eind == D(2026, 3, 25)


def test_registratie_per_brief_rekent_vanaf_de_ingevulde_ontvangstdatum(wereld):
    from .factories import volledig_concept

    with op(D(2026, 3, 9)):
        concept = services.aanvraag_registratie_starten(
            door=wereld.km_a, gemeente=wereld.gemeente_a, kanaal="brief", ontvangen_op=D(2026, 3, 2),
            aanvrager="werkgever")
        volledig_concept(door=wereld.km_a, gemeente=wereld.gemeente_a, aanvraag=concept)
        aanvraag = services.aanvraag_indienen(aanvraag=concept, door=wereld.km_a)
    assert aanvraag.ontvangen_op == D(2026, 3, 2) and aanvraag.kanaal == "brief"
    assert uiterste(aanvraag) == D(2026, 4, 28)
    log = aanvraag.transities.get()
    assert (log.transitie, log.reden) == ("registreren", "Per brief ontvangen op 2 maart 2026.")
