"""The import pages under /accounts/import/: upload, progress and report.

Thin: the rules are in imports.services / imports.resolving. Uploading and
resolving redirect after the POST (reloading never posts again). Only the
owner sees an import; anyone else gets a 404.
"""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.decorators import verified_member_required
from films import tmdb
from films.models import Film
from films.selectors import tmdb_search_not_imported
from search.selectors import film_search

from .forms import FilmFindForm, ImportUploadForm, RowResolveForm
from .models import LetterboxdImport, LetterboxdRow
from .resolving import RowResolveError, letterboxd_row_resolve
from .selectors import (
    letterboxd_import_of,
    letterboxd_imports_of,
    letterboxd_report_lists,
    letterboxd_report_rows,
)
from .services import ExportInvalid, letterboxd_import_file

log = logging.getLogger(__name__)
FIND_LIMIT = 10
EARLIER_IMPORTS = 10


@verified_member_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_upload(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            done = letterboxd_import_file(
                user=request.user,
                file=form.cleaned_data["file"],
                replace=form.cleaned_data["replace"],
            )
        except ExportInvalid as e:
            form.add_error("file", e.message)
        else:
            return redirect(done)
    context = {
        "form": form,
        "imports": letterboxd_imports_of(user=request.user)[:EARLIER_IMPORTS],
    }
    status = 400 if form.is_bound and form.errors else 200
    return TemplateResponse(request, "imports/upload.html", context, status=status)


def _own_import(request, pk):
    try:
        return letterboxd_import_of(user=request.user, pk=pk)
    except LetterboxdImport.DoesNotExist:
        raise Http404 from None


def _own_row(letterboxd_import, row_id):
    try:
        return letterboxd_import.rows.get(pk=row_id)
    except LetterboxdRow.DoesNotExist:
        raise Http404 from None


@login_required
@require_http_methods(["GET", "HEAD"])
def import_detail(request, pk):
    letterboxd_import = _own_import(request, pk)
    context = {"import": letterboxd_import, "rows": None}
    if letterboxd_import.finished:
        context["rows"] = letterboxd_report_rows(letterboxd_import)
        context["lists"] = letterboxd_report_lists(letterboxd_import)
    return TemplateResponse(request, "imports/detail.html", context)


def _tmdb_films(query):
    """(state, TMDB films not here) for the find page: "off", "error" or "ok"."""
    if not tmdb.tmdb_is_configured():
        return "off", []
    try:
        found = tmdb_search_not_imported(query=query, language=tmdb.tmdb_language())
    except tmdb.TMDBNotConfigured:
        return "off", []
    except tmdb.TMDBError:
        log.warning("TMDB search for %r failed", query, exc_info=True)
        return "error", []
    return "ok", found.results[:FIND_LIMIT]


@verified_member_required
@require_http_methods(["GET", "HEAD"])
def row_find(request, pk, row_id):
    letterboxd_import = _own_import(request, pk)
    row = _own_row(letterboxd_import, row_id)
    form = FilmFindForm(request.GET if "q" in request.GET else {"q": row.name})
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    films, tmdb_state, tmdb_films = [], None, []
    if query:
        found, _matches = film_search(queryset=Film.objects.all(), query=query)
        films = found[:FIND_LIMIT]
        tmdb_state, tmdb_films = _tmdb_films(query)
    context = {
        "import": letterboxd_import,
        "row": row,
        "form": form,
        "query": query,
        "films": films,
        "tmdb_state": tmdb_state,
        "tmdb_films": tmdb_films,
    }
    return TemplateResponse(request, "imports/find.html", context)


@verified_member_required
@require_POST
def row_resolve(request, pk, row_id):
    letterboxd_import = _own_import(request, pk)
    row = _own_row(letterboxd_import, row_id)
    form = RowResolveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a film."))
        return redirect(letterboxd_import)
    try:
        rows = letterboxd_row_resolve(
            user=request.user,
            letterboxd_import_id=letterboxd_import.pk,
            row_id=row.pk,
            film_id=form.cleaned_data["film"],
            tmdb_id=form.cleaned_data["tmdb_id"],
        )
    except RowResolveError as e:
        messages.error(request, e.message)
    else:
        film = rows[0].film if rows else None
        messages.success(
            request,
            _("“%(name)s” is now %(film)s.") % {"name": row.name, "film": film},
        )
    return redirect(f"{letterboxd_import.get_absolute_url()}#report")
