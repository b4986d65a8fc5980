"""The API's request body parser."""

from django.utils.translation import gettext_lazy as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

# No request of ours nests deeper than 2; the limit leaves room and keeps
# every later step (validation, error flattening) far from Python's recursion
# limit.
MAX_JSON_DEPTH = 32

TOO_DEEP = _("The JSON body is nested too deeply (at most %(depth)d levels).")


class JSONParser(parsers.JSONParser):
    """DRF's, refusing deep nesting with a 400.

    JSON nested ~1,000 deep made the decoder raise RecursionError, a 500.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(TOO_DEEP % {"depth": MAX_JSON_DEPTH}) from None
        if json_depth(data) > MAX_JSON_DEPTH:
            raise ParseError(TOO_DEEP % {"depth": MAX_JSON_DEPTH})
        return data


def json_depth(data):
    """How deeply lists and objects nest in `data` (a scalar is 0); no recursion."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = ()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest
