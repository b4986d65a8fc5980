from django.utils.translation import gettext_lazy as _
from rest_framework import permissions


class IsOwnerOrReadOnly(permissions.BasePermission):
    """Anyone may read an entry; only the member it belongs to may change it.

    Staff included: moderation happens in the Wagtail admin, not through the
    API, so nobody changes another member's words here.
    """

    message = _("You can only change your own ratings and reviews.")

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return obj.user_id == request.user.pk
