"""Under /accounts/, next to the settings; un-namespaced `account_*` names
like accounts/settings_urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("export/", views.export_page, name="account_export"),
    path(
        "export/letterboxd/",
        views.letterboxd_download,
        name="account_export_letterboxd",
    ),
    path("export/full/", views.full_download, name="account_export_full"),
]
