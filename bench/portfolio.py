"""A portfolio of 200 workshops: Home listing after start-up, tracker "all workshops".

Headless (Pilot, 120x40), in one process per figure, alternating runs:

- ``home``: from ``run_test`` entered (app built, not started) until the first
  screen update after the Home table holds every workshop; its floor is a bare
  Textual app with a 20-row ``DataTable``, timed the same way (goal: Home
  lists ≤ 100 ms after start-up, i.e. home − floor);
- ``tracker all``: on the Tracker step, from ``w`` until the all-workshops
  items are loaded and painted (goal ≤ 1 s).

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
from pathlib import Path

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


async def time_tracker_all(db: Path, wid: int) -> tuple[float, float]:
    from tui.app.launch import build_app

    app = build_app(db, wid, step="tracker", who="bench")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()  # the tracker table has the focus: its keys work
        view = app.screen.query_one("#step-tracker")
        start = time.perf_counter()
        await pilot.press("w")
        for _ in range(2000):
            if getattr(view, "all_items", None) is not None:
                break
            await pilot.pause(0.005)
        else:
            raise SystemExit("the tracker never showed all workshops")
        PAINTS.clear()
        await pilot.pause()
        return (PAINTS[-1] if PAINTS else time.perf_counter()) - start, 0.0


def child(kind: str, db: Path, n: int) -> tuple[float, float]:
    _watch_paints()
    if kind == "home":
        return asyncio.run(time_home(db, n))
    if kind == "floor":
        return asyncio.run(time_floor())
    return asyncio.run(time_tracker_all(db, n))


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

        def run(kind: str, n: int) -> tuple[float, float]:
            out = subprocess.run([sys.executable, __file__, "--child", kind, str(db), str(n)],
                                 check=True, capture_output=True, text=True, env=child_env())
            wall, cpu = json.loads(out.stdout.strip().splitlines()[-1])
            return wall * 1000, cpu * 1000

        times: dict[str, list[float]] = {"floor": [], "home": [], "tracker": [],
                                         "floor cpu": [], "home cpu": []}
        for _ in range(args.runs):
            for kind, n in (("floor", 0), ("home", args.workshops)):
                wall, cpu = run(kind, n)
                times[kind].append(wall)
                times[f"{kind} cpu"].append(cpu)
            times["tracker"].append(run("tracker", wid)[0])
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"bare app + 20-row DataTable, first paint: median {med['floor']:7.0f} ms, "
          f"CPU {med['floor cpu']:.0f} ms")
    print(f"Home lists {args.workshops} workshops:        median {med['home']:7.0f} ms  "
          f"ratio {med['home'] / med['floor']:.2f}x  after start-up (home - floor) "
          f"{med['home'] - med['floor']:.0f} ms (goal <= 100)")
    print(f"  same, CPU (all threads): home {med['home cpu']:.0f} ms, floor "
          f"{med['floor cpu']:.0f} ms, home - floor {med['home cpu'] - med['floor cpu']:.0f} ms")
    print(f"tracker all workshops (w -> painted):   median {med['tracker']:7.0f} ms  "
          f"(goal <= 1000)")


if __name__ == "__main__":
    main()
