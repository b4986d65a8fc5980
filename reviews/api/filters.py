import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from reviews.models import UserFilm

# The largest id a BigAutoField holds.
MAX_ID = 2**63 - 1


class IdFilter(django_filters.NumberFilter):
    """A whole number that can be an id (NumberFilter would also take 1.5).

    Bounded: SQLite raised OverflowError (a 500, found by the API fuzzer) for
    `?film=<30 digits>`, as Django's out-of-range handling skips foreign keys.
    """

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class StrictFilterSet(django_filters.FilterSet):
    """A filter sent empty (`?status=`) is a 400, not silently "no filter".

    django-filter follows HTML forms, where an empty field means "any"; for an
    API client an empty value is a bug worth hearing about (the fuzzer sent
    `?status=` and got every entry).
    """

    empty_message = _("Leave this parameter out instead of sending it empty.")

    def is_valid(self):
        valid = super().is_valid()
        for name in self.filters:
            if name in self.data and not self.data[name].strip():
                self.form.add_error(name, self.empty_message)
                valid = False
        return valid


class StatusFilter(StrictFilterSet):
    status = django_filters.ChoiceFilter(
        choices=UserFilm.Status.choices, help_text=_("Only entries with this status.")
    )

    class Meta:
        model = UserFilm
        fields = ["status"]


class ReviewFilter(StatusFilter):
    film = extend_schema_field(
        {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_ID,
            "description": "Only entries for this film (its id).",
        }
    )(IdFilter(field_name="film_id"))
    user = django_filters.CharFilter(
        field_name="user__username",
        help_text=_("Only entries by this member (their username)."),
    )

    class Meta:
        model = UserFilm
        fields = ["film", "user", "status"]
