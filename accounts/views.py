from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from .navigation import startpagina


@login_required
def start(request):
    """Every role lands on its own start page."""
    return redirect(startpagina(request.user))
