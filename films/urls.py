from django.urls import path

from . import views

# The film page itself (films:detail) is composed above films/ and reviews/:
# filmtracker/film_page.py, added to this namespace in filmtracker/urls.py.
app_name = "films"

urlpatterns = [
    # "tmdb/import" has a slash, so no film slug can ever shadow it.
    path("tmdb/import/", views.film_import, name="import"),
]
