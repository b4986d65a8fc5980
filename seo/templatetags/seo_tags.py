import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# What would end a <script> element or start an HTML comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address without its query string, absolute; "" without a request."""
    request = context.get("request")
    return request.build_absolute_uri(request.path) if request else ""


@register.filter
def ld_json(data):
    """`data` (JSON-ready) as a schema.org JSON-LD block.

    A data block, not a script: browsers never run it, so a strict
    Content-Security-Policy does not need to allow it.
    """
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above
