"""Display names cannot hide characters or pose as someone else."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.factories import UserFactory
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "Trinity\u202e",  # right-to-left override
    "\u2066Trinity",  # isolate
    "Tri\u200bnity",  # zero-width space
    "Tri\u200dnity",  # zero-width joiner
    "Trinity\x07",  # control
    "Trin\u00adity",  # soft hyphen (format)
]


@pytest.mark.parametrize("name", HOSTILE)
def test_the_api_refuses_control_and_bidi_characters(member, name):
    client = APIClient()
    client.force_authenticate(member)
    response = client.patch("/api/v1/users/me/", {"display_name": name}, format="json")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["display_name"]
    member.refresh_from_db()
    assert member.display_name == ""


@pytest.mark.parametrize("name", HOSTILE)
def test_the_settings_page_refuses_them_too(member_client, member, name):
    response = member_client.post(
        reverse("account_settings"), {"display_name": name, "bio": ""}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["display_name"]
    member.refresh_from_db()
    assert member.display_name == ""


@pytest.mark.parametrize("name", ["Тринити", "Trinity O'Neil", "李小龍", "Zoë 🎬"])
def test_ordinary_names_in_any_script_are_kept(member_client, member, name):
    member_client.post(reverse("account_settings"), {"display_name": name, "bio": ""})
    member.refresh_from_db()
    assert member.display_name == name


def test_reviews_show_the_username_beside_a_copied_display_name(client):
    real = UserFactory(username="trinity", display_name="Trinity")
    copy = UserFactory(username="impostor", display_name="Trinity")
    review = UserFilmFactory(user=real, comment="Real.")
    UserFilmFactory(user=copy, film=review.film, comment="Fake.")
    html = client.get(reverse("films:detail", args=[review.film.slug])).content.decode()
    assert "@trinity" in html
    assert "@impostor" in html
