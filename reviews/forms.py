"""The "Your rating" form on the film page."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.time_zones import member_today
from films.years import VIEWING_YEAR_MIN

from .models import (
    COMMENT_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    RATING_MAX,
    RATING_MIN,
    UserFilm,
)
from .quick_services import TOGGLE_STATUSES
from .services import review_status_chosen, review_validate
from .viewing_services import viewing_validate


def stars_label(rating):
    """'3½ out of 5' for rating 7 (the stored 1-10 scale); lazy, translated."""
    whole, half = divmod(rating, 2)
    stars = f"{whole or ''}{'½' if half else ''}"
    return format_lazy(_("{stars} out of 5"), stars=stars)


def stars_value(rating):
    """The form's value for a stored rating: 7 -> '3.5', 8 -> '4'."""
    return f"{Decimal(rating) / 2:g}"


RATING_CHOICES = [("", _("No rating"))] + [
    (stars_value(r), stars_label(r)) for r in range(RATING_MIN, RATING_MAX + 1)
]


def stars_to_rating(value):
    """'3.5' (stars) -> 7 (stored); anything not a half step is refused."""
    try:
        doubled = Decimal(value) * 2
    except (InvalidOperation, TypeError) as exc:
        raise forms.ValidationError(_("Choose a rating from ½ to 5 stars.")) from exc
    if doubled != doubled.to_integral_value():
        raise forms.ValidationError(_("Ratings go in half stars."))
    return int(doubled)


class ReviewRulesFormMixin:
    """Shows reviews.services.review_validate()'s errors next to their fields.

    The rules live in the service (the API gets the same ones); a field that
    failed its own check is left out of them.
    """

    def clean(self):
        cleaned = super().clean()
        values = {
            "rating": cleaned.get("rating"),
            "status": cleaned.get("status", UserFilm.Status.WATCHED),
            "comment": cleaned.get("comment", ""),
            "watched_on": cleaned.get("watched_on"),
            # The entry's member: the form's own (site) or the chosen (admin).
            "user": getattr(self, "user", None) or cleaned.get("user"),
        }
        try:
            review_validate(**values)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field in cleaned:
                    for message in messages:
                        self.add_error(field, message)
        return cleaned


class UserFilmForm(ReviewRulesFormMixin, forms.ModelForm):
    """A member's rating, status, comment and watch date for one film.

    The rating is chosen in half stars (0.5-5) and stored as 1-10.
    """

    rating = forms.TypedChoiceField(
        label=_("Rating"),
        choices=RATING_CHOICES,
        coerce=stars_to_rating,
        empty_value=None,
        required=False,
        help_text=_("From ½ to 5 stars."),
    )
    # No preselected status: the model's default (watched) shown as chosen
    # logged films as watched when a member only pressed the button.
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Choose…")), *UserFilm.Status.choices],
        required=False,
    )

    class Meta:
        model = UserFilm
        fields = ["rating", "status", "watched_on", "comment"]
        labels = {
            "status": _("Status"),
            "watched_on": _("Watched on"),
            "comment": _("Your review"),
        }
        help_texts = {
            "watched_on": _("Optional. Not in the future."),
        }
        widgets = {
            "watched_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "comment": forms.Textarea(
                attrs={"rows": 5, "placeholder": _("What did you think?")}
            ),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user  # whose calendar "today" is on
        if self.instance.pk and self.instance.rating is not None:
            self.initial["rating"] = stars_value(self.instance.rating)
        if not self.instance.pk:
            self.initial["status"] = ""
        self.fields["watched_on"].widget.attrs["max"] = member_today(user).isoformat()
        self.fields["comment"].help_text = _("Optional. Up to %(max)s characters.") % {
            # As the reader's language groups digits: 5,000 / 5 000.
            "max": number_format(COMMENT_MAX_LENGTH, force_grouping=True)
        }

    def clean(self):
        cleaned = self.cleaned_data
        if "status" in cleaned:
            try:
                cleaned["status"] = review_status_chosen(
                    status=cleaned["status"],
                    rating=cleaned.get("rating"),
                    comment=cleaned.get("comment", ""),
                    watched_on=cleaned.get("watched_on"),
                )
            except ValidationError as error:
                self.add_error(None, error)
        return super().clean()


class ViewingForm(forms.Form):
    """One viewing on the film page: a date (or "today"), stars and a note.

    `user` decides what "today" is (their calendar); the rules are
    reviews.viewing_services.viewing_validate()'s, shown next to their fields.
    """

    watched_on = forms.DateField(
        label=_("Watched on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    rating = forms.TypedChoiceField(
        label=_("Rating"),
        choices=RATING_CHOICES,
        coerce=stars_to_rating,
        empty_value=None,
        required=False,
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=NOTE_MAX_LENGTH, strip=True
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        today = member_today(user)
        # The same calendar as the service's check, so the picker offers no
        # day the server would refuse.
        attrs = self.fields["watched_on"].widget.attrs
        attrs["max"] = today.isoformat()
        attrs["min"] = f"{VIEWING_YEAR_MIN:04d}-01-01"
        self.initial.setdefault("watched_on", today)

    def clean(self):
        cleaned = super().clean()
        if self.data.get("today"):
            cleaned["watched_on"] = member_today(self.user)
        try:
            viewing_validate(
                user=self.user,
                watched_on=cleaned.get("watched_on"),
                rating=cleaned.get("rating"),
                note=cleaned.get("note", ""),
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field not in self.errors:  # one message per field
                    for message in messages:
                        self.add_error(field, message)
        return cleaned


class QuickRateForm(forms.Form):
    """The star widget without JavaScript: a stored rating 1-10, or "" to clear."""

    rating = forms.TypedChoiceField(
        choices=[("", _("No rating"))]
        + [(str(r), stars_label(r)) for r in range(RATING_MIN, RATING_MAX + 1)],
        coerce=int,
        empty_value=None,
        required=False,
    )


class QuickStatusForm(forms.Form):
    """The Watched and Watchlist toggles without JavaScript."""

    status = forms.ChoiceField(choices=[(s.value, s.label) for s in TOGGLE_STATUSES])
    on = forms.TypedChoiceField(choices=[("1", "on"), ("0", "off")], coerce=int)
