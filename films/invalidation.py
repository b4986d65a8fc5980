"""Signal receivers: every write that changes what a page shows bumps its films.

Signals rather than calls in each service, so that the Wagtail admin, the API,
the site's forms and TMDB imports all invalidate alike. Members' entries
(UserFilm) invalidate their films from reviews/invalidation.py. `QuerySet.update()`
sends no signal: code that uses it on these models must call
`films.cache.films_changed` itself.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.images import get_image_model

from .cache import films_changed
from .models import Credit, Film, FilmTranslation, Genre, GenreTranslation, Person


def _film_saved(sender, instance, **kwargs):
    # Title, overview, year...: which searches match may change too.
    films_changed(film_ids=[instance.pk], catalogue=True)


def _film_genres_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    film_ids = list(pk_set or []) if reverse else [instance.pk]
    if reverse and action == "post_clear":
        film_ids = list(instance.films.values_list("pk", flat=True))
    films_changed(film_ids=film_ids, catalogue=True)


def _credit_changed(sender, instance, **kwargs):
    films_changed(film_ids=[instance.film_id])


def _person_saved(sender, instance, **kwargs):
    films_changed(
        film_ids=list(instance.credits.values_list("film_id", flat=True).distinct())
    )


def _genre_changed(sender, instance, **kwargs):
    if instance.pk is not None:
        film_ids = list(instance.films.values_list("pk", flat=True))
        films_changed(film_ids=film_ids, catalogue=True)


def _translation_changed(sender, instance, **kwargs):
    # A film's or a genre's text in one language (editors edit them in the admin).
    if isinstance(instance, FilmTranslation):
        films_changed(film_ids=[instance.film_id], catalogue=True)
    else:
        film_ids = Film.objects.filter(genres=instance.genre_id).values_list(
            "pk", flat=True
        )
        films_changed(film_ids=list(film_ids), catalogue=True)


def _image_changed(sender, instance, **kwargs):
    # Saved: new renditions. Deleted: before the delete, while the films still
    # point at it (Film.poster is SET_NULL, done with an update() that sends
    # no signal); otherwise cached pages keep dead rendition URLs.
    film_ids = Film.objects.filter(poster=instance).values_list("pk", flat=True)
    films_changed(film_ids=list(film_ids))


def connect():
    uid = "films.invalidation"
    post_save.connect(_film_saved, sender=Film, dispatch_uid=f"{uid}.film_saved")
    post_delete.connect(_film_saved, sender=Film, dispatch_uid=f"{uid}.film_deleted")
    m2m_changed.connect(
        _film_genres_changed,
        sender=Film.genres.through,
        dispatch_uid=f"{uid}.film_genres",
    )
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(
            _credit_changed, sender=Credit, dispatch_uid=f"{uid}.credit_{name}"
        )
        for model in (FilmTranslation, GenreTranslation):
            signal.connect(
                _translation_changed,
                sender=model,
                dispatch_uid=f"{uid}.{model._meta.model_name}_{name}",
            )
    post_save.connect(_person_saved, sender=Person, dispatch_uid=f"{uid}.person")
    post_save.connect(_genre_changed, sender=Genre, dispatch_uid=f"{uid}.genre_saved")
    # Before the delete: afterwards the genre's film links are gone.
    pre_delete.connect(
        _genre_changed, sender=Genre, dispatch_uid=f"{uid}.genre_deleted"
    )
    post_save.connect(
        _image_changed, sender=get_image_model(), dispatch_uid=f"{uid}.image_saved"
    )
    pre_delete.connect(
        _image_changed, sender=get_image_model(), dispatch_uid=f"{uid}.image_deleted"
    )
