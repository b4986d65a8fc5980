"""Local development: DEBUG on, debug toolbar when installed."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, MIDDLEWARE, env

DEBUG = env.bool("DEBUG", True)
INTERNAL_IPS = ["127.0.0.1"]

try:
    import debug_toolbar  # noqa: F401
except ImportError:  # the runtime-only install has no toolbar
    pass
else:
    if env.bool("DEBUG_TOOLBAR", True):
        INSTALLED_APPS = [*INSTALLED_APPS, "debug_toolbar"]
        # As early as possible, but after the middleware that compresses
        # responses (the toolbar must see the page before it is gzipped).
        _after = MIDDLEWARE.index("filmtracker.delivery.CompressionMiddleware") + 1
        MIDDLEWARE = [
            *MIDDLEWARE[:_after],
            "debug_toolbar.middleware.DebugToolbarMiddleware",
            *MIDDLEWARE[_after:],
        ]
