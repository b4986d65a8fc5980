"""Wagtail admin for editors: films and genres as snippets.

The group is registered by reviews/wagtail_hooks.py, with a Film viewset that
adds what members' ratings change (reviews/admin_films.py).
"""

import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    InlinePanel,
    ObjectList,
    extract_panel_definitions_from_model_class,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.search import index as search_index
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from .admin_views import IMPORT_PERMISSION, TMDBImportView
from .models import TRANSLATION_LANGUAGES, Film, Genre


class PosterColumn(Column):
    cell_template_name = "films/admin/poster_cell.html"


class FilmFilterSet(WagtailFilterSet):
    year = django_filters.NumberFilter(label=_("Year"))
    genres = django_filters.ModelChoiceFilter(
        queryset=Genre.objects.all(), label=_("Genre")
    )

    class Meta:
        model = Film
        fields = ["year", "genres"]


class FilmIndexView(IndexView):
    """The Film listing, with an "Add from TMDB" button for those who may add."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm(IMPORT_PERMISSION):
            buttons.append(
                HeaderButton(
                    _("Add from TMDB"),
                    url=reverse("films_tmdb_import"),
                    icon_name="download",
                )
            )
        return buttons

    @cached_property
    def columns(self):
        # Wagtail links only a first column given by name to the edit view;
        # the poster comes first here, so the title is made the row's link
        # (and carries its action buttons), or no row would open its film.
        return [
            self._get_title_column("title")
            if getattr(column, "name", None) == "title"
            else column
            for column in super().columns
        ]


class FilmViewSet(SnippetViewSet):
    model = Film
    index_view_class = FilmIndexView
    icon = "media"
    menu_label = _("Films")
    list_display = [
        PosterColumn("poster", label=_("Poster")),
        "title",
        "year",
        "tmdb_id",
    ]
    list_per_page = 25
    filterset_class = FilmFilterSet
    # Cast and crew come from TMDB as Credit rows (role, order, character); a
    # bare list of every person cannot edit those, and as a required field it
    # made every film unsaveable in the admin.
    exclude_form_fields = ["people"]
    ordering = ["title"]

    def get_queryset(self, request):
        return Film.objects.select_related("poster")

    def get_edit_handler(self):
        # The model's own fields as Wagtail would lay them out, then the
        # film's title, overview and tagline in each other language.
        panels = extract_panel_definitions_from_model_class(
            self.model, exclude=self.get_exclude_form_fields()
        )
        translations = InlinePanel(
            "translations",
            label=_("Translations"),
            heading=_("Title, overview and tagline in other languages"),
            max_num=len(TRANSLATION_LANGUAGES),
        )
        return ObjectList([*panels, translations]).bind_to_model(self.model)


class GenreViewSet(SnippetViewSet):
    model = Genre
    icon = "tag"
    menu_label = _("Genres")
    list_display = ["name", "slug", "tmdb_id"]
    search_fields = ["name"]


class CatalogueGroup(SnippetViewSetGroup):
    menu_label = _("Catalogue")
    menu_icon = "media"
    menu_order = 200
    items = (FilmViewSet, GenreViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def reindex_film_with_translations(request, instance):
    # The film was indexed when it was saved, before its translations (the
    # inline panel) were: index it again so its Russian title is found.
    if isinstance(instance, Film):
        search_index.insert_or_update_object(instance)


@hooks.register("register_admin_urls")
def register_tmdb_import_url():
    # Wagtail wraps these in its admin-access check; the view adds films.add_film.
    return [
        path(
            "films/tmdb-import/",
            TMDBImportView.as_view(),
            name="films_tmdb_import",
        )
    ]
