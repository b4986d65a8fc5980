import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.factories import SuperuserFactory, UserFactory
from films.factories import FilmFactory
from films.models import Film
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db
User = get_user_model()
SETTINGS = reverse("account_settings")
DELETE = reverse("account_delete")


def test_settings_pages_need_a_signed_in_member(client):
    for url in (SETTINGS, DELETE):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url == f"{reverse('account_login')}?next={url}"


def test_settings_url_cannot_clash_with_a_username(client):
    UserFactory(username="settings")
    assert client.get("/users/settings/").context["member"].username == "settings"


def test_settings_page_shows_the_profile_form_and_links(member_client, member):
    html = member_client.get(SETTINGS).content.decode()
    assert (
        '<label class="form-label" for="id_display_name">Display name</label>' in html
    )
    assert '<label class="form-label" for="id_bio">Bio</label>' in html
    assert f'href="{reverse("accounts:profile", args=[member.username])}"' in html
    assert f'href="{reverse("account_email")}"' in html
    assert f'href="{reverse("account_change_password")}"' in html
    assert f'href="{DELETE}"' in html


def test_member_updates_display_name_and_bio(member_client, member):
    response = member_client.post(
        SETTINGS, {"display_name": "  Kat M. ", "bio": "Loves noir."}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.display_name, member.bio) == ("Kat M.", "Loves noir.")
    page = member_client.get(response.url).content.decode()
    assert "Your profile has been saved." in page
    assert "Kat M." in member_client.get(f"/users/{member.username}/").content.decode()


def test_too_long_display_name_is_refused_and_nothing_is_lost(member_client, member):
    member.bio = "Old bio"
    member.save()
    response = member_client.post(
        SETTINGS, {"display_name": "x" * 61, "bio": "New bio"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ensure this value has at most 60 characters" in html
    # The error is tied to its field, and what was typed is still there.
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_display_name_helptext id_display_name_error"' in html
    assert 'id="id_display_name_error"' in html
    assert "New bio" in html
    member.refresh_from_db()
    assert member.bio == "Old bio"


def test_deletion_asks_for_confirmation_first(member_client, member):
    UserFilmFactory(user=member)
    UserFilmFactory(user=member)
    page = member_client.get(DELETE)
    assert page.status_code == 200
    html = page.content.decode()
    assert "your 2 ratings and reviews will be deleted" in html
    assert '<label class="form-label" for="id_password">Your password</label>' in html
    assert User.objects.filter(pk=member.pk).exists()


def test_wrong_password_deletes_nothing(member_client, member):
    UserFilmFactory(user=member)
    response = member_client.post(DELETE, {"password": "wrong"})
    assert response.status_code == 200
    assert "The password is not correct." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()
    assert UserFilm.objects.filter(user=member).count() == 1


def test_deletion_removes_the_member_and_their_userfilms_and_nothing_else(
    member_client, member, password
):
    film, other_film = FilmFactory(), FilmFactory()
    UserFilmFactory(user=member, film=film)
    UserFilmFactory(user=member, film=other_film)
    other = UserFactory()
    others_review = UserFilmFactory(user=other, film=film)

    response = member_client.post(DELETE, {"password": password})

    assert response.status_code == 302
    assert response.url == "/"
    assert not User.objects.filter(pk=member.pk).exists()
    assert not EmailAddress.objects.filter(user_id=member.pk).exists()
    assert not UserFilm.objects.filter(user_id=member.pk).exists()
    # Films, other members and their reviews stay.
    assert set(Film.objects.all()) == {film, other_film}
    assert User.objects.filter(pk=other.pk).exists()
    assert list(UserFilm.objects.all()) == [others_review]
    # And the browser is signed out.
    assert "_auth_user_id" not in member_client.session


def test_superuser_cannot_delete_their_account_here(client, password):
    admin = SuperuserFactory()
    client.force_login(admin)
    assert client.get(DELETE).status_code == 403
    response = client.post(DELETE, {"password": password})
    assert response.status_code == 403
    assert "administrator account cannot be deleted here" in response.content.decode()
    assert User.objects.filter(pk=admin.pk).exists()


def test_member_chooses_a_time_zone_and_an_unknown_one_is_refused(
    member_client, member
):
    assert 'value="Pacific/Kiritimati"' in member_client.get(SETTINGS).content.decode()
    data = {"display_name": "", "bio": "", "time_zone": "Pacific/Kiritimati"}
    assert member_client.post(SETTINGS, data).status_code == 302
    member.refresh_from_db()
    assert member.time_zone == "Pacific/Kiritimati"
    for bad in ("Mars/Olympus_Mons", "../../etc/passwd", "x" * 100):
        response = member_client.post(SETTINGS, {**data, "time_zone": bad})
        assert response.status_code == 200
        member.refresh_from_db()
        assert member.time_zone == "Pacific/Kiritimati"
