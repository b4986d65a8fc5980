import dataclasses
import logging

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from accounts.permissions import member_can_review
from films import tmdb
from films.selectors import film_card_queryset, tmdb_search_not_imported
from reviews.selectors import with_member_numbers

from .forms import SearchForm
from .selectors import film_search

logger = logging.getLogger(__name__)

PAGE_SIZE = 24


def _positive_int(value, default=1):
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return default


def _tmdb_results(*, query, year, genre, page):
    """TMDB's films that are not in the catalogue yet, or why there are none.

    Returns (state, search_page): state is "off" (no TMDB here), "error"
    (TMDB failed; the local results still show) or "ok".
    """
    if not tmdb.tmdb_is_configured():
        return "off", None
    try:
        found = tmdb_search_not_imported(
            query=query, year=year, page=page, language=tmdb.tmdb_language()
        )
    except tmdb.TMDBNotConfigured:
        return "off", None
    except tmdb.TMDBError:
        logger.warning("TMDB search for %r failed", query, exc_info=True)
        return "error", None
    if genre is not None and genre.tmdb_id:
        # TMDB's search has no genre filter; its results carry genre ids.
        found = dataclasses.replace(
            found, results=[m for m in found.results if genre.tmdb_id in m.genre_ids]
        )
    return "ok", found


def search(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": "", "page_obj": None, "tmdb_state": None}
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"]
        year = form.cleaned_data["year"]
        genre = form.cleaned_data["genre"]
        context["query"] = query
        if query or year or genre:
            # Filters before the search, ranked by relevance (see film_search).
            results, matches = film_search(
                queryset=with_member_numbers(film_card_queryset()),
                query=query,
                year=year,
                genre=genre.slug if genre else None,
            )
            context["matches"] = matches
            context["page_obj"] = Paginator(results, PAGE_SIZE).get_page(
                request.GET.get("page")
            )
            # Keep the search in the pagination links, without the old page.
            params = request.GET.copy()
            params.pop("page", None)
            context["query_string"] = params.urlencode()
        # TMDB's suggestions go under the first page of local results only.
        if query and context["page_obj"].number == 1:
            tmdb_page = _positive_int(request.GET.get("tmdb_page"))
            context["tmdb_state"], context["tmdb_results"] = _tmdb_results(
                query=query, year=year, genre=genre, page=tmdb_page
            )
            # TMDB pages of films already here are skipped: "previous" goes to
            # the page before the first one read.
            context["tmdb_previous_page"] = tmdb_page - 1
            # Adding films is for verified members (as in the API).
            context["can_import"] = context["tmdb_state"] == "ok" and (
                member_can_review(request.user)
            )
            tmdb_params = request.GET.copy()
            tmdb_params.pop("tmdb_page", None)
            context["tmdb_query_string"] = tmdb_params.urlencode()
    return TemplateResponse(request, "search/search.html", context)
