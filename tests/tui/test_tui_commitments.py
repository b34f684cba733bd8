"""The tracker's SLA commitments and the swimlanes' actor letters, in the TUI.

Pilot for behaviour (rows, owner groups, ``s`` on a commitment), the pure
swimlane drawing on hand-made points, then snapshots at 80x24 and 120x40.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.db.tables.method import EscalationLevel
from models.db.tables.workshop import Touchpoint
from models.vocab import TODAY_ENV
from tests.helpers import TODAY, outputs_workshop, ready, settle
from tui.app.launch import build_app
from tui.widgets.drawings import LanePoint, draw_swimlanes

SIZES = [(80, 24), (120, 40)]
HOSTILE = "[bold]Lead[/] `x`"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())


def _with_matrix(db_path: Path) -> int:
    with Store(db_path, who="tester") as store:
        wid = outputs_workshop(store)
        store.add(EscalationLevel(workshop_id=wid, severity="Sev-1", tier_role="Support Lead",
                                  response_sla_minutes=1, update_every_minutes=30,
                                  channel="status page"))
        store.add(EscalationLevel(workshop_id=wid, position=1, severity="Sev-2",
                                  tier_role=HOSTILE, response_sla_minutes=60))
        store.add(EscalationLevel(workshop_id=wid, position=2, severity="Sev-3"))
        tps = store.load(wid).ordered_touchpoints()
        for tp, actor in zip(tps, ("customer", "bot", "agent", "system", "agent"), strict=False):
            store.update(Touchpoint, int(tp.id or 0), actor=actor)
        return wid


async def test_tracker_lists_commitments_under_their_owners(db_path: Path) -> None:
    wid = _with_matrix(db_path)
    app = build_app(db_path, wid, step="tracker", who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await settle(pilot)
        view = app.screen.view("tracker")  # type: ignore[attr-defined]
        table = view.table
        keys = [row.value for row in table.rows]
        levels = {lv.severity: lv.id for lv in store_levels(db_path, wid)}
        assert f"sla:{levels['Sev-1']}" in keys and f"sla:{levels['Sev-3']}" in keys
        assert f"owner:{HOSTILE}" in keys and "owner:Support Lead" in keys
        sev3 = table.get_row(f"sla:{levels['Sev-3']}")
        assert str(sev3[0]) == "SLA" and str(sev3[3]) == "standing"
        assert str(sev3[4]) == "NO OWNER/SLA"
        summary = str(view.query_one("#tracker-summary").render())
        assert "7 SLA commitments, 2 flagged" in summary  # + the template's four levels
        before = [lv.severity for lv in store_levels(db_path, wid)]
        table.move_cursor(row=keys.index(f"sla:{levels['Sev-1']}"))
        await pilot.press("s")
        await pilot.pause()
        assert any("Escalation view" in n.message for n in app._notifications)
        assert [lv.severity for lv in store_levels(db_path, wid)] == before  # s changed none


def store_levels(db_path: Path, wid: int) -> list[EscalationLevel]:
    with Store(db_path, who="check") as store:
        return list(store.load(wid).escalation_levels)


def test_swimlanes_mark_each_actor_with_a_letter_and_a_legend() -> None:
    points = [LanePoint(1, "Support", "Ask", actor="customer"),
              LanePoint(2, "Support", "Ask", actor="bot"),
              LanePoint(3, "Tier 2", "Fix", True, False, actor="agent"),
              LanePoint(104, "Tier 2", "Fix", actor="")]
    lines = draw_swimlanes(points).plain.splitlines()
    assert lines[1].split()[1:3] == ["1C", "2B┐"]
    assert "3A" in lines[2] and "104" in lines[2]
    assert lines[-1] == ("Actor: C self-service · B bot · A agent · S system · "
                         "no letter: not said")
    widths = {len(line) for line in lines[:-1]}
    assert len(widths) == 1  # the 3-digit number still fits its column


def test_swimlanes_without_actors_stay_as_they_were() -> None:
    points = [LanePoint(1, "Support", "Ask"), LanePoint(2, "Tier 2", "Fix", True, True)]
    lines = draw_swimlanes(points).plain.splitlines()
    assert len(lines) == 3 and not any("Actor" in line for line in lines)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_tracker_with_sla_commitments(snap_compare: Any, db_path: Path,
                                               size: tuple[int, int]) -> None:
    wid = _with_matrix(db_path)
    app = build_app(db_path, wid, step="tracker", who="tester")

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        pilot.app.screen.view("tracker").table.move_cursor(row=10_000)  # the commitments
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_swimlanes_with_actor_letters(snap_compare: Any, db_path: Path,
                                               size: tuple[int, int]) -> None:
    wid = _with_matrix(db_path)
    app = build_app(db_path, wid, step="ownership", who="tester")

    async def run_before(pilot: Any) -> None:
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
