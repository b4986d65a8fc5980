"""RSS 2.0 feed of the journal's newest public articles (/journal/rss/)."""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from filmtracker.page_cache import cache_public_page

from .selectors import article_list

FEED_SIZE = 20


class JournalFeed(Feed):
    def title(self):
        return _("FilmTracker journal")

    def link(self):
        index = article_list().first()
        return index.get_parent().url if index else "/"

    def description(self):
        return _("Articles about films from FilmTracker's editors.")

    def items(self):
        return article_list()[:FEED_SIZE]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.intro

    def item_link(self, article):
        return article.url

    def item_author_name(self, article):
        return article.author or None

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return article.last_published_at

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]


# Stale when an editor publishes, unpublishes or moves a page (home/signals.py).
journal_feed = cache_public_page(films_from=lambda response: [], pages=True)(
    JournalFeed()
)
