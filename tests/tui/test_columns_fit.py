"""Table columns use the width the terminal gives (free text cut only when it does not fit).

A wide terminal used to show the pain point cut at 18 characters with 40 empty
columns beside it, and at 120x40 the MoT and Flags columns fell off the right
edge.  Each test reads the table as a person sees it, at the size named.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import build_workshop, ready
from tests.tui.long_names import long_names_workshop
from tui.app.launch import build_app
from tui.steps.columns import share


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    yield


# -- the sharing rule ---------------------------------------------------------------
def test_everything_that_fits_keeps_its_natural_width() -> None:
    assert share(100, [2, 30, 8], [0, 1, 1], [1, 4, 4]) == [2, 30, 8]


def test_whole_columns_are_never_cut_and_free_text_shares_the_rest_by_weight() -> None:
    # 40 cells: the 10-cell whole column stays, 30 are shared 2:1 between two long texts
    assert share(40, [10, 90, 90], [0, 2, 1], [1, 4, 4]) == [10, 20, 10]


def test_a_short_text_keeps_its_width_and_gives_the_rest_to_the_long_one() -> None:
    # the channel needs 6 of its 10-cell share: the name gets the other 4 too
    assert share(30, [60, 6], [2, 1], [4, 4]) == [24, 6]


def test_every_cell_of_the_room_is_given_out() -> None:
    for room in range(30, 90):
        widths = share(room, [3, 70, 50, 40], [0, 2, 1, 1], [1, 4, 4, 4])
        assert sum(widths) == room, (room, widths)
        assert widths[0] == 3


def test_a_column_held_at_its_minimum_takes_its_cells_from_the_others() -> None:
    # the reason's share (11) is below its header (13): the description gives up 2
    assert share(29, [1, 40, 40], [0, 3, 2], [1, 10, 13]) == [1, 15, 13]


def test_below_the_minimums_each_column_keeps_its_minimum() -> None:
    assert share(5, [3, 70, 50], [0, 2, 1], [1, 6, 4]) == [3, 6, 4]


# -- on screen ------------------------------------------------------------------------
def _lines(table) -> list[str]:  # noqa: ANN001
    return ["".join(seg.text for seg in table.render_line(y)).rstrip()
            for y in range(table.size.height)]


async def _table(db: Path, step: str, key: str, size: tuple[int, int],
                 workshop=long_names_workshop) -> tuple[list[str], int, int]:  # noqa: ANN001
    with Store(db, who="t") as s:
        wid = workshop(s)
    app = build_app(db, wid, step="scope", who="tester")
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("escape", key)
        await ready(pilot)
        table = app.screen.query_one(f"#{step}-table")
        used = sum(column.get_render_width(table) for column in table.ordered_columns)
        return _lines(table), table.scrollable_content_region.width, used


@pytest.mark.parametrize(("step", "key", "labels"), [
    ("touchpoints", "3", ("Touchpoint", "Channel", "Feel", "Lane", "Actor", "MoT")),
    ("ownership", "4", ("Touchpoint", "Owner team", "Handoff in", "Flags")),
    ("pains", "5", ("Pain point", "At", "Tickets", "Votes", "Why this rank")),
])
@pytest.mark.parametrize("size", [(120, 40), (200, 50), (80, 24)])
async def test_long_names_fill_the_table_and_every_column_stays_on_it(
        db_path: Path, step: str, key: str, labels: tuple[str, ...],
        size: tuple[int, int]) -> None:
    lines, width, used = await _table(db_path, step, key, size)
    header = lines[0]
    assert len(header) <= width, (header, width)  # nothing off the right edge
    for label in labels:
        assert label in header, (label, header)
    # the columns take the table's whole width, and long free text is cut, visibly
    assert width - 2 <= used <= width, (header, width, used)
    assert all("…" in line for line in lines[1:4]), lines[:4]


async def test_at_200_columns_a_pain_point_shows_far_more_than_18_characters(
        db_path: Path) -> None:
    lines, _, _ = await _table(db_path, "pains", "5", (200, 50))
    assert "[bold]Reset link loops back to SSO[/bold]: the" in lines[1], lines[1]
    assert "quick win (impact high, effort" in lines[1], lines[1]


async def test_at_200_columns_touchpoint_and_owner_names_are_long_enough_to_read(
        db_path: Path) -> None:
    lines, _, _ = await _table(db_path, "ownership", "4", (200, 50))
    assert "[red]Login fails[/red] right after the" in lines[1], lines[1]
    assert "Product [b]Core[/b] Ident" in lines[1], lines[1]
    assert "⇄ Support Tier 1" in lines[5] and "→ Tier 2 Identity" in lines[5], lines[5]


async def test_short_names_are_never_cut_when_the_terminal_is_wide(db_path: Path) -> None:
    lines, _, _ = await _table(db_path, "touchpoints", "3", (200, 50), workshop=build_workshop)
    assert "Login fails after SSO change" in lines[1], lines[1]
    assert "Self-Service Attempt" in lines[2], lines[2]
    assert not any("…" in line for line in lines), lines


async def test_a_resize_fits_the_columns_again(db_path: Path) -> None:
    with Store(db_path, who="t") as s:
        wid = long_names_workshop(s)
    app = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.screen.query_one("#touchpoints-table")
        narrow = _lines(table)[1]
        await pilot.resize_terminal(200, 50)
        await ready(pilot)
        wide = _lines(table)
        assert len(wide[1]) > len(narrow) + 20, (narrow, wide[1])
        assert "MoT" in wide[0] and len(wide[0]) <= table.scrollable_content_region.width
        await pilot.resize_terminal(80, 24)
        await ready(pilot)
        again = _lines(table)
        assert "MoT" in again[0] and len(again[0]) <= table.scrollable_content_region.width
        assert again[1] == narrow


async def test_a_name_made_longer_while_cut_shows_more_once_there_is_room(
        db_path: Path) -> None:
    from models.db.tables.workshop import Touchpoint

    with Store(db_path, who="t") as s:
        wid = build_workshop(s)
    app = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        first = app.session.journey.ordered_touchpoints()[0]
        long = "Login fails after the SSO change and the error page says nothing at all " * 3
        app.session.save_field(Touchpoint, int(first.id or 0), "name", long)
        await ready(pilot)
        table = app.screen.query_one("#touchpoints-table")
        assert "…" in _lines(table)[1]
        await pilot.resize_terminal(200, 50)
        await ready(pilot)
        row = _lines(table)[1]
        assert "Login fails after the SSO change and the error page" in row, row
        used = sum(column.get_render_width(table) for column in table.ordered_columns)
        assert used >= table.scrollable_content_region.width - 2
