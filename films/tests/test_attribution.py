"""TMDB's terms: the notice in the footer and on the About page."""

import pytest
from django.core.management import call_command

from home.models import StandardPage

NOTICE = (
    "This website uses TMDB and the TMDB APIs but is not endorsed, certified, "
    "or otherwise approved by TMDB."
)

pytestmark = pytest.mark.django_db


def test_the_about_page_and_footer_carry_the_tmdb_notice(client):
    call_command("seed_demo", verbosity=0)
    about = StandardPage.objects.get(slug="about")
    assert NOTICE in str(about.body)
    html = client.get(about.url).content.decode()
    assert html.count("not endorsed, certified, or otherwise approved by TMDB") == 2
