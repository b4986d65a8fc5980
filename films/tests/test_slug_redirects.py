"""A film's former addresses answer with a permanent redirect to the current one."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from films.factories import FilmFactory
from films.models import Film, FilmSlug

pytestmark = pytest.mark.django_db


@pytest.fixture
def renamed():
    film = FilmFactory(title="千と千尋の神隠し", year=2001, slug="2001")
    film.slug = ""
    film.save()
    return film


def test_the_old_address_redirects_permanently_keeping_the_query(client, renamed):
    response = client.get("/films/2001/?page=2")
    assert response.status_code == 301
    assert response["Location"] == f"/films/{renamed.slug}/?page=2"
    assert client.get(response["Location"]).status_code == 200


def test_the_rating_pages_under_the_old_address_redirect_too(member_client, renamed):
    response = member_client.get("/films/2001/rating/delete/")
    assert response.status_code == 301
    assert response["Location"] == f"/films/{renamed.slug}/rating/delete/"


def test_every_former_slug_goes_to_the_current_one(client, renamed):
    renamed.slug = "spirited-away-2001"
    renamed.save()
    for old in ("/films/2001/", "/films/qian-to-qian-xun-no-shen-yin-shi-2001/"):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == "/films/spirited-away-2001/"


def test_unknown_slugs_are_still_not_found(client, renamed):
    assert client.get("/films/no-such-film/").status_code == 404


def test_the_api_gives_the_current_address(api_client, renamed):
    body = api_client.get(f"/api/v1/films/{renamed.pk}/").json()
    assert body["slug"] == renamed.slug
    assert body["url"] == f"http://testserver/films/{renamed.slug}/"


def test_a_deleted_film_takes_its_former_addresses_with_it(client, renamed):
    renamed.delete()
    assert not FilmSlug.objects.exists()
    assert client.get("/films/2001/").status_code == 404


# --- the data migration -------------------------------------------------------

BEFORE = [("films", "0005_film_slug_history")]
AFTER = [("films", "0006_film_slugs_readable")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


# serialized_rollback: the flush after this test takes the data migrations made
# (root collection, page tree), which the tests after it need.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_recomputes_unreadable_slugs_and_unapplying_restores_them(
    client,
):
    migrate(BEFORE)
    rows = {
        "2001": ("千と千尋の神隠し", "千と千尋の神隠し", 2001),
        "2001-2": ("卧虎藏龙", "卧虎藏龙", 2001),
        "film": ("!!!", "", None),
        "film-2": ("", "기생충", 2019),
        "the-matrix-1999": ("The Matrix", "The Matrix", 1999),
        "1917-2019": ("1917", "1917", 2019),
    }
    # Plain updates: the rows as the old slug code left them.
    for slug, (title, original, year) in rows.items():
        film = FilmFactory(title=title, original_title=original, year=year)
        Film.objects.filter(pk=film.pk).update(slug=slug)
    migrate(AFTER)

    now = dict(Film.objects.values_list("original_title", "slug"))
    assert now["千と千尋の神隠し"] == "qian-to-qian-xun-no-shen-yin-shi-2001"
    assert now["卧虎藏龙"] == "wo-hu-cang-long-2001"
    assert now["기생충"] == "gisaengchung-2019"
    assert Film.objects.get(title="!!!").slug == "exclamation-mark"
    assert now["The Matrix"] == "the-matrix-1999"  # readable ones stay
    assert now["1917"] == "1917-2019"
    assert set(FilmSlug.objects.values_list("slug", flat=True)) == {
        "2001",
        "2001-2",
        "film",
        "film-2",
    }
    response = client.get("/films/2001-2/")
    assert response.status_code == 301
    assert response["Location"] == "/films/wo-hu-cang-long-2001/"

    migrate(BEFORE)
    assert set(Film.objects.values_list("slug", flat=True)) == set(rows)
    assert not FilmSlug.objects.exists()
    migrate(AFTER)
    call_command("migrate", verbosity=0)  # leave the schema as the other tests expect
