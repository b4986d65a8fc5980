"""The Wagtail admin's login page (WAGTAILADMIN_LOGIN_URL), backed by allauth."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe


@require_safe
def admin_login(request):
    """Send visitors through allauth's login; stop members without admin access.

    Wagtail's own login form has no rate limit and ignores email verification,
    so it is not used. allauth's login page sends signed-in users straight back
    to `next`, which would loop between it and the admin for a member who may
    not use the admin: they get a page that says so instead.
    """
    admin_home = reverse("wagtailadmin_home")
    next_url = request.GET.get("next") or admin_home
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = admin_home
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(next_url)
    if user.has_perm("wagtailadmin.access_admin"):
        return redirect(next_url)
    return TemplateResponse(
        request, "accounts/admin_denied.html", {"next": next_url}, status=403
    )
