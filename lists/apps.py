from django.apps import AppConfig


class ListsConfig(AppConfig):
    name = "lists"
    verbose_name = "Lists"

    def ready(self):
        from exports import hooks

        from . import exports, invalidation

        invalidation.connect()
        # Lists go into the member's exports; exports knows nothing of lists.
        hooks.register_full_export_section("lists", exports.member_lists_for_export)
        hooks.register_letterboxd_files(exports.member_list_files)
