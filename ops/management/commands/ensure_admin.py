from django.conf import settings
from django.core.management.base import BaseCommand

from ops.services import admin_ensure


class Command(BaseCommand):
    help = (
        "Create the site's admin account, or apply ADMIN_PASSWORD to it, and "
        "print how to sign in. Credentials come from ADMIN_USERNAME / "
        "ADMIN_EMAIL / ADMIN_PASSWORD; an unset password is generated and "
        "printed the one time the account is created."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="The site's address, as printed (default WAGTAILADMIN_BASE_URL).",
        )

    def handle(self, *args, url, **options):
        result = admin_ensure(
            username=settings.ADMIN_USERNAME,
            email=settings.ADMIN_EMAIL,
            password=settings.ADMIN_PASSWORD,
        )
        self.stdout.write(self.style.WARNING(result.sign_in_text(url=url)))
