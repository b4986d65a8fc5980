"""Editors' page changes invalidate the cached pages built from them."""

from wagtail.signals import page_published, page_unpublished, post_page_move

from filmtracker.page_cache import pages_changed


def _pages_changed(**kwargs):
    pages_changed()


def connect():
    # Unpublishing also covers deleting a live page.
    for name, signal in (
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("moved", post_page_move),
    ):
        signal.connect(_pages_changed, dispatch_uid=f"home.pages_changed.{name}")
