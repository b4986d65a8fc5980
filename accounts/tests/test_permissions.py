import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.permissions import member_can_review

pytestmark = pytest.mark.django_db


def test_verified_member_can_review(member):
    assert member_can_review(member)


def test_unverified_member_cannot_review(unverified_member):
    assert not member_can_review(unverified_member)


def test_anonymous_visitor_cannot_review():
    assert not member_can_review(AnonymousUser())


def test_deactivated_member_cannot_review(member):
    member.is_active = False
    assert not member_can_review(member)
