"""The editors' list chooser: public lists only (lists/selectors.py decides).

A Wagtail ChooserViewSet rather than registering List as a snippet: editors
choose members' lists for pages but have no admin screens to edit them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .selectors import list_public_queryset


class PublicListChooserViewSet(ChooserViewSet):
    model = "lists.List"
    icon = "list-ol"
    choose_one_text = _("Choose a public list")
    choose_another_text = _("Choose another list")
    edit_item_text = _("Edit")
    register_widget = False  # only the block uses it, not model forms

    def get_object_list(self):
        return (
            list_public_queryset()
            .select_related("owner")
            .order_by("-updated_at", "-pk")
        )


list_chooser_viewset = PublicListChooserViewSet("list_chooser")
