"""What the page cache middleware refuses to store or serve."""

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.template.response import SimpleTemplateResponse
from django.test import RequestFactory

from filmtracker.page_cache import (
    HEADER,
    PageCacheMiddleware,
    cache_public_page,
    pages_changed,
)


def _site(uses_csrf=False, sets_cookie=False, marked=True, pages=False):
    """A one-view site: the view behind the page cache middleware."""

    def view(request):
        token = get_token(request) if uses_csrf else ""
        response = SimpleTemplateResponse(
            engines["django"].from_string("page {{ token }}"), {"token": token}
        )
        response.render()  # the handler would, before the middleware sees it
        response["Content-Language"] = "en"  # as lower middleware would add
        if sets_cookie:
            response.set_cookie("flavour", "x")
        return response

    if marked:
        view = cache_public_page(films_from=lambda response: [], pages=pages)(view)
    return PageCacheMiddleware(view)


def _twice(site, **extra):
    rf = RequestFactory()
    return [site(rf.get("/page/", **extra)) for _ in range(2)]


def test_a_clean_anonymous_page_is_stored_then_served_with_its_headers():
    first, second = _twice(_site())
    assert (first[HEADER], second[HEADER]) == ("miss", "hit")
    assert second.content == first.content == b"page "
    assert second["Content-Language"] == "en"


def test_a_page_its_view_did_not_mark_is_never_stored():
    first, second = _twice(_site(marked=False))
    assert HEADER not in first and HEADER not in second


def test_a_page_that_used_a_csrf_token_is_never_stored():
    first, second = _twice(_site(uses_csrf=True))
    assert HEADER not in first and HEADER not in second
    assert first.content != second.content  # each visitor has their own token


def test_a_page_that_sets_a_cookie_is_never_stored():
    assert [HEADER in r for r in _twice(_site(sets_cookie=True))] == [False, False]


def test_an_error_page_is_never_stored():
    site = PageCacheMiddleware(
        cache_public_page(films_from=lambda response: [])(
            lambda request: HttpResponse("gone", status=404)
        )
    )
    assert [HEADER in r for r in _twice(site)] == [False, False]


def test_requests_with_a_session_or_credentials_bypass_the_cache():
    site = _site()
    _twice(site)  # stored for anonymous visitors
    rf = RequestFactory()
    with_session = rf.get("/page/")
    with_session.COOKIES["sessionid"] = "abc"
    assert HEADER not in site(with_session)
    assert HEADER not in site(rf.get("/page/", HTTP_AUTHORIZATION="Bearer x"))
    assert HEADER not in site(rf.post("/page/"))


def test_the_query_and_the_language_are_in_the_key():
    site = _site()
    rf = RequestFactory()
    assert site(rf.get("/page/", {"q": "a"}))[HEADER] == "miss"
    assert site(rf.get("/page/", {"q": "b"}))[HEADER] == "miss"
    assert site(rf.get("/page/", {"q": "a"}))[HEADER] == "hit"
    russian = rf.get("/page/", {"q": "a"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert site(russian)[HEADER] == "miss"
    assert site(rf.get("/page/", {"q": "a"}, HTTP_ACCEPT_LANGUAGE="ru"))[HEADER] == (
        "hit"
    )


@pytest.mark.django_db
def test_pages_built_from_editors_content_go_when_an_editor_publishes():
    from_pages, plain = _site(pages=True), _site()
    rf = RequestFactory()
    from_pages(rf.get("/home/"))
    plain(rf.get("/other/"))
    pages_changed()
    assert from_pages(rf.get("/home/"))[HEADER] == "miss"
    assert plain(rf.get("/other/"))[HEADER] == "hit"
