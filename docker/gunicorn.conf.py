"""Gunicorn settings for the container and Render, tuned from the environment.

Workers are processes (memory), threads serve slow clients within a worker;
nginx in front buffers requests and responses, as gunicorn's docs require.
"""

from environs import Env

env = Env()

bind = f"0.0.0.0:{env.int('PORT', 8000)}"
# WEB_CONCURRENCY is the variable PaaS hosts (Render, Heroku) set.
workers = env.int("GUNICORN_WORKERS", env.int("WEB_CONCURRENCY", 2))
threads = env.int("GUNICORN_THREADS", 4)  # > 1 selects the gthread worker
timeout = env.int("GUNICORN_TIMEOUT", 30)
graceful_timeout = env.int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = env.int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then, so a slow leak never takes the site down.
max_requests = env.int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max(1, max_requests // 10)
# The heartbeat file on tmpfs: a disk-backed /tmp can stall workers (see
# gunicorn's "Blocking OS calls" FAQ).
worker_tmp_dir = "/dev/shm"  # noqa: S108 - a private tmpfs in the container
# No runtime control socket: the image's home directory is read-only.
control_socket_disable = True
# Django logs each request with its id (filmtracker.request); gunicorn's own
# messages go to stdout as JSON lines too.
accesslog = None
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "filmtracker.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "loggers": {
        "gunicorn.error": {
            "level": env.str("LOG_LEVEL", "INFO"),
            "handlers": ["console"],
            "propagate": False,
        },
    },
}
