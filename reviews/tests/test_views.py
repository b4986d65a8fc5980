import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from films.factories import FilmFactory
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db


@pytest.fixture
def film():
    return FilmFactory(title="Andrei Rublev", year=1966)


def edit_url(film):
    return reverse("reviews:edit", args=[film.slug])


def delete_url(film):
    return reverse("reviews:delete", args=[film.slug])


VALID = {
    "rating": "4.5",
    "status": "watched",
    "watched_on": "2024-03-02",
    "comment": "Long, and worth every minute.",
}


# --- POST → redirect → GET ---------------------------------------------------


def test_post_saves_and_redirects_to_the_film_page(member_client, member, film):
    response = member_client.post(edit_url(film), VALID)
    assert response.status_code == 302
    assert response["Location"] == f"{film.get_absolute_url()}#your-rating"
    row = UserFilm.objects.get(user=member, film=film)
    assert (row.rating, row.status, row.watched_on, row.comment) == (
        9,
        "watched",
        date(2024, 3, 2),
        "Long, and worth every minute.",
    )


def test_the_get_after_the_post_shows_the_saved_values_and_a_message(
    member_client, film
):
    response = member_client.post(edit_url(film), VALID, follow=True)
    assert response.redirect_chain == [(f"{film.get_absolute_url()}#your-rating", 302)]
    html = response.content.decode()
    assert "Your rating of Andrei Rublev was saved." in html
    # Where the redirect lands (#your-rating), not at the top of the page.
    card = html.split('id="your-rating"', 1)[1]
    assert "Your rating of Andrei Rublev was saved." in card
    assert html.count("Your rating of Andrei Rublev was saved.") == 1
    assert '<option value="4.5" selected>' in html
    assert 'value="2024-03-02"' in html
    assert "Long, and worth every minute.</textarea>" in html
    assert 'aria-label="4.5 out of 5 stars"' in html  # the member's summary


def test_reloading_the_page_after_saving_changes_nothing(member_client, film):
    response = member_client.post(edit_url(film), VALID)
    target = response["Location"]
    row = UserFilm.objects.get()
    for _ in range(3):  # the browser's reload is a GET of the redirect target
        assert member_client.get(target).status_code == 200
    assert UserFilm.objects.count() == 1
    reloaded = UserFilm.objects.get()
    assert reloaded.updated_at == row.updated_at
    assert reloaded.rating == 9
    # ...and the success message was shown once, not on every reload.
    assert "was saved" not in member_client.get(target).content.decode()


def test_posting_again_updates_the_one_row(member_client, member, film):
    member_client.post(edit_url(film), VALID)
    response = member_client.post(
        edit_url(film), {**VALID, "rating": "2", "status": "dropped"}, follow=True
    )
    assert "Your rating of Andrei Rublev was updated." in response.content.decode()
    row = UserFilm.objects.get(user=member, film=film)
    assert (row.rating, row.status) == (4, "dropped")
    assert UserFilm.objects.count() == 1


def test_a_forged_user_field_is_ignored(member_client, member, film):
    other = UserFactory()
    member_client.post(edit_url(film), {**VALID, "user": other.pk, "film": 999})
    row = UserFilm.objects.get()
    assert (row.user, row.film) == (member, film)


# --- Validation errors --------------------------------------------------------


def test_invalid_input_is_shown_inline_with_a_400_and_nothing_saved(
    member_client, film
):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = member_client.post(
        edit_url(film),
        {**VALID, "rating": "7", "watched_on": tomorrow, "comment": "Kept"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The date you watched the film cannot be in the future." in html
    assert "is-invalid" in html
    assert "Kept</textarea>" in html  # what the member typed is not lost
    assert not UserFilm.objects.exists()


def test_the_error_page_says_error_in_its_title_and_focuses_a_linked_summary(
    member_client, film
):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = member_client.post(edit_url(film), {**VALID, "watched_on": tomorrow})
    html = response.content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.startswith("Error: ")
    summary = re.search(r'<div class="[^"]*error-summary[^>]*>', html).group(0)
    assert 'tabindex="-1"' in summary and "autofocus" in summary
    assert 'href="#id_watched_on"' in html  # the summary links to the field


def test_the_form_page_without_errors_has_a_plain_title(member_client, film):
    html = member_client.get(edit_url(film)).content.decode()
    assert "<title>Error" not in html and "error-summary" not in html


def test_invalid_update_leaves_the_saved_row_alone(member_client, member, film):
    UserFilmFactory(user=member, film=film, rating=6, comment="Before")
    response = member_client.post(edit_url(film), {**VALID, "status": "nonsense"})
    assert response.status_code == 400
    row = UserFilm.objects.get()
    assert (row.rating, row.comment) == (6, "Before")


def test_edit_page_get_shows_the_form(member_client, member, film):
    UserFilmFactory(user=member, film=film, rating=3)
    response = member_client.get(edit_url(film))
    assert response.status_code == 200
    assert '<option value="1.5" selected>' in response.content.decode()


# --- Who may rate ----------------------------------------------------------


def test_visitors_are_sent_to_log_in_and_nothing_is_saved(client, film):
    response = client.post(edit_url(film), VALID)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not UserFilm.objects.exists()


def test_unverified_members_get_a_403_pointing_to_email_verification(
    client, unverified_member, film
):
    client.force_login(unverified_member)
    response = client.post(edit_url(film), VALID)
    assert response.status_code == 403
    assert reverse("account_email") in response.content.decode()
    assert not UserFilm.objects.exists()


def test_other_http_methods_are_refused(member_client, film):
    assert member_client.put(edit_url(film)).status_code == 405
    assert member_client.delete(delete_url(film)).status_code == 405


# --- Delete with confirmation ---------------------------------------------------


def test_delete_asks_for_confirmation_first(member_client, member, film):
    UserFilmFactory(user=member, film=film)
    response = member_client.get(delete_url(film))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Remove your rating?" in html
    assert f'action="{delete_url(film)}"' in html
    assert UserFilm.objects.count() == 1  # a GET never deletes


def test_confirmed_delete_removes_the_row_and_redirects(member_client, member, film):
    UserFilmFactory(user=member, film=film)
    response = member_client.post(delete_url(film), follow=True)
    assert response.redirect_chain == [(film.get_absolute_url(), 302)]
    assert "were removed" in response.content.decode()
    assert not UserFilm.objects.exists()


# --- Nobody changes what is not theirs -------------------------------------------


def test_another_member_cannot_delete_someone_elses_review(member_client, film):
    owner_row = UserFilmFactory(film=film, rating=10, comment="The owner's review")
    assert member_client.get(delete_url(film)).status_code == 404
    assert member_client.post(delete_url(film)).status_code == 404
    owner_row.refresh_from_db()
    assert owner_row.comment == "The owner's review"
    assert UserFilm.objects.count() == 1


def test_another_member_editing_only_ever_touches_their_own_row(
    member_client, member, film
):
    owner_row = UserFilmFactory(film=film, rating=10, comment="The owner's review")
    response = member_client.post(
        edit_url(film),
        {**VALID, "comment": "Overwritten?", "user": owner_row.user_id},
    )
    assert response.status_code == 302
    owner_row.refresh_from_db()
    assert (owner_row.rating, owner_row.comment) == (10, "The owner's review")
    mine = UserFilm.objects.get(user=member, film=film)
    assert mine.comment == "Overwritten?"
    assert mine.pk != owner_row.pk


def test_delete_of_a_film_the_member_never_rated_is_a_404(member_client, film):
    assert member_client.post(delete_url(film)).status_code == 404
