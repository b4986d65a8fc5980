"""Site forms for lists: they translate input; the rules are lists/services.py's."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DESCRIPTION_MAX_LENGTH, NOTE_MAX_LENGTH, TITLE_MAX_LENGTH, List


class ListForm(forms.Form):
    # strip=False: the service strips, and judges the length of what was sent.
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH, strip=False)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        strip=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain text; line breaks are kept."),
    )
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=List.Visibility.choices,
        initial=List.Visibility.PUBLIC,
        widget=forms.RadioSelect,
    )
    ranked = forms.BooleanField(
        label=_("Ranked list"),
        required=False,
        help_text=_("Number the films: the order is a ranking."),
    )

    def apply_errors(self, error):
        """Show a service's ValidationError next to the fields it names."""
        self.add_error(None, error)


class EntryNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, max_length=NOTE_MAX_LENGTH, strip=False
    )


class EntryPositionForm(forms.Form):
    position = forms.IntegerField(label=_("Position"), min_value=1)
