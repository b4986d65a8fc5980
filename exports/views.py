"""The member's export page and its two downloads (/accounts/export/...)."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from . import responses


@login_required
@require_safe
def export_page(request):
    """What each export holds, with a download button for each."""
    return TemplateResponse(request, "exports/export.html")


@login_required
@require_safe
def letterboxd_download(request):
    return responses.letterboxd_download(request)


@login_required
@require_safe
def full_download(request):
    return responses.full_download(request)
