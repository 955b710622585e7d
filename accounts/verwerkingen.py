"""Which pages process a person's data, and for which werkproces: the table the verwerkingenlog
middleware reads. Pure data and a lookup, no I/O.

Only pages that name one case are logged. List pages (werklijst, overzichten) show names only; the log
records opening a person's case, downloading its documents and changing it, one row per request.
"""

from .models import Actie, Werkproces

# The kind of object a URL parameter names -> the lookup from Aanvraag to it (kinds as in
# tests/test_isolatie.py OBJECTEN).
LOOKUP = {
    "aanvraag": "pk",
    "beoordeling": "beoordelingen__pk",
    "document": "documenten__pk",
    "besluit": "besluiten__pk",
    "bezwaar": "besluiten__bezwaren__pk",
    "traject": "trajecten__pk",
}

_I, _O, _B, _Z, _M = (Werkproces.INTAKE, Werkproces.ONDERZOEK, Werkproces.BESLUITVORMING,
                      Werkproces.BEZWAAR, Werkproces.MONITORING)

# url_name -> (URL kwarg, kind, werkproces)
PAGINAS = {
    **{f"aanvragen:{naam}": ("pk", "aanvraag", _I) for naam in (
        "bewerken", "stap", "indienen", "bijlage", "bijlage_verwijderen", "detail", "documenten", "document",
        "intrekken", "aanvullen", "in_behandeling_nemen", "aanvulling_vragen", "verdagen", "buiten_behandeling")},
    **{f"beoordeling:{naam}": ("pk", "beoordeling", _O) for naam in (
        "detail", "geschiedenis", "overnemen", "terugsturen", "fase", "rij")},
    "beoordeling:vaststellen": ("pk", "beoordeling", _B),
    "beoordeling:document": ("pk", "document", _B),
    "beoordeling:download": ("pk", "document", _B),
    "beoordeling:documenten_status": ("aanvraag_pk", "aanvraag", _B),
    "beoordeling:dossier_opvragen": ("besluit_pk", "besluit", _B),
    "trajecten:jobcoach_traject": ("pk", "traject", _M),
    "trajecten:traject": ("pk", "traject", _M),
    "bezwaar:indienen": ("besluit_pk", "besluit", _Z),
    "bezwaar:registreren": ("besluit_pk", "besluit", _Z),
    **{f"bezwaar:{naam}": ("pk", "bezwaar", _Z) for naam in (
        "detail", "in_behandeling_nemen", "verdagen", "hoorzitting", "verschoonbaar", "beslissen")},
}

# Pages that hand over a file.
DOWNLOADS = {"aanvragen:document", "aanvragen:bijlage", "beoordeling:document", "beoordeling:download"}


def actie_voor(url_naam: str, methode: str) -> str:
    if methode == "POST":
        return Actie.WIJZIGEN
    return Actie.DOWNLOADEN if url_naam in DOWNLOADS else Actie.BEKIJKEN
