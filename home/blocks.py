from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class FeaturedFilmsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=100, default=_("Featured films"))
    films = blocks.ListBlock(SnippetChooserBlock("films.Film"), min_num=1)

    class Meta:
        icon = "pick"
        template = "blocks/featured_films_block.html"


class HomeBodyBlock(blocks.StreamBlock):
    featured_films = FeaturedFilmsBlock()
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])
