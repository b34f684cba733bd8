"""The export's latest timestamp and its unreadable cells, from a product export's
``updated`` column (one row per ticket, not an event log).

The latest timestamp ages the open tickets (docs/tickets.md: the greatest created, resolved,
updated or first-response moment), so it is the latest *moment*: ISO text with offsets is
compared in UTC, not as text (around an autumn clock change a later moment can be written
with a smaller local time). An ``updated`` cell that is not a date is counted with its line,
as in every other date column.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from models.tickets import engine

# A Zendesk export (its signature columns): one row per ticket, ``updated_at`` a plain column.
HEADER = "id,created_at,solved_at,updated_at,status,reopens,replies,via,satisfaction_score\n"


def _imported(tmp_path: Path, rows: str) -> engine.TicketImport:
    path = tmp_path / "zendesk.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    imported = engine.import_export(path)
    assert (imported.product, imported.event_log) == ("zendesk", False)
    return imported


def test_the_latest_update_is_the_latest_moment_whatever_its_offset(tmp_path: Path) -> None:
    # Paris, 27 Oct 2024: 02:30 summer time (00:30 UTC) comes before 02:10 winter time
    # (01:10 UTC), although "02:30" sorts after "02:10" as text.
    rows = ("1,2024-10-26T09:00:00+02:00,,2024-10-27T02:30:00+02:00,open,0,1,web,\n"
            "2,2024-10-26T10:00:00+02:00,,2024-10-27T02:10:00+01:00,open,0,1,web,\n")
    imported = _imported(tmp_path, rows)
    assert imported.as_of == datetime(2024, 10, 27, 1, 10, tzinfo=UTC)


def test_an_unreadable_update_is_counted_with_its_line(tmp_path: Path) -> None:
    rows = ("1,2024-03-01T09:00:00Z,,2024-03-05T10:00:00Z,open,0,1,web,\n"
            "2,2024-03-01T10:00:00Z,,2024-02-30T10:00:00Z,open,0,1,web,\n"
            "3,2024-03-01T11:00:00Z,,2024-03-04T10:00:00Z,open,0,1,web,\n")
    imported = _imported(tmp_path, rows)
    assert imported.bad_cells == {"updated_at": (1, 3)}
    assert imported.as_of == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
