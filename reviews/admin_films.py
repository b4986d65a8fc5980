"""The Film admin with what reviews/ knows: the site average; rated films stay.

films/wagtail_hooks.py defines the film snippets; the viewset registered
(reviews/wagtail_hooks.py) is this module's, so that films/ needs no ratings.

Deleting films in the Wagtail admin: never a film that members rated.

UserFilm.film is PROTECT, so the database refuses anyway, but Wagtail's delete
views only know protection through Wagtail's reference index, which does not
track UserFilm: they went ahead and the ProtectedError was a 500. Here the
editor is told why instead, before any confirmation is asked (single and bulk
delete), and a rating that arrives between that check and the delete is
caught the same way.
"""

from django.db import transaction
from django.db.models import Count, ProtectedError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import DeleteView

from films.admin_views import FILM_EDIT_URL_NAME, FILM_LIST_URL_NAME
from films.models import Film
from films.wagtail_hooks import CatalogueGroup, FilmViewSet, GenreViewSet

from .admin_userfilms import USERFILM_INDEX_URL_NAME
from .selectors import with_member_numbers


def rated_films(instances):
    """The films among `instances` that members rated or reviewed, with counts."""
    pks = [obj.pk for obj in instances if isinstance(obj, Film)]
    if not pks:
        return []
    return list(
        Film.objects.filter(pk__in=pks, userfilms__isnull=False)
        .annotate(entries=Count("userfilms"))
        .order_by("title")
    )


def refuse_delete(request, films, *, back):
    for film in films:
        messages.error(
            request,
            ngettext(
                "“%(film)s” cannot be deleted: %(count)d member has rated or "
                "reviewed it, and deleting the film would delete that too. "
                "Keep the film, or remove the rating first.",
                "“%(film)s” cannot be deleted: %(count)d members have rated or "
                "reviewed it, and deleting the film would delete those too. "
                "Keep the film, or remove the ratings first.",
                film.entries,
            )
            % {"film": film, "count": film.entries},
            buttons=[
                messages.button(
                    f"{reverse(USERFILM_INDEX_URL_NAME)}?q={film.title}",
                    _("See the ratings"),
                )
            ],
        )
    return redirect(back)


def refuse_rated_film_delete(request, instances):
    """`before_delete_snippet` hook: a response stops the delete (single or bulk)."""
    films = rated_films(instances)
    if not films:
        return None
    if len(instances) == 1:
        return refuse_delete(
            request, films, back=reverse(FILM_EDIT_URL_NAME, args=[films[0].pk])
        )
    return refuse_delete(request, films, back=reverse(FILM_LIST_URL_NAME))


class FilmDeleteView(DeleteView):
    def form_valid(self, form):
        try:
            # Atomic: the delete's log entry goes too if the database refuses.
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            # A member rated the film since the hook looked.
            films = rated_films([self.object])
            back = reverse(FILM_EDIT_URL_NAME, args=[self.object.pk])
            return refuse_delete(self.request, films, back=back)


class AverageRatingColumn(Column):
    def get_value(self, instance):
        average = getattr(instance, "average_rating", None)
        if average is None:
            return "–"
        # Rounded as the film page's floatformat rounds (number_format alone
        # cuts: 4.67 was 4.6 here and 4.7 there). "4,7 ★" in Russian.
        return f"{number_format(round(average / 2, 1), decimal_pos=1)} ★"


class RatedFilmViewSet(FilmViewSet):
    list_display = [
        *FilmViewSet.list_display,
        AverageRatingColumn("average_rating", label=gettext_lazy("Site average")),
    ]
    delete_view_class = FilmDeleteView

    def get_queryset(self, request):
        return with_member_numbers(super().get_queryset(request))


class RatedCatalogueGroup(CatalogueGroup):
    items = (RatedFilmViewSet, GenreViewSet)
