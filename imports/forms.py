"""The import pages' forms: they only take input; the rules are in services."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Letterboxd export"),
        help_text=_(
            "The ZIP from Letterboxd (Settings → Data → Export your data), or "
            "one of its CSV files."
        ),
        allow_empty_file=True,  # the service says what is wrong with it
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,.csv"}),
    )
    replace = forms.BooleanField(
        label=_("Replace what I have"),
        required=False,
        help_text=_(
            "Overwrite ratings, statuses and reviews you already have here. "
            "Unticked, only what is missing is added."
        ),
    )


class FilmFindForm(forms.Form):
    q = forms.CharField(label=_("Film title"), max_length=200, required=False)


class RowResolveForm(forms.Form):
    """One of the two: a film here, or a TMDB id to add."""

    film = forms.IntegerField(required=False, min_value=1)
    tmdb_id = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)

    def clean(self):
        data = super().clean()
        if (data.get("film") is None) == (data.get("tmdb_id") is None):
            raise forms.ValidationError(_("Choose a film."))
        return data
