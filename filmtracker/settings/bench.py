"""`make bench`: production settings, plus the benchmark's command (bench/)."""

from .production import *  # noqa: F403
from .production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
