from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from lists.blocks import FeaturedListBlock


def _film_with_numbers(film):
    """The chosen film again, with the members' numbers and its poster: live."""
    from films.selectors import film_card_queryset
    from reviews.selectors import with_member_numbers

    if film is None:
        return None
    return with_member_numbers(film_card_queryset()).filter(pk=film.pk).first()


class FilmBlock(blocks.StructBlock):
    """A film card: poster, title, year and the site's average."""

    film = SnippetChooserBlock("films.Film")

    class Meta:
        icon = "pick"
        label = _("Film")
        template = "blocks/film_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["film"] = _film_with_numbers(value["film"])
        return context


class RatingsBlock(FilmBlock):
    """The site's numbers for a film (average, ratings, watched by), live."""

    class Meta:
        icon = "form"
        label = _("Film ratings")
        template = "blocks/ratings_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    source = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    image = ImageChooserBlock(template="blocks/image_block.html")
    quote = QuoteBlock()
    film = FilmBlock()
    ratings = RatingsBlock()
    film_list = FeaturedListBlock()
