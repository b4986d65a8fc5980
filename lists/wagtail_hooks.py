from wagtail import hooks

from .admin_chooser import list_chooser_viewset


@hooks.register("register_admin_viewset")
def register_list_chooser():
    return list_chooser_viewset
