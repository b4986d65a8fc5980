"""Demo members' ratings and reviews: texts that agree with their stars.

Each member writes in their own language; on one film no two members share a
text. Ratings lean on TMDB's average for the film, so the site's numbers look
like a real audience's. Everything goes through reviews.services, like a
member's own rating.
"""

import random
from datetime import date, timedelta

from reviews.models import UserFilm
from reviews.services import ReviewExists, review_create

# Ratings are stored 1-10 (half stars); the bands are (lowest, highest).
REVIEW_TEXTS = {
    "en": {
        (1, 4): [
            "Not for me: I kept checking the time.",
            "Everyone loves it; I found it slow and cold.",
            "A couple of great scenes, a lot of filler between them.",
            "I wanted to like it. The ending lost me completely.",
        ],
        (5, 6): [
            "Good in parts, a little long.",
            "Handsome to look at, but it never quite moved me.",
            "Worth one watch; I doubt I will go back to it.",
            "The lead is terrific; the script lets them down.",
        ],
        (7, 8): [
            "Beautifully shot, and it earns its length.",
            "Smart, tense and warmer than I expected.",
            "Better on a second viewing: I noticed so much more.",
            "Great performances all round. Recommended.",
        ],
        (9, 10): [
            "One of my favourites. It still holds up.",
            "A masterpiece: I think about it every few weeks.",
            "Perfect from the first frame to the last.",
            "Saw it again on a big screen: even better.",
        ],
    },
    "ru": {
        (1, 4): [
            "Не моё: весь фильм смотрел на часы.",
            "Все хвалят, а мне показалось скучно и холодно.",
            "Пара сильных сцен, а между ними пустота.",
        ],
        (5, 6): [
            "Местами хорошо, но затянуто.",
            "Красиво снято, но не зацепило.",
            "Один раз посмотреть можно, пересматривать не буду.",
        ],
        (7, 8): [
            "Очень красиво снято, и длина оправдана.",
            "Умно, напряжённо и теплее, чем я ждал.",
            "При повторном просмотре понравился ещё больше.",
        ],
        (9, 10): [
            "Один из любимых фильмов. Не устаревает.",
            "Шедевр: до сих пор о нём вспоминаю.",
            "Идеально от первого кадра до последнего.",
        ],
    },
}
RATED_PER_MEMBER = 18
WANTED_PER_MEMBER = 3
COMMENT_SHARE = 0.7


def review_text(*, rating, language, taken, rng):
    """A text for `rating` in `language` not in `taken` (the film's texts)."""
    for (low, high), texts in REVIEW_TEXTS[language].items():
        if low <= rating <= high:
            free = [t for t in texts if t not in taken]
            return rng.choice(free) if free else ""
    raise ValueError(f"rating {rating} is outside 1-10")


def _rated_entry(*, film, language, taken, rng):
    lean = round(float(film.tmdb_vote_average or 7))
    rating = min(10, max(2, lean + rng.choice((-3, -1, 0, 0, 1, 1, 2))))
    comment = ""
    if rng.random() < COMMENT_SHARE:
        comment = review_text(rating=rating, language=language, taken=taken, rng=rng)
        taken.add(comment)
    return {
        "rating": rating,
        "comment": comment,
        "status": UserFilm.Status.WATCHED,
        "watched_on": date(2024, 1, 1) + timedelta(days=rng.randint(0, 600)),
    }


def demo_ratings_create(*, members, films):
    """Deterministic rows (the same every run); a member's existing row stays.

    `members` are (user, language) pairs. Returns the number of rows created.
    """
    rng = random.Random(2024)  # noqa: S311 - demo data, not security
    texts_by_film = {}
    created = 0
    per_member = min(len(films), RATED_PER_MEMBER + WANTED_PER_MEMBER)
    for user, language in members:
        for n, film in enumerate(rng.sample(films, k=per_member)):
            if n < RATED_PER_MEMBER:
                taken = texts_by_film.setdefault(film.pk, set())
                entry = _rated_entry(film=film, language=language, taken=taken, rng=rng)
            else:
                entry = {"status": UserFilm.Status.WANT}
            try:
                review_create(user=user, film=film, **entry)
            except ReviewExists:
                continue
            created += 1
    return created
