"""The member's own settings, under /accounts/ next to allauth's pages.

Not under /users/: there every first segment is a username. The names follow
allauth's un-namespaced `account_*` style (`account_email`,
`account_change_password`, ...) because the `accounts` namespace belongs to the
public profiles in accounts/urls.py.
"""

from django.urls import path

from . import settings_views, verification_views

urlpatterns = [
    path("settings/", settings_views.profile_settings, name="account_settings"),
    path("settings/delete/", settings_views.account_delete, name="account_delete"),
    path(
        "verification/resend/",
        verification_views.verification_resend,
        name="account_verification_resend",
    ),
]
