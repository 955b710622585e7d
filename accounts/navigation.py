"""Each role's start page and menu."""

from dataclasses import dataclass

from django.urls import reverse

from .models import Rol


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str

    @property
    def url(self) -> str:
        return reverse(self.url_name)


MENU: dict[str, tuple[NavItem, ...]] = {
    Rol.WERKGEVER: (NavItem("Mijn aanvragen", "aanvragen:mijn"), NavItem("Nieuwe aanvraag", "aanvragen:nieuw")),
    Rol.WERKNEMER: (NavItem("Mijn aanvragen", "aanvragen:mijn"), NavItem("Nieuwe aanvraag", "aanvragen:nieuw")),
    Rol.KLANTMANAGER: (NavItem("Werklijst", "aanvragen:werklijst"), NavItem("Aanvraag registreren", "aanvragen:registreren"),
                       NavItem("Trajecten", "trajecten:overzicht")),
    Rol.ARBEIDSDESKUNDIGE: (NavItem("Ter ondertekening", "beoordeling:ondertekenen"), NavItem("Werklijst", "aanvragen:werklijst")),
    Rol.BEZWAARBEHANDELAAR: (NavItem("Bezwaren", "bezwaar:lijst"), NavItem("Besluiten", "beoordeling:besluiten")),
    Rol.JOBCOACH: (NavItem("Mijn trajecten", "trajecten:jobcoach"), NavItem("Mijn aanvragen", "aanvragen:mijn"),
                   NavItem("Nieuwe aanvraag", "aanvragen:nieuw")),
    Rol.FUNCTIONEEL_BEHEERDER: (NavItem("Verordeningen", "verordening:lijst"),
                                NavItem("Vergelijken", "verordening:vergelijken"),
                                NavItem("Jobcoachorganisaties", "verordening:register"),
                                NavItem("Verwerkingenlog", "accounts:verwerkingen")),
    Rol.BELEIDSMEDEWERKER: (NavItem("Overzicht", "aanvragen:overzicht"), NavItem("Vergelijken", "verordening:vergelijken")),
}


def startpagina(user) -> str:
    items = MENU.get(user.rol)
    return items[0].url if items else reverse("login")
