"""NUL in any path parameter of any route is a 404, never a database error.

PostgreSQL refuses NUL in text, so run this on PostgreSQL (DATABASE_URL) too:
`/users/a%00b/` was a 500 there.
"""

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

NUL = "a\x00b"


def named_routes(resolver=None, namespace=""):
    """(reverse name, path parameter names) of every named route."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}{pattern.namespace}:"
            yield from named_routes(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", list(pattern.pattern.regex.groupindex)


def urls_with_nul():
    """Every route and parameter that can carry NUL, as a URL with one there."""
    urls = set()
    for name, params in named_routes():
        for param in params:
            kwargs = dict.fromkeys(params, "1") | {param: NUL}
            try:
                urls.add(reverse(name, kwargs=kwargs))
            except NoReverseMatch:
                continue  # the route's converter refuses NUL already
    return sorted(urls)


URLS = urls_with_nul()


def test_the_routes_that_take_text_are_found():
    assert "/users/a%00b/" in URLS
    assert len(URLS) > 10


@pytest.mark.parametrize("url", URLS)
def test_nul_in_a_path_parameter_is_a_404(client, url):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(url)
    assert response.status_code == 404, url
    if url.startswith("/api/"):
        assert response.json()["code"] == "not_found"


def test_nul_elsewhere_in_the_path_is_a_404_too(client):
    assert client.get("/a%00b/").status_code == 404
    assert client.get("/films/%00/").status_code == 404
