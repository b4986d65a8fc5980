"""Write-side operations on films.

# placeholder until the TMDB branch lands
"""

from . import tmdb


def film_import_from_tmdb(*, tmdb_id, language="en-US"):
    raise tmdb.TMDBNotConfigured("TMDB is not configured.")
