"""Logging: filters that redact secrets and add the request id."""

from .environment import env

LOG_LEVEL = env.str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # urllib3 logs request URLs on retries; a TMDB v3 api_key would be in one.
        "redact_secrets": {"()": "filmtracker.log_filters.RedactSecretsFilter"},
        "request_id": {"()": "filmtracker.logs.RequestIDFilter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact_secrets", "request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # urllib3 logs full request URLs; TMDB's api_key could be in one.
        "urllib3": {"level": "WARNING"},
        # One line per background task (search index, references) is noise.
        "django_tasks": {"level": "WARNING"},
        # One line per request; runserver already prints its own in development.
        "filmtracker.request": {"level": "WARNING"},
    },
}
