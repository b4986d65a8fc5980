"""`make bench`: production settings, plus the benchmark's command (bench/)."""

import copy

from .production import *  # noqa: F403
from .production import INSTALLED_APPS, LOGGING

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
# Production logs one line per request; under wrk that is a hundred thousand
# lines burying the benchmark's table.
LOGGING = copy.deepcopy(LOGGING)
LOGGING["loggers"]["filmtracker.request"]["level"] = "WARNING"
