"""Read-side queries for films, shared by the site and the API."""

from django.shortcuts import get_object_or_404

from .models import Film


def film_detail_queryset():
    return (
        Film.objects.with_stats()
        .select_related("poster")
        .prefetch_related("genres", "credits__person")
    )


def film_get_by_slug(*, slug):
    return get_object_or_404(film_detail_queryset(), slug=slug)
