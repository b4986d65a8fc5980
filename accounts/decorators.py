"""Gatekeeping for views that only verified members may use (rating, reviewing).

    @verified_member_required
    def rate(request, slug): ...

Anonymous visitors are sent to the login page and come back afterwards. Signed-in
members whose email address is not verified get a 403 page that says why and
offers a button to resend the verification email.
"""

from functools import wraps

from allauth.account.models import EmailAddress
from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme

from .permissions import member_can_review

VERIFICATION_REQUIRED_TEMPLATE = "accounts/verified_member_required.html"


def _return_path(request):
    """Where to come back to after logging in or verifying.

    A POST (a submitted rating) cannot be replayed after login, so go back to
    the page the form was on when that page is ours.
    """
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    referer = request.headers.get("referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer,
        allowed_hosts={request.get_host()},
        require_https=request.is_secure(),
    ):
        return referer
    return request.path


def verification_required_response(request):
    """The page an unverified member sees instead of the protected view."""
    addresses = EmailAddress.objects.filter(user=request.user).order_by(
        "-primary", "email"
    )
    unverified = [address for address in addresses if not address.verified]
    return TemplateResponse(
        request,
        VERIFICATION_REQUIRED_TEMPLATE,
        {"unverified_addresses": unverified, "next": _return_path(request)},
        status=403,
    )


def verified_member_required(view_func):
    """Let only signed-in, active members with a verified email address through."""

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(_return_path(request))
        if not member_can_review(user):
            return verification_required_response(request)
        return view_func(request, *args, **kwargs)

    return wrapper
