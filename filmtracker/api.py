"""The REST API: one router, versioned under /api/v1/, plus the OpenAPI docs."""

from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from accounts.api.views import (
    LogoutView,
    TokenObtainView,
    TokenRefreshView,
    UserViewSet,
)
from exports.api.views import FullExportView, LetterboxdExportView
from films.api.views import TMDBViewSet
from filmtracker.rest import docs
from filmtracker.rest import views as rest_views
from filmtracker.rest.films import FilmViewSet
from imports.api.views import ImportViewSet
from lists.api.entries import ListEntryViewSet
from lists.api.views import ListViewSet
from reviews.api.diary import ViewingViewSet
from reviews.api.views import ReviewViewSet

router = DefaultRouter()
router.register("films", FilmViewSet, basename="film")
router.register("tmdb", TMDBViewSet, basename="tmdb")
router.register("reviews", ReviewViewSet, basename="review")
router.register("diary", ViewingViewSet, basename="viewing")
router.register("users", UserViewSet, basename="user")
router.register("imports", ImportViewSet, basename="import")
router.register("lists", ListViewSet, basename="list")
router.register(
    r"lists/(?P<list_id>[0-9]+)/entries", ListEntryViewSet, basename="list-entry"
)

auth_urlpatterns = [
    path("token/", TokenObtainView.as_view(), name="token-obtain"),
    path("token/refresh/", TokenRefreshView.as_view(), name="token-refresh"),
    path("logout/", LogoutView.as_view(), name="token-logout"),
]

export_urlpatterns = [
    path("letterboxd/", LetterboxdExportView.as_view(), name="export-letterboxd"),
    path("full/", FullExportView.as_view(), name="export-full"),
]

urlpatterns = [
    path("v1/auth/", include(auth_urlpatterns)),
    path("v1/exports/", include(export_urlpatterns)),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file, so the
    # page needs no inline script (strict CSP).
    path(
        "docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"
    ),
    path("redoc/", SpectacularRedocView.as_view(url_name="schema"), name="api-redoc"),
    path("redoc/redoc.standalone.js", docs.redoc_bundle, name="api-redoc-bundle"),
    # Last: any other address under /api/ (ending in a slash, so a missing
    # slash is still redirected) is a JSON 404, not one of the site's pages.
    re_path(r"^(?:[\s\S]*/)?$", rest_views.not_found),
]
