"""The tracker as CSV, for the spreadsheet where owners already keep their lists.

One row per tracker item, with a header row, ISO dates (which every
spreadsheet sorts correctly), the days left and an explicit ``overdue`` yes/no
column, so a filter works without formulas.  An escalation level's SLA
commitment is a row of kind ``sla`` (status "standing", no deadline) whose
``flag`` column says what it lacks (no owner, no response SLA, no update
cadence): filtering that column non-empty gives the promises to fix. A card tied to a
ticket metric says its verdict (met / not yet / no data) in ``signal``, the last column so
that a spreadsheet built on the earlier columns keeps its places.
Written by ``models.export.spreadsheet`` (RFC 4180 quoting, and the formula guard every
CSV of the app shares).
"""

from __future__ import annotations

from collections.abc import Iterable

from models.export.spreadsheet import csv_document
from models.rules.tracker import TrackerItem

HEADER: tuple[str, ...] = ("workshop_id", "workshop", "kind", "item_id", "title", "owner",
                           "deadline", "status", "days_left", "overdue", "flag", "signal")


def tracker_csv(items: Iterable[TrackerItem]) -> str:
    """Header plus one row per item; dates ISO, days_left blank without a deadline."""
    rows = ([item.workshop_id, item.workshop_title, item.kind, item.item_id or "", item.title,
             item.owner, item.deadline.isoformat() if item.deadline else "", item.status,
             item.days_left,  # the csv module writes None as an empty cell
             "yes" if item.overdue else "no", item.flag, item.signal]
            for item in items)
    return csv_document([HEADER, *rows])
