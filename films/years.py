"""The range of film years the site accepts, in one place (search, API, admin).

TMDB dates films from the first surviving motion pictures (1870s) to announced
or far-future projects (it lists films dated 2115), so the bounds are wide and
fixed rather than "a few years from now": a year TMDB lists must be searchable.
"""

FILM_YEAR_MIN = 1870
FILM_YEAR_MAX = 2200
# The earliest date a member may say they watched something: not before any
# film (a typo like 0204 for 2024 is refused rather than stored).
VIEWING_YEAR_MIN = FILM_YEAR_MIN
