"""Which columns survive at 80 columns with 60-120-character hostile names (issue 12, point 6).

Free text is cut with an ellipsis; numbers, states and flags are never cut.
Each test reads the screen as text (what a person at an 80x24 terminal sees).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import ready, screen_text
from tests.tui.long_names import long_names_workshop
from tui.app.launch import build_app
from tui.widgets.forms import FieldCheck, FieldInput


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    yield


def long_db(db: Path) -> int:
    with Store(db, who="t") as s:
        return long_names_workshop(s)


async def shown(db: Path, step: str, key: str) -> list[str]:
    """The table lines of ``step`` (its rows start with a row number) at 80x24."""
    wid = long_db(db)
    app = build_app(db, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("escape", key)
        await ready(pilot)
        return _table_lines(app.screen.query_one(f"#{step}-table"))


def _table_lines(table) -> list[str]:  # noqa: ANN001
    """What the table draws, line by line, cut at the 80 columns of the screen."""
    x = table.region.x
    width = max(0, 80 - x)
    out = []
    for y in range(table.size.height):
        strip = table.render_line(y)
        out.append("".join(seg.text for seg in strip).rstrip()[:width])
    return out


def within(lines: list[str], row: int) -> str:
    return lines[row + 1]  # under the header


async def test_stages_keep_baseline_target_unit_and_count(db_path: Path) -> None:
    lines = await shown(db_path, "stages", "2")
    assert "Baseline" in lines[0] and "Target" in lines[0] and "Unit" in lines[0]
    for row, (base, target, unit) in enumerate((("0.42", "0.25", "ratio"), ("18", "35", "%"),
                                                ("41", "70", "%"), ("26", "8", "hours"))):
        cells = within(lines, row).split()
        assert [base, target, unit] == cells[-4:-1], within(lines, row)
        assert "…" in within(lines, row)  # the long stage name is cut, visibly


async def test_touchpoints_keep_feel_lane_actor_and_moment_of_truth(db_path: Path) -> None:
    lines = await shown(db_path, "touchpoints", "3")
    for label in ("Feel", "Lane", "Actor", "MoT"):
        assert label in lines[0], lines[0]
    assert within(lines, 0).split()[-4:] == ["-1", "☹", "front", "customer"]
    assert within(lines, 2).split()[-5:] == ["-2", "☹☹", "front", "bot", "★"]
    assert within(lines, 3).split()[-5:] == ["-1", "☹", "front", "agent", "★"]
    assert within(lines, 4).split()[-4:] == ["-2", "☹☹", "back", "agent"]
    assert all("…" in within(lines, row) for row in range(5))


async def test_ownership_shows_the_whole_handoff_and_every_flag(db_path: Path) -> None:
    lines = await shown(db_path, "ownership", "4")
    assert "Flags" in lines[0], lines[0]
    into_tier2 = within(lines, 4)
    assert "⇄ Support… → Tier 2 Id…" in into_tier2, into_tier2  # both teams, each cut
    assert into_tier2.split()[-1] == "!"  # customer not told: a flag letter, not a colour


async def test_pain_points_keep_tickets_and_why_this_rank(db_path: Path) -> None:
    lines = await shown(db_path, "pains", "5")
    assert "Tickets" in lines[0] and "Why" in lines[0], lines[0]
    assert "1,240" in within(lines, 0) and "860" in within(lines, 1)
    assert "3/1" in within(lines, 0)


async def test_plan_shows_task_names_before_owners(db_path: Path) -> None:
    wid = long_db(db_path)
    app = build_app(db_path, wid, step="plan", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        text = screen_text(app)
    assert "Assign journey owners ·" in text, text
    assert "Ship one fix: removing the repeat" in text, text
    assert "Standardize workflow and publi" in text, text


async def test_a_long_value_shows_its_start_after_leaving_the_field(db_path: Path) -> None:
    wid = long_db(db_path)
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("tab")
        field = app.screen.query_one("#f-title", FieldInput)
        await pilot.press(*("Admin locked out after the SSO change, " + "and on " * 10))
        await pilot.pause()
        assert field.scroll_x > 0
        await pilot.press("tab")
        await ready(pilot)
        assert field.scroll_x == 0
        assert "Admin locked out after" in screen_text(app)


async def test_checkboxes_differ_without_colour(db_path: Path) -> None:
    wid = long_db(db_path)
    app = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        box = app.screen.query_one("#f-moment_of_truth", FieldCheck)
        plain = box.render().plain
        box.value = not box.value
        await pilot.pause()
        assert {plain[:3], box.render().plain[:3]} == {"[x]", "[ ]"}


async def test_a_long_name_shows_its_start_after_esc_back_to_the_table(db_path: Path) -> None:
    wid = long_db(db_path)
    app = build_app(db_path, wid, step="stages", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("escape", "2", "enter", "end")
        field = app.screen.query_one("#f-name", FieldInput)
        await pilot.pause()
        assert field.scroll_x > 0  # looked at the end, changed nothing
        await pilot.press("escape")
        await ready(pilot)
        assert field.scroll_x == 0


async def test_every_ownership_flag_is_a_letter_on_its_row_and_counted(db_path: Path) -> None:
    from models.db.tables.workshop import Touchpoint

    wid = long_db(db_path)
    with Store(db_path, who="t") as s:
        j = s.load(wid)
        for tp in j.ordered_touchpoints()[:2]:
            s.update(Touchpoint, tp.id, owner_team="")
    app = build_app(db_path, wid, step="ownership", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        lines = _table_lines(app.screen.query_one("#ownership-table"))
        text = screen_text(app)
    assert [within(lines, row).split()[-1] for row in (0, 1)] == ["O", "O"]
    assert "⚑ 3 flags: O no owner ×2, ! customer not told ×1" in text, text
