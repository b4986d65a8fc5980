"""Members' ratings and reviews in the Wagtail admin (wagtail-modeladmin).

The listing shows what the site shows: stars (not the stored 1-10), the start
of the review, the film and the member; filters by stars and status, search
by film and member. Film, member and the film's translation come with the
rows, so a page costs the same few queries however many rows it has.
"""

from django.contrib.admin import SimpleListFilter
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.options import ModelAdmin

from films.models import with_translation

from .forms import ReviewRulesFormMixin, stars_label
from .models import RATING_MAX, RATING_MIN, UserFilm

# wagtail-modeladmin's URL names for this model; the one place they are spelt.
USERFILM_INDEX_URL_NAME = "reviews_userfilm_modeladmin_index"
USERFILM_INSPECT_URL_NAME = "reviews_userfilm_modeladmin_inspect"
USERFILM_EDIT_URL_NAME = "reviews_userfilm_modeladmin_edit"
USERFILM_DELETE_URL_NAME = "reviews_userfilm_modeladmin_delete"
REVIEW_START_WORDS = 12


def stars_cell(rating):
    """'★★★½ (3½ out of 5)' for 7; '–' without a rating."""
    if rating is None:
        return "–"
    whole, half = divmod(rating, 2)
    return f"{'★' * whole}{'½' if half else ''} ({stars_label(rating)})"


class StarsFilter(SimpleListFilter):
    title = _("stars")
    parameter_name = "rating"

    def lookups(self, request, model_admin):
        return [
            (str(rating), stars_label(rating))
            for rating in range(RATING_MAX, RATING_MIN - 1, -1)
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(rating=int(value))
        return queryset


class UserFilmAdminForm(ReviewRulesFormMixin, WagtailAdminModelForm):
    """The edit form: the same rules as the site and the API (the service's)."""


class UserFilmAdmin(ModelAdmin):
    model = UserFilm
    menu_label = _("Ratings & reviews")
    menu_icon = "comment"
    menu_order = 210
    list_display = ("film", "user", "stars", "review_start", "status", "updated_at")
    # wagtail-modeladmin's default is 100 rows, each rendered cell by cell
    # with its three buttons and their permission checks: that page took
    # about a second of rendering alone (profiled with 200,000 ratings). The
    # films listing shows 25 too.
    list_per_page = 25
    list_filter = (StarsFilter, "status")
    search_fields = (
        "film__title",
        "film__original_title",
        "user__username",
        "user__display_name",
    )
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

    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in ("user", "film", "rating", "status", "watched_on", "comment")
        ],
        base_form_class=UserFilmAdminForm,
    )

    def get_queryset(self, request):
        rows = super().get_queryset(request).select_related("film", "user")
        return with_translation(rows, "film__translations")

    def stars(self, userfilm):
        return stars_cell(userfilm.rating)

    stars.short_description = _("Stars")

    def review_start(self, userfilm):
        return Truncator(userfilm.comment).words(REVIEW_START_WORDS)

    review_start.short_description = _("Review")
