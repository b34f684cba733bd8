"""A portfolio of 200 workshops: Home listing after start-up, tracker "all workshops".

Headless (Pilot, 120x40), in one process per figure, alternating runs:

- ``home``: from ``run_test`` entered (app built, not started) until the first
  screen update after the Home table holds every workshop; its floor is a bare
  Textual app with a 20-row ``DataTable``, timed the same way (goal: Home
  lists ≤ 100 ms after start-up, i.e. home − floor);
- ``tracker all``: on the Tracker step, ``w`` pressed as soon as the workshop
  shows (the other steps' views are still being built and laid out at idle),
  until the screen shows what it keeps showing: the last screen update that
  changed a character or a style of the screen (goal <= 1 s); the same once
  every view is built (``w`` after the prebuild).  Sessions 3-13 stopped the
  clock at the last screen update of Pilot's wait for idle instead: that wait
  also covers the hidden step views built at idle after the items are shown
  (each repaints the same screen), which nobody looks at; it is still printed
  ("to idle").  Each also prints the moment the portfolio's items are first on
  screen, the process CPU (all threads: the read's worker and the main thread)
  from ``w`` to that moment, and how many step views were mounted in between
  (idle work the read waited behind).  Each screen update's content is taken
  from the compositor's lines (a few ms each, counted in the later figures).

    python bench/portfolio.py [--workshops 200] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.child_env import child_env  # noqa: E402
from bench.tui_keypress import PAINTS, PAINTS_CPU, _watch_paints  # noqa: E402


def build(db: Path, workshops: int) -> int:
    from models.db.store import Store
    from models.export.templates import create_from_template

    with Store(db, who="bench") as store:
        first = create_from_template(store, "login-lockout")
        for _ in range(workshops - 1):
            create_from_template(store, "login-lockout")
        return first


async def time_home(db: Path, workshops: int) -> tuple[float, float]:
    """(wall, process CPU) from the app entering ``run_test`` to the first screen update
    after the Home table holds every workshop (CPU counts the store's worker thread too:
    other engineers' load inflates wall clock, not CPU)."""
    from textual.widgets import DataTable

    from tui.app.launch import build_app

    app = build_app(db, None, who="bench")
    start, cpu = time.perf_counter(), time.process_time()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(400):
            tables = [t for t in app.screen.query(DataTable) if t.row_count >= workshops]
            if tables and PAINTS:
                break
            PAINTS.clear()
            PAINTS_CPU.clear()
            await pilot.pause(0.005)
        await pilot.pause()
        if not PAINTS:
            return time.perf_counter() - start, time.process_time() - cpu
        return PAINTS[0] - start, PAINTS_CPU[0] - cpu


async def time_floor() -> tuple[float, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            table: DataTable[str] = DataTable(cursor_type="row")
            table.add_column("n")
            table.add_rows([[str(i)] for i in range(20)])
            yield table

    app = Bare()
    PAINTS.clear()
    PAINTS_CPU.clear()
    start, cpu = time.perf_counter(), time.process_time()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if not PAINTS:
            return time.perf_counter() - start, time.process_time() - cpu
        return PAINTS[0] - start, PAINTS_CPU[0] - cpu


# What each screen update left on screen (a hash of the compositor's lines), in step
# with ``PAINTS``: the moment the screen stops changing is read from these.
FRAMES: list[int] = []


def _watch_frames() -> None:
    """Record what the screen shows after every screen update (after its time is taken)."""
    from textual.screen import Screen

    painted = Screen._compositor_refresh

    def seen(self: Screen) -> None:  # type: ignore[type-arg]
        painted(self)
        FRAMES.append(hash(tuple(tuple((seg.text, seg.style) for seg in strip)
                                 for strip in self._compositor.render_strips())))

    Screen._compositor_refresh = seen  # type: ignore[method-assign]


def settled(start: float) -> float:
    """When the screen last changed after ``start``: the first of the trailing run of
    screen updates that all show what the last one shows (``start`` if none did)."""
    after = [(t, frame) for t, frame in zip(PAINTS, FRAMES, strict=True) if t >= start]
    if not after:
        return start
    when, final = after[-1]
    for t, frame in reversed(after):
        if frame != final:
            break
        when = t
    return when


async def time_tracker_all(db: Path, wid: int, built: bool) -> list[float]:
    """[wall to the pause's last paint (idle), wall to the screen's last change, wall
    to the items first on screen, CPU to then, step views mounted between ``w`` and
    then]; ``built``: ``w`` once every view is built (else as soon as the workshop
    shows)."""
    from textual.widgets import ContentSwitcher

    from tui.app.launch import build_app
    from tui.steps.tracker import TrackerView

    loaded: list[float] = []
    real_loaded = TrackerView._loaded

    def noted(self: TrackerView, *args: Any) -> None:
        real_loaded(self, *args)
        if self.all_items is not None and not loaded:
            loaded.append(time.perf_counter())

    mounted: list[float] = []
    real_mount = ContentSwitcher.mount

    def counted(self: ContentSwitcher, *widgets: Any, **kwargs: Any) -> Any:
        mounted.extend(time.perf_counter() for _ in widgets)
        return real_mount(self, *widgets, **kwargs)

    TrackerView._loaded = noted  # type: ignore[method-assign,assignment]
    ContentSwitcher.mount = counted  # type: ignore[method-assign,assignment]
    app = build_app(db, wid, step="tracker", who="bench")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()  # the tracker table has the focus: its keys work
        if built:
            for _ in range(3000):
                if getattr(app.screen, "prebuilt", False):
                    break
                await pilot.pause(0.01)
            await pilot.pause(0.2)
        view = app.screen.query_one("#step-tracker")
        PAINTS.clear()
        PAINTS_CPU.clear()
        FRAMES.clear()
        start, cpu = time.perf_counter(), time.process_time()
        await pilot.press("w")
        for _ in range(2000):
            if getattr(view, "all_items", None) is not None:
                break
            await pilot.pause(0.005)
        else:
            raise SystemExit("the tracker never showed all workshops")
        last = len(PAINTS)
        await pilot.pause()
        end = PAINTS[-1] if len(PAINTS) > last else time.perf_counter()
        # the first screen update after the items were drawn into the table
        shown = [(t, c) for t, c in zip(PAINTS, PAINTS_CPU, strict=True) if t >= loaded[0]]
        at, at_cpu = shown[0] if shown else (end, time.process_time())
        between = sum(1 for t in mounted if start <= t <= at)
        return [end - start, settled(start) - start, at - start, at_cpu - cpu,
                float(between)]


def child(kind: str, db: Path, n: int) -> Sequence[float]:
    _watch_paints()
    if kind == "home":
        return asyncio.run(time_home(db, n))
    if kind == "floor":
        return asyncio.run(time_floor())
    _watch_frames()
    return asyncio.run(time_tracker_all(db, n, built=kind == "tracker-built"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workshops", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, db, n = args.child
        print(json.dumps(child(kind, Path(db), int(n))))
        return
    with tempfile.TemporaryDirectory(prefix="jm-portfolio-") as tmp:
        db = Path(tmp) / "portfolio.db"
        t0 = time.perf_counter()
        wid = build(db, args.workshops)
        print(f"built {args.workshops} workshops in {time.perf_counter() - t0:.1f} s")

        def run(kind: str, n: int) -> list[float]:
            out = subprocess.run([sys.executable, __file__, "--child", kind, str(db), str(n)],
                                 check=True, capture_output=True, text=True, env=child_env())
            return list(json.loads(out.stdout.strip().splitlines()[-1]))

        times: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for kind, n in (("floor", 0), ("home", args.workshops)):
                wall, cpu = run(kind, n)
                times.setdefault(kind, []).append(wall * 1000)
                times.setdefault(f"{kind} cpu", []).append(cpu * 1000)
            for kind in ("tracker", "tracker-built"):
                idle, wall, shown, cpu, between = run(kind, wid)
                times.setdefault(kind, []).append(wall * 1000)
                times.setdefault(f"{kind} idle", []).append(idle * 1000)
                times.setdefault(f"{kind} shown", []).append(shown * 1000)
                times.setdefault(f"{kind} cpu", []).append(cpu * 1000)
                times.setdefault(f"{kind} built", []).append(between)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"bare app + 20-row DataTable, first paint: median {med['floor']:7.0f} ms, "
          f"CPU {med['floor cpu']:.0f} ms")
    print(f"Home lists {args.workshops} workshops:        median {med['home']:7.0f} ms  "
          f"ratio {med['home'] / med['floor']:.2f}x  after start-up (home - floor) "
          f"{med['home'] - med['floor']:.0f} ms (goal <= 100)")
    print(f"  same, CPU (all threads): home {med['home cpu']:.0f} ms, floor "
          f"{med['floor cpu']:.0f} ms, home - floor {med['home cpu'] - med['floor cpu']:.0f} ms")
    print(f"tracker all workshops (w -> screen settled): median {med['tracker']:5.0f} ms  "
          f"(goal <= 1000; runs: " + ", ".join(f"{s:.0f}" for s in times["tracker"]) + ")")
    print(f"  once every view is built:                 median "
          f"{med['tracker-built']:5.0f} ms")
    print(f"  to idle (the hidden step views built at idle after it): median "
          f"{med['tracker idle']:.0f} ms")
    for kind, when in (("tracker", "w as soon as the workshop shows"),
                       ("tracker-built", "w once every view is built")):
        print(f"  {when + ':':33} items on screen {med[kind + ' shown']:5.0f} ms, CPU "
              f"{med[kind + ' cpu']:4.0f} ms, step views built meanwhile "
              f"{med[kind + ' built']:.0f} (runs: "
              + ", ".join(f"{s:.0f}" for s in times[kind + " shown"]) + ")")


if __name__ == "__main__":
    main()
