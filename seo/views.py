from django.core.paginator import EmptyPage
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views

from filmtracker.page_cache import cache_public_page

from .sitemaps import SITEMAPS, RowSitemap
from .urlset import urlset_xml

# Crawlers come often; the page cache (filmtracker/page_cache.py) serves
# them until a film is added or edited, or an editor publishes, and ten
# minutes at most (new members' profiles show up within that).
SITEMAP_MAX_AGE = 60 * 10
_cached = cache_public_page(films_from=lambda response: [], catalogue=True, pages=True)


@require_safe
@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
@_cached
def sitemap_index(request):
    return wagtail_sitemap_views.index(
        request, SITEMAPS, sitemap_url_name="seo:sitemap-section"
    )


@require_safe
@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
@_cached
def sitemap_section(request, section):
    sitemap = SITEMAPS[section]
    if not issubclass(sitemap, RowSitemap):  # Wagtail's pages: a few hundred
        return wagtail_sitemap_views.sitemap(
            request, {section: sitemap}, section=section
        )
    raw = request.GET.get("p", "1")
    try:
        rows = sitemap().page_rows(int(raw) if raw.isascii() and raw.isdigit() else 0)
    except EmptyPage as e:
        raise Http404(f"No sitemap page {raw!r}") from e
    origin = f"{request.scheme}://{request.get_host()}"
    response = HttpResponse(
        urlset_xml(rows, origin=origin), content_type="application/xml"
    )
    # As Django's sitemap view: the sitemap itself is not a page to index.
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


# Never changes between releases: a day in browsers and proxies.
@require_safe
@cache_control(public=True, max_age=60 * 60 * 24)
def robots_txt(request):
    return TemplateResponse(
        request,
        "seo/robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("seo:sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
