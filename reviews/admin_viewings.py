"""Members' viewings in the Wagtail admin (wagtail-modeladmin), read and delete.

Editors see who watched what when: member, film, date, stars and whether it
was a rewatch (derived, as on the site), filtered by stars and year and
searched by film and member. Viewings are the member's own diary, logged
through reviews.viewing_services.viewing_log() (which also sets their status), so
the admin neither creates nor edits them; deleting one is moderation.
A listing page costs the same queries however many rows it has.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin

from films.models import with_translation

from .admin_userfilms import StarsFilter, stars_cell
from .diary_selectors import with_rewatch
from .models import Viewing

VIEWING_INDEX_URL_NAME = "reviews_viewing_modeladmin_index"


class ReadAndDeletePermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class ViewingAdmin(ModelAdmin):
    model = Viewing
    menu_label = _("Viewings")
    menu_icon = "date"
    menu_order = 215
    permission_helper_class = ReadAndDeletePermissionHelper
    list_display = ("user", "film", "watched_on", "stars", "rewatch_mark")
    list_filter = (StarsFilter, "watched_on")
    search_fields = (
        "film__title",
        "film__original_title",
        "user__username",
        "user__display_name",
    )
    inspect_view_enabled = True
    inspect_view_fields = ("user", "film", "watched_on", "rating", "note", "created_at")

    def get_queryset(self, request):
        rows = with_rewatch(super().get_queryset(request)).select_related(
            "film", "user"
        )
        return with_translation(rows, "film__translations")

    def stars(self, viewing):
        return stars_cell(viewing.rating)

    stars.short_description = _("Stars")

    def rewatch_mark(self, viewing):
        return _("rewatch") if viewing.rewatch else ""

    rewatch_mark.short_description = _("Rewatch")
