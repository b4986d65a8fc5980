from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from films.renditions import rendition_or_none
from home.models import LocalizedServeMixin

from .blocks import ArticleBodyBlock

INDEX_PAGE_SIZE = 12
# Link previews: the cover cropped to Open Graph's 1200x630.
COVER_SHARE_RENDITION = "fill-1200x630|format-jpeg"


class JournalIndexPage(LocalizedServeMixin, Page):
    """The journal: its published articles in the reader's language, newest first."""

    intro = RichTextField(_("intro"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["journal.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("journal")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from .selectors import article_list

        context = super().get_context(request, *args, **kwargs)
        context["page_obj"] = Paginator(
            article_list(index=self), INDEX_PAGE_SIZE
        ).get_page(request.GET.get("page"))
        return context


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "journal.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(LocalizedServeMixin, Page):
    intro = models.CharField(_("intro"), max_length=255, blank=True)
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.CharField(_("author"), max_length=100, blank=True)
    date = models.DateField(_("published date"), default=timezone.localdate)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    body = StreamField(ArticleBodyBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("cover"),
        FieldPanel("author"),
        FieldPanel("date"),
        FieldPanel("tags"),
        FieldPanel("body"),
    ]
    parent_page_types = ["journal.JournalIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def get_context(self, request, *args, **kwargs):
        from seo.previews import absolute

        from .structured_data import article_ld

        context = super().get_context(request, *args, **kwargs)
        origin = request.build_absolute_uri("/").rstrip("/")
        cover = rendition_or_none(self.cover, COVER_SHARE_RENDITION)
        context["share_image"] = cover
        context["share_image_url"] = absolute(origin, cover.url) if cover else ""
        context["article_ld"] = article_ld(
            article=self,
            url=absolute(origin, self.url),
            image_url=context["share_image_url"],
        )
        return context
