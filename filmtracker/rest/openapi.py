"""OpenAPI helpers: the error component and documented error responses."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import permissions, serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("What went wrong, for people."))
    code = serializers.CharField(
        help_text=_("A stable token for programs, e.g. `invalid`, `not_found`.")
    )
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_(
            "Messages per invalid field (`non_field_errors` for the whole "
            "request); empty unless the input was invalid."
        ),
    )

    class Meta:
        ref_name = "Error"


def error_example(name, detail, code, errors=None, *, summary=""):
    return OpenApiExample(
        name,
        summary=summary or detail,
        value={"detail": detail, "code": code, "errors": errors or {}},
        response_only=True,
    )


ERRORS = {
    400: (
        _("Invalid input; `errors` lists the messages per field."),
        error_example(
            "Invalid input",
            "title: This field is required.",
            "invalid",
            {"title": ["This field is required."]},
        ),
    ),
    401: (
        _("Not signed in, or the access token is invalid or expired."),
        error_example(
            "Not signed in",
            "Authentication credentials were not provided.",
            "not_authenticated",
        ),
    ),
    403: (
        _("Signed in, but not allowed to do this."),
        error_example(
            "Not allowed",
            "You do not have permission to perform this action.",
            "permission_denied",
        ),
    ),
    404: (
        _("No such object (for a list: no such page)."),
        error_example("Not found", "No Film matches the given query.", "not_found"),
    ),
    409: (
        _("The request conflicts with data already here; nothing was saved."),
        error_example(
            "Import failed",
            "This film could not be saved: it clashes with data already here.",
            "import_failed",
        ),
    ),
    415: (
        _("The body's media type is not one this operation takes."),
        error_example(
            "Unsupported media type",
            'Unsupported media type "application/json" in request.',
            "unsupported_media_type",
        ),
    ),
    429: (
        _("Too many requests; retry after the `Retry-After` header's seconds."),
        error_example(
            "Throttled",
            "Request was throttled. Expected available in 42 seconds.",
            "throttled",
        ),
    ),
    502: (
        _("TMDB failed: it refused our credentials or answered wrongly."),
        error_example(
            "TMDB bad response",
            "TMDB sent an answer we could not understand. Please try again later.",
            "tmdb_bad_response",
        ),
    ),
    503: (
        _("TMDB is unavailable, not configured, or rate-limiting us."),
        error_example(
            "TMDB unavailable",
            "TMDB is unavailable right now. Please try again later.",
            "tmdb_unavailable",
        ),
    ),
    504: (
        _("TMDB did not answer in time."),
        error_example(
            "TMDB timeout",
            "TMDB did not answer in time. Please try again in a moment.",
            "tmdb_timeout",
        ),
    ),
}


def error_responses(*status_codes, examples=None):
    """Documented error responses; 429 (throttling) applies to every endpoint.

    `examples` replaces the generic example for a status code with specific
    ones: `error_responses(400, examples={400: [error_example(...)]})`.
    """
    examples = examples or {}
    responses = {}
    for status_code in sorted({*status_codes, 429}):
        description, default_example = ERRORS[status_code]
        responses[status_code] = OpenApiResponse(
            ErrorSerializer,
            description=description,
            examples=examples.get(status_code, [default_example]),
        )
    return responses


def only_api_endpoints(endpoints, **kwargs):
    """Preprocessing hook: document our API, not Wagtail's internal admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's, plus honest security requirements.

    drf-spectacular marks an operation as open to anonymous callers (`{}` in
    `security`) only for AllowAny and IsAuthenticatedOrReadOnly. Our own
    read-only-for-anonymous permissions, object-level-only ones and views
    without permissions (the JWT endpoints) were documented as needing a
    token; the fuzzer's "ignored auth" check found the mismatch.
    """

    def get_auth(self):
        auths = super().get_auth()
        if {} not in auths and self._anonymous_allowed():
            auths.append({})
        return auths

    def _anonymous_allowed(self):
        safe = self.method in permissions.SAFE_METHODS
        return all(
            isinstance(permission, permissions.AllowAny)
            # Only has_object_permission: the view itself is open.
            or type(permission).has_permission
            is permissions.BasePermission.has_permission
            or (safe and getattr(permission, "allows_anonymous_reads", False))
            for permission in self.view.get_permissions()
        )
