from django.apps import AppConfig


class ListsConfig(AppConfig):
    name = "lists"
    verbose_name = "Lists"

    def ready(self):
        from . import invalidation

        invalidation.connect()
