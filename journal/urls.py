from django.urls import path

from . import feeds

app_name = "journal"

urlpatterns = [path("journal/rss/", feeds.journal_feed, name="feed")]
