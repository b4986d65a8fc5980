"""The editors' "Featured list" block: public lists only, posters without N+1."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from home.models import HomePage
from lists.blocks import FeaturedListBlock
from lists.bulk import list_entries_append
from lists.services import list_update

from .conftest import bulk_films

pytestmark = pytest.mark.django_db


def publish_home(film_list, limit=12):
    home = HomePage.objects.get()
    home.body = [
        (
            "featured_list",
            {"film_list": film_list, "heading": "", "limit": limit},
        )
    ]
    home.save_revision().publish()


def featured_section(client):
    html = client.get("/").content.decode()
    if 'data-testid="featured-list"' not in html:
        return ""
    return html.split('data-testid="featured-list"', 1)[1].split("</section>", 1)[0]


def test_home_shows_the_list_in_order_and_follows_its_changes(member, films, make_list):
    film_list = make_list(films[:3], title="Editors love this")
    publish_home(film_list, limit=2)
    client = Client()
    section = featured_section(client)
    assert "Editors love this" in section
    assert section.index("Film 1") < section.index("Film 2")
    assert "Film 3" not in section
    list_update(user=member, list_id=film_list.pk, title="Renamed list")
    assert "Renamed list" in featured_section(client)  # the cached page went stale
    list_update(user=member, list_id=film_list.pk, visibility="private")
    assert featured_section(client) == ""


def test_a_private_list_cannot_be_chosen(make_list):
    block = FeaturedListBlock()
    value = block.to_python(
        {"film_list": make_list(visibility="private").pk, "heading": "", "limit": 3}
    )
    with pytest.raises((StructBlockValidationError, StreamBlockValidationError)):
        block.clean(value)


def test_the_block_costs_the_same_queries_at_5_and_40_films(member, make_list):
    counts = []
    for size in (5, 40):
        film_list = make_list(bulk_films(size, prefix=f"B{size}"), title=f"L{size}")
        publish_home(film_list, limit=48)
        client = Client()
        client.get("/", {"warm": "up"})  # first-request work, not the block's
        with CaptureQueriesContext(connection) as queries:
            assert featured_section(client)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_standard_pages_and_articles_take_the_block():
    from home.blocks import StandardSectionsBlock
    from journal.blocks import ArticleBodyBlock

    assert "featured_list" in StandardSectionsBlock.base_blocks
    assert "film_list" in ArticleBodyBlock.base_blocks


def test_the_chooser_offers_public_lists_only(client, make_list):
    from accounts.factories import SuperuserFactory

    make_list(title="Shown list")
    make_list(title="Hidden list", visibility="private")
    make_list(title="Link list", visibility="unlisted")
    client.force_login(SuperuserFactory())
    html = client.get("/admin/list_chooser/").content.decode()
    assert "Shown list" in html
    assert "Hidden list" not in html and "Link list" not in html


def test_appending_to_a_featured_list_shows_the_new_film(member, films, make_list):
    film_list = make_list(films[:1])
    publish_home(film_list)
    client = Client()
    assert "Film 2" not in featured_section(client)
    list_entries_append(user=member, list_id=film_list.pk, films=[(films[1], "")])
    assert "Film 2" in featured_section(client)


def test_a_ranked_list_is_numbered_an_unranked_one_is_not(member, films, make_list):
    film_list = make_list(films[:3], title="Top three")
    publish_home(film_list, limit=3)
    client = Client()
    section = featured_section(client)
    assert "<ul" in section and "<ol" not in section
    assert 'data-testid="film-rank"' not in section
    list_update(user=member, list_id=film_list.pk, ranked=True)
    section = featured_section(client)
    assert "<ol" in section
    # Each number is read before its film, and shown over its poster.
    for rank, title in enumerate(("Film 1", "Film 2", "Film 3"), start=1):
        hidden = f'<span class="visually-hidden">{rank}. </span>'
        assert section.index(hidden) < section.index(title)
    assert section.count('data-testid="film-rank"') == 3
