"""How titles and queries are spelled for search: one normalisation for both.

The search index holds each film's titles in these spellings (see
`Film.search_title_text`), and every query is normalised the same way before it
reaches the search backend, so the database never sees punctuation, operators
or accents and both sides agree on every word:

- case folded, accents dropped (`Amélie` → `amelie`), `ё` → `е` (but `й` kept:
  it is a letter of its own in Russian);
- apostrophes joined (`Schindler's` → `schindlers`), other punctuation a space;
- each title is also indexed with all punctuation as a space (`d'Amélie` →
  `d amelie`) and with none (`WALL·E` → `walle`, `M*A*S*H` → `mash`,
  `Spider-Man` → `spiderman`), so any of those spellings in a query matches.
"""

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’‘ʼ`´"
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")
# Neither a letter, a digit nor a space (`_` is a word character to `\w`).
_PUNCTUATION = re.compile(r"[^\w\s]|_")
# Kept whole: NFKD would split them into a base letter and a mark we drop.
_KEEP = {"й": "й", "Й": "й"}
_FOLD = {"ё": "е", "Ё": "е"}


def _letters(text):
    """Case-folded characters without accents; punctuation left as it is."""
    if text.isascii():
        return text.lower()  # most titles: no need to look at each character
    out = []
    for ch in text:
        if ch in _KEEP or ch in _FOLD:
            out.append(_KEEP.get(ch) or _FOLD[ch])
            continue
        for part in unicodedata.normalize("NFKD", ch):
            if not unicodedata.combining(part):
                out.append(part.casefold())
    return "".join(out)


def _spell(text, *, apostrophe, other):
    """Letters, digits and spaces kept; apostrophes and other characters replaced."""
    text = _APOSTROPHE.sub(apostrophe, _letters(text))
    return " ".join(_PUNCTUATION.sub(other, text).split())


def normalise(text):
    """The query spelling: `"Schindler's  LIST!"` → `"schindlers list"`; may be ""."""
    return _spell(text or "", apostrophe="", other=" ")


@lru_cache(maxsize=65536)  # the ranking asks again for the same popular titles
def title_variants(title):
    """The spellings a title is indexed under, the query spelling first (a tuple)."""
    variants = [
        normalise(title),
        _spell(title or "", apostrophe=" ", other=" "),
        _spell(title or "", apostrophe="", other=""),
    ]
    return tuple(v for v in dict.fromkeys(variants) if v)


def titles_variants(titles):
    """Every spelling of every title, each once, in order."""
    return list(dict.fromkeys(v for t in titles for v in title_variants(t)))
