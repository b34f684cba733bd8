"""A step switch keeps the tables' focused look instead of restyling and redrawing it.

A step key moves the focus from the table of the view it hides to the table of the
view it shows.  Textual restyled both (the stylesheet applied again to each table,
its ten component classes and its scroll bars) and redrew every line of the table
shown and its scroll bar, though that table comes back focused, looking exactly
as it did when it was hidden (issue 18: a third of a switch at 100 touchpoints).
Counts of work, never timings; the looks are compared with an app that never hid
the table.  Each was seen failing first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.helpers import SIZE, ready
from tests.tui.switch_looks import built_workshop, count_lines, screen_lines, settled
from tui.app.launch import build_app
from tui.widgets.fast_table import FastTable


def _count_table_restyles(monkeypatch: Any) -> Counter[str]:
    """Tables whose styles were computed again (the stylesheet applied to them)."""
    from textual.css.stylesheet import Stylesheet

    restyled: Counter[str] = Counter()
    real = Stylesheet.apply

    def apply(self: Stylesheet, node: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(node, FastTable):
            restyled[node.id or type(node).__name__] += 1
        return real(self, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", apply)
    return restyled


async def _per_switch(app: Any, counter: Counter[str], pick: Callable[[Counter[str]], Any],
                      before: Callable[[Any], None] | None = None) -> list[Any]:
    """Steps 5, 3, 5, 3, each key pressed from its view's table (Esc first): what
    ``pick`` reads of ``counter`` for each key alone (``before`` checks the app first)."""
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.pairing.stop()
        if before is not None:
            before(app)
        seen: list[Any] = []
        for key in ("5", "3", "5", "3"):
            await pilot.press("escape")
            await ready(pilot)
            counter.clear()
            await pilot.press(key)
            await pilot.pause()
            seen.append(pick(counter))
        return seen


async def test_a_switch_between_tables_restyles_no_table(
        db_path: Path, monkeypatch: Any) -> None:
    """The table hidden keeps its focused styles while nobody sees it; shown and
    focused again, it has them already."""
    restyled = _count_table_restyles(monkeypatch)
    app = build_app(db_path, built_workshop(db_path), step="scope", who="lea")
    seen = await _per_switch(app, restyled, dict)
    assert seen == [{}] * 4, seen


async def test_a_switch_between_tables_draws_no_table_line(
        db_path: Path, monkeypatch: Any) -> None:
    """The table shown again, focused as it was, was drawn afresh line by line with
    its scroll bar: none of it changed."""
    drawn = count_lines(monkeypatch)
    app = build_app(db_path, built_workshop(db_path), step="scope", who="lea")
    seen = await _per_switch(app, drawn, lambda counts: {
        k: v for k, v in counts.items() if k in ("FitTable", "ScrollBar")})
    assert seen == [{}] * 4, seen


async def _touchpoints_with_the_field_focused(db: Path, wid: int, hide_first: bool
                                              ) -> tuple[list[str], Any]:
    """Touchpoints on screen with its first field focused, not its table; the table
    hidden while focused first (``hide_first``: then shown by the step key, the view
    putting the focus in its field), or never hidden."""
    from textual.widgets import Input

    app = build_app(db, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.pairing.stop()
        await pilot.press("escape", "3")
        await ready(pilot)
        view = app.screen.view("touchpoints")
        field = view.query(Input).first()
        field.cursor_blink = False  # the screens compared do not depend on the clock
        if hide_first:
            await pilot.press("escape", "5")
            await ready(pilot)
            # a view whose work starts in a field: shown, it focuses the field
            view.focus_default = field.focus  # type: ignore[method-assign,assignment]
            await pilot.press("3")
        else:
            field.focus()
        await ready(pilot)
        table = view.query_one(FastTable)
        assert not table.has_focus and field.has_focus
        return screen_lines(app), table.get_pseudo_class_state()


async def test_a_table_hidden_focused_and_shown_without_the_focus_looks_blurred(
        db_path: Path) -> None:
    """The focused look the hidden table kept is put right when its view comes back
    with the focus elsewhere: the screen is the one of a table that never hid."""
    wid = built_workshop(db_path)
    kept, kept_state = await _touchpoints_with_the_field_focused(db_path, wid, True)
    never, never_state = await _touchpoints_with_the_field_focused(db_path, wid, False)
    assert kept_state == never_state
    assert kept == never


def _longbuilt_workshop(db: Path) -> int:
    """The test workshop with 60 more touchpoints: its touchpoints table scrolls."""
    from models.db.store import Store
    from models.db.tables.workshop import Touchpoint

    wid = built_workshop(db)
    with Store(db, who="lea") as store:
        stage_id = int(store.load(wid).stages[0].id or 0)
        with store.write() as s:
            s.add_all(Touchpoint(stage_id=stage_id, position=100 + i, name=f"Extra {i}",
                                 channel="Chat", sentiment=i % 5 - 2) for i in range(60))
    return wid


async def test_a_switch_to_a_table_that_scrolls_draws_no_scroll_bar_line(
        db_path: Path, monkeypatch: Any) -> None:
    """Every layout pass told a shown table's scroll bar its sizes again (Textual
    compares the scroll view's virtual size with the size of its content region,
    which always differ): the bar drew all its lines again on each switch to it."""
    drawn = count_lines(monkeypatch)
    app = build_app(db_path, _longbuilt_workshop(db_path), step="scope", who="lea")

    def scrolls(app: Any) -> None:
        assert app.screen.view("touchpoints").query_one(FastTable).show_vertical_scrollbar

    seen = await _per_switch(app, drawn, lambda counts: counts["ScrollBar"], scrolls)
    assert seen == [0] * 4, seen
