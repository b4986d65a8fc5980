import xml.etree.ElementTree as ET
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from films.factories import FilmFactory
from home.models import HomePage, StandardPage
from reviews.factories import UserFilmFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(response):
    assert response.status_code == 200, response.status_code
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    return {
        el.findtext("sm:loc", namespaces=NS): el.findtext("sm:lastmod", namespaces=NS)
        for el in root
    }


def paths(response):
    # Wagtail's pages carry their Site's host, the other sections the request's.
    return {urlunsplit(("", "", *urlsplit(loc)[2:])) for loc in locations(response)}


@pytest.fixture
def pages():
    home = HomePage.objects.get()
    about = home.add_child(instance=StandardPage(title="About", slug="about"))
    about.save_revision().publish()
    draft = StandardPage(title="Draft", slug="draft", live=False)
    home.add_child(instance=draft)
    secret = home.add_child(instance=StandardPage(title="Secret", slug="secret"))
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return {"about": about, "draft": draft, "secret": secret}


def test_index_names_every_section_with_its_latest_change(client):
    FilmFactory()
    UserFactory()
    found = paths(client.get("/sitemap.xml"))
    assert found == {
        "/sitemap-pages.xml",
        "/sitemap-films.xml",
        "/sitemap-members.xml",
        "/sitemap-lists.xml",
    }
    lastmods = locations(client.get("/sitemap.xml"))
    assert lastmods["http://testserver/sitemap-films.xml"]
    assert lastmods["http://testserver/sitemap-members.xml"]


def test_pages_section_lists_live_public_pages_only(client, pages):
    found = paths(client.get("/sitemap-pages.xml"))
    assert "/about/" in found
    assert "/" in found
    assert "/draft/" not in found
    assert "/secret/" not in found


def test_films_section_lists_every_film_with_lastmod(client):
    films = FilmFactory.create_batch(3)
    found = locations(client.get("/sitemap-films.xml"))
    assert {urlsplit(loc).path for loc in found} == {
        film.get_absolute_url() for film in films
    }
    assert all(found.values())


def test_members_section_leaves_out_deactivated_members(client):
    kept = UserFactory(username="kept")
    UserFilmFactory(user=kept)
    UserFactory(username="gone", is_active=False)
    found = paths(client.get("/sitemap-members.xml"))
    assert found == {"/users/kept/"}


def test_sections_cost_the_same_queries_for_more_rows(client):
    def cost(url):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    def publish_page(n):
        page = StandardPage(title=f"Page {n}", slug=f"page-{n}")
        HomePage.objects.get().add_child(instance=page)
        page.save_revision().publish()

    FilmFactory()
    UserFilmFactory()
    publish_page(0)
    urls = [
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/sitemap-films.xml",
        "/sitemap-members.xml",
    ]
    before = [cost(url) for url in urls]
    for n in range(1, 6):
        UserFilmFactory()
        publish_page(n)
    from django.core.cache import cache

    cache.clear()
    assert [cost(url) for url in urls] == before


def test_big_sections_are_split_into_pages(client, monkeypatch):
    from seo.sitemaps import FilmSitemap

    monkeypatch.setattr(FilmSitemap, "limit", 2)
    FilmFactory.create_batch(5)
    found = paths(client.get("/sitemap.xml"))
    pages = {f"/sitemap-films.xml{p}" for p in ("", "?p=2", "?p=3")}
    assert pages <= found
    assert len(locations(client.get("/sitemap-films.xml?p=3"))) == 1


def test_sitemap_is_cached_until_the_catalogue_changes(client):
    FilmFactory(title="Before")
    client.get("/sitemap-films.xml")
    assert client.get("/sitemap-films.xml")["X-Page-Cache"] == "hit"
    film = FilmFactory(title="After")
    response = client.get("/sitemap-films.xml")
    assert response["X-Page-Cache"] == "miss"
    assert film.get_absolute_url() in response.content.decode()


def test_robots_disallows_private_areas_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for area in ("/admin/", "/accounts/", "/api/docs/"):
        assert f"Disallow: {area}" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "max-age" in response["Cache-Control"]


def test_row_sections_spell_addresses_as_reverse_does(client):
    from seo.urlset import url_maker

    profile_path = url_maker("accounts:profile")
    for username in ("anna", "анна", "a.b+c@d", "x_y-z"):
        assert profile_path(username) == reverse("accounts:profile", args=[username])
    UserFactory(username="анна")
    UserFactory(username="a.b+c@d")
    found = paths(client.get("/sitemap-members.xml"))
    assert found == {
        reverse("accounts:profile", args=["анна"]),
        reverse("accounts:profile", args=["a.b+c@d"]),
    }


def test_a_page_past_the_end_or_not_a_number_is_not_found(client):
    FilmFactory()
    assert len(locations(client.get("/sitemap-films.xml?p=1"))) == 1
    for page in ("2", "0", "-1", "x", "١"):
        response = client.get(f"/sitemap-films.xml?p={page}")
        assert response.status_code == 404, page
    response = client.get("/sitemap-films.xml")
    assert response["Content-Type"] == "application/xml"
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
