"""A generated, repeatable catalogue for the benchmark, loaded with COPY.

Everything derives from one `random.Random(seed)`, so the same seed and sizes
give the same rows. Rows go in through PostgreSQL's COPY (psycopg's
`cursor.copy`) with explicit primary keys; sequences are moved past them at
the end so the site can insert afterwards.
"""

import itertools
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.utils.text import slugify
from faker.providers.lorem.en_US import Provider as Lorem
from faker.providers.person.en_US import Provider as Names

from films.models import Credit, Film, Genre, Person
from reviews.models import UserFilm, Viewing

BENCH_PASSWORD = "bench-password"  # noqa: S105 - a throwaway local database
GENRES = [
    "Action", "Adventure", "Animation", "Comedy", "Crime", "Documentary", "Drama",
    "Family", "Fantasy", "History", "Horror", "Music", "Mystery", "Romance",
    "Science Fiction", "TV Movie", "Thriller", "War", "Western",
]  # fmt: skip
EPOCH = datetime(2023, 1, 1, tzinfo=UTC)
NAME_WORDS = 20_000
SYLLABLES = [
    a + b
    for a in ("b", "d", "f", "g", "k", "l", "m", "n", "r", "s", "t", "v", "z", "th")
    for b in ("a", "e", "i", "o", "u", "ar", "en", "or")
]


@dataclass(frozen=True)
class Sizes:
    films: int = 50_000
    members: int = 2_000
    ratings: int = 200_000
    people: int = 30_000
    viewings: int = 500_000


def _zipf_cum_weights(n, s=1.0):  # people: a few actors are in many films
    """Cumulative Zipf weights, computed once: `choices` would redo it per call."""
    return list(itertools.accumulate(1 / (rank**s) for rank in range(1, n + 1)))


class Generator:
    def __init__(self, *, seed, sizes):
        self.rng = random.Random(seed)  # noqa: S311 - test data, not secrets
        self.sizes = sizes
        # About 1,000 English words, then 20,000 made-up names and rare words,
        # drawn with a Zipf-Mandelbrot law: the offset stands for the stop
        # words that full-text search drops, so the most common indexed word
        # is in about one overview in ten, as in real text; titles and
        # overviews get their distinctive words from the long tail.
        self.words = list(dict.fromkeys(Lorem.word_list))
        self.words += self._made_up_words(NAME_WORDS, exclude=set(self.words))
        self.word_weights = list(
            itertools.accumulate(1 / (rank + 50) for rank in range(len(self.words)))
        )
        self.now = EPOCH + timedelta(days=3 * 365)
        self.first_names = list(Names.first_names)
        self.last_names = list(Names.last_names)

    def _made_up_words(self, n, exclude):
        words = set()
        while len(words) < n:
            k = self.rng.choice((2, 2, 3))
            word = "".join(self.rng.choice(SYLLABLES) for _ in range(k))
            if word not in exclude:
                words.add(word)
        return sorted(words)

    def text(self, n_words):
        words = self.rng.choices(self.words, cum_weights=self.word_weights, k=n_words)
        return " ".join(words).capitalize() + "."

    def title(self):
        n = self.rng.choice((1, 2, 2, 3, 3, 4))
        words = self.rng.choices(self.words, cum_weights=self.word_weights, k=n)
        return " ".join(w.capitalize() for w in words)

    def genres(self):
        return [
            (i + 1, 10_000 + i, name, slugify(name)) for i, name in enumerate(GENRES)
        ]

    def people(self):
        rng = self.rng
        for pk in range(1, self.sizes.people + 1):
            name = f"{rng.choice(self.first_names)} {rng.choice(self.last_names)}"
            yield (pk, 1_000_000 + pk, name)

    def films(self):
        """Film rows, then (film genres, credits) as separate lists."""
        rng, films, film_genres, credits = self.rng, [], [], []
        people_weights = _zipf_cum_weights(self.sizes.people, 0.8)
        people_ids = range(1, self.sizes.people + 1)
        span = (self.now - EPOCH).total_seconds()
        for pk in range(1, self.sizes.films + 1):
            title = self.title()
            release = date(1920, 1, 1) + timedelta(days=rng.randrange(105 * 365))
            created = EPOCH + timedelta(seconds=span * pk / self.sizes.films)
            # Pareto popularity: a long tail with a few blockbusters.
            popularity = round(rng.paretovariate(1.5), 3)
            films.append(
                (
                    pk, 100_000 + pk, f"tt{9_000_000 + pk}", title,
                    title if rng.random() < 0.8 else self.title(),
                    f"{slugify(title)[:80]}-{release.year}-{pk}",
                    release, release.year, self.text(rng.randint(20, 60)),
                    self.text(rng.randint(3, 8)) if rng.random() < 0.5 else "",
                    rng.randint(75, 190), round(rng.uniform(3, 9), 1),
                    int(popularity * 100), popularity, None, created, False, "",
                    created, created,
                )
            )  # fmt: skip
            for genre in rng.sample(range(1, len(GENRES) + 1), rng.randint(1, 3)):
                film_genres.append((pk, genre))
            cast = rng.choices(
                people_ids, cum_weights=people_weights, k=rng.randint(4, 10)
            )
            director = rng.choice(people_ids)
            credits.append((pk, director, Credit.Role.DIRECTOR, "", 0))
            for order, person in enumerate(dict.fromkeys(cast)):
                credits.append((pk, person, Credit.Role.CAST, self.title(), order))
        return films, film_genres, credits

    def members(self, password_hash):
        for pk in range(1, self.sizes.members + 1):
            username = f"bench{pk:05d}"
            joined = EPOCH + timedelta(days=self.rng.randrange(3 * 365))
            yield (
                pk, password_hash, None, False, username, "", "",
                f"{username}@bench.invalid", False, True, joined,
                f"Member {pk}", self.text(12) if pk % 3 == 0 else "",
                "",  # language: the browser's
            )  # fmt: skip

    def ratings(self, popularity):
        """Unique (member, film) pairs; popular films get most of the ratings."""
        rng, sizes = self.rng, self.sizes
        film_ids = range(1, sizes.films + 1)
        cum = list(itertools.accumulate(popularity))
        seen, rows = set(), []
        per_member = sizes.ratings / sizes.members
        statuses = [UserFilm.Status.WATCHED] * 8 + [
            UserFilm.Status.WANT,
            UserFilm.Status.DROPPED,
        ]
        user = 1
        while len(rows) < sizes.ratings:
            film = rng.choices(film_ids, cum_weights=cum, k=1)[0]
            if (user, film) in seen:
                continue
            seen.add((user, film))
            status = rng.choice(statuses)
            rating = rng.randint(1, 10) if status != UserFilm.Status.WANT else None
            when = EPOCH + timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
            comment = self.text(rng.randint(8, 40)) if rng.random() < 0.15 else ""
            rows.append(
                (len(rows) + 1, user, film, rating, comment, status,
                 when.date() if status == UserFilm.Status.WATCHED else None,
                 when, when)
            )  # fmt: skip
            if len(rows) >= per_member * user and user < sizes.members:
                user += 1
        return rows

    def viewings(self, popularity):
        """Diary rows, members in turn (rewatches included), popular films most.

        Dated over the three years before `now`; half rated, one in ten with
        a note. Yields (id, user, film, watched_on, rating, note, created_at).
        """
        rng, sizes = self.rng, self.sizes
        cum = list(itertools.accumulate(popularity))
        film_ids = range(1, sizes.films + 1)
        per_member, extra = divmod(sizes.viewings, sizes.members)
        days = 3 * 365
        pk = 0
        for user in range(1, sizes.members + 1):
            count = per_member + (1 if user <= extra else 0)
            for film in rng.choices(film_ids, cum_weights=cum, k=count):
                pk += 1
                day = (self.now - timedelta(days=rng.randrange(days))).date()
                rating = rng.randint(1, 10) if rng.random() < 0.5 else None
                note = self.text(rng.randint(3, 12)) if rng.random() < 0.1 else ""
                yield (pk, user, film, day, rating, note, self.now)


