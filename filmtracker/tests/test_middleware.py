import io
import json
import logging

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.urls import path

from filmtracker.logs import JsonFormatter, RequestIDFilter, request_id_var
from filmtracker.middleware import RequestIDMiddleware


def boom(request):
    raise RuntimeError("kaboom")


urlpatterns = [path("boom/", boom)]


@pytest.fixture
def json_log():
    """Lines of `django.request` and `filmtracker.request`, as production logs them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIDFilter())
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger(n) for n in ("django.request", "filmtracker.request")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.mark.django_db
def test_a_request_id_is_made_and_returned(client):
    response = client.get("/healthz-not-here/")
    assert len(response.headers["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_the_proxys_request_id_is_kept(client):
    response = client.get("/healthz", headers={"x-request-id": "abc12345-proxy"})
    # /healthz is answered before the request id middleware: no id there.
    assert "X-Request-ID" not in response.headers
    response = client.get("/no-page/", headers={"x-request-id": "abc12345-proxy"})
    assert response.headers["X-Request-ID"] == "abc12345-proxy"


@pytest.mark.parametrize(
    "bad", ["short", "x" * 200, "abc12345\nforged log line", "abc 12345 spaces"]
)
def test_a_malformed_request_id_is_replaced(bad):
    seen = {}

    def view(request):
        seen["id"] = request_id_var.get()
        return HttpResponse("ok")

    request = RequestFactory().get("/", headers={"x-request-id": bad})
    response = RequestIDMiddleware(view)(request)

    assert response.headers["X-Request-ID"] != bad
    assert response.headers["X-Request-ID"] == seen["id"] == request.request_id
    assert request_id_var.get() == "-"  # reset once the request is over


def test_each_request_is_logged_as_json_with_its_id(json_log):
    request = RequestFactory().get("/films/x/?secret=1")
    RequestIDMiddleware(lambda r: HttpResponse(status=201))(request)

    [line] = json_log()
    assert line["logger"] == "filmtracker.request"
    assert line["request_id"] == request.request_id
    assert line["method"] == "GET"
    assert line["path"] == "/films/x/"  # no query string: it may hold tokens
    assert line["status"] == 201
    assert isinstance(line["duration_ms"], float)


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_an_error_is_logged_with_the_request_id(client, json_log):
    client.raise_request_exception = False

    response = client.get("/boom/")

    assert response.status_code == 500
    request_id = response.headers["X-Request-ID"]
    error = next(line for line in json_log() if line["logger"] == "django.request")
    assert error["level"] == "ERROR"
    assert error["request_id"] == request_id
    assert "RuntimeError: kaboom" in error["exc_info"]


def test_log_lines_outside_a_request_say_so():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)
    RequestIDFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "hello"
    assert line["request_id"] == "-"


def test_healthz_is_answered_first_unless_switched_off(client):
    # Early: even a Host the site refuses gets its "ok" (probes over plain http).
    assert client.get("/healthz", HTTP_HOST="10.1.2.3:8000").status_code == 200
    with override_settings(HEALTHZ_EARLY=False):
        # A new client builds the middleware chain again, without the shortcut:
        # the view answers behind the host check like any page (the bench's ceiling).
        late = Client()
        assert late.get("/healthz").status_code == 200
        assert late.get("/healthz", HTTP_HOST="10.1.2.3:8000").status_code == 400
