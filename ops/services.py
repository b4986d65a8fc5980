"""Write-side operations for running the site: the admin account."""

import secrets
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

RULE = "=" * 64


@dataclass(frozen=True)
class AdminAccount:
    """What admin_ensure() did. `status`: created | password_set | unchanged.

    `password` is the generated password when one was made now (the only time
    it can be shown), else None.
    """

    username: str
    status: str
    from_env: bool
    password: str | None = None

    def sign_in_text(self, *, url):
        """The sign-in details as printed at the end of start-up."""
        base = url.rstrip("/")
        if self.password:
            password = f"{self.password}   (generated now; shown only this once)"
        elif self.from_env:
            applied = " (applied now)" if self.status == "password_set" else ""
            password = f"the ADMIN_PASSWORD you set{applied}"
        else:
            indent = " " * 14
            password = (
                "unchanged: the one printed when the account was created.\n"
                f"{indent}Forgot it? Run again with ADMIN_PASSWORD=..., or\n"
                f"{indent}.venv/bin/python manage.py changepassword {self.username}"
            )
        return (
            f"\n{RULE}\n"
            f"  FilmTracker:  {base}/\n"
            f"  Admin:        {base}/admin/\n"
            f"    username:   {self.username}\n"
            f"    password:   {password}\n"
            f"{RULE}\n"
        )


@transaction.atomic
def admin_ensure(*, username, email, password=""):
    """Create the superuser `username`, or give it `password` when one is set.

    An empty `password` creates the account with a generated one and leaves
    an existing account's password alone (it cannot be shown again).
    Returns an AdminAccount.
    """
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        generated = None if password else secrets.token_urlsafe(12)
        user = User.objects.create_superuser(username, email, password or generated)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return AdminAccount(
            username=username,
            status="created",
            from_env=bool(password),
            password=generated,
        )
    if password and not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
        return AdminAccount(username=username, status="password_set", from_env=True)
    return AdminAccount(username=username, status="unchanged", from_env=bool(password))
