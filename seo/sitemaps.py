"""The sections of /sitemap.xml: editors' pages, films, members' profiles, lists.

Each section is one Django sitemap; the index (/sitemap.xml) lists them and
Django splits a section into pages of `limit` URLs (50,000, the protocol's
maximum), so a big catalogue simply adds `?p=2`, `?p=3`... to the index.
Every section reads only the columns it prints, in one query per page, and
answers the index's "latest change" with one aggregate query, whatever the
number of rows. Films and members are written by seo/urlset.py from their
`rows` (Django's template takes a second per thousand addresses).
"""

from django.contrib.auth import get_user_model
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage
from django.db.models import Max
from django.db.models.functions import Coalesce, TruncDate
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from films.models import Film
from lists.selectors import list_public_queryset

from .urlset import url_maker


class PageSitemap(WagtailSitemap):
    """Wagtail's live, public pages (drafts, private and scheduled pages never)."""

    def get_latest_lastmod(self):
        # Wagtail's default loads every page to find the newest date.
        # Same fallback as Wagtail's lastmod: pages older than that field.
        changed = Coalesce("last_published_at", "latest_revision_created_at")
        return self.items().aggregate(latest=Max(changed))["latest"]


class RowSitemap(Sitemap):
    """A section written from rows: `rows(offset=, limit=)` gives one page of
    (path, lastmod date) pairs; `items()` is only counted (the index's pages)."""

    def page_rows(self, page):
        """Page `page` (1-based int) of `rows`; raises EmptyPage past the last."""
        if page < 1:
            raise EmptyPage(page)
        rows = list(self.rows(offset=(page - 1) * self.limit, limit=self.limit))
        if not rows and page > 1:
            raise EmptyPage(page)
        return rows


class FilmSitemap(RowSitemap):
    def items(self):
        return Film.objects.order_by("pk")

    def rows(self, *, offset, limit):
        film_path = url_maker("films:detail")
        films = Film.objects.order_by("pk").values_list("slug", TruncDate("updated_at"))
        return [(film_path(slug), day) for slug, day in films[offset : offset + limit]]

    def get_latest_lastmod(self):
        return Film.objects.aggregate(latest=Max("updated_at"))["latest"]


def public_members():
    """Members whose profile is public: active accounts (deleted ones are gone)."""
    return get_user_model().objects.filter(is_active=True)


class ProfileSitemap(RowSitemap):
    """Members' public profiles; lastmod is their newest rating or review."""

    def items(self):
        return public_members().order_by("pk")

    def rows(self, *, offset, limit):
        profile_path = url_maker("accounts:profile")
        changed = Coalesce(Max("userfilms__updated_at"), "date_joined")
        members = (
            public_members()
            .annotate(day=TruncDate(changed))
            .order_by("pk")
            .values_list("username", "day")
        )
        return [
            (profile_path(username), day)
            for username, day in members[offset : offset + limit]
        ]

    def get_latest_lastmod(self):
        found = public_members().aggregate(
            changed=Max("userfilms__updated_at"), joined=Max("date_joined")
        )
        return max((d for d in found.values() if d is not None), default=None)


class ListSitemap(Sitemap):
    """Members' public lists (lists/selectors.py: never unlisted or private)."""

    def items(self):
        return (
            list_public_queryset()
            .select_related("owner")
            .only("pk", "slug", "updated_at", "owner__username")
            .order_by("pk")
        )

    def location(self, film_list):
        return film_list.get_absolute_url()

    def lastmod(self, film_list):
        return film_list.updated_at

    def get_latest_lastmod(self):
        return list_public_queryset().aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {
    "pages": PageSitemap,
    "films": FilmSitemap,
    "members": ProfileSitemap,
    "lists": ListSitemap,
}
