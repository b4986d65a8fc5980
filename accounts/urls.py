from django.urls import path

from reviews.diary_feed import diary_feed

from . import views

app_name = "accounts"

urlpatterns = [
    path("<str:username>/", views.profile, name="profile"),
    path("<str:username>/diary/", views.diary, name="diary"),
    path("<str:username>/diary/rss/", diary_feed, name="diary_feed"),
]
