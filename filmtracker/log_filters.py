"""Logging filters wired in `LOGGING` (settings/base.py)."""

import logging
import re

# Query-string secrets that libraries may log as part of a URL (urllib3 does,
# on every retry). TMDB's v3 key travels as `api_key=`.
_SECRET_PARAM = re.compile(r"((?:api_key|apikey|access_token)=)[^&\s'\"]+", re.I)


def redact_secrets(text):
    return _SECRET_PARAM.sub(r"\1[redacted]", text)


class RedactSecretsFilter(logging.Filter):
    """Replace secret query parameters in a record before any handler sees it."""

    def filter(self, record):
        message = record.getMessage()
        redacted = redact_secrets(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True
