"""The API's one error shape, whatever raised the error."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions
from rest_framework_simplejwt.exceptions import InvalidToken

from films import tmdb
from filmtracker.rest.exceptions import exception_handler, flatten_errors


def handle(exc):
    response = exception_handler(exc, {})
    return response.status_code, response.data


def test_field_errors_keep_their_fields_and_one_error_becomes_the_detail():
    status, body = handle(exceptions.ValidationError({"rating": ["Too high."]}))
    assert status == 400
    assert body == {
        "detail": "rating: Too high.",
        "code": "invalid",
        "errors": {"rating": ["Too high."]},
    }


def test_several_field_errors_get_a_general_detail():
    _, body = handle(exceptions.ValidationError({"a": ["One."], "b": ["Two."]}))
    assert body["detail"] == "Invalid input: see the errors for each field."
    assert body["errors"] == {"a": ["One."], "b": ["Two."]}


def test_an_error_about_the_whole_request_is_the_detail():
    _, body = handle(exceptions.ValidationError("Not like this."))
    assert body["detail"] == "Not like this."
    assert body["errors"] == {"non_field_errors": ["Not like this."]}


def test_nested_errors_are_flattened_to_dotted_names():
    assert flatten_errors(
        {"poster": {"url": ["Bad."]}, "cast": [{}, {"name": ["Missing."]}]}
    ) == {"poster.url": ["Bad."], "cast.1.name": ["Missing."]}


def test_validation_errors_from_services_are_400s_not_500s():
    status, body = handle(DjangoValidationError({"rating": "A rating is 1 to 10."}))
    assert status == 400
    assert body["errors"] == {"rating": ["A rating is 1 to 10."]}


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (Http404("No Film matches the given query."), 404, "not_found"),
        (PermissionDenied("Not yours."), 403, "permission_denied"),
        (exceptions.NotAuthenticated(), 401, "not_authenticated"),
        (exceptions.MethodNotAllowed("DELETE"), 405, "method_not_allowed"),
        (exceptions.Throttled(wait=7), 429, "throttled"),
        (InvalidToken(), 401, "token_not_valid"),
    ],
)
def test_other_errors_have_a_detail_a_code_and_no_field_errors(exc, status, code):
    response = exception_handler(exc, {})
    assert response.status_code == status
    assert set(response.data) == {"detail", "code", "errors"}
    assert response.data["code"] == code
    assert response.data["detail"]
    assert response.data["errors"] == {}
    if status == 429:
        assert response["Retry-After"] == "7"


def test_simplejwt_nested_details_are_unwrapped():
    exc = InvalidToken({"detail": "Token is invalid", "code": "token_not_valid"})
    _, body = handle(exc)
    assert body == {
        "detail": "Token is invalid",
        "code": "token_not_valid",
        "errors": {},
    }


def test_a_tmdb_error_of_an_unknown_kind_is_a_502():
    status, body = handle(tmdb.TMDBError("odd"))
    assert status == 502
    assert body["code"] == "tmdb_error"


def test_unexpected_errors_are_left_to_django():
    assert exception_handler(RuntimeError("bug"), {}) is None
