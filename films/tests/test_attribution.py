"""TMDB's terms: the notice in the footer and on the About page."""

import pytest
from wagtail.models import Locale

from home.models import StandardPage
from ops.demo import demo_pages_upsert

NOTICE = (
    "This website uses TMDB and the TMDB APIs but is not endorsed, certified, "
    "or otherwise approved by TMDB."
)

pytestmark = pytest.mark.django_db


def test_the_about_page_and_footer_carry_the_tmdb_notice(client):
    demo_pages_upsert([])  # the demo's page tree, without its 64 films
    about = StandardPage.objects.get(slug="about", locale=Locale.get_default())
    assert NOTICE in str(about.body)
    html = client.get(about.url).content.decode()
    assert html.count("not endorsed, certified, or otherwise approved by TMDB") == 2
