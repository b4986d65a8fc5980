import pytest
from django.db import IntegrityError, transaction

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_email_is_unique_whatever_its_case():
    UserFactory(username="bob", email="Bob@Example.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(username="bobby", email="bob@example.com")


def test_public_name_prefers_the_display_name():
    assert UserFactory(username="ann", display_name="").public_name == "ann"
    assert UserFactory(username="kat", display_name="Kat M.").public_name == "Kat M."
