"""Keypress-to-refresh on a large workshop: 2,000 touchpoints and 500 pain points.

Runs the real app headless (``run_test``/Pilot) at 120x40 and times, per key,
``pilot.press`` + ``pilot.pause`` (the key is handled and the screen refreshed):
cursor moves in the 2,000-row touchpoint table, a sentiment change (a store
write, the row's cells and the sentiment line redrawn), cursor moves in the
ranked pain points, and step switches.  Goal: ≤ 50 ms median.

Two figures per key, because Pilot's own waiting (idle polls after the key) is
about 80 ms even for a bare 20-row table:

- ``pilot``: ``press`` + ``pause`` wall time (includes that floor);
- ``app``: from the key being sent until the *last* screen update (compositor
  refresh) before ``pause`` returned - the app's own handling, refresh and
  rendering, idle waits for its refresh timer included, Pilot's trailing polls
  not.  The same measure on the bare app is printed as its floor;
- ``first``: until the end of the first screen update after the key (what the
  person sees react first; later updates in ``app`` can be deferred work such as
  the form beside the table, or unrelated timers).

    python bench/tui_keypress.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

STAGES, PER_STAGE, PAINS = 10, 200, 500


def generate(db: Path) -> int:
    """One workshop with 2,000 touchpoints and 500 pain points, inserted in bulk."""
    from models.db.store import Store
    from models.db.tables.cards import PainPoint
    from models.db.tables.workshop import Stage, Touchpoint

    with Store(db, who="bench") as store:
        w = store.create_workshop(default_stages=False, title="Large", persona="p",
                                  scenario="s", persona_goal="g", business_goal="b")
        wid = int(w.id or 0)
        with store.write() as s:
            stages = [Stage(workshop_id=wid, position=i, name=f"Stage {i + 1}",
                            kpi_name="FCR") for i in range(STAGES)]
            s.add_all(stages)
            s.flush()
            tps = [Touchpoint(stage_id=int(st.id or 0), position=j, name=f"Touchpoint {i}.{j}",
                              sentiment=(i + j) % 5 - 2, owner_team=f"Team {j % 4}")
                   for i, st in enumerate(stages) for j in range(PER_STAGE)]
            s.add_all(tps)
            s.flush()
            s.add_all(PainPoint(workshop_id=wid, touchpoint_id=tps[k * 4].id,
                                description=f"Pain {k}", impact=k % 3 + 1,
                                effort=(k // 3) % 3 + 1, ticket_volume=k * 7)
                      for k in range(PAINS))
        return wid


# End times of compositor refreshes (screen updates), and the process CPU time (all
# threads) at the same moments: ``bench/step_floors.py`` reads the CPU "to screen" there.
PAINTS: list[float] = []
PAINTS_CPU: list[float] = []


def _watch_paints() -> None:
    """Record when every screen update ends (class-level patch; bench only)."""
    from textual.screen import Screen

    original = Screen._compositor_refresh

    def timed(self: Screen) -> None:  # type: ignore[type-arg]
        original(self)
        PAINTS.append(time.perf_counter())
        PAINTS_CPU.append(time.process_time())

    Screen._compositor_refresh = timed  # type: ignore[method-assign]


async def timed_press(pilot: object, times: dict[str, list[float]], label: str,
                      *keys: str) -> None:
    """Time one key both ways (see the module docstring)."""
    PAINTS.clear()
    PAINTS_CPU.clear()
    start = time.perf_counter()
    await pilot.press(*keys)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    end = time.perf_counter()
    times.setdefault(f"pilot | {label}", []).append((end - start) * 1000)
    painted = [t for t in PAINTS if t <= end] or [start]
    times.setdefault(f"app   | {label}", []).append((painted[-1] - start) * 1000)
    times.setdefault(f"first | {label}", []).append((painted[0] - start) * 1000)


async def measure(db: Path, wid: int) -> dict[str, list[float]]:
    from tui.app.launch import build_app

    app = build_app(db, wid, step="touchpoints", who="bench")
    times: dict[str, list[float]] = {}

    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()

        async def timed(label: str, *keys: str) -> None:
            await timed_press(pilot, times, label, *keys)

        await pilot.press("escape")
        for _ in range(30):
            await timed("touchpoints: cursor down", "down")
        for i in range(20):
            await timed("touchpoints: sentiment +/- (store write)", "plus" if i % 2 else "minus")
        await timed("switch to pain points (first visit)", "5")
        for _ in range(30):
            await timed("pain points: cursor down", "down")
        for _ in range(5):
            await timed("switch step 3 <-> 5 (views kept)", "3")
            await timed("switch step 3 <-> 5 (views kept)", "5")
    return times


def table_app() -> App[None]:
    """A bare app with one 20-row ``DataTable``: Textual's own cost of a cursor move."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            table: DataTable[str] = DataTable(cursor_type="row")
            table.add_column("n")
            table.add_rows([[str(i)] for i in range(20)])
            yield table

    return Bare()


async def floor() -> dict[str, list[float]]:
    """The same Pilot press+pause on ``table_app`` (Pilot's own cost)."""
    times: dict[str, list[float]] = {}
    async with table_app().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(15):
            await timed_press(pilot, times, "floor: bare 20-row DataTable, cursor down", "down")
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "large.db"
        start = time.perf_counter()
        wid = generate(db)
        print(f"generated {STAGES * PER_STAGE} touchpoints, {PAINS} pain points in "
              f"{time.perf_counter() - start:.1f} s")
        _watch_paints()
        times = asyncio.run(floor())
        times.update(asyncio.run(measure(db, wid)))
    for label, values in times.items():
        values.sort()
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        print(f"{label:<52} median {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms"
              f"   n={len(values)}")


if __name__ == "__main__":
    import argparse

    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()  # --help only
    main()
