"""film_import_from_tmdb and the genres already here (hand-made, namesakes, scripts)."""

import pytest

from films.factories import GenreFactory
from films.models import Genre
from films.services import film_import_from_tmdb

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("Film Noir", "Film-Noir"),  # same slug
        ("film-noir", "Film-Noir"),  # same name in another case
        ("Film-Noir", "Film-Noir"),  # same name
    ],
)
def test_a_genre_entered_by_hand_becomes_tmdbs(fake_tmdb, ours, theirs):
    genre = GenreFactory(name=ours, slug="film-noir", tmdb_id=None)
    fake_tmdb.set_movie(603, genres=[{"id": 99001, "name": theirs}])

    film, _ = film_import_from_tmdb(tmdb_id=603)

    genre.refresh_from_db()
    assert list(film.genres.all()) == [genre]
    assert (genre.tmdb_id, genre.name) == (99001, ours)  # the editor's name stays


def test_a_namesake_with_another_tmdb_id_serves_both(fake_tmdb):
    drama = GenreFactory(name="Drama", slug="drama", tmdb_id=18)
    fake_tmdb.set_movie(603, genres=[{"id": 99002, "name": "Drama"}])

    film, _ = film_import_from_tmdb(tmdb_id=603)

    assert list(film.genres.all()) == [drama]
    assert Genre.objects.count() == 1


def test_genres_in_other_scripts_get_slugs_of_their_own(fake_tmdb):
    names = {99003: "ドラマ", 99004: "アクション", 99005: "???"}
    fake_tmdb.set_movie(603, genres=[{"id": k, "name": v} for k, v in names.items()])

    film, _ = film_import_from_tmdb(tmdb_id=603)

    slugs = list(film.genres.values_list("slug", flat=True))
    assert len(set(slugs)) == 3 and all(slugs)
