from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from lists.blocks import FeaturedListBlock


class FeaturedFilmsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=100, default=_("Featured films"))
    films = blocks.ListBlock(SnippetChooserBlock("films.Film"), min_num=1)

    class Meta:
        icon = "pick"
        template = "blocks/featured_films_block.html"

    def get_context(self, value, parent_context=None):
        """Reload the chosen films with their numbers and posters in bulk.

        The chooser gives bare Film rows; cards need the site average and the
        poster renditions, which would otherwise cost queries per film.
        """
        from films.selectors import film_card_queryset
        from reviews.selectors import with_member_numbers

        context = super().get_context(value, parent_context=parent_context)
        ids = [film.pk for film in value["films"] if film is not None]
        by_id = with_member_numbers(film_card_queryset()).in_bulk(ids)
        context["films"] = [by_id[pk] for pk in ids if pk in by_id]
        return context


class HomeBodyBlock(blocks.StreamBlock):
    featured_films = FeaturedFilmsBlock()
    featured_list = FeaturedListBlock()
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])


class StandardSectionsBlock(blocks.StreamBlock):
    """Blocks under a standard page's text (its body stays rich text)."""

    featured_list = FeaturedListBlock()
