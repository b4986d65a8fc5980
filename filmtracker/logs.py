"""Structured logging: the current request's id on every record, JSON lines.

RequestIDMiddleware puts the id in `request_id_var`; RequestIDFilter copies it
onto each log record (a contextvar, so threads and async tasks each see their
own request); JsonFormatter writes one JSON object per line.
"""

import contextvars
import logging

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

# "-" outside a request (management commands, start-up).
request_id_var = contextvars.ContextVar("request_id", default="-")


class RequestIDFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(_JsonFormatter):
    """`{"time", "level", "logger", "message", "request_id", ...extra}` per line."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "fmt", ["asctime", "levelname", "name", "message", "request_id"]
        )
        kwargs.setdefault(
            "rename_fields",
            {"asctime": "time", "levelname": "level", "name": "logger"},
        )
        super().__init__(*args, **kwargs)
