from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from lists.models import List


class IsListOwnerOrReadOnly(permissions.BasePermission):
    """Anyone who may see a list may read it; only its owner changes it.

    Staff included: nobody edits another member's list through the API. For
    an entry, the list in the address (the view's `film_list()`) decides.
    """

    message = _("You can only change your own lists.")

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        film_list = obj if isinstance(obj, List) else view.film_list()
        return film_list.owner_id == request.user.pk
