from django.urls import path

from . import entry_views, views

app_name = "lists"

# Mounted at the site's root (filmtracker/urls.py): the pages live under the
# member, the writes under /lists/<id>/ so no list slug can shadow them.
urlpatterns = [
    path("users/<str:username>/lists/", views.list_index, name="index"),
    path("users/<str:username>/lists/<slug:slug>/", views.list_detail, name="detail"),
    path("lists/new/", views.list_create, name="create"),
    path("lists/add/", entry_views.entry_add, name="entry_add"),
    path("lists/<int:pk>/edit/", views.list_edit, name="edit"),
    path("lists/<int:pk>/delete/", views.list_delete, name="delete"),
    path(
        "lists/<int:pk>/entries/<int:entry_pk>/",
        entry_views.entry_update,
        name="entry_update",
    ),
    path(
        "lists/<int:pk>/entries/<int:entry_pk>/remove/",
        entry_views.entry_remove,
        name="entry_remove",
    ),
]
