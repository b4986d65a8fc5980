"""API permissions built on the site's own rules (accounts.permissions)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from accounts.permissions import member_can_review

VERIFY_EMAIL_MESSAGE = _(
    "Verify your email address first: follow the link in the email we sent "
    "when you signed up."
)


class IsVerifiedMember(permissions.BasePermission):
    """Signed in (else 401) with a verified email address (else 403)."""

    message = VERIFY_EMAIL_MESSAGE

    def has_permission(self, request, view):
        # Anonymous: False without a message, so DRF answers 401, not 403.
        return bool(request.user and request.user.is_authenticated) and (
            member_can_review(request.user)
        )


class IsVerifiedMemberOrReadOnly(IsVerifiedMember):
    allows_anonymous_reads = True  # documented so (filmtracker.rest.openapi)

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().has_permission(request, view)
