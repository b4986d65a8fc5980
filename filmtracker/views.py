import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from filmtracker import cache_backend
from filmtracker.rest import views as rest_views

log = logging.getLogger(__name__)
READY_KEY = "ft:readyz"


@never_cache
def healthz(request):
    """Liveness probe for the container and the load balancer; no database.

    200 while the process answers at all: restarting it would not help with
    a database or cache outage (that is /readyz).
    """
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    """Readiness: can this process serve pages? Database and cache, separately.

    JSON `{"status", "database", "cache", "cache_stats"}`, each check "ok" or
    "unavailable". 503 when the database is down; a cache outage only slows
    pages down (they are served from the database), so it stays 200 and says
    "degraded". `cache_stats` counts this process's cache failures since it
    started (filmtracker.cache_backend.STATS).
    """
    database = _check_database()
    cache_ok = _check_cache()
    if database != "ok":
        status = "unavailable"
    else:
        status = "ok" if cache_ok == "ok" else "degraded"
    return JsonResponse(
        {
            "status": status,
            "database": database,
            "cache": cache_ok,
            "cache_stats": dict(cache_backend.STATS),
        },
        status=503 if status == "unavailable" else 200,
    )


def _check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        log.warning("Readiness: database unavailable", exc_info=True)
        return "unavailable"
    return "ok"


def _check_cache():
    # A round trip through the cache as the site uses it: our backend turns
    # errors into misses, so a value that does not come back means "down".
    token = uuid.uuid4().hex
    cache.set(READY_KEY, token, 30)
    return "ok" if cache.get(READY_KEY) == token else "unavailable"


@requires_csrf_token
def bad_request(request, exception):
    """handler400: JSON for the API (413 for a body over the limit), else HTML."""
    if request.path.startswith("/api/"):
        return rest_views.bad_request(request, exception)
    return defaults.bad_request(request, exception)


@requires_csrf_token
def server_error(request):
    """handler500: JSON for the API (clients parse it), the HTML page elsewhere."""
    if request.path.startswith("/api/"):
        return rest_views.server_error(request)
    return defaults.server_error(request)
