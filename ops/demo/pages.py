"""The demo's editors' pages, in English and Russian: home (with featured films),
About and the journal (ops/demo/journal.py). The Russian pages are Wagtail
translations of the English ones (wagtail.contrib.simple_translation makes the
same copies in the admin)."""

from wagtail.models import Locale, Page

from home.models import HomePage, StandardPage

from .journal import demo_journal_upsert

TEXT = {
    "en": {
        "home_title": "FilmTracker",
        "intro": "<p>Find films, rate them and see what other members think.</p>",
        "featured": "Featured films",
        "about_title": "About FilmTracker",
        "about_intro": "What this site is, and where its data comes from.",
        "about_body": (
            "<p>FilmTracker is a self-hosted film site: search films, rate and "
            "review them, and keep track of what you want to watch.</p>"
            "<p>This website uses TMDB and the TMDB APIs but is not endorsed, "
            "certified, or otherwise approved by TMDB.</p>"
        ),
    },
    "ru": {
        "home_title": "FilmTracker",
        "intro": (
            "<p>Находите фильмы, оценивайте их и узнавайте, что думают другие "
            "участники.</p>"
        ),
        "featured": "Избранные фильмы",
        "about_title": "О FilmTracker",
        "about_intro": "Что это за сайт и откуда берутся его данные.",
        "about_body": (
            "<p>FilmTracker — сайт о кино, который можно развернуть у себя: "
            "ищите фильмы, оценивайте их, пишите рецензии и отмечайте, что "
            "хотите посмотреть.</p>"
            "<p>Этот сайт использует TMDB и API TMDB, но не одобрен, не "
            "сертифицирован и иным образом не утверждён TMDB.</p>"
        ),
    },
}


def _home_fill(home, text, featured):
    home.title = text["home_title"]
    home.intro = text["intro"]
    home.body = [("featured_films", {"heading": text["featured"], "films": featured})]
    home.save_revision().publish()


def _about_fill(about, text):
    about.title = text["about_title"]
    about.intro = text["about_intro"]
    about.body = text["about_body"]
    about.show_in_menus = True  # the home page links to it
    about.save_revision().publish()


def demo_pages_upsert(featured):
    """The home page (featuring `featured` films) and About, in every language.

    Pages that exist keep what editors wrote; only missing ones are made.
    """
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="FilmTracker", slug="home"))
    # The site root's migration makes a bare home page: give it the demo's.
    if not any(block.block_type == "featured_films" for block in home.body):
        _home_fill(home, TEXT["en"], featured)
    about = StandardPage.objects.child_of(home).filter(slug="about").first()
    if about is None:
        about = home.add_child(instance=StandardPage(title="About", slug="about"))
        _about_fill(about, TEXT["en"])
    for language, text in TEXT.items():
        locale, _ = Locale.objects.get_or_create(language_code=language)
        if locale.pk == home.locale_id:
            continue
        if home.get_translation_or_none(locale) is None:
            _home_fill(home.copy_for_translation(locale), text, featured)
        if about.get_translation_or_none(locale) is None:
            _about_fill(about.copy_for_translation(locale), text)
    demo_journal_upsert(home, featured)
    return home
