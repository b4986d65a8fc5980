"""Who may do what, shared by the site's views and the REST API."""

from allauth.account.models import EmailAddress


def member_can_review(user):
    """Rating and reviewing needs a signed-in, active member with a verified email."""
    if not (user.is_authenticated and user.is_active):
        return False
    return EmailAddress.objects.filter(user=user, verified=True).exists()
