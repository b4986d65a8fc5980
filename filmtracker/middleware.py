"""Project-wide middleware: health probe, request ids, path-scoped CSP."""

import logging
import re
import socket
import time
import uuid

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed

from .logs import request_id_var
from .views import healthz, readyz

request_logger = logging.getLogger("filmtracker.request")

# What we accept from a proxy or client as a request id; anything else (too
# long, odd characters that could forge log lines) is replaced by our own.
REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
REQUEST_ID_HEADER = "X-Request-ID"


SERVED_BY_HEADER = "X-Served-By"


class ServedByMiddleware:
    """With SERVED_BY_HEADER on, name the host (the container) that answered.

    Several replicas behind one proxy look alike from outside; the compose
    smoke test checks which one served each request by this header.
    """

    def __init__(self, get_response):
        if not settings.SERVED_BY_HEADER:
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.host = socket.gethostname()

    def __call__(self, request):
        response = self.get_response(request)
        response[SERVED_BY_HEADER] = self.host
        return response


# Probes, answered before host checks and the HTTPS redirect.
PROBES = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    """Answer `/healthz` and `/readyz` first: no host check, no HTTPS redirect.

    Container and load-balancer probes call the container directly over http
    with whatever Host header they like; the site itself stays strict.
    With HEALTHZ_EARLY off, the middleware steps aside and the views answer
    through the whole stack.
    """

    def __init__(self, get_response):
        if not settings.HEALTHZ_EARLY:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is not None and request.method in ("GET", "HEAD"):
            return probe(request)
        return self.get_response(request)


class RequestIDMiddleware:
    """Give each request an id: log records carry it, the response returns it.

    The id comes from the `X-Request-ID` header the proxy sets (nginx passes
    the client's or makes one), or is made here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if REQUEST_ID_RE.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            request_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class PathCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with a different policy under some paths.

    `settings.CSP_PATH_POLICIES` lists `(path prefix, directives)`; the first
    prefix that matches replaces CONTENT_SECURITY_POLICY for that response.
    A policy set on the view with `@csp(...)` still wins.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        for prefix, directives in getattr(settings, "CSP_PATH_POLICIES", ()):
            if request.path_info.startswith(prefix):
                return PolicyParts(
                    config=dict(directives),
                    update=parts.update,
                    replace=parts.replace,
                    nonce=parts.nonce,
                )
        return parts
