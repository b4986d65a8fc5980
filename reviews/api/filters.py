import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from reviews.models import UserFilm


class IdFilter(django_filters.NumberFilter):
    """A whole number (NumberFilter would also take 1.5)."""

    field_class = forms.IntegerField


class StatusFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=UserFilm.Status.choices, help_text=_("Only entries with this status.")
    )

    class Meta:
        model = UserFilm
        fields = ["status"]


class ReviewFilter(StatusFilter):
    film = extend_schema_field(
        {"type": "integer", "description": "Only entries for this film (its id)."}
    )(IdFilter(field_name="film_id"))
    user = django_filters.CharFilter(
        field_name="user__username",
        help_text=_("Only entries by this member (their username)."),
    )

    class Meta:
        model = UserFilm
        fields = ["film", "user", "status"]
