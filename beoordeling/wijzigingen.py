"""The change log of the onderzoek: compare old and new values and write Wijziging rows.

Called by the services inside their transaction. Values are stored as the text a reader sees
(choice labels, Dutch dates and numbers), so the history page needs no lookups.
"""

import datetime
from decimal import Decimal

from django.db import models

from verordening.engine import nl_getal

from .models import Wijziging, WijzigingActie

LEEG = "—"


def weergave(veld: models.Field | None, waarde) -> str:
    """A value as a reader sees it: choice label, Ja/Nee, 1-2-2026, 2,5; empty as ''."""
    if waarde is None or waarde == "" or waarde == []:
        return ""
    if veld is not None and veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(waarde, bool):
        return "Ja" if waarde else "Nee"
    if isinstance(waarde, datetime.date):
        return f"{waarde.day}-{waarde.month}-{waarde.year}"
    if isinstance(waarde, Decimal):
        return nl_getal(waarde)
    if isinstance(waarde, models.Model):
        return str(waarde)
    if isinstance(waarde, (list, tuple)):
        return "; ".join(str(w) for w in waarde)
    return str(waarde)


class Logboek:
    """Collects the changes of one save and writes them in one bulk insert."""

    def __init__(self, *, beoordeling, door):
        self.beoordeling = beoordeling
        self.door = door
        self.rijen: list[Wijziging] = []

    def schrijf(self, *, onderdeel: str, actie: str, item: str = "", veld: str = "", oud: str = "",
                nieuw: str = "", medisch: bool = False) -> None:
        self.rijen.append(Wijziging(
            beoordeling=self.beoordeling, door=self.door, onderdeel=onderdeel, item=item[:120], actie=actie,
            veld=veld[:120], oud=oud, nieuw=nieuw, medisch=medisch,
        ))

    def velden(self, *, obj, nieuw: dict, onderdeel: str, item: str = "", medisch: bool = False,
               actie: str = WijzigingActie.GEWIJZIGD) -> list[str]:
        """Set the changed fields of `obj` from `nieuw`, log each, and return their names."""
        gewijzigd = []
        for naam, waarde in nieuw.items():
            veld = obj._meta.get_field(naam)
            oud = getattr(obj, naam)
            if _gelijk(oud, waarde):
                continue
            self.schrijf(onderdeel=onderdeel, actie=actie, item=item,
                         veld=str(veld.verbose_name), oud=weergave(veld, oud), nieuw=weergave(veld, waarde),
                         medisch=medisch)
            setattr(obj, naam, waarde)
            gewijzigd.append(naam)
        return gewijzigd

    def opslaan(self) -> None:
        """Write the collected rows, stamped with the version of the onderzoek they produced."""
        for rij in self.rijen:
            rij.versie = self.beoordeling.versie
        if self.rijen:
            Wijziging.objects.bulk_create(self.rijen)


def _gelijk(oud, nieuw) -> bool:
    if isinstance(oud, models.Model) or isinstance(nieuw, models.Model):
        return getattr(oud, "pk", None) == getattr(nieuw, "pk", None)
    if oud in (None, "") and nieuw in (None, ""):
        return True
    if isinstance(oud, Decimal) and nieuw is not None:
        return oud == Decimal(str(nieuw))
    return oud == nieuw
