"""Signal receivers for changes lists/services.py does not make itself.

The services bump versions (lists/cache.py) for every write they make. Two
writes happen elsewhere: a member renaming themselves (their name is on their
list pages) and a member's account being deleted, whose lists go by cascade.
Entries get no receiver on purpose: one would make Django load every entry
of every list one by one before a cascade delete instead of one DELETE.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save, pre_delete

from .cache import lists_changed
from .models import List, ListEntry


def _user_saved(sender, instance, created, update_fields=None, **kwargs):
    if created or (update_fields and set(update_fields) <= {"last_login"}):
        return
    lists_changed(owner_id=instance.pk)


def _list_deleted(sender, instance, **kwargs):
    # Before the delete, while the entries still say which films it held.
    public = instance.visibility == List.Visibility.PUBLIC
    film_ids = (
        ListEntry.objects.filter(list=instance).values_list("film_id", flat=True)
        if public
        else []
    )
    lists_changed(owner_id=instance.owner_id, film_ids=list(film_ids))


def connect():
    uid = "lists.invalidation"
    post_save.connect(
        _user_saved, sender=get_user_model(), dispatch_uid=f"{uid}.user_saved"
    )
    pre_delete.connect(_list_deleted, sender=List, dispatch_uid=f"{uid}.list_deleted")
