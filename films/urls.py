from django.urls import path

from . import views

app_name = "films"

urlpatterns = [
    # "tmdb/import" has a slash, so no film slug can ever shadow it.
    path("tmdb/import/", views.film_import, name="import"),
    path("<slug:slug>/", views.film_detail, name="detail"),
]
