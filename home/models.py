from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page

from films.models import BASE_LANGUAGE, content_language
from films.selectors import film_card_queryset
from filmtracker import page_cache
from lists.blocks import featured_list_films
from lists.cache import member_lists_key
from reviews.rankings import film_top_rated_ids, in_order
from reviews.selectors import RANKING_MIN_RATINGS, with_member_numbers

from .blocks import HomeBodyBlock, StandardSectionsBlock

HOME_LIST_SIZE = 12


class LocalizedServeMixin:
    """Serve this page's translation in the visitor's language, if published.

    URLs carry no language: /about/ is the same address in every language,
    and the language follows the person, as on the rest of the site.
    Wagtail routes a visitor from the home page in their language, so a
    translated page is usually reached directly; this covers a page reached
    through the site's own (English) tree: no translated home page, or a
    page the home page's translation has no copy of (HomePage.route).
    """

    def serve(self, request, *args, **kwargs):
        # English needs no lookup; another language costs two queries
        # (locale, translation), and one more when there is a translation.
        if content_language() != BASE_LANGUAGE:
            localized = self.localized
            # Wagtail checks the view restrictions of the page it routed to,
            # not of this translation: a private one is never served here.
            if (
                localized.pk != self.pk
                and not localized.get_view_restrictions().exists()
            ):
                return localized.specific.serve(request, *args, **kwargs)
        return super().serve(request, *args, **kwargs)


class HomePage(LocalizedServeMixin, Page):
    intro = RichTextField(_("intro"), blank=True)
    body = StreamField(HomeBodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find the page at `path_components`, in the site's own tree if need be.

        Wagtail starts from the home page in the visitor's language; a page
        that has no live copy there (not translated yet, or its translation
        a draft) is still at its address: the site's own (English) tree
        serves it, in English. Raises Http404 when neither tree has it.
        """
        try:
            return super().route(request, path_components)
        except Http404:
            if self.locale.language_code == BASE_LANGUAGE:
                raise
            source = self.get_translation_or_none(Locale.get_default())
            if source is None or not source.live:
                raise
            return source.specific.route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        films = with_member_numbers(film_card_queryset())
        context["recent_films"] = films.order_by("-created_at", "-pk")[:HOME_LIST_SIZE]
        # Ranking every rated film is cached (reviews/rankings.py); the numbers
        # on the cards are fresh.
        top_ids = film_top_rated_ids(limit=HOME_LIST_SIZE)
        context["top_films"] = in_order(films.filter(pk__in=top_ids), top_ids)
        context["ranking_min_ratings"] = RANKING_MIN_RATINGS
        # Editors choose which pages the home page links to ("Show in menus"),
        # such as About.
        context["menu_pages"] = self.get_children().live().in_menu()
        return context

    def serve(self, request, *args, **kwargs):
        # Cached whole for visitors (filmtracker/page_cache.py): stale when a
        # film it shows changes, a film is added (the newest list), or an
        # editor publishes. The top-rated order itself is recomputed every
        # five minutes (reviews/rankings.py); the page lives ten at most.
        response = super().serve(request, *args, **kwargs)
        if response.context_data["page"].pk != self.pk:
            return response  # the translation served (and marked) itself
        return page_cache.mark(
            response,
            self._films_shown,
            catalogue=True,
            pages=True,
            keys_from=self._lists_shown,
        )

    def _films_shown(self, response):
        context = response.context_data
        shown = [*context["recent_films"], *context["top_films"]]
        for block in self.body:
            if block.block_type == "featured_films":
                shown += [film for film in block.value["films"] if film is not None]
            elif block.block_type == "featured_list" and block.value["film_list"]:
                # Also stale when a film in the list changes (one query).
                shown += featured_list_films(
                    block.value["film_list"], limit=block.value["limit"] or 1
                )
        return [film.pk for film in shown]

    def _lists_shown(self, response):
        # Stale when the member changes the list (or makes it private).
        return [
            member_lists_key(block.value["film_list"].owner_id)
            for block in self.body
            if block.block_type == "featured_list" and block.value["film_list"]
        ]


class StandardPage(LocalizedServeMixin, Page):
    """A plain content page, such as About."""

    intro = models.CharField(_("intro"), max_length=255, blank=True)
    body = RichTextField(_("body"), blank=True)
    sections = StreamField(
        StandardSectionsBlock(),
        blank=True,
        verbose_name=_("sections"),
        help_text=_("Shown under the body, such as a featured list."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("sections"),
    ]

    class Meta:
        verbose_name = _("standard page")
