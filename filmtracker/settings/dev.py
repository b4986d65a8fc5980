"""Local development: DEBUG on; the debug toolbar only when DEBUG_TOOLBAR=true."""

from .base import *  # noqa: F403
from .base import DEBUG_GIVEN, DEBUG_TOOLBAR_ENABLED, INSTALLED_APPS, MIDDLEWARE

DEBUG = True if DEBUG_GIVEN is None else DEBUG_GIVEN
INTERNAL_IPS = ["127.0.0.1"]

# DEBUG_TOOLBAR_ENABLED is off by default: expanded, the toolbar covered most
# of a phone's screen and took the tap meant for the menu button. Asked for, it
# starts as a collapsed handle.
DEBUG_TOOLBAR_CONFIG = {"SHOW_COLLAPSED": True}

try:
    import debug_toolbar  # noqa: F401
except ImportError:  # the runtime-only install has no toolbar
    pass
else:
    if DEBUG_TOOLBAR_ENABLED:
        INSTALLED_APPS = [*INSTALLED_APPS, "debug_toolbar"]
        # As early as possible, but after the middleware that compresses
        # responses (the toolbar must see the page before it is gzipped).
        _after = MIDDLEWARE.index("filmtracker.delivery.CompressionMiddleware") + 1
        MIDDLEWARE = [
            *MIDDLEWARE[:_after],
            "debug_toolbar.middleware.DebugToolbarMiddleware",
            *MIDDLEWARE[_after:],
        ]
