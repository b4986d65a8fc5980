"""Signal receivers: writes that change what a member's own pages show.

A member's name, language, time zone, active flag and password (their row),
their verified email (allauth's EmailAddress) and what they may do (groups,
permissions) all show on their pages: the navbar, the rating form or the
prompt to verify. Each write bumps the member's version (accounts/cache.py),
so their cached pages are rebuilt on their next request.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save

from .cache import members_changed, permissions_changed


def _user_changed(sender, instance, **kwargs):
    members_changed(user_ids=[instance.pk])


def _email_changed(sender, instance, **kwargs):
    members_changed(user_ids=[instance.user_id])


def _permissions_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        permissions_changed()


def _group_deleted(sender, instance, **kwargs):
    permissions_changed()


def connect():
    uid = "accounts.invalidation"
    User = get_user_model()
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(_user_changed, sender=User, dispatch_uid=f"{uid}.user_{name}")
        signal.connect(
            _email_changed, sender=EmailAddress, dispatch_uid=f"{uid}.email_{name}"
        )
    # Whether the navbar links to the editors' admin: a member's groups and
    # permissions, and the permissions of any group (many members at once).
    for through in (
        User.groups.through,
        User.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            _permissions_changed,
            sender=through,
            dispatch_uid=f"{uid}.{through._meta.model_name}",
        )
    post_delete.connect(_group_deleted, sender=Group, dispatch_uid=f"{uid}.group")
