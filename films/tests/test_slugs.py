"""Film addresses: readable in any script, unique, bounded; old ones remembered."""

import re

import pytest

from films.factories import FilmFactory, GenreFactory
from films.models import Film, FilmSlug
from films.slugs import film_slug_base, film_slug_new

pytestmark = pytest.mark.django_db

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Original titles and years as TMDB has them; the English title of such a film
# is sometimes the original one too (TMDB has no English translation).
FILMS_IN_TEN_SCRIPTS = [
    ("千と千尋の神隠し", 2001, "qian-to-qian-xun-no-shen-yin-shi-2001"),
    ("기생충", 2019, "gisaengchung-2019"),
    ("Ο Θίασος", 1975, "o-thiasos-1975"),
    ("ואלס עם באשיר", 2008, "vls-m-vsyr-2008"),
    ("وجدة", 2012, "wjdh-2012"),
    ("ลุงบุญมีระลึกชาติ", 2010, "lungbuymiraluekchati-2010"),
    ("ვედრება", 1967, "vedreba-1967"),
    ("卧虎藏龙", 2000, "wo-hu-cang-long-2000"),
    ("Сталкер", 1979, "stalker-1979"),
    ("शोले", 1975, "sole-1975"),
    ("পথের পাঁচালী", 1955, "pther-pamcali-1955"),
]


@pytest.mark.parametrize(("title", "year", "slug"), FILMS_IN_TEN_SCRIPTS)
def test_a_title_without_latin_letters_is_transliterated(title, year, slug):
    film = FilmFactory(title=title, original_title=title, year=year)
    assert film.slug == slug


def test_two_films_of_one_year_in_another_script_differ_by_their_words():
    spirited = FilmFactory(title="千と千尋の神隠し", year=2001)
    other = FilmFactory(title="卧虎藏龙", year=2001)
    assert spirited.slug != "2001"
    assert other.slug == "wo-hu-cang-long-2001"


def test_latin_letters_are_preferred_english_first_then_the_original():
    spirited = film_slug_base(
        title="Spirited Away", original_title="千と千尋の神隠し", year=2001
    )
    assert spirited == "spirited-away-2001"
    # A title shown in another script, with a Latin original: the original.
    assert (
        film_slug_base(
            title="Амели",
            original_title="Le Fabuleux Destin d'Amélie Poulain",
            year=2001,
        )
        == "le-fabuleux-destin-damelie-poulain-2001"
    )
    # Nothing readable in the title: the original title.
    assert film_slug_base(title="???", original_title="기생충", year=2019) == (
        "gisaengchung-2019"
    )


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("", "film-2001"),
        ("\u200f", "film-2001"),
        ("?", "question-mark-2001"),
        ("😀🎬", "grinning-clapper-2001"),
    ],
)
def test_bad_titles_give_readable_slugs(title, slug):
    assert FilmFactory(title=title, year=2001).slug == slug


def test_bad_titles_stay_unique_and_bounded():
    longest = Film._meta.get_field("title").max_length  # imports cut to it
    titles = ["", "", "!!!", "!!!", "x" * longest, "x" * longest, "千" * longest]
    slugs = [FilmFactory(title=t, year=2001).slug for t in [*titles, "\u200f"]]
    assert len(set(slugs)) == len(slugs)
    max_length = Film._meta.get_field("slug").max_length
    assert len(film_slug_base(title="千" * 1000, year=2001)) <= max_length
    assert all(SLUG.fullmatch(s) and len(s) <= max_length for s in slugs)
    assert all(re.search(r"-2001(-\d+)?$", s) for s in slugs)  # year kept


@pytest.mark.parametrize("existing", [3, 30])
def test_the_counter_finds_a_free_number_in_constant_queries(
    existing, django_assert_num_queries
):
    for _ in range(existing):
        FilmFactory(title="Solaris", year=1972)
    Film.objects.filter(slug="solaris-1972-2").delete()
    with django_assert_num_queries(2):  # current slugs, former slugs
        slug = film_slug_new(Film(title="Solaris", year=1972))
    assert slug == "solaris-1972-2"


def test_a_changed_slug_is_remembered_and_not_handed_out_again():
    film = FilmFactory(title="千と千尋の神隠し", year=2001, slug="2001")
    film.slug = ""  # recompute
    film.save()
    assert film.slug == "qian-to-qian-xun-no-shen-yin-shi-2001"
    assert list(film.old_slugs.values_list("slug", flat=True)) == ["2001"]
    # A new film whose title makes that old address gets another one.
    newcomer = FilmFactory(title="", original_title="", year=None, slug="")
    assert newcomer.slug == "film"
    newcomer_2001 = Film(title="", year=2001)
    newcomer_2001.save()
    FilmSlug.objects.create(film=film, slug="film-2001")
    assert FilmFactory(title="", year=2001).slug == "film-2001-2"


def test_changing_back_to_a_former_slug_makes_it_live_again():
    film = FilmFactory(title="Arrival", year=2016)
    film.slug = "arrival-2016-film"
    film.save()
    film.slug = "arrival-2016"
    film.save()
    assert list(FilmSlug.objects.values_list("slug", flat=True)) == [
        "arrival-2016-film"
    ]


def test_genre_slugs_use_the_same_function():
    assert GenreFactory(name="Science Fiction").slug == "science-fiction"
    assert GenreFactory(name="Фантастика").slug == "fantastika"
    assert GenreFactory(name="★").slug == "black-star"


def test_tmdb_poster_files_are_named_after_the_film(fake_tmdb):
    from films.services import film_import_from_tmdb

    film, _ = film_import_from_tmdb(tmdb_id=603)
    name = film.poster.file.name.rsplit("/", 1)[-1]
    assert re.fullmatch(r"the-matrix-603(_\w+)?\.(jpg|png|webp)", name)
