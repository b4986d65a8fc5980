"""The <head> of a film page: link preview tags and schema.org/Movie.

Rendered with the rest of the film page's shared part (filmtracker/film_page.py)
and cached with it, so it costs nothing per view.
"""

from django.conf import settings
from django.template.loader import render_to_string

from films.posters import SHARE_RENDITION
from films.renditions import rendition_or_none

from .structured_data import movie_ld

# The newest reviews a film's JSON-LD carries.
LD_REVIEWS = 5


def absolute(origin, url):
    """`url` on `origin` ("https://host"), unless storage gave a full URL already."""
    return url if "://" in url else f"{origin}{url}"


def film_head_html(*, film, reviews, origin):
    """The film page's head tags as safe HTML.

    `film` as `films.selectors.film_get_by_slug` returns it (stats, credits,
    poster renditions loaded); `reviews` its newest reviews (UserFilms with
    their users); `origin` is "scheme://host" of the site.
    """
    url = absolute(origin, film.get_absolute_url())
    image = rendition_or_none(film.poster, SHARE_RENDITION)
    image_url = absolute(origin, image.url) if image else ""
    context = {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "film": film,
        "url": url,
        "image": image,
        "image_url": image_url,
        "movie": movie_ld(
            film=film, url=url, image_url=image_url, reviews=reviews[:LD_REVIEWS]
        ),
    }
    return render_to_string("films/includes/film_head.html", context)
