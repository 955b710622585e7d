"""How a deadline and the next step read: pure functions, table-driven."""

import datetime

import pytest

from aanvragen.weergave import termijnweergave, volgende_stap

D = datetime.date
VANDAAG = D(2026, 4, 1)


@pytest.mark.parametrize(
    "einde,open_,opgeschort,signaal,tekst",
    [
        (D(2026, 4, 28), True, False, "op_tijd", "Nog 27 dagen"),
        (D(2026, 4, 9), True, False, "op_tijd", "Nog 8 dagen"),
        (D(2026, 4, 8), True, False, "bijna", "Nog 7 dagen"),
        (D(2026, 4, 2), True, False, "bijna", "Nog 1 dag"),
        (D(2026, 4, 1), True, False, "bijna", "Vandaag de laatste dag"),
        (D(2026, 3, 31), True, False, "te_laat", "1 dag te laat"),
        (D(2026, 3, 10), True, False, "te_laat", "22 dagen te laat"),
        (D(2026, 4, 28), True, True, "", "Opgeschort (aanvulling gevraagd)"),
        (D(2026, 3, 10), True, True, "te_laat", "22 dagen te laat"),  # overdue before the request came
        (D(2026, 3, 10), False, False, "", "—"),  # a closed case has no running term
        (None, True, False, "", "—"),
    ],
)
def test_termijnweergave(einde, open_, opgeschort, signaal, tekst):
    weergave = termijnweergave(einde=einde, vandaag=VANDAAG, open_=open_, opgeschort=opgeschort)
    assert (weergave.signaal, weergave.tekst) == (signaal, tekst)


@pytest.mark.parametrize(
    "status,kwargs,verwacht",
    [
        ("concept", {}, "Maak uw aanvraag af en dien hem in. Wat u invulde, is bewaard."),
        ("ingediend", {"uiterste_beslisdatum": D(2026, 4, 28)},
         "De gemeente Heiloo heeft uw aanvraag ontvangen. Een klantmanager neemt hem in behandeling. De gemeente "
         "beslist uiterlijk op 28 april 2026."),
        ("in_behandeling", {"uiterste_beslisdatum": D(2026, 5, 26), "verdaagd": True},
         "Een klantmanager onderzoekt of jobcoaching nodig is, hoeveel en hoe lang. Misschien neemt hij of zij "
         "contact met u op. De gemeente heeft de beslistermijn verlengd en beslist uiterlijk op 26 mei 2026."),
        ("in_behandeling", {"uiterste_beslisdatum": D(2026, 3, 10), "vandaag": VANDAAG},
         "Een klantmanager onderzoekt of jobcoaching nodig is, hoeveel en hoe lang. Misschien neemt hij of zij "
         "contact met u op. De gemeente had uiterlijk op 10 maart 2026 moeten beslissen. U kunt de gemeente "
         "schriftelijk in gebreke stellen (artikel 4:17 Awb)."),
        ("aanvulling_gevraagd", {"hersteltermijn_einde": D(2026, 3, 24)},
         "De gemeente mist gegevens. Lever die aan uiterlijk op 24 maart 2026. Tot dan staat de beslistermijn stil."),
        ("besloten", {}, "De gemeente heeft besloten. Lees de beschikking bij de aanvraag."),
        ("ingetrokken", {}, "De aanvraag is ingetrokken. Er gebeurt niets meer mee."),
    ],
)
def test_volgende_stap(status, kwargs, verwacht):
    kwargs.setdefault("uiterste_beslisdatum", None)
    assert volgende_stap(status=status, gemeente="Heiloo", **kwargs) == verwacht
