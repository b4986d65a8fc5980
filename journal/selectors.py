"""Read-side queries for the journal: only what the public may see.

Articles are written in English and translated with Wagtail's localisation
(each translation a page of its own, sharing a `translation_key`). A reader
gets each article once: in their language when its translation is live and
public, else in English.
"""

from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import ReferenceIndex

from films.models import BASE_LANGUAGE, content_language

from .models import ArticlePage

IN_THE_JOURNAL_SIZE = 5


def article_list(*, index=None, language=None):
    """Live, public articles (no drafts, private or scheduled ones), newest first.

    One per article, in `language` (default: the active one) where it has a
    live, public translation, else in English. `index` (a JournalIndexPage
    in any language) keeps that journal's articles. Two queries to build
    (view restrictions; the index's translations when given), one to run.
    """
    language = content_language(language)
    public = ArticlePage.objects.live().public()
    shown = Q(locale__language_code=language)
    if language != BASE_LANGUAGE:
        translated = public.filter(shown).values("translation_key")
        shown |= Q(locale__language_code=BASE_LANGUAGE) & ~Q(
            translation_key__in=translated
        )
    articles = public.filter(shown).select_related("cover")
    if index is not None:
        paths = index.get_translations(inclusive=True).values_list("path", flat=True)
        articles = articles.filter(
            reduce(or_, (Q(path__startswith=path) for path in paths))
        )
    return articles.order_by("-date", "-first_published_at", "-pk")


def articles_featuring(*, film, limit=IN_THE_JOURNAL_SIZE):
    """Public articles whose body names `film` (a film or ratings block).

    As `article_list` gives them (the reader's language, else English).
    Found through Wagtail's reference index, which every page save keeps,
    so no relation has to be kept by hand. One query when no article
    names the film, three otherwise.
    """
    ids = (
        ReferenceIndex.get_references_to(film)
        .filter(content_type=ContentType.objects.get_for_model(ArticlePage))
        .values_list("object_id", flat=True)
    )
    # object_id is text (any model's key): compare as numbers on every database.
    pks = {int(pk) for pk in ids}
    return list(article_list().filter(pk__in=pks)[:limit]) if pks else []
