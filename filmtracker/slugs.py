"""Text in any script to an ASCII slug: the one way the site makes addresses and
file names from titles and names.

Transliteration is anyascii's (ISC licence, every Unicode block including CJK,
kana, Hangul, Greek, Arabic, Hebrew, Thai, Georgian, Devanagari and emoji,
table look-ups only): see the README's "Addresses and file names".
"""

import re
import unicodedata

from anyascii import anyascii

# Chinese characters (also Japanese kanji) are each a syllable; anyascii runs
# them together in CamelCase ("WoHuCangLong"), so each becomes its own word.
_IDEOGRAPH = re.compile(
    "([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f])"
)
_APOSTROPHES = re.compile("['\u2018\u2019`\u02bc]")
_NOT_SLUG = re.compile("[^a-z0-9]+")
# Unicode categories spelled by name when a text has nothing else to read
# ("?" -> "question-mark"): punctuation and symbols, never marks or controls.
_NAMED_CATEGORIES = ("P", "S")


def slug_from(text, *, max_length=80, fallback="untitled"):
    """A slug of `text` in lowercase ASCII letters, digits and single hyphens.

    Any script is transliterated ("千と千尋の神隠し" -> "qian-to-qian-xun-no-shen-
    yin-shi", "기생충" -> "gisaengchung"); a text of only symbols is spelled by
    their names ("?" -> "question-mark"). The result is at most `max_length`
    characters, cut at a hyphen where one is near, and `fallback` when
    nothing readable is left (empty or blank text). Never raises for a str.
    """
    text = unicodedata.normalize("NFKC", text or "")
    slug = _slug(_IDEOGRAPH.sub(r" \1 ", text)) or _slug(_symbol_names(text))
    return _truncate(slug, max_length) or fallback


def filename_from(text, *, extension, max_length=60, fallback="file"):
    """A safe file name `<slug>.<extension>` for `text` (see slug_from)."""
    return f"{slug_from(text, max_length=max_length, fallback=fallback)}.{extension}"


def has_latin_letters(text):
    """Whether `text` has a letter of the Latin script (accented ones count)."""
    return any(
        ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")
        for ch in text or ""
    )


def _slug(text):
    ascii_text = _APOSTROPHES.sub("", anyascii(text)).lower()
    return _NOT_SLUG.sub("-", ascii_text).strip("-")


def _symbol_names(text):
    names = []
    for ch in text:
        if unicodedata.category(ch)[0] in _NAMED_CATEGORIES:
            name = unicodedata.name(ch, "")
            if name and (not names or names[-1] != name):
                names.append(name)
    return " ".join(names)


def _truncate(slug, max_length):
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    # Keep whole words unless that would drop more than half of what fits.
    if slug[max_length] != "-" and "-" in cut[max_length // 2 :]:
        cut = cut[: cut.rfind("-")]
    return cut.strip("-")
