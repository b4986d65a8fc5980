"""RSS 2.0 feed of a film's newest reviews (/films/<slug>/reviews/rss/)."""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from films.selectors import film_get_by_slug
from filmtracker.page_cache import cache_public_page

from .selectors import film_reviews_queryset

FEED_SIZE = 20


class FilmReviewsFeed(Feed):
    """The newest FEED_SIZE reviews of one film, each linking to its place on the page.

    One instance per request: `get_object` keeps the film for the page cache.
    """

    def get_object(self, request, slug):
        self.film = film_get_by_slug(slug=slug)
        return self.film

    def title(self, film):
        return _("Reviews of %(film)s") % {"film": film}

    def link(self, film):
        return film.get_absolute_url()

    def description(self, film):
        return _("What FilmTracker members wrote about %(film)s, newest first.") % {
            "film": film
        }

    def items(self, film):
        return film_reviews_queryset(film=film)[:FEED_SIZE]

    def item_title(self, review):
        if review.rating is None:
            return review.user.public_name
        return _("%(member)s: %(stars)s of 5") % {
            "member": review.user.public_name,
            "stars": f"{review.rating / 2:g}",
        }

    def item_description(self, review):
        return review.comment

    def item_link(self, review):
        return f"{self.film.get_absolute_url()}#review-{review.pk}"

    def item_author_name(self, review):
        return review.user.public_name

    def item_pubdate(self, review):
        return review.created_at

    def item_updateddate(self, review):
        return review.updated_at


# Anonymous readers get it from the page cache until the film's reviews,
# ratings or reviewers' names change (films/invalidation.py bumps the film).
@cache_public_page(films_from=lambda response: [response.film_id])
def film_reviews_feed(request, slug):
    feed = FilmReviewsFeed()
    response = feed(request, slug=slug)
    response.film_id = feed.film.pk
    return response