def _copy(cursor, table, columns, rows):
    cols = ", ".join(f'"{c}"' for c in columns)
    with cursor.copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)


def _reset_sequence(cursor, table):
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "  # noqa: S608
        f'COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)'
    )


def build_catalogue(*, seed, sizes, log=print):
    """Insert genres, people, films, credits, members and ratings with COPY."""
    gen = Generator(seed=seed, sizes=sizes)
    User = get_user_model()
    film_genres_table = Film.genres.through._meta.db_table
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        _copy(
            raw, Genre._meta.db_table, ["id", "tmdb_id", "name", "slug"], gen.genres()
        )
        _copy(raw, Person._meta.db_table, ["id", "tmdb_id", "name"], gen.people())
        log(f"{sizes.people} people")
        films, film_genres, credits = gen.films()
        _copy(
            raw,
            Film._meta.db_table,
            ["id", "tmdb_id", "imdb_id", "title", "original_title", "slug",
             "release_date", "year", "overview", "tagline", "runtime",
             "tmdb_vote_average", "tmdb_vote_count", "popularity", "poster_id",
             "tmdb_synced_at", "tmdb_missing", "tmdb_poster_path", "created_at",
             "updated_at", "original_language"],
            ((*film, "en") for film in films),
        )  # fmt: skip
        _copy(raw, film_genres_table, ["film_id", "genre_id"], film_genres)
        _copy(
            raw,
            Credit._meta.db_table,
            ["film_id", "person_id", "role", "character", "order"],
            credits,
        )
        log(f"{len(films)} films, {len(film_genres)} genres, {len(credits)} credits")
        password_hash = make_password(BENCH_PASSWORD)
        _copy(
            raw,
            User._meta.db_table,
            ["id", "password", "last_login", "is_superuser", "username",
             "first_name", "last_name", "email", "is_staff", "is_active",
             "date_joined", "display_name", "bio", "language", "time_zone"],
            ((*member, settings.TIME_ZONE) for member in gen.members(password_hash)),
        )  # fmt: skip
        _copy(
            raw,
            EmailAddress._meta.db_table,
            ["user_id", "email", "verified", "primary"],
            (
                (pk, f"bench{pk:05d}@bench.invalid", True, True)
                for pk in range(1, sizes.members + 1)
            ),
        )
        log(f"{sizes.members} members")
        ratings = gen.ratings([f[13] for f in films])
        _copy(
            raw,
            UserFilm._meta.db_table,
            ["id", "user_id", "film_id", "rating", "comment", "status",
             "watched_on", "created_at", "updated_at"],
            ratings,
        )  # fmt: skip
        log(f"{len(ratings)} ratings and statuses")
        _copy(
            raw,
            Viewing._meta.db_table,
            ["id", "user_id", "film_id", "watched_on", "rating", "note", "created_at"],
            gen.viewings([f[13] for f in films]),
        )
        log(f"{sizes.viewings} viewings")
        models = (Genre, Person, Film, Credit, User, EmailAddress, UserFilm, Viewing)
        for model in models:
            _reset_sequence(cursor, model._meta.db_table)
        _reset_sequence(cursor, film_genres_table)
