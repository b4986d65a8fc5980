from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import admin_views, language_views
from films import urls as film_urls

from . import film_page, views

handler400 = "filmtracker.views.bad_request"
handler500 = "filmtracker.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("", include("seo.urls")),
    path("", include("journal.urls")),
    # No language prefix in URLs: one address per page for every language
    # (shared links and caches stay simple); the language comes from the
    # member's choice, the cookie or the browser.
    path("i18n/setlang/", language_views.language_set, name="set_language"),
    # Before Wagtail's admin URLs: its login goes through allauth (see settings).
    path("admin/login/", admin_views.admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("accounts.settings_urls")),
    path("accounts/import/", include("imports.urls")),
    path("accounts/", include("exports.urls")),
    path("accounts/", include("allauth.urls")),
    # films:import from films/, films:detail composed with the members' numbers.
    path(
        "films/",
        include((film_urls.urlpatterns + film_page.urlpatterns, film_urls.app_name)),
    ),
    path("films/", include("reviews.urls")),
    path("search/", include("search.urls")),
    path("", include("lists.urls")),
    path("users/", include("accounts.urls")),
    path("api/", include("filmtracker.api")),
]

# Media (when Django serves it) comes from filmtracker.delivery.MediaMiddleware.
if settings.DEBUG and "debug_toolbar" in settings.INSTALLED_APPS:
    urlpatterns += [path("__debug__/", include("debug_toolbar.urls"))]

# Wagtail's page tree serves everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
