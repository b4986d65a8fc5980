"""Local development: DEBUG on; the debug toolbar only when DEBUG_TOOLBAR=true."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, MIDDLEWARE, env

DEBUG = env.bool("DEBUG", True)
INTERNAL_IPS = ["127.0.0.1"]

# Off by default: expanded, it covered most of a phone's screen and took the
# tap meant for the menu button. Asked for, it starts as a collapsed handle.
DEBUG_TOOLBAR_ENABLED = env.bool("DEBUG_TOOLBAR", False)
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
