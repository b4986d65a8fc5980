import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from lists.models import List
from reviews.api.filters import MAX_ID, IdFilter, StrictFilterSet


class ListFilter(StrictFilterSet):
    user = django_filters.CharFilter(
        field_name="owner__username",
        help_text=_("Only lists by this member (their username)."),
    )
    film = extend_schema_field(
        {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_ID,
            "description": "Only lists holding this film (its id).",
        }
    )(IdFilter(field_name="entries__film_id"))

    class Meta:
        model = List
        fields = ["user", "film"]
