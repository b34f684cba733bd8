"""Every CSV journeymap writes goes through here, so a spreadsheet never runs user text.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` is run as a formula by Excel,
LibreOffice and Google Sheets ("=HYPERLINK(...)" from a pasted pain point or a ticket
category).  A leading apostrophe makes the spreadsheet show the text instead; it is the
documented OWASP mitigation and the only change made to user text here.  OWASP also lists a
leading tab and carriage return: ``split_lines`` has already made those a space and a line
break, so no cell can start with them.  Only text is guarded: a number stays a number (a
negative figure is data, not a formula), and ``None`` is an empty cell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from models.export.md_text import split_lines

_FORMULA_START = ("=", "+", "-", "@")


def spreadsheet_text(value: str) -> str:
    """User text for a cell: controls made visible (the CSV may be printed on a terminal),
    line breaks kept as \\n, and a leading ' if a spreadsheet would run it as a formula."""
    value = "\n".join(split_lines(value))
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_document(rows: Iterable[Iterable[object]], *, line_end: str = "\r\n") -> str:
    """The rows as CSV text (RFC 4180 quoting), every text cell through ``spreadsheet_text``;
    ``line_end`` is "\\n" for a CSV printed on a terminal."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=line_end)
    writer.writerows([spreadsheet_text(cell) if isinstance(cell, str) else cell
                      for cell in row] for row in rows)
    return out.getvalue()
