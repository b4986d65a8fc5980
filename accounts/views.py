from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse


def profile(request, username):
    member = get_object_or_404(get_user_model(), username=username, is_active=True)
    userfilms = member.userfilms.for_listing().order_by("-updated_at")
    return TemplateResponse(
        request,
        "accounts/profile.html",
        {"member": member, "userfilms": userfilms},
    )
