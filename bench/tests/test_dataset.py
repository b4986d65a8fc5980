"""The benchmark's catalogue is repeatable: same seed, same rows."""

from bench.dataset import Generator, Sizes

SMALL = Sizes(films=200, members=20, ratings=500, people=100, viewings=1_000)


def _build(seed):
    gen = Generator(seed=seed, sizes=SMALL)
    people = list(gen.people())
    films, film_genres, credits = gen.films()
    ratings = gen.ratings([film[13] for film in films])
    return people, films, film_genres, credits, ratings


def test_same_seed_same_catalogue():
    assert _build(7) == _build(7)
    assert _build(7)[1] != _build(8)[1]


def test_sizes_and_uniqueness():
    people, films, _genres, credits, ratings = _build(7)
    assert (len(people), len(films), len(ratings)) == (100, 200, 500)
    assert len({f[5] for f in films}) == 200  # slugs are unique
    assert len({(r[1], r[2]) for r in ratings}) == 500  # one row per member and film
    assert len({(c[0], c[1], c[2]) for c in credits}) == len(credits)
    assert all(r[3] is None or 1 <= r[3] <= 10 for r in ratings)


def test_viewings_spread_over_every_member_with_rewatches():
    gen = Generator(seed=7, sizes=SMALL)
    _people, films, _genres, _credits = (list(gen.people()), *gen.films())
    rows = list(gen.viewings([film[13] for film in films]))
    assert len(rows) == SMALL.viewings
    assert {row[1] for row in rows} == set(range(1, SMALL.members + 1))
    assert len({(row[1], row[2]) for row in rows}) < len(rows)  # rewatches
    assert all(row[4] is None or 1 <= row[4] <= 10 for row in rows)
