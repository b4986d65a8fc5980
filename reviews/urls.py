from django.urls import path

from . import views

app_name = "reviews"

# Mounted under /films/: a member's own rating lives at the film's address.
urlpatterns = [
    path("<slug:slug>/rating/", views.userfilm_edit, name="edit"),
    path("<slug:slug>/rating/delete/", views.userfilm_delete, name="delete"),
    path("<slug:slug>/viewings/", views.viewing_add, name="viewing_add"),
    path(
        "<slug:slug>/viewings/<int:pk>/delete/",
        views.viewing_remove,
        name="viewing_remove",
    ),
]
