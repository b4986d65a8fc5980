import pytest
from django.core.exceptions import ValidationError

from accounts.factories import SuperuserFactory, UserFactory
from accounts.services import AccountDeletionRefused, user_delete, user_profile_update
from reviews.factories import UserFilmFactory
from reviews.models import UserFilm

pytestmark = pytest.mark.django_db


def test_profile_update_saves_trimmed_values(member):
    user_profile_update(user=member, display_name=" Ann ", bio=" Hi \n")
    member.refresh_from_db()
    assert (member.display_name, member.bio) == ("Ann", "Hi")


def test_profile_update_refuses_overlong_values_and_saves_nothing(member):
    with pytest.raises(ValidationError) as excinfo:
        user_profile_update(user=member, display_name="ok", bio="x" * 501)
    assert "bio" in excinfo.value.message_dict
    member.refresh_from_db()
    assert (member.display_name, member.bio) == ("", "")


def test_profile_update_ignores_problems_in_other_fields(member):
    # An account created without an email (e.g. createsuperuser) can still
    # edit its profile.
    member.email = ""
    member.save()
    user_profile_update(user=member, display_name="Ann", bio="")
    member.refresh_from_db()
    assert member.display_name == "Ann"


def test_user_delete_counts_the_userfilms_it_removes(member):
    UserFilmFactory.create_batch(3, user=member)
    UserFilmFactory(user=UserFactory())
    assert user_delete(user=member) == 3
    assert UserFilm.objects.count() == 1


def test_user_delete_refuses_a_superuser():
    admin = SuperuserFactory()
    with pytest.raises(AccountDeletionRefused):
        user_delete(user=admin)
    admin.refresh_from_db()
