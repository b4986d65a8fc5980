"""The order of search results, decided in Python over the backend's matches.

The search backend finds the films (full text over titles, people and
overviews; prefixes over titles) and its rank is kept as the last tie-break,
but full-text rank cannot tell "the title is exactly what was typed" from "the
word is in the title", so the matches are put in tiers here:

0. a title (English, original or translated), as normalised, is the query
   (spaces aside, so `Wall E` is `WALL·E`);
1. a title starts with the query, or does after a leading "The"/"A"/"An"
   (the last word may be partial: `godf`, `termin`);
2. a title has every word of the query (the last one as a prefix);
3. anything else the backend matched: people, overview.

Within a tier, the film more members rated comes first, then the more
popular one on TMDB, then the backend's order.
"""

import difflib
from dataclasses import dataclass

from films.search_text import normalise, titles_variants

EXACT, STARTS, ALL_WORDS, OTHER = range(4)
LEADING_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A matched film as the ranking sees it."""

    pk: int
    titles: tuple[str, ...]  # every title, as stored
    popularity: float
    position: int  # in the backend's relevance order, 0 first


def _has_words(variant, words):
    """Every word in `variant`'s words, the last one as a prefix of a word."""
    title_words = variant.split()
    *whole, last = words
    return all(w in title_words for w in whole) and any(
        t.startswith(last) for t in title_words
    )


def _without_article(variant):
    """`the terminator` → `terminator`: "termin" starts that title too."""
    first, _space, rest = variant.partition(" ")
    return rest if first in LEADING_ARTICLES and rest else variant


def title_tier(query, titles):
    """The tier (EXACT..OTHER) of a film with `titles` for a normalised `query`."""
    words = query.split()
    if not words:
        return OTHER
    variants = titles_variants(titles)
    compact = query.replace(" ", "")
    if any(v.replace(" ", "") == compact for v in variants):
        return EXACT
    if any(_without_article(v).startswith(query) for v in variants):
        return STARTS
    if any(_has_words(v, words) for v in variants):
        return ALL_WORDS
    return OTHER


def rank(query, candidates, rating_counts):
    """Film ids in result order.

    `query` is normalised (films.search_text.normalise); `rating_counts` maps
    a film id to how many members rated it (missing means none).
    """

    def key(candidate):
        return (
            title_tier(query, candidate.titles),
            -rating_counts.get(candidate.pk, 0),
            -(candidate.popularity or 0),
            candidate.position,
        )

    return [c.pk for c in sorted(candidates, key=key)]


def _windows(variant, n):
    """The runs of `n` consecutive words of `variant` (the whole if shorter)."""
    words = variant.split()
    if len(words) <= n:
        return [variant]
    return [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]


def similarity(query, titles):
    """How close `query` is to the nearest title or run of title words, 0..1.

    For typo matches: `godfater` is 0.94 from "godfather" in "The Godfather".
    """
    n = len(query.split())
    return max(
        (
            difflib.SequenceMatcher(None, query, window).ratio()
            for variant in titles_variants(titles)
            for window in _windows(variant, n)
        ),
        default=0.0,
    )


def closest(query, candidates, *, threshold):
    """Film ids of the candidates close enough to `query`, closest first."""
    query = normalise(query)
    scored = [(similarity(query, c.titles), c) for c in candidates]
    scored = [(s, c) for s, c in scored if s >= threshold]
    scored.sort(key=lambda sc: (-sc[0], -(sc[1].popularity or 0), sc[1].position))
    return [c.pk for _s, c in scored]
