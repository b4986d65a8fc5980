"""FilmTracker's allauth adapter (ACCOUNT_ADAPTER)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # Without django.contrib.sites, allauth's `current_site.name` is the
        # request's host; the emails greet with the site's real name instead.
        super().send_mail(
            template_prefix, email, {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        )

    def confirm_email(self, request, email_address):
        """Refuse an address that another account still holds unverified.

        With enumeration prevention a member may add an address that another
        (never verified) account signed up with. Confirming it would make two
        accounts share one address, which the database forbids: say it failed,
        as allauth does for an address verified elsewhere, instead of a 500.
        """
        taken = (
            get_user_model()
            .objects.filter(email__iexact=email_address.email)
            .exclude(pk=email_address.user_id)
            .exists()
        )
        if taken:
            self.add_message(
                request,
                messages.ERROR,
                "account/messages/email_in_use.txt",
                {"email": email_address.email},
            )
            return False
        return super().confirm_email(request, email_address)
