"""RSS 2.0 feed of a member's diary (/users/<username>/diary/rss/).

Their newest viewings, as the diary page shows them: newest watched first,
with the rating given that day, the note and whether it was a rewatch.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from filmtracker.page_cache import cache_public_page

from .diary_selectors import viewing_list_queryset

FEED_SIZE = 20


class DiaryFeed(Feed):
    """The newest FEED_SIZE viewings of one active member.

    One instance per request: `get_object` keeps the member for the page cache.
    """

    def get_object(self, request, username):
        self.request = request
        self.member = get_object_or_404(
            get_user_model(), username=username, is_active=True
        )
        return self.member

    def title(self, member):
        return _("%(name)s's diary") % {"name": member.public_name}

    def link(self, member):
        return reverse("accounts:diary", args=[member.username])

    def description(self, member):
        return _("The films %(name)s watched on %(site)s, newest first.") % {
            "name": member.public_name,
            "site": settings.WAGTAIL_SITE_NAME,
        }

    def items(self, member):
        self.viewings = list(viewing_list_queryset().filter(user=member)[:FEED_SIZE])
        return self.viewings

    def item_title(self, viewing):
        title = str(viewing.film)
        if viewing.rating is not None:
            title = _("%(film)s: %(stars)s of 5") % {
                "film": title,
                "stars": f"{viewing.stars:g}",
            }
        if viewing.rewatch:
            title = _("%(title)s (rewatch)") % {"title": title}
        return title

    def item_description(self, viewing):
        watched = _("Watched on %(date)s.") % {
            "date": date_format(viewing.watched_on, "DATE_FORMAT")
        }
        return f"{watched} {viewing.note}" if viewing.note else watched

    def item_link(self, viewing):
        return viewing.film.get_absolute_url()

    # Several viewings share a film's address: each needs its own id.
    def item_guid(self, viewing):
        diary = self.request.build_absolute_uri(self.link(self.member))
        return f"{diary}#viewing-{viewing.pk}"

    def item_guid_is_permalink(self, viewing):
        return False

    def item_author_name(self, viewing):
        return self.member.public_name

    def item_pubdate(self, viewing):
        # When it was logged: a back-dated viewing is news to a feed reader.
        return viewing.created_at


def _films_shown(response):
    return [viewing.film_id for viewing in response.feed.viewings]


def _member_shown(response):
    return [response.feed.member.pk]


# Anonymous readers get it from the page cache until the member's own version
# changes (accounts/cache.py: a viewing logged or deleted, a new name, leaving)
# or a film it shows changes (its title).
@cache_public_page(films_from=_films_shown, members_from=_member_shown)
def diary_feed(request, username):
    feed = DiaryFeed()
    response = feed(request, username=username)
    response.feed = feed
    return response
