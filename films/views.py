from django.template.response import TemplateResponse

from .selectors import film_get_by_slug


def film_detail(request, slug):
    film = film_get_by_slug(slug=slug)
    return TemplateResponse(request, "films/film_detail.html", {"film": film})
