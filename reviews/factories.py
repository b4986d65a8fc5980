import factory

from accounts.factories import UserFactory
from films.factories import FilmFactory

from .models import UserFilm


class UserFilmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UserFilm

    user = factory.SubFactory(UserFactory)
    film = factory.SubFactory(FilmFactory)
    rating = 8
    status = UserFilm.Status.WATCHED
