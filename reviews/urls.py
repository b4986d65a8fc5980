from django.urls import path

from . import feeds, views

app_name = "reviews"

# Mounted under /films/: a member's own rating lives at the film's address.
urlpatterns = [
    path("<slug:slug>/rating/", views.userfilm_edit, name="edit"),
    path("<slug:slug>/rating/delete/", views.userfilm_delete, name="delete"),
    path("<slug:slug>/reviews/rss/", feeds.film_reviews_feed, name="feed"),
    path("<slug:slug>/viewings/", views.viewing_add, name="viewing_add"),
    # One-click stars and toggles without JavaScript (film page and cards).
    path("<slug:slug>/rate/", views.quick_rate, name="quick_rate"),
    path("<slug:slug>/status/", views.quick_status, name="quick_status"),
    path(
        "<slug:slug>/viewings/<int:pk>/delete/",
        views.viewing_remove,
        name="viewing_remove",
    ),
]
