"""Story: a member brings their Letterboxd history in.

They upload Letterboxd's export ZIP, watch the progress bar (moved by the
page's script polling the API) reach the report, pick the right film for
the one ambiguous row, and find the films on their profile.
"""

import threading

import pytest
from django.db import connection
from selenium.webdriver.common.by import By
from wagtail.search import index

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from films.factories import FilmFactory
from imports import services
from imports.models import LetterboxdImport
from imports.services import letterboxd_import_process
from imports.testing import csv_text, diary_row, export_zip
from reviews.models import UserFilm

from .pages import alert_text, log_in, press, submit, text_of, visit, wait

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
DUMMY_BACKEND = "django_tasks.backends.dummy.DummyBackend"
ROW_SECONDS = 0.4  # each row takes a moment, so the bar is seen moving


def export_file(tmp_path):
    diary = [
        diary_row("Amelie", 2001, "2024-01-05", "4.5"),
        diary_row("Heat", 1995, "2024-02-10", "5"),
        diary_row("Brother", 1997, "2024-03-01", "3"),
        diary_row("Alien", 1979, "2024-03-15", "4"),
        diary_row("Amélie", 2001, "2024-04-20", "5", "Yes"),
    ]
    upload = export_zip({"diary.csv": csv_text("diary.csv", diary)})
    path = tmp_path / upload.name
    path.write_bytes(upload.read())
    return path


def test_member_imports_letterboxd_watches_progress_and_resolves_a_row(
    browser, settings, tmp_path, monkeypatch
):
    # The job is queued, not run in the request: a worker (a thread here)
    # runs it while the page watches.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    settings.IMPORT_CHUNK_ROWS = 1
    films = [
        FilmFactory(title=title, year=year)
        for title, year in [("Amélie", 2001), ("Heat", 1995), ("Alien", 1979)]
    ]
    russian = FilmFactory(title="Brother", year=1997, original_title="Брат")
    films += [russian, FilmFactory(title="Brother", year=1997, original_title="US")]
    for film in films:  # as an import does once its transaction commits
        index.insert_or_update_object(film)
    UserFactory(username="anna")
    # The import's job is queued, not run in the request: a worker (a thread
    # here) runs it while the page watches. (After the films: their search
    # index entries are jobs too.)
    settings.TASKS = {"default": {"BACKEND": DUMMY_BACKEND}}
    log_in(browser, "anna", DEFAULT_PASSWORD)

    visit(browser, "/accounts/import/")
    browser.find_element(By.ID, "id_file").send_keys(str(export_file(tmp_path)))
    submit(browser, "main form[enctype]")
    done = LetterboxdImport.objects.get()
    bar = browser.find_element(By.CSS_SELECTOR, "[data-progress]")
    assert bar.get_attribute("aria-valuenow") == "0"
    assert "Rows processed: 0 of 5" in text_of(browser, "#import-status")

    real_apply = services.matched_row_apply

    def slow_apply(*args, **kwargs):
        threading.Event().wait(ROW_SECONDS)
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(services, "matched_row_apply", slow_apply)

    def worker():
        try:
            letterboxd_import_process(letterboxd_import_id=done.pk)
        finally:
            connection.close()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        seen = set()

        def report_shown(driver):
            bars = driver.find_elements(By.CSS_SELECTOR, "[data-progress]")
            if bars:
                seen.add(bars[0].get_attribute("aria-valuenow"))
            return driver.find_elements(By.ID, "report")

        wait(browser, timeout=60).until(report_shown)
    finally:
        thread.join(timeout=60)
    assert len(seen - {"0", "5"}) >= 1, seen  # the bar moved on its own
    assert text_of(browser, "[data-testid=count-created]") == "3"

    ambiguous = browser.find_element(By.CSS_SELECTOR, "[data-testid=ambiguous-row]")
    assert "Brother (1997)" in ambiguous.text
    choice = ambiguous.find_elements(By.CSS_SELECTOR, "form")[0]
    assert choice.find_element(By.NAME, "film").get_attribute("value") == str(
        russian.pk
    )
    submit(browser, f"#{ambiguous.get_attribute('id')} form")
    assert "“Brother” is now Brother (1997)." in alert_text(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid=ambiguous-row]")
    entry = UserFilm.objects.get(user__username="anna", film=russian)
    assert (entry.status, entry.rating) == ("watched", 6)

    press(browser, "See your films on your profile")
    profile = text_of(browser, "main")
    for title in ("Amélie", "Heat", "Alien", "Brother"):
        assert title in profile
