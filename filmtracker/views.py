from django.http import HttpResponse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from filmtracker.rest import views as rest_views


@never_cache
def healthz(request):
    """Liveness probe for the container and the load balancer; no database."""
    return HttpResponse("ok", content_type="text/plain")


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
