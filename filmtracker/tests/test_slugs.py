"""slug_from / filename_from: any script in, a bounded ASCII slug out, never empty."""

import re

import pytest

from filmtracker.slugs import filename_from, slug_from

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("千と千尋の神隠し", "qian-to-qian-xun-no-shen-yin-shi"),  # Japanese
        ("となりのトトロ", "tonarinototoro"),  # kana only
        ("기생충", "gisaengchung"),  # Korean
        ("Ο Θίασος", "o-thiasos"),  # Greek
        ("ואלס עם באשיר", "vls-m-vsyr"),  # Hebrew
        ("وجدة", "wjdh"),  # Arabic
        ("ลุงบุญมีระลึกชาติ", "lungbuymiraluekchati"),  # Thai
        ("ვედრება", "vedreba"),  # Georgian
        ("卧虎藏龙", "wo-hu-cang-long"),  # Chinese, simplified
        ("霸王別姬", "ba-wang-bie-ji"),  # Chinese, traditional
        ("Сталкер", "stalker"),  # Russian
        ("शोले", "sole"),  # Hindi (Devanagari)
        ("Նռան գույնը", "nrran-gowyny"),  # Armenian
        ("পথের পাঁচালী", "pther-pamcali"),  # Bengali
        ("Le Fabuleux Destin d'Amélie Poulain", "le-fabuleux-destin-damelie-poulain"),
        ("Face/Off", "face-off"),
    ],
)
def test_any_script_is_spelled_in_ascii(text, slug):
    assert slug_from(text) == slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("?", "question-mark"),
        ("!!!", "exclamation-mark"),
        ("★", "black-star"),
        ("😀🎬", "grinning-clapper"),
        ("\u200fואלס עם באשיר\u200f", "vls-m-vsyr"),  # right-to-left marks
        ("\u202bوجدة\u202c", "wjdh"),  # right-to-left embedding
    ],
)
def test_symbols_emoji_and_direction_marks_read_as_words(text, slug):
    assert slug_from(text) == slug


@pytest.mark.parametrize("text", ["", "   ", "\u200f\u200e", "\u0301", None])
def test_nothing_readable_gives_the_fallback(text):
    assert slug_from(text) == "untitled"
    assert slug_from(text, fallback="genre") == "genre"


@pytest.mark.parametrize(
    "text", ["x" * 1000, "word " * 300, "千" * 1000, "기생충 " * 400, "😀" * 1000]
)
def test_long_text_is_cut_to_max_length_on_a_word(text):
    slug = slug_from(text, max_length=80)
    assert 0 < len(slug) <= 80
    assert SLUG.fullmatch(slug)
    if "-" in slug_from(text, max_length=10_000):
        assert slug_from(text, max_length=10_000).startswith(slug + "-")


def test_file_names_use_the_same_slugs():
    assert filename_from("千と千尋の神隠し", extension="jpg") == (
        "qian-to-qian-xun-no-shen-yin-shi.jpg"
    )
    assert filename_from("", extension="png") == "file.png"
    assert len(filename_from("x" * 1000, extension="webp")) <= 65
