import csv
import io

import pytest

from exports.csv_cells import SafeWriter, cell_escape, cell_unescape


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_gets_an_apostrophe(start):
    text = f'{start}HYPERLINK("http://x")'
    assert cell_escape(text) == "'" + text
    assert cell_unescape(cell_escape(text)) == text


@pytest.mark.parametrize(
    "value", ["Film", "'Round Midnight", "1999", "x=1", "Ирония судьбы", " =x"]
)
def test_other_cells_are_kept(value):
    assert cell_escape(value) == value
    assert cell_unescape(value) == value


def test_none_is_empty_and_numbers_are_text():
    assert cell_escape(None) == ""
    assert cell_escape(7) == "7"


@pytest.mark.parametrize("text", ["'=x", "''-1", "'@home"])
def test_apostrophes_before_a_formula_start_survive_a_round_trip(text):
    # Else "'=x" would read back as "=x", like an escaped "=x".
    assert cell_escape(text) == "'" + text
    assert cell_unescape(cell_escape(text)) == text


def test_the_writer_quotes_and_escapes_every_cell():
    stream = io.StringIO(newline="")
    SafeWriter(stream).writerow(["=1+1", 'say "hi", twice', "line\nbreak", None, 4])
    assert stream.getvalue() == ('\'=1+1,"say ""hi"", twice","line\nbreak",,4\r\n')
    row = next(csv.reader(io.StringIO(stream.getvalue(), newline="")))
    assert [cell_unescape(cell) for cell in row] == [
        "=1+1",
        'say "hi", twice',
        "line\nbreak",
        "",
        "4",
    ]
