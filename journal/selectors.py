"""Read-side queries for the journal: only what the public may see."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex

from .models import ArticlePage

IN_THE_JOURNAL_SIZE = 5


def article_list(*, index=None):
    """Live, public articles (no drafts, private or scheduled ones), newest first."""
    articles = ArticlePage.objects.live().public().select_related("cover")
    if index is not None:
        articles = articles.child_of(index)
    return articles.order_by("-date", "-first_published_at", "-pk")


def articles_featuring(*, film, limit=IN_THE_JOURNAL_SIZE):
    """Public articles whose body names `film` (a film or ratings block).

    Found through Wagtail's reference index, which every page save keeps,
    so no relation has to be kept by hand. Two queries.
    """
    ids = (
        ReferenceIndex.get_references_to(film)
        .filter(content_type=ContentType.objects.get_for_model(ArticlePage))
        .values_list("object_id", flat=True)
    )
    # object_id is text (any model's key): compare as numbers on every database.
    pks = {int(pk) for pk in ids}
    return list(article_list().filter(pk__in=pks)[:limit]) if pks else []
