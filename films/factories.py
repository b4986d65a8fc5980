import factory
from wagtail_factories import ImageFactory

from .models import Credit, Film, Genre, Person


class GenreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Genre
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Genre {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Faker("name")


class FilmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Film

    tmdb_id = factory.Sequence(lambda n: 100_000 + n)
    title = factory.Sequence(lambda n: f"Film {n}")
    year = 2001
    overview = "A film made for tests."
    runtime = 100
    popularity = factory.Sequence(lambda n: float(n))

    class Params:
        with_poster = factory.Trait(poster=factory.SubFactory(ImageFactory))


class CreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credit

    film = factory.SubFactory(FilmFactory)
    person = factory.SubFactory(PersonFactory)
    role = Credit.Role.CAST
