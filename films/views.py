import logging

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import member_can_review
from films import tmdb
from films.services import AdultFilmRefused, FilmImportFailed, film_import_from_tmdb

logger = logging.getLogger(__name__)


class ImportForm(forms.Form):
    tmdb_id = forms.IntegerField(min_value=1)


def _safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("search:search")


@require_POST
def film_import(request):
    """Add a TMDB film to the catalogue, then show its page (POST-redirect-GET).

    Verified members only, as in the API: importing is cheap and idempotent,
    but it writes to the shared catalogue. Visitors are asked to log in first.
    """
    form = ImportForm(request.POST)
    back = _safe_next(request, request.POST.get("next"))
    if not request.user.is_authenticated:
        messages.info(request, _("Log in to add films from TMDB to FilmTracker."))
        return redirect_to_login(back)
    if not member_can_review(request.user):
        messages.warning(
            request,
            _("Verify your email address to add films from TMDB to FilmTracker."),
        )
        return redirect(back)
    if not form.is_valid():
        messages.error(request, _("That is not a TMDB film we can add."))
        return redirect(back)
    tmdb_id = form.cleaned_data["tmdb_id"]
    try:
        film, created = film_import_from_tmdb(tmdb_id=tmdb_id)
    except AdultFilmRefused as refused:
        messages.error(request, refused.message)
        return redirect(back)
    except tmdb.TMDBNotFound:
        messages.error(request, _("TMDB doesn't know that film any more."))
        return redirect(back)
    except FilmImportFailed as exc:
        messages.error(request, exc.message)
        return redirect(back)
    except tmdb.TMDBNotConfigured:
        messages.error(request, _("Adding films from TMDB is switched off here."))
        return redirect(back)
    except tmdb.TMDBError:
        logger.warning("TMDB import of %s failed", tmdb_id, exc_info=True)
        messages.error(
            request,
            _(
                "TMDB isn't answering right now, so the film wasn't added. "
                "Please try again in a few minutes."
            ),
        )
        return redirect(back)
    if created:
        messages.success(
            request, _("%(film)s was added to FilmTracker.") % {"film": film}
        )
    else:
        messages.info(
            request, _("%(film)s was already on FilmTracker.") % {"film": film}
        )
    return redirect(film)
