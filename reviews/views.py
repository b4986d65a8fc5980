"""A member's own rating and review of a film: edit (create/update) and delete.

Both views find the row by `user=request.user` and the film in the URL, so
they can only ever act on the requesting member's own UserFilm; a member
asking to delete a review they don't have gets a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.decorators import verified_member_required
from films.models import Film
from films.selectors import poster_prefetch

from .forms import UserFilmForm, ViewingForm
from .models import UserFilm, Viewing
from .services import review_delete, review_upsert, viewing_delete, viewing_log


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
