"""The keypress benches' "cpu to screen": the process CPU at the screen update that first
shows the key's result, beside the CPU until the app is idle again (issue 18).

The goal is "keypress to screen updated"; the to-idle column also counts work done after
the frame (a step switch writes ``current_step`` after it).  The process clock is replaced
by one the test app moves by hand (10 ms in the key's handler, 50 ms in work queued after
the refresh), so what each column counts is exact and no timing is asserted.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from bench import step_floors
from bench.step_floors import press, press_quiet
from bench.tui_keypress import PAINTS, PAINTS_CPU, _watch_paints


class _Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


class _PostFrame(App[None]):
    """A key that changes the screen, then does more work after the frame."""

    BINDINGS = [("k", "change", "Change")]

    def __init__(self, clock: _Clock) -> None:
        super().__init__()
        self.clock = clock

    def compose(self) -> ComposeResult:
        yield Static("before", id="text")

    def action_change(self) -> None:
        self.query_one("#text", Static).update("after")
        self.clock.now += 0.010  # the key's own work, shown by the next screen update
        self.call_after_refresh(self._after_frame)

    def _after_frame(self) -> None:
        self.clock.now += 0.050  # post-frame work (a store write): not on screen


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> _Clock:
    from textual.screen import Screen

    fake = _Clock()
    monkeypatch.setattr(time, "process_time", fake)
    monkeypatch.setattr(Screen, "_compositor_refresh", Screen._compositor_refresh)
    _watch_paints()  # undone with the attribute above
    return fake


@pytest.mark.parametrize("quiet", [True, False])
async def test_cpu_to_screen_is_read_at_the_first_screen_update(clock: _Clock,
                                                               quiet: bool) -> None:
    times: dict[str, list[float]] = {}
    app = _PostFrame(clock)
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        if quiet:
            await press_quiet(app, times, "k", "k")
        else:
            await press(pilot, times, "k", "k")
        assert str(app.query_one("#text", Static).render()) == "after"
    assert PAINTS and PAINTS_CPU
    assert times["(cpu to screen) k"] == [pytest.approx(10.0)]
    assert times["(cpu) k"] == [pytest.approx(60.0)]


def test_each_row_gets_both_cpu_columns_from_one_recording() -> None:
    """Floors and the app's rows go through the same ``_record``."""
    times: dict[str, list[float]] = {}
    PAINTS[:] = [time.perf_counter()]
    PAINTS_CPU[:] = [time.process_time()]
    step_floors._record(times, "row", time.process_time(), time.perf_counter())
    assert set(times) == {"row", "(cpu) row", "(cpu to screen) row", "(first paint) row"}
    assert times["(cpu to screen) row"][0] <= times["(cpu) row"][0]


def test_the_report_header_says_what_each_column_means() -> None:
    from bench.steps import report

    rows = {"floor": [2.0], "quiet floor": [2.0], "quiet switch floor": [60.0],
            "quiet screen switch floor": [50.0], "quiet: switch 3 -> 5": [14.0]}
    times: dict[str, Any] = {}
    for label, value in rows.items():
        times[label] = value
        times[f"(cpu) {label}"] = [v * 1.5 for v in value]
        times[f"(cpu to screen) {label}"] = value
        times[f"(first paint) {label}"] = value
    lines = report(100, {"times": times, "rss_mb": 90.0})
    assert "cpu>screen" in lines[1] and "cpu>idle" in lines[1]
    row = next(line for line in lines if "quiet: switch 3 -> 5" in line)
    assert "cpu>screen    14.0" in row and "cpu>idle    21.0" in row, row
