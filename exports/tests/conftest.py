import pytest

from accounts.factories import UserFactory


@pytest.fixture
def member(db):
    """The member whose history the Letterboxd files carry (test_full and
    test_views define their own, with a profile and a time zone)."""
    return UserFactory(username="anna")
