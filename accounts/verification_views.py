"""Sending the verification link again, for members who cannot sign in yet.

Mandatory verification keeps an unverified member signed out, so allauth's
own "resend" (on the email settings page) is out of their reach.
"""

from allauth.core import ratelimit
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import VerificationResendForm
from .services import verification_email_resend


@require_http_methods(["GET", "POST"])
def verification_resend(request):
    form = VerificationResendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Per address, allauth's cooldown applies too (see the service).
        if not ratelimit.consume(request, action="resend_verification"):
            return ratelimit.respond_429(request)
        verification_email_resend(request=request, email=form.cleaned_data["email"])
        # The same answer whether the address is known or not.
        messages.info(
            request,
            _(
                "If an account is waiting for %(email)s to be verified, a new link "
                "is on its way. We send at most one every few minutes."
            )
            % {"email": form.cleaned_data["email"]},
        )
        return redirect("account_verification_resend")
    return TemplateResponse(request, "account/verification_resend.html", {"form": form})
