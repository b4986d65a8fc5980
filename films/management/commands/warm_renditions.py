from django.core.management.base import BaseCommand

from films.renditions import poster_renditions_warm


class Command(BaseCommand):
    help = "Make the poster renditions listings use, so no page view has to."

    def handle(self, *args, **options):
        made = poster_renditions_warm()
        self.stdout.write(f"{made} renditions made.")
