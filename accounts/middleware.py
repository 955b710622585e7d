import time

from django.conf import settings


class StaffSessionTimeoutMiddleware:
    """Gemeente staff get a sliding idle timeout; external users keep the normal session age."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_gemeente_medewerker:
            nu = int(time.time())
            if nu - request.session.get("_verlengd_op", 0) >= settings.STAFF_SESSION_VERLENG_NA:
                request.session["_verlengd_op"] = nu
                request.session.set_expiry(settings.STAFF_IDLE_TIMEOUT)
        return self.get_response(request)


class VerwerkingenMiddleware:
    """Writes the verwerkingenlog: after a successful response to a logged-in user on a page that names
    one case (see accounts.verwerkingen.PAGINAS), one row with who, which person, which case, the action
    and the werkproces. Costs one query for the case and one insert, on those pages only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._gelukt(request, response):
            self._registreer(request)
        return response

    @staticmethod
    def _gelukt(request, response) -> bool:
        # A POST that worked redirects; a GET that worked shows the page. 403/404 write nothing. An htmx GET
        # loads or polls a part of a page whose opening was already logged, so it is not logged again.
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        if request.method == "GET" and request.headers.get("HX-Request") == "true":
            return False
        return response.status_code == 200 or (request.method == "POST" and response.status_code in (302, 303))

    @staticmethod
    def _registreer(request) -> None:
        from aanvragen.models import Aanvraag

        from .models import Verwerking
        from .verwerkingen import LOOKUP, PAGINAS, actie_voor

        match = request.resolver_match
        url_naam = match.view_name if match else ""
        if url_naam not in PAGINAS:
            return
        kwarg, soort, werkproces = PAGINAS[url_naam]
        rij = Aanvraag.objects.filter(**{LOOKUP[soort]: match.kwargs[kwarg]}).values("id", "werknemer_bsn").first()
        if rij is None:
            return
        Verwerking.objects.create(
            wie=request.user, persoon_sleutel=Verwerking.sleutel(rij["werknemer_bsn"]), aanvraag_id=rij["id"],
            actie=actie_voor(url_naam, request.method), werkproces=werkproces, url_naam=url_naam,
        )
