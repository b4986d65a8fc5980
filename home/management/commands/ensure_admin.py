import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from environs import Env


class Command(BaseCommand):
    help = (
        "Create the site's admin account once. Credentials come from "
        "ADMIN_USERNAME / ADMIN_EMAIL / ADMIN_PASSWORD, or are generated and "
        "printed this one time."
    )

    def handle(self, *args, **options):
        env = Env()
        User = get_user_model()
        username = env.str("ADMIN_USERNAME", "admin")
        email = env.str("ADMIN_EMAIL", "admin@localhost.invalid")
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Admin account '{username}' exists; leaving it as it is."
            )
            return
        password = env.str("ADMIN_PASSWORD", "") or secrets.token_urlsafe(12)
        user = User.objects.create_superuser(username, email, password)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        self.stdout.write(
            self.style.WARNING(
                "\n  Admin account created — shown only this once:\n"
                f"    username: {username}\n    password: {password}\n"
                "    sign in at http://127.0.0.1:8000/admin/\n"
            )
        )
