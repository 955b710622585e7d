from types import SimpleNamespace

from .navigation import MENU


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    huidig = request.path
    items = []
    for item in MENU.get(user.rol, ()):
        url = item.url
        items.append(SimpleNamespace(label=item.label, url=url, active=huidig == url))
    return {"nav_items": items}
