"""A tiny protected view on top of the site's URLs, for the decorator tests."""

from django.http import HttpResponse
from django.urls import path
from django.views import View

from accounts.decorators import VerifiedMemberRequiredMixin, verified_member_required
from filmtracker.urls import urlpatterns as site_urlpatterns


@verified_member_required
def rate(request):
    return HttpResponse(f"rated by {request.user.username}")


class RateView(VerifiedMemberRequiredMixin, View):
    def post(self, request):
        return HttpResponse(f"rated by {request.user.username}")


urlpatterns = [
    path("test-only/rate/", rate, name="test_rate"),
    path("test-only/rate-cbv/", RateView.as_view(), name="test_rate_cbv"),
    *site_urlpatterns,
]
