from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "films"
    verbose_name = "Films"

    def ready(self):
        from . import invalidation

        invalidation.connect()
