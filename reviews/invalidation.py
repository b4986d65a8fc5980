"""Signal receivers: members' entries bump the cached pages of their films.

The same mechanism as films/invalidation.py (films/cache.py's film versions),
for what reviews/ adds to a film's pages: the numbers and the reviews list;
and a member's own version key for their diary feed (reviews/diary_feed.py).
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save

from films.cache import films_changed, versions_changed

from .models import UserFilm, Viewing

# A member's diary (their viewings, their name): the diary feed's version key.
DIARY_KEY = "ft:diary-version:{}"


def diary_key(user_id):
    """The version key of `user_id`'s diary, for `cache_public_page(keys_from=...)`."""
    return DIARY_KEY.format(user_id)


def _userfilm_changed(sender, instance, **kwargs):
    # Average, counts, histogram and the reviews list of this film only.
    films_changed(film_ids=[instance.film_id])


def _viewing_changed(sender, instance, **kwargs):
    _userfilm_changed(sender, instance)
    versions_changed([diary_key(instance.user_id)])


def _member_changed(sender, instance, created=False, update_fields=None, **kwargs):
    # A new name, a deactivated or deleted account: their diary feed changes.
    if created or (update_fields and set(update_fields) <= {"last_login"}):
        return
    versions_changed([diary_key(instance.pk)])


def _user_saved(sender, instance, created, update_fields=None, **kwargs):
    # A new name shows on the reviews of the films this member commented on.
    if created or (update_fields and set(update_fields) <= {"last_login"}):
        return
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
        signal.connect(
            _member_changed,
            sender=get_user_model(),
            dispatch_uid=f"{uid}.member_diary_{name}",
        )
    post_save.connect(
        _user_saved, sender=get_user_model(), dispatch_uid=f"{uid}.user_saved"
    )
