"""The demo's journal: the Journal page and one article, in English and Russian.

The Russian pages are Wagtail translations of the English ones, as an editor
makes them with "Translate" in the admin. The article features the most
popular demo film (a film card and its live ratings), so that film's page
shows it under "In the journal".
"""

from wagtail.models import Locale

from journal.models import ArticlePage, JournalIndexPage

ARTICLE_SLUG = "where-to-start"
TEXT = {
    "en": {
        "journal": "Journal",
        "journal_intro": "<p>Notes on films from FilmTracker's editors.</p>",
        "title": "Where to start",
        "intro": "One film to begin with, and what our members make of it.",
        "body": (
            "<p>New here? Start with the film our members open most often, then "
            "rate it yourself and see where you stand.</p>"
        ),
        "author": "FilmTracker editors",
    },
    "ru": {
        "journal": "Журнал",
        "journal_intro": "<p>Заметки редакции FilmTracker о кино.</p>",
        "title": "С чего начать",
        "intro": "Один фильм для начала — и что о нём думают наши участники.",
        "body": (
            "<p>Впервые здесь? Начните с фильма, который участники открывают чаще "
            "всего, оцените его сами и сравните с остальными.</p>"
        ),
        "author": "Редакция FilmTracker",
    },
}


def _journal_fill(index, text):
    index.title = text["journal"]
    index.intro = text["journal_intro"]
    index.show_in_menus = True  # the home page links to it
    index.save_revision().publish()


def _article_fill(article, text, film):
    article.title = text["title"]
    article.intro = text["intro"]
    article.author = text["author"]
    body = [("paragraph", text["body"])]
    if film is not None:
        body += [("film", {"film": film}), ("ratings", {"film": film})]
    article.body = body
    article.save_revision().publish()


def demo_journal_upsert(home, featured):
    """The journal under `home` (English) with its article, in every language.

    `featured` films, most popular first; the article features the first.
    Pages that exist keep what editors wrote; only missing ones are made.
    """
    index = JournalIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=JournalIndexPage(title="Journal", slug="journal", live=False)
        )
        _journal_fill(index, TEXT["en"])
    article = ArticlePage.objects.child_of(index).filter(slug=ARTICLE_SLUG).first()
    film = featured[0] if featured else None
    if article is None:
        article = index.add_child(
            instance=ArticlePage(title="Where to start", slug=ARTICLE_SLUG, live=False)
        )
        _article_fill(article, TEXT["en"], film)
    for language, text in TEXT.items():
        locale, _ = Locale.objects.get_or_create(language_code=language)
        if locale.pk == index.locale_id:
            continue
        if index.get_translation_or_none(locale) is None:
            _journal_fill(index.copy_for_translation(locale), text)
        if article.get_translation_or_none(locale) is None:
            _article_fill(article.copy_for_translation(locale), text, film)
    return index
