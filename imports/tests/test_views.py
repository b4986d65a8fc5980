import pytest

from films.factories import FilmFactory
from imports.models import LetterboxdImport, LetterboxdRow
from imports.testing import csv_text, csv_upload, diary_row
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db
UPLOAD = "/accounts/import/"


def diary(*rows):
    return csv_upload("diary.csv", csv_text("diary.csv", list(rows)))


def test_the_upload_page_needs_a_verified_member(client, unverified_member):
    assert client.get(UPLOAD).status_code == 302  # to the login page
    client.force_login(unverified_member)
    assert client.get(UPLOAD).status_code == 403


def test_uploading_redirects_to_the_import_page_which_shows_the_report(
    member_client, member
):
    FilmFactory(title="Heat", year=1995)
    response = member_client.post(
        UPLOAD, {"file": diary(diary_row("Heat", 1995, "2022-07-09", "4"))}
    )
    done = LetterboxdImport.objects.get(owner=member)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/import/{done.pk}/"

    page = member_client.get(response["Location"])
    assert page.status_code == 200
    text = page.content.decode()
    assert 'id="report"' in text and "w-pct-100" in text
    assert 'data-testid="count-created">1<' in text
    assert UserFilm.objects.get(user=member).rating == 8


def test_a_bad_file_is_shown_on_the_form_and_saves_nothing(member_client):
    response = member_client.post(
        UPLOAD, {"file": csv_upload("diary.csv", "Name,Year\nHeat,1995\n")}
    )
    assert response.status_code == 400
    assert "diary.csv has no “Date” column" in response.content.decode()
    assert not LetterboxdImport.objects.exists()


def test_a_running_import_refreshes_itself_without_javascript(member_client, member):
    running = LetterboxdImport.objects.create(
        owner=member, filename="diary.csv", total=10, processed=4, status="running"
    )
    text = member_client.get(running.get_absolute_url()).content.decode()
    assert '<noscript><meta http-equiv="refresh"' in text
    assert "js/import-progress.js" in text
    assert "w-pct-40" in text and 'id="report"' not in text


def test_nobody_sees_or_resolves_anyone_elses_import(client, member):
    theirs = LetterboxdImport.objects.create(
        owner=member, filename="diary.csv", status="done"
    )
    row = LetterboxdRow.objects.create(
        letterboxd_import=theirs,
        position=1,
        source="diary",
        line=2,
        name="Heat",
        state="unmatched",
    )
    from accounts.factories import UserFactory

    client.force_login(UserFactory())
    film = FilmFactory()
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert (
        client.get(f"{theirs.get_absolute_url()}rows/{row.pk}/find/").status_code == 404
    )
    resolve = f"{theirs.get_absolute_url()}rows/{row.pk}/resolve/"
    assert client.post(resolve, {"film": film.pk}).status_code == 404
    row.refresh_from_db()
    assert row.state == "unmatched"


def test_resolving_an_ambiguous_row_applies_it_and_redirects_back(
    member_client, member
):
    first = FilmFactory(title="Suspiria", year=1977)
    FilmFactory(title="Suspiria", year=1977)
    member_client.post(
        UPLOAD, {"file": diary(diary_row("Suspiria", 1977, "2020-10-31", "4.5"))}
    )
    done = LetterboxdImport.objects.get(owner=member)
    row = done.rows.get()
    assert row.state == "ambiguous" and len(row.candidates) == 2
    page = member_client.get(done.get_absolute_url()).content.decode()
    assert 'data-testid="ambiguous-row"' in page

    response = member_client.post(
        f"{done.get_absolute_url()}rows/{row.pk}/resolve/", {"film": first.pk}
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.state, row.film, row.outcome) == ("matched", first, "created")
    assert UserFilm.objects.get(user=member).film == first


def test_the_find_page_searches_the_catalogue_for_an_unmatched_row(
    member_client, member
):
    member_client.post(UPLOAD, {"file": diary(diary_row("Hear", 1995, "2020-01-01"))})
    done = LetterboxdImport.objects.get(owner=member)
    row = done.rows.get()
    assert row.state == "unmatched"
    FilmFactory(title="Heat", year=1995)
    page = member_client.get(f"{done.get_absolute_url()}rows/{row.pk}/find/?q=heat")
    assert page.status_code == 200
    assert "Heat (1995)" in page.content.decode()


@pytest.mark.parametrize(
    ("language", "shown"), [("en", "1,000 of 1,234"), ("ru", "1\xa0000 из 1\xa0234")]
)
def test_progress_counts_are_grouped_as_the_language_writes_numbers(
    member_client, member, language, shown
):
    running = LetterboxdImport.objects.create(
        owner=member,
        filename="big.zip",
        status=LetterboxdImport.Status.RUNNING,
        total=1234,
        processed=1000,
    )
    member.language = language
    member.save()
    text = member_client.get(running.get_absolute_url()).content.decode()
    assert shown in text  # as the page's script writes them while it runs
