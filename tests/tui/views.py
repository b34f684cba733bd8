"""Waits and looks the TUI tests share about the step views the workshop screen builds.

Why a module: the idle prebuild (``WorkshopScreen._build_next``) takes from 15 to
many more polls under load, and five test modules each waited for it with their
own count of polls; the lines a table draws were read the same way twice.
"""

from __future__ import annotations

from typing import Any

from tests.helpers import ready

# The steps built at idle (Plan is left out: shown, it generates the plan and reads the
# portfolio, new text to lay out).
FIRST_VISITS = ("2", "3", "4", "5", "7", "6", "1")


def table_lines(table: Any) -> list[Any]:
    """Every line ``table`` draws now, its caches cleared first (drawn afresh)."""
    table._clear_caches()  # noqa: SLF001
    return [table.render_line(y) for y in range(table.size.height)]


async def all_built(pilot: Any, stalled: int = 400) -> bool:
    """Let the app run until every step view is built at idle and composed
    (``WorkshopScreen.prebuilt``); False once the prebuild made no progress (no view
    built, composed or laid out) for ``stalled`` polls in a row.

    Why progress, not a count of polls: under load the eight views took from 15 to
    many more polls, and polls are short while the app waits on a timer; only a
    prebuild that stopped moving is a failure."""
    from tui.screens.warm_views import warming
    from tui.screens.workshop import WorkshopScreen

    app = pilot.app
    last: object = None
    quiet = 0
    while quiet < stalled:
        screen = app.screen
        views = screen._views() if isinstance(screen, WorkshopScreen) else []  # noqa: SLF001
        if views and screen.prebuilt and all(view.ready for view in views):
            return True
        now = (screen, [(view.id, view.ready, warming(view)) for view in views])
        quiet = quiet + 1 if now == last else 0
        last = now
        await pilot.pause(0.02)
    return False


async def prebuilt(pilot: Any) -> Any:
    """The workshop screen once every step view is built and pairing's heartbeat is
    stopped (it redraws the presence bar now and then), for tests that count a visit's
    work."""
    from tui.screens.workshop import WorkshopScreen

    app = pilot.app
    await ready(pilot)
    assert await all_built(pilot)
    await pilot.pause()
    app.pairing.stop()
    screen = app.screen
    assert isinstance(screen, WorkshopScreen)
    return screen


async def all_workshop_items(db_path: Any, wid: int, who: str) -> tuple[list[Any], int]:
    """The items the tracker's "all workshops" (w) lists, opened on ``wid``'s tracker,
    and how many workshops it read for them."""
    from tests.helpers import until
    from tui.app.launch import build_app

    app = build_app(db_path, wid, step="tracker", who=who)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.view("tracker")  # type: ignore[attr-defined]
        app.screen.set_focus(view.table)
        await pilot.press("w")
        assert await until([pilot], lambda: view.all_items is not None)
        return list(view.items.values()), view.workshop_count


async def all_workshop_ids(db_path: Any, wid: int, who: str) -> set[int]:
    """The workshops the tracker's "all workshops" (w) lists, opened on ``wid``'s tracker."""
    return {i.workshop_id for i in (await all_workshop_items(db_path, wid, who))[0]}
