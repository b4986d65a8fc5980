from django import forms
from django.utils.translation import gettext_lazy as _

from films.selectors import genre_list
from films.years import FILM_YEAR_MAX, FILM_YEAR_MIN

QUERY_MAX_LENGTH = 200
# The REST API's suggestions endpoint (shared contract); static/js/autocomplete.js
# reads it from the input's data attribute and stays quiet if it is missing.
AUTOCOMPLETE_URL = "/api/v1/films/autocomplete/"


class GenreChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name_shown  # genre_list(): the name in the active language


class SearchForm(forms.Form):
    """One box for the title, plus the optional "advanced" filters."""

    q = forms.CharField(
        label=_("Title"),
        max_length=QUERY_MAX_LENGTH,
        required=False,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "autocomplete": "off",
                "data-autocomplete": AUTOCOMPLETE_URL,
            }
        ),
    )
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=FILM_YEAR_MIN,
        max_value=FILM_YEAR_MAX,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    genre = GenreChoiceField(
        label=_("Genre"),
        queryset=genre_list(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any genre"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In the language of this request (the class attribute's is fixed at import).
        self.fields["genre"].queryset = genre_list()

    def clean_q(self):
        # Normalised by the search itself (search/selectors.py); here only spaces.
        return " ".join(self.cleaned_data["q"].split())

    @property
    def has_filters(self):
        data = getattr(self, "cleaned_data", {})
        return bool(data.get("year") or data.get("genre"))
