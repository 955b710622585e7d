"""Read a form from a rendered page the way a browser submits it, so tests post what the page offers."""

from html.parser import HTMLParser


class _Formulier(HTMLParser):
    def __init__(self, actie_bevat: str):
        super().__init__()
        self.actie_bevat = actie_bevat
        self.in_form = False
        self.velden: list[tuple[str, str]] = []
        self._select: str | None = None
        self._select_waarde: str | None = None
        self._eerste_optie: str | None = None
        self._textarea: str | None = None
        self._tekst = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.in_form = self.actie_bevat in (a.get("action") or "")
            return
        if not self.in_form:
            return
        naam = a.get("name")
        if tag == "input" and naam and a.get("type") not in ("submit", "button"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.velden.append((naam, a.get("value", "on")))
            else:
                self.velden.append((naam, a.get("value", "")))
        elif tag == "select" and naam:
            self._select, self._select_waarde, self._eerste_optie = naam, None, None
        elif tag == "option" and self._select is not None:
            if self._eerste_optie is None:
                self._eerste_optie = a.get("value", "")
            if "selected" in a:
                self._select_waarde = a.get("value", "")
        elif tag == "textarea" and naam:
            self._textarea, self._tekst = naam, ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select" and self._select is not None:
            waarde = self._select_waarde if self._select_waarde is not None else self._eerste_optie or ""
            self.velden.append((self._select, waarde))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # Django's textarea template starts with a newline that browsers drop.
            self.velden.append((self._textarea, self._tekst.removeprefix("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._tekst += data


def formulier(html: str, actie_bevat: str) -> dict:
    """The fields of the <form> whose action contains `actie_bevat`, as a dict of lists (QueryDict style)."""
    parser = _Formulier(actie_bevat)
    parser.feed(html)
    uit: dict[str, list[str]] = {}
    for naam, waarde in parser.velden:
        uit.setdefault(naam, []).append(waarde)
    return uit


def post_data(velden: dict, **wijzig) -> dict:
    """Flatten for the test client (lists stay lists) and apply changes: a value, a list, or None to remove."""
    data = {k: (v if len(v) > 1 else v[0]) for k, v in velden.items()}
    for naam, waarde in wijzig.items():
        if waarde is None:
            data.pop(naam, None)
        else:
            data[naam] = waarde
    return data
