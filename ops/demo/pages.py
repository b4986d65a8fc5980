"""The demo's editors' pages: the home page with featured films, and About."""

from wagtail.models import Page

from home.models import HomePage, StandardPage

ABOUT_BODY = (
    "<p>FilmTracker is a self-hosted film site: search films, rate and review "
    "them, and keep track of what you want to watch.</p>"
    "<p>This website uses TMDB and the TMDB APIs but is not endorsed, certified, "
    "or otherwise approved by TMDB.</p>"
)


def demo_pages_upsert(featured):
    """The home page (featuring `featured` films) and About, once."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="FilmTracker", slug="home"))
    if not any(block.block_type == "featured_films" for block in home.body):
        home.body = [
            ("featured_films", {"heading": "Featured films", "films": featured})
        ]
        home.save_revision().publish()
    if not StandardPage.objects.child_of(home).filter(slug="about").exists():
        home.add_child(
            instance=StandardPage(
                title="About FilmTracker",
                slug="about",
                show_in_menus=True,  # the home page links to it
                intro="What this site is, and where its data comes from.",
                body=ABOUT_BODY,
            )
        )
    return home
