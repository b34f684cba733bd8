"""How ``bench/steps.py`` times one key, and the bare-Textual floors it is compared to.

Kept apart from the app's measure so each floor runs the very same timing code as
the app's rows: a bare 20-row ``DataTable`` cursor move, and two views of a step's
shape swapped by a ``ContentSwitcher`` or as installed screens (``switch_screen``).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from bench.tui_keypress import PAINTS, PAINTS_CPU, table_app

if TYPE_CHECKING:
    from textual.app import App
    from textual.containers import Vertical


def _record(times: dict[str, list[float]], label: str, cpu: float, start: float) -> None:
    """What one key cost, from ``cpu``/``start`` (process CPU and wall when it was sent):

    - ``label``: wall to the last screen update before now (the app idle again);
    - ``(first paint) label``: wall to the first screen update, the one that shows the key;
    - ``(cpu to screen) label``: process CPU at that same first update ("keypress to screen
      updated": what the goal counts);
    - ``(cpu) label``: process CPU until now, the app idle again (also the work done after
      the frame, such as a step switch's write of ``current_step``).

    No screen update at all: both CPU columns are the CPU to idle.
    """
    end, used = time.perf_counter(), time.process_time()
    to_idle = (used - cpu) * 1000
    times.setdefault("(cpu) " + label, []).append(to_idle)
    shown = [(t, c) for t, c in zip(PAINTS, PAINTS_CPU, strict=False) if t <= end]
    to_screen = (shown[0][1] - cpu) * 1000 if shown else to_idle
    times.setdefault("(cpu to screen) " + label, []).append(min(to_screen, to_idle))
    painted = [t for t, _ in shown] or [start]
    times.setdefault(label, []).append((painted[-1] - start) * 1000)
    times.setdefault("(first paint) " + label, []).append((painted[0] - start) * 1000)


async def press(pilot: object, times: dict[str, list[float]], label: str, key: str) -> None:
    PAINTS.clear()
    PAINTS_CPU.clear()
    cpu = time.process_time()
    start = time.perf_counter()
    await pilot.press(key)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    _record(times, label, cpu, start)


async def press_quiet(app: object, times: dict[str, list[float]], label: str,
                      key: str) -> None:
    """One key as a terminal sends it; CPU and wall until the app is idle again."""
    from textual import events
    from textual._wait import wait_for_idle

    PAINTS.clear()
    PAINTS_CPU.clear()
    event = events.Key(key, None)
    event.set_sender(app)  # type: ignore[arg-type]
    cpu = time.process_time()
    start = time.perf_counter()
    app._driver.send_message(event)  # type: ignore[attr-defined]
    await wait_for_idle(0)
    await wait_for_idle(0)
    _record(times, label, cpu, start)



async def floor(moves: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    async with table_app().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(moves):
            await press(pilot, times, "floor", "down")
        for _ in range(moves):
            await press_quiet(pilot.app, times, "quiet floor", "down")
    return times


# Both two-view floors lay their views out alike: the table beside the form.
SWITCH_CSS = """
Horizontal > DataTable { width: 3fr; }
Horizontal > VerticalScroll { width: 2fr; }
Input { margin: 0 1; height: 1; border: none; padding: 0 1; }
"""


def step_like_view(name: str) -> Vertical:
    """A view built like a table step: a title, a 20-row ``DataTable`` and a 14-field
    form of label, input and hint."""
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.widgets import DataTable, Input, Label, Static

    table: DataTable[str] = DataTable(cursor_type="row", id=f"{name}-table")
    for column in ("#", "Stage", "Touchpoint", "Channel", "Feel"):
        table.add_column(column)
    table.add_rows([[str(i), "Stage", f"Row {i}", "Chat", "0"] for i in range(20)])
    fields = [w for i in range(14) for w in (Label(f"Field {i}"), Input(f"value {i}"),
                                             Static(f"hint for field {i}"))]
    return Vertical(Static(f"Step {name}"), Horizontal(table, VerticalScroll(*fields)), id=name)


async def _switches(app: App[None], moves: int, label: str) -> dict[str, list[float]]:
    """Show both views once (their sizes settle), then time ``b``/``a`` switches."""
    times: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key in "baba":
            await pilot.press(key)
            await pilot.pause()
        for _ in range(max(3, moves // 6)):
            await press_quiet(pilot.app, times, label, "b")
            await press_quiet(pilot.app, times, label, "a")
    return times


async def switch_floor(moves: int) -> dict[str, list[float]]:
    """A bare Textual app switching between two ``step_like_view``s with a
    ``ContentSwitcher``, the focus moving into the table shown: what Textual itself
    spends to swap such a view in, with none of the app's work."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import ContentSwitcher, Footer, Static

    class Bare(App[None]):
        BINDINGS = [Binding("a", "show('a')", "A"), Binding("b", "show('b')", "B")]
        CSS = SWITCH_CSS

        def compose(self) -> ComposeResult:
            yield Static("header")
            with ContentSwitcher(initial="a"):
                yield step_like_view("a")
                yield step_like_view("b")
            yield Footer()

        def action_show(self, name: str) -> None:
            self.query_one(ContentSwitcher).current = name
            self.set_focus(self.query_one(f"#{name}-table"))

    return await _switches(Bare(), moves, "quiet switch floor")


async def screen_switch_floor(moves: int) -> dict[str, list[float]]:
    """The same two views as ``switch_floor``, each on its own installed ``Screen``
    (header, view, footer) swapped with ``switch_screen``: the alternative to one screen
    with a ``ContentSwitcher``, measured the same way."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widgets import Footer, Static

    class Step(Screen[None]):
        AUTO_FOCUS = ""

        def __init__(self, name: str) -> None:
            super().__init__(name=name)
            self.step = name

        def compose(self) -> ComposeResult:
            yield Static("header")
            yield step_like_view(self.step)
            yield Footer()

        def on_screen_resume(self) -> None:
            self.set_focus(self.query_one(f"#{self.step}-table"))

    class Bare(App[None]):
        BINDINGS = [Binding("a", "show('a')", "A"), Binding("b", "show('b')", "B")]
        CSS = SWITCH_CSS
        SCREENS = {"a": lambda: Step("a"), "b": lambda: Step("b")}

        def on_mount(self) -> None:
            self.push_screen("a")

        def action_show(self, name: str) -> None:
            self.switch_screen(name)

    return await _switches(Bare(), moves, "quiet screen switch floor")
