"""The tracker as CSV, for the spreadsheet where owners already keep their lists.

One row per tracker item, with a header row, ISO dates (which every
spreadsheet sorts correctly), the days left and an explicit ``overdue`` yes/no
column, so a filter works without formulas.  An escalation level's SLA
commitment is a row of kind ``sla`` (status "standing", no deadline) whose
``flag`` column says what it lacks (no owner, no response SLA, no update
cadence): filtering that column non-empty gives the promises to fix.
Written with the ``csv`` module (RFC 4180 quoting: commas, quotes and line
breaks in text stay inside their cell).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from models.export.md_text import split_lines
from models.rules.tracker import TrackerItem

HEADER: tuple[str, ...] = ("workshop_id", "workshop", "kind", "item_id", "title", "owner",
                           "deadline", "status", "days_left", "overdue", "flag")
# A cell that starts with one of these is run as a formula by Excel, LibreOffice
# and Google Sheets ("=HYPERLINK(...)" from a pasted pain point).  A leading
# apostrophe makes the spreadsheet show the text instead; it is the documented
# OWASP mitigation and the only change made to user text here.  OWASP also lists a
# leading tab and carriage return: ``split_lines`` has already made those a space and
# a line break, so no cell can start with them.
_FORMULA_START = ("=", "+", "-", "@")


def spreadsheet_text(value: str) -> str:
    """User text for a cell: controls made visible (the CSV may be printed on a terminal),
    line breaks kept as \n, and a leading ' if a spreadsheet would run it as a formula."""
    value = "\n".join(split_lines(value))
    return "'" + value if value.startswith(_FORMULA_START) else value


def tracker_csv(items: Iterable[TrackerItem]) -> str:
    """Header plus one row per item; dates ISO, days_left blank without a deadline."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for item in items:
        writer.writerow([
            item.workshop_id,
            spreadsheet_text(item.workshop_title),
            item.kind,
            item.item_id or "",
            spreadsheet_text(item.title),
            spreadsheet_text(item.owner),
            item.deadline.isoformat() if item.deadline else "",
            item.status,
            item.days_left,  # the csv module writes None as an empty cell
            "yes" if item.overdue else "no",
            item.flag,
        ])
    return out.getvalue()
