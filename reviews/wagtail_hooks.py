"""Members' ratings and reviews in the Wagtail admin (wagtail-modeladmin)."""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .models import UserFilm


class UserFilmAdmin(ModelAdmin):
    model = UserFilm
    menu_label = _("Ratings & reviews")
    menu_icon = "comment"
    menu_order = 210
    list_display = ("film", "user", "rating", "status", "watched_on", "updated_at")
    list_filter = ("status", "rating")
    search_fields = ("user__username", "film__title")
    inspect_view_enabled = True
    inspect_view_fields = (
        "user",
        "film",
        "rating",
        "status",
        "comment",
        "watched_on",
        "created_at",
        "updated_at",
    )
    list_select_related = ("film", "user")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("film", "user")


modeladmin_register(UserFilmAdmin)
