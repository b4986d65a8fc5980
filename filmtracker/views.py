from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Liveness probe for the container and the load balancer; no database."""
    return HttpResponse("ok", content_type="text/plain")
