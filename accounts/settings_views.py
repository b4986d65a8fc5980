"""The signed-in member's own settings: profile and account deletion.

Email address and password are allauth's pages (linked from here).
"""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import AccountDeleteForm, ProfileForm
from .selectors import user_userfilm_count
from .services import user_delete, user_profile_update


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile_settings(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                user_profile_update(user=user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)  # the service's rule, per field
            else:
                messages.success(request, _("Your profile has been saved."))
                return redirect("account_settings")
    else:
        form = ProfileForm(
            initial={
                "display_name": user.display_name,
                "bio": user.bio,
                "time_zone": user.time_zone,
            }
        )
    return TemplateResponse(request, "accounts/settings.html", {"form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def account_delete(request):
    user = request.user
    context = {"userfilm_count": user_userfilm_count(user=user)}
    if user.is_superuser:
        # The service refuses too; say so before asking for a password.
        return TemplateResponse(
            request, "accounts/delete.html", {**context, "refused": True}, status=403
        )
    form = AccountDeleteForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        user_delete(user=user)
        logout(request)
        messages.success(
            request, _("Your account and your ratings and reviews have been deleted.")
        )
        return redirect("/")
    context["form"] = form
    return TemplateResponse(request, "accounts/delete.html", context)
