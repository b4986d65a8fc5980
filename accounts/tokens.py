"""The API's JSON Web Tokens: when a member's tokens stop working.

Every token carries `auth`, Django's session auth hash of the member (an HMAC
of their password hash, keyed with SECRET_KEY). It is the check Django's own
sessions use: whatever changes the password -- the site's change and reset
pages, the admin, `manage.py changepassword` -- changes the hash, and every
refresh and access token issued before stops working at once. A token of a
deleted or deactivated account finds no active member and is refused too.

Why a claim and not simplejwt's blacklist for this: the blacklist only knows
the refresh tokens it recorded, each revocation path would have to remember
to blacklist them all, a refresh racing a password change could mint a token
after the sweep, and access tokens would live on until they expire. The claim
needs no hook, no table and no migration. (simplejwt's own CHECK_REVOKE_TOKEN
puts an unkeyed MD5 of the password hash in the readable token and is not
checked on refresh.) The blacklist still revokes single refresh tokens:
rotation and sign-out.

A refresh keeps the `exp` of the token it replaces, so the refresh lifetime
counts from the sign-in with the password: a stolen refresh token cannot be
kept alive forever by rotating it.
"""

from django.contrib.auth import get_user_model
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _
from rest_framework_simplejwt.exceptions import InvalidToken
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import RefreshToken

AUTH_CLAIM = "auth"

REVOKED_MESSAGE = _(
    "This token is no longer valid: the account was deleted, deactivated or "
    "its password changed. Sign in again."
)


class MemberRefreshToken(RefreshToken):
    """A refresh token bound to the member's current password (see above)."""

    @classmethod
    def for_user(cls, user):
        token = super().for_user(user)
        token[AUTH_CLAIM] = user.get_session_auth_hash()
        return token


def token_member(token, user=None):
    """The active member a valid token belongs to; raises InvalidToken (401).

    `user` is the member already loaded for the token's user id, if any.
    """
    if user is None:
        user_id = token.get(api_settings.USER_ID_CLAIM)
        user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    current = user is not None and user.is_active
    if not current or not constant_time_compare(
        str(token.get(AUTH_CLAIM, "")), user.get_session_auth_hash()
    ):
        raise InvalidToken(REVOKED_MESSAGE, code="token_revoked")
    return user


def token_rotate(refresh):
    """Blacklist `refresh` and return `(access, new refresh)` as strings.

    The new refresh token expires when the old one did.
    """
    expires = refresh["exp"]
    access = str(refresh.access_token)
    refresh.blacklist()
    refresh.set_jti()
    refresh.set_iat()
    refresh["exp"] = expires
    refresh.outstand()
    return access, str(refresh)
