"""Film facts every app shares. One definition each: import them, never retype."""

# The years the site and the API accept for a film, in filters and searches.
# TMDB dates films from the first surviving motion pictures (1870s) to
# announced or far-future projects (it lists films dated 2115), so the bounds
# are wide and fixed rather than "a few years from now".
FILM_YEAR_MIN = 1870
FILM_YEAR_MAX = 2200
