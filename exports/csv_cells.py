"""CSV cells that a spreadsheet will not run as formulas (CSV injection).

A cell starting with `=`, `+`, `-` or `@` is a formula to Excel, LibreOffice
and Google Sheets, and so, after a tab or a carriage return, is what follows
(OWASP's "CSV Injection" advice). Such a cell gets a leading apostrophe,
which spreadsheets show as text. Film titles (`+1`, `-30-`) and reviews
(`- great`) start so too; `cell_unescape` gives them back, and an importer
reading our files uses it. A text that itself starts with apostrophes before
a formula start (`'=x`) gets one more, so unescaping is exact for any text.
"""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def cell_escape(value):
    """`value` as CSV cell text: str(value), '' for None, apostrophe-prefixed
    when it starts like a formula."""
    if value is None:
        return ""
    text = str(value)
    if text.lstrip(ESCAPE).startswith(FORMULA_STARTS):
        return ESCAPE + text
    return text


def cell_unescape(text):
    """The value cell_escape() was given (as text): drops the apostrophe it added.

    Only a leading apostrophe before (more apostrophes and) a formula start
    is ours; any other (`'Round Midnight`) is part of the text.
    """
    if text.startswith(ESCAPE) and text.lstrip(ESCAPE).startswith(FORMULA_STARTS):
        return text[1:]
    return text


class SafeWriter:
    """csv.writer whose rows go through cell_escape(): comma-separated, a
    field with a comma, quote or line break quoted (quotes doubled), lines
    ending in CRLF (RFC 4180)."""

    def __init__(self, stream):
        self._writer = csv.writer(stream, lineterminator="\r\n")

    def writerow(self, row):
        self._writer.writerow([cell_escape(value) for value in row])
