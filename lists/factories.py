import factory

from accounts.factories import UserFactory

from .models import List


class ListFactory(factory.django.DjangoModelFactory):
    """A member's list, made directly (no service): for tests that read."""

    class Meta:
        model = List

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"List {n}")
    slug = factory.Sequence(lambda n: f"list-{n}")
    visibility = List.Visibility.PUBLIC
