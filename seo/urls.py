from django.urls import path, re_path

from . import views
from .sitemaps import SITEMAPS

app_name = "seo"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    re_path(
        rf"^sitemap-(?P<section>{'|'.join(SITEMAPS)})\.xml$",
        views.sitemap_section,
        name="sitemap-section",
    ),
]
