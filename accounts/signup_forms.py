"""The extra field of allauth's signup form (ACCOUNT_SIGNUP_FORM_CLASS).

Its own module: allauth imports it while defining its own forms, so it must
not import allauth's forms (accounts/forms.py does).
"""

from django import forms

from .time_zones import default_time_zone, time_zone_names


class SignupTimeZoneForm(forms.Form):
    """The time zone on sign-up (ACCOUNT_SIGNUP_FORM_CLASS; allauth's signup
    form inherits it).

    A hidden field that static/js/time-zone.js fills with the browser's zone
    (Intl.DateTimeFormat().resolvedOptions().timeZone). The visitor never sees
    it and so could not correct it: a missing or unknown name (no JavaScript,
    an old browser, a crafted post) quietly becomes the site's zone instead of
    an error. The member changes it in their settings.
    """

    time_zone = forms.CharField(
        required=False,
        widget=forms.HiddenInput(attrs={"data-browser-time-zone": ""}),
    )

    def clean_time_zone(self):
        name = self.cleaned_data["time_zone"].strip()
        return name if name in time_zone_names() else default_time_zone()

    def signup(self, request, user):
        """allauth's hook, after the new member is saved."""
        zone = self.cleaned_data.get("time_zone") or default_time_zone()
        if user.time_zone != zone:
            user.time_zone = zone
            user.save(update_fields=["time_zone"])
