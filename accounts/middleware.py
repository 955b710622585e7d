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
