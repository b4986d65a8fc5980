"""Every bad upload is refused with a sentence saying what is wrong."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imports.models import LetterboxdImport, LetterboxdRow
from imports.reading import export_read
from imports.services import ExportInvalid, letterboxd_import_file
from imports.testing import csv_text, csv_upload, diary_row, export_zip

HEAT = diary_row("Heat", 1995, "2022-07-09", "4")


def refused(upload):
    with pytest.raises(ExportInvalid) as caught:
        export_read(upload)
    return caught.value.message


def test_a_file_that_is_neither_a_zip_nor_a_csv():
    upload = SimpleUploadedFile("export.pdf", b"%PDF-1.7 not ours")
    assert refused(upload) == (
        "export.pdf is neither a ZIP nor a CSV file: upload the ZIP Letterboxd's "
        "export gives you, or one of its CSV files."
    )


def test_a_damaged_zip():
    good = export_zip({"diary.csv": csv_text("diary.csv", [HEAT])}).read()
    upload = SimpleUploadedFile("export.zip", good[:30] + b"\0" * 40 + good[70:])
    message = refused(upload)
    assert "damaged" in message or "neither a ZIP" in message


def test_a_csv_without_an_expected_column_names_the_file_and_column():
    text = csv_text("diary.csv", [HEAT]).replace("Watched Date", "Seen")
    assert refused(csv_upload("diary.csv", text)) == (
        "diary.csv has no “Watched Date” column in its first line."
    )
    zipped = export_zip({"ratings.csv": "Date,Name,Year\n2020-01-01,Heat,1995\n"})
    assert refused(zipped) == "ratings.csv has no “Rating” column in its first line."


def test_malformed_rows_are_named_by_file_and_line_and_the_others_import():
    text = csv_text(
        "diary.csv",
        [
            HEAT,
            diary_row("Alien", "19x9", "2020-01-01"),
            diary_row("Up", 2009, "2020-13-01"),
            diary_row("Her", 2013, "2020-01-01", "6"),
            diary_row("", 2013, "2020-01-01"),
        ],
    )
    text += '2020-01-01,"Too, few",2001\n'
    export = export_read(csv_upload("diary.csv", text))
    assert [r.name for r in export.records] == ["Heat"]
    assert [p.as_dict() for p in export.problems] == [
        {"file": "diary.csv", "line": 3, "reason": "the year “19x9” is not a year"},
        {
            "file": "diary.csv",
            "line": 4,
            "reason": "“Watched Date” is not a date (YYYY-MM-DD): “2020-13-01”",
        },
        {
            "file": "diary.csv",
            "line": 5,
            "reason": "the rating “6” is not ½ to 5 stars",
        },
        {"file": "diary.csv", "line": 6, "reason": "the film has no name"},
        {"file": "diary.csv", "line": 7, "reason": "expected 8 fields, found 3"},
    ]


def test_line_numbers_count_line_breaks_inside_quoted_fields():
    review = {
        "Date": "2020-01-01",
        "Name": "Heat",
        "Year": 1995,
        "Rating": "4",
        "Review": "Line one\nline two\nline three",
        "Watched Date": "2020-01-01",
    }
    bad = {**review, "Year": "soon"}
    text = csv_text("reviews.csv", [review, bad])
    export = export_read(csv_upload("reviews.csv", text))
    assert export.problems[0].line == 5
    assert export.records[0].review == "Line one\nline two\nline three"


def test_a_file_over_the_size_limit_says_the_limit(settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1000
    upload = csv_upload("diary.csv", csv_text("diary.csv", [HEAT] * 40))
    assert refused(upload).endswith("the largest file you can import is 1000\xa0bytes.")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(settings):
    settings.IMPORT_MAX_UNCOMPRESSED_BYTES = 100_000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("diary.csv", csv_text("diary.csv", [HEAT]) + " " * 200_000)
    upload = SimpleUploadedFile("bomb.zip", buffer.getvalue())
    assert len(buffer.getvalue()) < 2_000  # small on the wire
    assert refused(upload).startswith("The ZIP would unpack to more than 97.7")


def test_a_zip_with_too_many_files_is_refused(settings):
    settings.IMPORT_MAX_FILES = 5
    files = {f"lists/list-{n}.csv": "x" for n in range(6)}
    files["diary.csv"] = csv_text("diary.csv", [HEAT])
    assert "or 5 files" in refused(export_zip(files))


def test_files_that_together_unpack_past_the_cap_are_refused(settings):
    settings.IMPORT_MAX_UNCOMPRESSED_BYTES = 5_000
    upload = export_zip(
        {
            "diary.csv": csv_text("diary.csv", [HEAT] * 60),  # about 4 KB
            "ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n" * 60,
        }
    )
    assert "would unpack to more than" in refused(upload)


def test_unknown_files_in_the_zip_are_ignored_and_listed():
    export = export_read(
        export_zip(
            {
                "diary.csv": csv_text("diary.csv", [HEAT]),
                "likes/films.csv": "Date,Name,Year,Letterboxd URI\n",
                "holiday.jpg": b"\xff\xd8\xff",
            }
        )
    )
    assert export.ignored == [
        {"file": "holiday.jpg", "reason": "Not a file of a Letterboxd export."},
        {"file": "likes/films.csv", "reason": "Likes are not imported."},
    ]


def test_a_zip_with_the_export_in_a_folder_is_read():
    folder = "letterboxd-member-2024-06-01-utc"
    export = export_read(
        export_zip({f"{folder}/diary.csv": csv_text("diary.csv", [HEAT])})
    )
    assert [r.name for r in export.records] == ["Heat"]


def test_text_that_is_not_utf8_names_the_file():
    text = csv_text("diary.csv", [diary_row("Amélie", 2001, "2020-01-01")])
    upload = csv_upload("diary.csv", text.encode("latin-1"))
    assert refused(upload).startswith("diary.csv is not UTF-8 text (byte ")
    zipped = export_zip({"watched.csv": text.replace("Rating", "R").encode("cp1252")})
    assert refused(zipped).startswith("watched.csv is not UTF-8 text")


def test_an_empty_export_is_refused():
    assert refused(export_zip({"profile.csv": "Date Joined,Username\n"})).startswith(
        "The export has no films to import"
    )
    assert refused(csv_upload("diary.csv", csv_text("diary.csv", []))).startswith(
        "The export has no films to import"
    )
    assert refused(csv_upload("diary.csv", "")).startswith(
        "diary.csv has no “Date” column"
    )


def test_a_lone_csv_is_known_by_its_name_or_its_columns():
    text = csv_text("ratings.csv", [{"Name": "Heat", "Year": 1995, "Rating": "4.5"}])
    export = export_read(csv_upload("my ratings.csv", text))
    assert export.records[0].source == "ratings" and export.records[0].rating == 9
    watched = csv_text("watched.csv", [{"Name": "Heat", "Year": 1995}])
    assert refused(csv_upload("films.csv", watched)).startswith(
        "films.csv is not one of Letterboxd's files"
    )


@pytest.mark.django_db
def test_a_refused_upload_saves_nothing(member):
    with pytest.raises(ExportInvalid):
        letterboxd_import_file(
            user=member, file=csv_upload("diary.csv", "Name\nHeat\n")
        )
    assert not LetterboxdImport.objects.exists()
    assert not LetterboxdRow.objects.exists()
