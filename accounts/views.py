from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from reviews.diary_selectors import DIARY_PAGE_SIZE, diary_queryset, diary_years
from reviews.models import UserFilm
from reviews.selectors import userfilm_status_counts, userfilms_for_profile

PAGE_SIZE = 30


def profile(request, username):
    """A member's films, grouped by status, with counts; `?status=` narrows it."""
    member = get_object_or_404(get_user_model(), username=username, is_active=True)
    status = request.GET.get("status")
    if status not in UserFilm.Status.values:
        status = None
    counts = userfilm_status_counts(user=member)
    page = Paginator(
        userfilms_for_profile(user=member, status=status), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "accounts/profile.html",
        {
            "member": member,
            "is_owner": request.user == member,
            "status": status,
            "status_counts": counts,
            "total": sum(n for _status, _label, n in counts),
            "page_obj": page,
            "films": [userfilm.film for userfilm in page],  # the viewer's controls
            "query_string": f"status={status}" if status else "",
        },
    )


def diary(request, username):
    """A member's viewings newest first, by month; `?year=` keeps one year."""
    member = get_object_or_404(get_user_model(), username=username, is_active=True)
    years = diary_years(user=member)
    raw = request.GET.get("year", "")
    year = int(raw) if raw.isascii() and raw.isdigit() and int(raw) in years else None
    page = Paginator(diary_queryset(user=member, year=year), DIARY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return TemplateResponse(
        request,
        "accounts/diary.html",
        {
            "member": member,
            "is_owner": request.user == member,
            "years": years,
            "year": year,
            "page_obj": page,
            "query_string": f"year={year}" if year else "",
        },
    )
