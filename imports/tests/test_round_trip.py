"""Export from one account, import into another: the same history comes back.

The issue's acceptance: exports.services.letterboxd_export_zip, then
imports.services.letterboxd_import_file into a fresh account, gives the same
entries, ratings, statuses, review texts and viewings (dates, ratings, notes;
rewatches follow from the dates). Letterboxd knows only "watched" and the
watchlist, so "watching" comes back as "want to watch" and a "dropped" film
as watched if rated or reviewed, else not at all (exports.letterboxd).
"""

import datetime
import io
import zipfile

import pytest

from accounts.factories import UserFactory
from exports.letterboxd import IMPORT_FILMS_FILE, IMPORT_WATCHLIST_FILE
from exports.services import letterboxd_export_zip
from films.factories import FilmFactory
from imports.services import letterboxd_import_file
from imports.testing import csv_upload
from reviews.diary_selectors import with_rewatch
from reviews.models import UserFilm, Viewing

pytestmark = pytest.mark.django_db

DAY = datetime.date
Status = UserFilm.Status
REVIEW = "Зона.\nЛучше, чем <Солярис> & «Зеркало».\n\nПосле пустой строки."


def film(title, year, tmdb_id=None, imdb_id=""):
    return FilmFactory(title=title, year=year, tmdb_id=tmdb_id, imdb_id=imdb_id)


def entry(user, film, status=Status.WATCHED, **fields):
    return UserFilm.objects.create(user=user, film=film, status=status, **fields)


def viewing(user, film, day, rating=None, note=""):
    Viewing.objects.create(
        user=user, film=film, watched_on=day, rating=rating, note=note
    )


@pytest.fixture
def source():
    """A member with something of every kind (built once per test)."""
    user = UserFactory()
    stalker = film("Сталкер", 1979, 1398, "tt0079944")
    entry(user, stalker, rating=9, comment=REVIEW, watched_on=DAY(2021, 6, 5))
    viewing(user, stalker, DAY(2019, 3, 1), 8, "first time, on a <small> screen")
    viewing(user, stalker, DAY(2021, 6, 5), 9, "= rewatch & more")
    viewing(user, stalker, DAY(2021, 6, 5), 7)  # twice that day
    old, new = film("Suspiria", 1977, 11906), film("Suspiria", 2018, 361292)
    entry(user, old, rating=7, comment="=1+1 is not a formula")
    entry(user, new, status=Status.WANT)
    # Same title, same year: only the ids tell them apart.
    entry(user, film("Double", 2013, 146015), rating=6)
    entry(user, film("Double", 2013, None, "tt1825157"), rating=4)
    dashes = film("-30-", 1959, 42)
    entry(user, dashes, rating=1, comment="- dashes\n@mentions +plus")
    viewing(user, dashes, DAY(2024, 4, 4), 1, "@home")
    heat = film("Heat", 1995, 949, "tt0113277")
    entry(user, heat, rating=8, watched_on=DAY(2020, 1, 1))
    viewing(user, heat, DAY(2020, 1, 1), 6, "-ish")  # the entry's rating differs
    # Made here by hand: no ids at all, matched by its name and year.
    irony = film("Ирония судьбы, или С лёгким паром!", 1976)
    entry(user, irony, rating=10, watched_on=DAY(2022, 12, 31))
    entry(user, film("'Round Midnight", 1986, 11000), rating=5)
    entry(user, film("Plain watched", 1999, 11001))
    entry(user, film("Halfway", 2005, 11002), status=Status.WATCHING)
    entry(user, film("Rated and dropped", 2019, 11003), Status.DROPPED, rating=3)
    entry(user, film("Dropped", 2019, 11004), status=Status.DROPPED)
    entry(user, film("Wanted", 2010, 11005), status=Status.WANT)
    return user


def expected_status(e):
    if e.status == Status.WATCHING:
        return Status.WANT
    if e.status == Status.DROPPED:
        return Status.WATCHED if e.rating is not None or e.comment else None
    return e.status


def entries(user):
    """{film id: (status, rating, review)} of the member's entries."""
    return {
        e.film_id: (e.status, e.rating, e.comment)
        for e in UserFilm.objects.filter(user=user)
    }


def expected_entries(user):
    return {
        e.film_id: (expected_status(e), e.rating, e.comment)
        for e in UserFilm.objects.filter(user=user)
        if expected_status(e) is not None
    }


def viewings(user):
    return sorted(
        (v.film_id, v.watched_on, v.rating, v.note, v.rewatch)
        for v in with_rewatch(Viewing.objects.filter(user=user))
    )


def snapshot(user):
    """Everything of the member's, with ids and times (nothing may change)."""
    return (
        sorted(UserFilm.objects.filter(user=user).values_list()),
        sorted(Viewing.objects.filter(user=user).values_list()),
    )


def upload(data, name="filmtracker-letterboxd-member.zip"):
    return csv_upload(name, data)


def import_into(user, data, name="filmtracker-letterboxd-member.zip"):
    done = letterboxd_import_file(user=user, file=upload(data, name), background=False)
    assert done.status == "done", done.error
    return done


def test_the_exported_zip_imports_the_same_history_into_a_fresh_account(source):
    fresh = UserFactory()
    done = import_into(fresh, letterboxd_export_zip(user=source))

    assert (done.processed, done.matched) == (done.total, done.total)
    assert entries(fresh) == expected_entries(source)
    assert viewings(fresh) == viewings(source)
    assert {e[2] for e in entries(fresh).values()} >= {REVIEW, "=1+1 is not a formula"}
    assert [i["file"] for i in done.ignored_files] == [
        "README.txt",
        IMPORT_FILMS_FILE,
        IMPORT_WATCHLIST_FILE,
    ]


def test_importing_the_export_again_changes_nothing(source):
    data = letterboxd_export_zip(user=source)
    fresh = UserFactory()
    import_into(fresh, data)
    for user in (fresh, source):  # into the fresh account, and back into its own
        before = snapshot(user)
        again = import_into(user, data)
        assert (again.created, again.updated) == (0, 0)
        assert again.unchanged == again.matched == again.total
        assert snapshot(user) == before


def test_letterboxds_import_layout_alone_brings_the_history_in_too(source):
    archive = zipfile.ZipFile(io.BytesIO(letterboxd_export_zip(user=source)))
    fresh = UserFactory()
    for name in (IMPORT_FILMS_FILE, IMPORT_WATCHLIST_FILE):
        import_into(fresh, archive.read(name), name=name.rsplit("/", 1)[-1])

    # The layout has one Review per row: the film's review, else the note of
    # its latest viewing with one, comes in as the review; viewings have none.
    # A film's watch date without a viewing is a dated row, so a viewing.
    def expected_review(film_id, comment):
        notes = Viewing.objects.filter(user=source, film_id=film_id).exclude(note="")
        noted = sorted((v.watched_on, v.pk, v.note) for v in notes)
        return comment or (noted[-1][2] if noted else "")

    assert entries(fresh) == {
        film_id: (status, rating, expected_review(film_id, comment))
        for film_id, (status, rating, comment) in expected_entries(source).items()
    }
    without_viewings = [
        (e.film_id, e.watched_on, e.rating, "", False)
        for e in UserFilm.objects.filter(user=source, watched_on__isnull=False)
        if not Viewing.objects.filter(user=source, film=e.film).exists()
    ]
    assert viewings(fresh) == sorted(
        [
            (f, day, rating, "", rewatch)
            for f, day, rating, _n, rewatch in viewings(source)
        ]
        + without_viewings
    )
