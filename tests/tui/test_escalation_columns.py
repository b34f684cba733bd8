"""The escalation matrix shares the terminal's width like the step tables (``FitTable``).

Its free-text columns were cut at fixed budgets (severity 10, who 24, channel
14, criteria 40): at 200 columns the criteria stopped at 40 characters beside
empty space, and at 80 the last columns fell off the table's right edge.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.db.tables.method import EscalationLevel
from tests.helpers import build_workshop, ready
from tui.app.launch import build_app

CRITERIA = ("All admins of a 200-seat workspace cannot log in after the SSO change and the "
            "reset link loops back to the identity provider END")
LABELS = ("#", "Severity", "Who responds", "Respond", "Update", "Channel", "Criteria")


def levels(store: Store) -> int:
    wid = build_workshop(store)
    for sev, who, chan in (("Sev-1 production down for every customer", "Tier 2 Solutions "
                            "Architect on call for the Enterprise plan", "Phone bridge and the "
                            "public status page"),
                           ("Sev-2", "Support Lead", "Slack")):
        store.add(EscalationLevel(workshop_id=wid, severity=sev, tier_role=who, channel=chan,
                                  criteria=CRITERIA, response_sla_minutes=15,
                                  update_every_minutes=30))
    return wid


def lines(table: Any) -> list[str]:
    return ["".join(seg.text for seg in table.render_line(y)).rstrip()
            for y in range(table.size.height)]


async def matrix(db: Path, size: tuple[int, int]) -> tuple[list[str], int, int]:
    with Store(db, who="t") as s:
        wid = levels(s)
    app = build_app(db, wid, step="touchpoints", who="tester")
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("escape", "E")
        await ready(pilot)
        table = app.screen.query_one("#escalation-table")
        used = sum(column.get_render_width(table) for column in table.ordered_columns)
        return lines(table), table.scrollable_content_region.width, used


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
async def test_every_column_stays_on_the_table_and_the_width_is_used(
        db_path: Path, size: tuple[int, int]) -> None:
    rows, width, used = await matrix(db_path, size)
    header = rows[0]
    assert len(header) <= width, (header, width)
    for label in LABELS:
        assert label in header, (label, header)
    assert width - 2 <= used <= width, (header, width, used)
    assert "…" in rows[1], rows[1]  # long text is cut visibly
    assert "15 min" in rows[1] and "30 min" in rows[1], rows[1]  # numbers stay whole


async def test_at_200_columns_the_criteria_read_past_the_old_40_cells(db_path: Path) -> None:
    rows, _, _ = await matrix(db_path, (200, 50))
    criteria = rows[1].split("All admins", 1)[1]
    assert len("All admins" + criteria) > 40 and "cannot log" in criteria, rows[1]
    assert "Sev-2" in rows[2] and "Support Lead" in rows[2] and "Slack" in rows[2], rows[2]
