"""A tiny protected view on top of the site's URLs, for the decorator tests."""

from django.http import HttpResponse
from django.urls import path

from accounts.decorators import verified_member_required
from filmtracker.urls import urlpatterns as site_urlpatterns


@verified_member_required
def rate(request):
    return HttpResponse(f"rated by {request.user.username}")


urlpatterns = [
    path("test-only/rate/", rate, name="test_rate"),
    *site_urlpatterns,
]
