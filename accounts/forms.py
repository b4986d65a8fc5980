"""Forms for sign-in and the member's own settings pages."""

from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .time_zones import time_zone_choices


class LoginForm(AllauthLoginForm):
    """allauth's login form with a label that says what to type."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username or email")


def _user_field(name):
    # The model is the one source of labels and limits (max_length, blank).
    return get_user_model()._meta.get_field(name).formfield()


class ProfileForm(forms.Form):
    display_name = _user_field("display_name")
    bio = _user_field("bio")
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        # Left out (an older form, a script): the member keeps their zone.
        required=False,
        help_text=_("Your calendar: what “today” means when you log a film."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].help_text = _(
            "Shown instead of your username on your profile and reviews."
        )
        self.fields["bio"].widget.attrs["rows"] = 4

    def clean_time_zone(self):
        return self.cleaned_data["time_zone"] or None


class AccountDeleteForm(forms.Form):
    """Asks for the password again: a left-open session must not be enough."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        # allauth's reauthentication counts wrong guesses against the same
        # failed-login rate limit as the login page, so this form cannot be used
        # to guess the password of a session left open.
        if not get_adapter().reauthenticate(self.user, password):
            raise forms.ValidationError(
                _("The password is not correct."), code="incorrect_password"
            )
        return password


class VerificationResendForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
