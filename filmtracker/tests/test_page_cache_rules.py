"""What the page cache refuses to store or serve."""

import pytest
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template import engines
from django.template.response import SimpleTemplateResponse
from django.test import RequestFactory

from filmtracker.page_cache import HEADER, cache_public_page


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _view(uses_csrf=False, sets_cookie=False):
    @cache_public_page(films_from=lambda response: [])
    def view(request):
        token = get_token(request) if uses_csrf else ""
        response = SimpleTemplateResponse(
            engines["django"].from_string("page {{ token }}"), {"token": token}
        )
        if sets_cookie:
            response.set_cookie("flavour", "x")
        return response

    return view


def _twice(view, **extra):
    rf = RequestFactory()
    return [view(rf.get("/page/", **extra)) for _ in range(2)]


def test_a_clean_anonymous_page_is_stored_then_served():
    first, second = _twice(_view())
    assert (first[HEADER], second[HEADER]) == ("miss", "hit")


def test_a_page_that_used_a_csrf_token_is_never_stored():
    first, second = _twice(_view(uses_csrf=True))
    assert HEADER not in first and HEADER not in second
    assert first.content != second.content  # each visitor has their own token


def test_a_page_that_sets_a_cookie_is_never_stored():
    assert [HEADER in r for r in _twice(_view(sets_cookie=True))] == [False, False]


def test_requests_with_a_session_or_credentials_bypass_the_cache():
    view = _view()
    _twice(view)  # stored for anonymous visitors
    rf = RequestFactory()
    with_session = rf.get("/page/")
    with_session.COOKIES["sessionid"] = "abc"
    assert HEADER not in view(with_session)
    assert HEADER not in view(rf.get("/page/", HTTP_AUTHORIZATION="Bearer x"))
    assert HEADER not in view(rf.post("/page/"))


def test_the_query_and_the_language_are_in_the_key():
    view = _view()
    rf = RequestFactory()
    assert view(rf.get("/page/", {"q": "a"}))[HEADER] == "miss"
    assert view(rf.get("/page/", {"q": "b"}))[HEADER] == "miss"
    assert view(rf.get("/page/", {"q": "a"}))[HEADER] == "hit"
    from django.utils import translation

    with translation.override("ru"):
        assert view(rf.get("/page/", {"q": "a"}))[HEADER] == "miss"
