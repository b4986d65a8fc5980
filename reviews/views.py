"""A member's own rating and review of a film: edit (create/update) and delete.

Both views find the row by `user=request.user` and the film in the URL, so
they can only ever act on the requesting member's own UserFilm; a member
asking to delete a review they don't have gets a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.decorators import verified_member_required
from films.models import Film
from films.selectors import poster_prefetch

from .forms import QuickRateForm, QuickStatusForm, UserFilmForm, ViewingForm
from .models import UserFilm, Viewing
from .quick_services import review_rate, review_status_toggle
from .services import review_delete, review_upsert
from .viewing_services import viewing_delete, viewing_log


def _film(slug):
    return get_object_or_404(
        Film.objects.prefetch_related(poster_prefetch()), slug=slug
    )


@verified_member_required
@require_http_methods(["GET", "POST"])
def userfilm_edit(request, slug):
    film = _film(slug)
    own = UserFilm.objects.filter(user=request.user, film=film).first()
    if request.method == "POST":
        form = UserFilmForm(request.POST, instance=own, user=request.user)
        if form.is_valid():
            _row, created = review_upsert(
                user=request.user, film=film, **form.cleaned_data
            )
            if created:
                text = _("Your rating of %(film)s was saved.")
            else:
                text = _("Your rating of %(film)s was updated.")
            messages.success(request, text % {"film": film.display_title})
            return redirect(f"{film.get_absolute_url()}#your-rating")
        # Invalid input: show it again with the errors, as a 400 so that
        # nothing (browsers, tests, proxies) takes it for a success.
        status = 400
    else:
        form = UserFilmForm(instance=own, user=request.user)
        status = 200
    return TemplateResponse(
        request,
        "reviews/userfilm_form.html",
        {"film": film, "form": form, "own_userfilm": own},
        status=status,
    )


# Deleting needs no verified email: members may always remove their own data.
@login_required
@require_http_methods(["GET", "POST"])
def userfilm_delete(request, slug):
    film = _film(slug)
    own = get_object_or_404(UserFilm, user=request.user, film=film)
    if request.method == "POST":
        review_delete(user=request.user, film=film)
        messages.success(
            request,
            _("Your rating and review of %(film)s were removed.")
            % {"film": film.display_title},
        )
        return redirect(film)
    return TemplateResponse(
        request,
        "reviews/userfilm_confirm_delete.html",
        {"film": film, "own_userfilm": own},
    )


@verified_member_required
@require_http_methods(["POST"])
def viewing_add(request, slug):
    """Log a viewing of the film: "Watched today" or another date (PRG)."""
    film = _film(slug)
    form = ViewingForm(request.POST, user=request.user)
    if form.is_valid():
        viewing_log(user=request.user, film=film, **form.cleaned_data)
        messages.success(
            request,
            _("Your viewing of %(film)s on %(date)s was logged.")
            % {
                "film": film.title,
                "date": date_format(form.cleaned_data["watched_on"]),
            },
        )
        return redirect(f"{film.get_absolute_url()}#your-viewings")
    return TemplateResponse(
        request,
        "reviews/viewing_form.html",
        {"film": film, "viewing_form": form},
        status=400,
    )


# Removing needs no verified email: members may always remove their own data.
@login_required
@require_http_methods(["POST"])
def viewing_remove(request, slug, pk):
    film = _film(slug)
    # Only the member's own viewings of this film: anything else is a 404.
    get_object_or_404(Viewing, pk=pk, user=request.user, film=film)
    viewing_delete(user=request.user, viewing_id=pk)
    messages.success(request, _("The viewing was removed."))
    return redirect(f"{film.get_absolute_url()}#your-viewings")


def _back(request, film):
    """Where a one-click form came from (its `next`), else the film page."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(f"{film.get_absolute_url()}#your-rating")


def _refused(request, error):
    for messages_ in error.message_dict.values():
        for message in messages_:
            messages.error(request, message)


QUICK_STATUS_MESSAGES = {
    ("watched", 1): gettext_lazy("%(film)s is marked as watched."),
    ("watched", 0): gettext_lazy("%(film)s is marked as not watched."),
    ("want", 1): gettext_lazy("%(film)s is on your watchlist."),
    ("want", 0): gettext_lazy("%(film)s is off your watchlist."),
}


@verified_member_required
@require_http_methods(["POST"])
def quick_rate(request, slug):
    """The star widget without JavaScript (PRG back to where it was)."""
    film = _film(slug)
    form = QuickRateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a rating from ½ to 5 stars."))
        return _back(request, film)
    rating = form.cleaned_data["rating"]
    try:
        review_rate(user=request.user, film=film, rating=rating)
    except ValidationError as error:
        _refused(request, error)
    else:
        if rating is None:
            text = _("Your rating of %(film)s was cleared.")
        else:
            text = _("Your rating of %(film)s was saved.")
        messages.success(request, text % {"film": film.display_title})
    return _back(request, film)


@verified_member_required
@require_http_methods(["POST"])
def quick_status(request, slug):
    """The Watched and Watchlist toggles without JavaScript (PRG)."""
    film = _film(slug)
    form = QuickStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Unknown status."))
        return _back(request, film)
    status, on = form.cleaned_data["status"], form.cleaned_data["on"]
    try:
        review_status_toggle(user=request.user, film=film, status=status, on=bool(on))
    except ValidationError as error:
        _refused(request, error)
    else:
        text = QUICK_STATUS_MESSAGES[(status, on)]
        messages.success(request, text % {"film": film.display_title})
    return _back(request, film)
