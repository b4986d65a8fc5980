"""Editors' "Add from TMDB": search TMDB inside the Wagtail admin and import.

Reached from a header button on the Film snippet listing; uses the same
selector and import service as the public site. Needs `films.add_film`.
"""

import logging

from django import forms
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from films import tmdb
from films.selectors import tmdb_search_not_imported
from films.services import AdultFilmRefused, FilmImportFailed, film_import_from_tmdb
from films.years import FILM_YEAR_MAX, FILM_YEAR_MIN

logger = logging.getLogger(__name__)

FILM_LIST_URL_NAME = "wagtailsnippets_films_film:list"
FILM_EDIT_URL_NAME = "wagtailsnippets_films_film:edit"
IMPORT_PERMISSION = "films.add_film"


class TMDBSearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    year = forms.IntegerField(
        label=gettext_lazy("Year"),
        required=False,
        min_value=FILM_YEAR_MIN,
        max_value=FILM_YEAR_MAX,
    )


class TMDBImportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "films/admin/tmdb_import.html"
    page_title = gettext_lazy("Add from TMDB")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(FILM_LIST_URL_NAME), "label": _("Films")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = TMDBSearchForm(self.request.GET or None)
        context.update(form=form, configured=tmdb.tmdb_is_configured())
        if context["configured"] and form.is_valid():
            try:
                # In the editor's admin language, so they can tell films apart.
                context["results"] = tmdb_search_not_imported(
                    query=form.cleaned_data["q"],
                    year=form.cleaned_data["year"],
                    language=tmdb.tmdb_language(),
                )
            except tmdb.TMDBNotConfigured:
                context["configured"] = False
            except tmdb.TMDBError as exc:
                logger.warning("TMDB search from the admin failed", exc_info=True)
                context["error"] = exc.status_message or str(exc)
        return context

    def post(self, request, *args, **kwargs):
        back = f"{request.path}?{request.GET.urlencode()}"
        try:
            tmdb_id = int(request.POST.get("tmdb_id", ""))
        except ValueError:
            messages.error(request, _("That is not a TMDB film id."))
            return redirect(back)
        try:
            film, created = film_import_from_tmdb(tmdb_id=tmdb_id)
        except AdultFilmRefused as refused:
            messages.error(request, refused.message)
            return redirect(back)
        except tmdb.TMDBError as exc:
            logger.warning("TMDB import of %s from the admin failed", tmdb_id)
            messages.error(
                request,
                _("TMDB import failed: %(reason)s")
                % {"reason": exc.status_message or exc.__class__.__name__},
            )
            return redirect(back)
        except FilmImportFailed as exc:
            messages.error(request, exc.message)
            return redirect(back)
        edit_url = reverse(FILM_EDIT_URL_NAME, args=[film.pk])
        text = (
            _("“%(film)s” was imported from TMDB.")
            if created
            else _("“%(film)s” was already in the catalogue.")
        ) % {"film": film}
        messages.success(
            request,
            text,
            buttons=[
                messages.button(film.get_absolute_url(), _("View on site")),
                messages.button(edit_url, _("Edit")),
            ],
        )
        return redirect(edit_url)
