import pytest
from rest_framework.test import APIClient

from accounts.factories import UserFactory
from films.factories import FilmFactory
from imports.models import LetterboxdImport
from imports.testing import csv_text, csv_upload, diary_row
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db
IMPORTS = "/api/v1/imports/"


def client_for(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def upload(client, *rows, **extra):
    file = csv_upload("diary.csv", csv_text("diary.csv", list(rows)))
    return client.post(IMPORTS, {"file": file, **extra}, format="multipart")


def test_an_upload_answers_202_with_the_import_and_its_address(member):
    FilmFactory(title="Heat", year=1995)
    response = upload(client_for(member), diary_row("Heat", 1995, "2022-07-09", "4"))
    assert response.status_code == 202
    done = LetterboxdImport.objects.get(owner=member)
    data = response.json()
    assert data["id"] == done.pk
    assert data["url"] == f"http://testserver/api/v1/imports/{done.pk}/"
    assert response["Location"] == data["url"]
    # The test settings run jobs at once, so it is already done.
    assert {k: data[k] for k in ("status", "total", "processed", "matched")} == {
        "status": "done",
        "total": 1,
        "processed": 1,
        "matched": 1,
    }
    assert (data["created"], data["updated"], data["unchanged"]) == (1, 0, 0)
    assert data["unmatched"] == data["ambiguous"] == []


def test_the_import_reports_ambiguous_and_unmatched_rows(member):
    a = FilmFactory(title="Brother", year=1997)
    b = FilmFactory(title="Brother", year=1997)
    client = client_for(member)
    created = upload(
        client,
        diary_row("Brother", 1997, "2020-01-01"),
        diary_row("Nothing Like It", 1997, "2020-01-02"),
    ).json()
    data = client.get(created["url"]).json()
    assert [r["name"] for r in data["unmatched"]] == ["Nothing Like It"]
    (row,) = data["ambiguous"]
    assert (row["file"], row["line"], row["reason"]) == (
        "diary.csv",
        2,
        "Several films have this title and year.",
    )
    assert [c["film"] for c in row["candidates"]] == [a.pk, b.pk]

    resolved = client.post(
        f"{created['url']}rows/{row['id']}/resolve/", {"film": b.pk}, format="json"
    )
    assert resolved.status_code == 200
    assert resolved.json()["ambiguous"] == []
    assert resolved.json()["matched"] == 1
    assert UserFilm.objects.get(user=member).film == b

    again = client.post(
        f"{created['url']}rows/{row['id']}/resolve/", {"film": b.pk}, format="json"
    )
    assert again.status_code == 400
    assert again.json()["detail"] == "This row is already imported."


def test_resolve_needs_exactly_one_film(member):
    client = client_for(member)
    created = upload(client, diary_row("Nothing Like It", 1997, "2020-01-02")).json()
    row = created["unmatched"][0]["id"]
    url = f"{created['url']}rows/{row}/resolve/"
    assert client.post(url, {}, format="json").status_code == 400
    both = client.post(url, {"film": 1, "tmdb_id": 2}, format="json")
    assert both.status_code == 400
    missing = client.post(url, {"film": 999_999}, format="json")
    assert missing.status_code == 400
    assert missing.json()["detail"] == "There is no film with id 999999."


def test_a_bad_upload_is_a_400_naming_the_problem(member):
    client = client_for(member)
    bad = csv_upload("diary.csv", "Name,Year\nHeat,1995\n")
    response = client.post(IMPORTS, {"file": bad}, format="multipart")
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "file": ["diary.csv has no “Date” column in its first line."]
    }
    assert client.post(IMPORTS, {}, format="multipart").status_code == 400
    assert client.post(IMPORTS, {"file": 1}, format="json").status_code == 415
    assert not LetterboxdImport.objects.exists()


def test_only_the_owner_sees_an_import(member):
    created = upload(client_for(member), diary_row("Heat", 1995, "2022-07-09")).json()
    url = created["url"]
    assert client_for(None).get(url).status_code == 401
    assert client_for(UserFactory()).get(url).status_code == 404
    row_url = f"{url}rows/1/resolve/"
    other = client_for(UserFactory()).post(row_url, {"film": 1}, format="json")
    assert other.status_code == 404
    assert client_for(member).get(url).status_code == 200


def test_uploading_needs_a_verified_member(unverified_member):
    assert (
        upload(client_for(None), diary_row("Heat", 1995, "2022-07-09")).status_code
        == 401
    )
    response = upload(
        client_for(unverified_member), diary_row("Heat", 1995, "2022-07-09")
    )
    assert response.status_code == 403
    assert not LetterboxdImport.objects.exists()
