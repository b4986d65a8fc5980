"""The Wagtail admin's parts that involve members' ratings and reviews."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from .admin_films import RatedCatalogueGroup, refuse_rated_film_delete
from .admin_userfilms import UserFilmAdmin
from .admin_viewings import ViewingAdmin

modeladmin_register(UserFilmAdmin)
modeladmin_register(ViewingAdmin)
register_snippet(RatedCatalogueGroup)
hooks.register("before_delete_snippet", refuse_rated_film_delete)
