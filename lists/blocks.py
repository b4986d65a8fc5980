"""The "Featured list" StreamField block (home page, standard pages, articles)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .admin_chooser import list_chooser_viewset
from .models import List

FEATURED_DEFAULT = 12
FEATURED_MAX = 48

ListChooserBlock = list_chooser_viewset.get_block_class(
    name="ListChooserBlock", module_path="lists.blocks"
)


def featured_list_films(film_list, *, limit):
    """The first `limit` films of `film_list` as cards (numbers, posters).

    Positions are 1..N, so it is one query on position (plus posters),
    however long the list is.
    """
    from films.selectors import film_card_queryset
    from reviews.selectors import with_member_numbers

    return list(
        with_member_numbers(film_card_queryset())
        .filter(list_entries__list=film_list, list_entries__position__lte=limit)
        .order_by("list_entries__position")
    )


def public_list(value):
    """The chosen list if it is (still) public, else None: never shown then."""
    from .selectors import list_public_queryset

    if value is None:
        return None
    return list_public_queryset().select_related("owner").filter(pk=value.pk).first()


class FeaturedListBlock(blocks.StructBlock):
    film_list = ListChooserBlock(label=_("List"))
    heading = blocks.CharBlock(
        required=False,
        max_length=100,
        help_text=_("Leave empty to use the list's title."),
    )
    limit = blocks.IntegerBlock(
        default=FEATURED_DEFAULT,
        min_value=1,
        max_value=FEATURED_MAX,
        help_text=_("How many of its first films to show."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Featured list")
        template = "blocks/featured_list_block.html"

    def clean(self, value):
        value = super().clean(value)
        chosen = value.get("film_list")
        if chosen is not None and chosen.visibility != List.Visibility.PUBLIC:
            raise blocks.StructBlockValidationError(
                {"film_list": ValidationError(_("Choose a public list."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        film_list = public_list(value["film_list"])
        context["film_list"] = film_list
        context["films"] = (
            featured_list_films(film_list, limit=value["limit"] or FEATURED_DEFAULT)
            if film_list
            else []
        )
        return context
