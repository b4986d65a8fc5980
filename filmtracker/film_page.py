"""The film page: the film (films/) with the members' numbers and reviews (reviews/).

Composed here, above both apps, so that `films/` never needs `reviews/`.

The shared part is rendered once per film, language and reviews page.

Everything on a film page except the reader's own rating form is the same for
every visitor and member: the details, the site's numbers and the members'
reviews. That part is rendered to HTML and cached until something it shows
changes (the film versions of films/cache.py, bumped by films/invalidation.py
and reviews/invalidation.py),
so a member's page view costs their session, their own row and the form, not
the film's queries and its poster markup again. Anonymous visitors get the
whole page from filmtracker/page_cache.py on top of this.
"""

import dataclasses

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import get_language

from accounts.permissions import member_can_review
from films.cache import film_cached
from films.selectors import film_detail_queryset, film_get_by_slug
from filmtracker.page_cache import cache_public_page
from journal.selectors import articles_featuring
from lists.selectors import film_public_lists, member_lists_for_film
from reviews.diary_selectors import film_viewings_of_member
from reviews.forms import UserFilmForm, ViewingForm
from reviews.models import UserFilm
from reviews.selectors import (
    REVIEWS_PAGE_SIZE,
    film_rating_histogram,
    film_reviews_queryset,
    with_member_numbers,
)
from seo.previews import LD_REVIEWS, film_head_html


@dataclasses.dataclass(frozen=True)
class FilmPage:
    film_id: int
    slug: str
    title: str
    details: str  # safe HTML: poster, facts, credits, the site's numbers
    reviews: str  # safe HTML: one page of members' reviews with its pagination
    review_count: int
    head: str = ""  # safe HTML: link preview tags and JSON-LD (seo/previews.py)
    journal: str = ""  # safe HTML: "In the journal", articles featuring the film
    lists: str = ""  # safe HTML: "In N public lists", a few of them


def page_number(raw):
    """The reviews page asked for; anything but a positive number means the first.

    Pages past the last are shown as the last one (Paginator.get_page).
    """
    return int(raw) if raw and raw.isascii() and raw.isdigit() and int(raw) else 1


def film_page_get(*, slug, page=1, origin=""):
    """The shared part of /films/<slug>/?page=<page>; Http404 for an unknown slug.

    `origin` ("https://host") makes the head's addresses absolute.
    """
    key = f"ft:film-page:{get_language() or ''}:{origin}:{slug}:{page}"
    return film_cached(
        key=key, build=lambda: _build(slug=slug, page=page, origin=origin)
    )


def _build(*, slug, page, origin):
    film = film_get_by_slug(
        slug=slug, queryset=with_member_numbers(film_detail_queryset())
    )
    reviews = Paginator(film_reviews_queryset(film=film), REVIEWS_PAGE_SIZE).get_page(
        page
    )
    details = render_to_string(
        "films/includes/film_details.html",
        {"film": film, "histogram": film_rating_histogram(film=film)},
    )
    reviews_html = render_to_string(
        "films/includes/film_reviews.html", {"page_obj": reviews}
    )
    value = FilmPage(
        film_id=film.pk,
        slug=film.slug,
        title=str(film),
        details=details,
        reviews=reviews_html,
        review_count=reviews.paginator.count,
        head=film_head_html(film=film, reviews=_newest(reviews), origin=origin),
        journal=render_to_string(
            "journal/includes/in_the_journal.html",
            {"articles": articles_featuring(film=film)},
        ),
        lists=_lists_html(film),
    )
    return value, [film.pk]


def _lists_html(film):
    count, lists = film_public_lists(film=film)
    return render_to_string(
        "lists/includes/film_lists.html", {"count": count, "lists": lists}
    )


def _newest(reviews):
    # Structured data describes what the page shows: the newest reviews are on
    # the first page, the one the others name as canonical.
    return list(reviews.object_list[:LD_REVIEWS]) if reviews.number == 1 else []


def film_detail(request, slug):
    film_page = film_page_get(
        slug=slug,
        page=page_number(request.GET.get("page")),
        origin=request.build_absolute_uri("/").rstrip("/"),
    )
    context = {"film_page": film_page, "can_review": False}
    if request.user.is_authenticated:
        own = UserFilm.objects.filter(
            user=request.user, film_id=film_page.film_id
        ).first()
        context["own_userfilm"] = own
        context["can_review"] = member_can_review(request.user)
        if context["can_review"]:
            context["form"] = UserFilmForm(instance=own, user=request.user)
            context["viewing_form"] = ViewingForm(user=request.user)
            context["own_lists"] = member_lists_for_film(
                member=request.user, film=film_page.film_id
            )
            # The button only when a list can still take the film.
            context["own_lists_open"] = any(
                not film_list.has_film for film_list in context["own_lists"]
            )
        context["own_viewings"] = film_viewings_of_member(
            user=request.user, film_id=film_page.film_id
        )
    return TemplateResponse(request, "films/film_detail.html", context)


def _film_shown(response):
    return [response.context_data["film_page"].film_id]


# In the `films` namespace (filmtracker/urls.py): films:detail.
urlpatterns = [
    # Anonymous visitors get the page from the cache until the film, its
    # credits or its ratings change (films/ and reviews/invalidation.py).
    path(
        "<slug:slug>/",
        cache_public_page(films_from=_film_shown)(film_detail),
        name="detail",
    ),
]
