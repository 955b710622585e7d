from django.conf import settings


class StaffSessionTimeoutMiddleware:
    """Gemeente staff get a sliding idle timeout; external users keep the normal session age."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_gemeente_medewerker:
            request.session.set_expiry(settings.STAFF_IDLE_TIMEOUT)
        return self.get_response(request)
