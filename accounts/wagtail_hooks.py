"""The Wagtail admin's account page sends email and password changes to allauth.

Wagtail's own panels (switched off in settings) changed the address without
verifying it or telling anyone, and checked the current password with no limit
on guesses. allauth's pages verify the new address, email the member about the
change and count wrong passwords against the failed-login limit.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def email_settings_item(request):
    return {
        "url": reverse("account_email"),
        "label": _("Change email address"),
        "help_text": _("The new address is used once you confirm it by email."),
    }


@hooks.register("register_account_menu_item")
def password_settings_item(request):
    if not request.user.has_usable_password():
        return None
    return {
        "url": reverse("account_change_password"),
        "label": _("Change password"),
        "help_text": _("Asks for your current password; you are told by email."),
    }
