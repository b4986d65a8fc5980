"""The sections of /sitemap.xml: editors' pages, films, members' profiles, lists.

Each section is one Django sitemap; the index (/sitemap.xml) lists them and
Django splits a section into pages of `limit` URLs (50,000, the protocol's
maximum), so a big catalogue simply adds `?p=2`, `?p=3`... to the index.
Every section reads only the columns it prints, in one query per page, and
answers the index's "latest change" with one aggregate query, whatever the
number of rows.
"""

from django.contrib.auth import get_user_model
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from films.models import Film
from lists.selectors import list_public_queryset


class PageSitemap(WagtailSitemap):
    """Wagtail's live, public pages (drafts, private and scheduled pages never)."""

    def get_latest_lastmod(self):
        # Wagtail's default loads every page to find the newest date.
        # Same fallback as Wagtail's lastmod: pages older than that field.
        changed = Coalesce("last_published_at", "latest_revision_created_at")
        return self.items().aggregate(latest=Max(changed))["latest"]


class FilmSitemap(Sitemap):
    def items(self):
        return Film.objects.only("pk", "slug", "updated_at").order_by("pk")

    def location(self, film):
        return film.get_absolute_url()

    def lastmod(self, film):
        return film.updated_at

    def get_latest_lastmod(self):
        return Film.objects.aggregate(latest=Max("updated_at"))["latest"]


def public_members():
    """Members whose profile is public: active accounts (deleted ones are gone)."""
    return get_user_model().objects.filter(is_active=True)


class ProfileSitemap(Sitemap):
    """Members' public profiles; lastmod is their newest rating or review."""

    def items(self):
        return (
            public_members()
            .annotate(changed=Max("userfilms__updated_at"))
            .only("pk", "username", "date_joined")
            .order_by("pk")
        )

    def location(self, member):
        return reverse("accounts:profile", args=[member.username])

    def lastmod(self, member):
        return member.changed or member.date_joined

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
