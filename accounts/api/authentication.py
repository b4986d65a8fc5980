"""JWT authentication that refuses revoked tokens (see accounts/tokens.py)."""

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from rest_framework_simplejwt.authentication import JWTAuthentication

from accounts.tokens import token_member


class MemberJWTAuthentication(JWTAuthentication):
    """simplejwt's, plus: the token's member still exists, is active and has
    not changed their password since it was issued. The member is loaded for
    every request anyway, so the check costs no query."""

    def get_user(self, validated_token):
        return token_member(validated_token, super().get_user(validated_token))


class MemberJWTScheme(SimpleJWTScheme):
    """The OpenAPI security scheme: simplejwt's bearer JWT, as before."""

    target_class = "accounts.api.authentication.MemberJWTAuthentication"
