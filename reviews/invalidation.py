"""Signal receivers: members' entries bump the cached pages of their films.

The same mechanism as films/invalidation.py (films/cache.py's film versions),
for what reviews/ adds to a film's pages: the numbers and the reviews list.
The member's own version (accounts/cache.py) goes too: their film pages show
their entry and viewings, their profile, diary and diary feed list them.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save

from accounts.cache import members_changed
from films.cache import films_changed, versions_changed

from .diary_selectors import VIEWINGS_KEY
from .models import UserFilm, Viewing


def _userfilm_changed(sender, instance, **kwargs):
    # Average, counts, histogram and the reviews list of this film only.
    films_changed(film_ids=[instance.film_id])
    members_changed(user_ids=[instance.user_id])


def _viewing_changed(sender, instance, **kwargs):
    _userfilm_changed(sender, instance)
    # The diary API's lists: counts, rewatches (which other rows decide).
    versions_changed([VIEWINGS_KEY])


def _user_saved(sender, instance, created, update_fields=None, **kwargs):
    if created or (update_fields and set(update_fields) <= {"last_login"}):
        return
    # The diary API lists viewings with their member's name, active ones only.
    versions_changed([VIEWINGS_KEY])
    # A new name shows on the reviews of the films this member commented on.
    film_ids = UserFilm.objects.filter(user=instance).exclude(comment="")
    films_changed(film_ids=list(film_ids.values_list("film_id", flat=True)))


def connect():
    uid = "reviews.invalidation"
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(
            _userfilm_changed, sender=UserFilm, dispatch_uid=f"{uid}.userfilm_{name}"
        )
        # The film page counts viewings ("watched by N members · M viewings"),
        # and the member's diary shows them.
        signal.connect(
            _viewing_changed, sender=Viewing, dispatch_uid=f"{uid}.viewing_{name}"
        )
    post_save.connect(
        _user_saved, sender=get_user_model(), dispatch_uid=f"{uid}.user_saved"
    )
