"""schema.org data (JSON-LD) for films and articles, as plain dicts.

Numbers are the site's own: members rate in half stars stored 1-10, shown
out of 5, so ratings here are on a 0.5-5 scale.
"""

from decimal import ROUND_HALF_UP, Decimal

from reviews.models import RATING_MAX, RATING_MIN

BEST_RATING = RATING_MAX / 2
WORST_RATING = RATING_MIN / 2


def out_of_five(value):
    """A 1-10 rating out of 5 to one decimal, rounded as the page shows it.

    Half up, like `floatformat`: 6.5 is 3.3 here and on the page, where
    round() would give 3.2.
    """
    five = Decimal(str(value)) / 2
    return float(five.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _rating(value):
    return {
        "@type": "Rating",
        "ratingValue": out_of_five(value),
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
    }


def review_ld(userfilm):
    """One member's review as a schema.org Review."""
    data = {
        "@type": "Review",
        "author": {"@type": "Person", "name": userfilm.user.public_name},
        "datePublished": userfilm.updated_at.date().isoformat(),
        "reviewBody": userfilm.comment,
    }
    if userfilm.rating is not None:
        data["reviewRating"] = _rating(userfilm.rating)
    return data


def movie_ld(*, film, url, image_url="", reviews=()):
    """A film as schema.org/Movie.

    `film` comes annotated by `Film.objects.with_stats()` (average_rating on
    1-10, rating_count) with its credits loaded; `url` and `image_url` are
    absolute; `reviews` are UserFilms, newest first. No aggregateRating for a
    film nobody has rated (search engines reject a rating without votes).
    """
    data = {
        "@context": "https://schema.org",
        "@type": "Movie",
        "name": film.display_title,
        "url": url,
    }
    if film.original_title and film.original_title != film.display_title:
        data["alternateName"] = film.original_title
    if film.display_overview:
        data["description"] = film.display_overview
    if image_url:
        data["image"] = image_url
    if film.release_date:
        data["datePublished"] = film.release_date.isoformat()
    elif film.year:
        data["datePublished"] = str(film.year)
    if film.runtime:
        data["duration"] = f"PT{film.runtime}M"
    directors = film.directors
    if directors:
        data["director"] = [{"@type": "Person", "name": p.name} for p in directors]
    if film.average_rating is not None and film.rating_count:
        data["aggregateRating"] = {
            **_rating(film.average_rating),
            "@type": "AggregateRating",
            "ratingCount": film.rating_count,
        }
    if reviews:
        data["review"] = [review_ld(userfilm) for userfilm in reviews]
    return data
