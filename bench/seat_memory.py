"""A seat's memory after it visited every step, against a bare Textual app (issue 18).

Why: the goal is "a seat on a 10,000-touchpoint map under 200 MB RSS", and what
grows is what the walk builds: each step view kept once built, and what each
holds (rows, drawn lines, text).  The RSS of a Python process depends on the
interpreter and on Textual's own import, so the seat is printed beside a floor
measured the same way in the same run: a bare Textual app showing a 20-row
``DataTable`` in a process of its own.

Each program runs headless (Pilot, 80x24 unless ``--size``) in a fresh process on a
copy of the map (the file given is never written):
- the floor: after its first screen;
- the seat: once the views built at idle are built, then after each step and method
  view is shown (its RSS, its peak, the Python objects alive after a full
  collection and the kinds that grew most on that visit).  Once every view is built
  the app freezes what they hold out of the collector (``gc.freeze``), so the object
  counts are of what was made after that: what the visits themselves keep;
- then, on the last view, the map read again ``RELOADS`` times, as another seat's
  edit makes a seat read it (``WorkshopSession.reload``).

    python bench/seat_memory.py MAP.db [--workshop ID] [--size 80x24]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gc
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.child_env import child_env  # noqa: E402

WALK = ("scope", "stages", "touchpoints", "ownership", "pains", "cards", "tracker", "plan",
        "escalation", "future", "moments")
RELOADS = 3


def rss_mb() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process, in MB."""
    kb = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            kb[name] = int(value.split()[0])
    return kb["VmRSS"] // 1024, kb["VmHWM"] // 1024


def kinds() -> collections.Counter[str]:
    """The Python objects alive after a full collection, counted by type name."""
    gc.collect()
    return collections.Counter(type(thing).__name__ for thing in gc.get_objects())


async def floor_run(size: tuple[int, int]) -> None:
    from bench.tui_keypress import table_app

    async with table_app().run_test(size=size) as pilot:
        await pilot.pause()
        print("floor", *rss_mb(), flush=True)


async def seat_run(db: Path, wid: int, size: tuple[int, int]) -> None:
    from tests.tui.views import all_built
    from tui.app.launch import build_app

    app = build_app(db, wid, step="touchpoints", who="bench")
    async with app.run_test(size=size) as pilot:
        if not await all_built(pilot):
            print("the views built at idle never finished", flush=True)
        before = kinds()
        print("built", *rss_mb(), sum(before.values()), "", flush=True)
        for step in WALK:
            app.screen.show_step(step)
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
            now = kinds()
            grew = ", ".join(f"{name} +{n}" for name, n in (now - before).most_common(3))
            before = now
            print(step, *rss_mb(), sum(now.values()), grew, flush=True)
        for turn in range(1, RELOADS + 1):  # another seat's edits, each read again here
            app.session.reload()
            for _ in range(3):
                await pilot.pause()
            now = kinds()
            grew = ", ".join(f"{name} +{n}" for name, n in (now - before).most_common(3))
            before = now
            print(f"reload-{turn}", *rss_mb(), sum(now.values()), grew, flush=True)


def child(args: list[str]) -> list[list[str]]:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                         env=child_env(), check=True).stdout
    return [line.split(maxsplit=4) for line in out.splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--workshop", type=int, default=1)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--child", choices=("floor", "seat"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    cols, rows = (int(n) for n in args.size.split("x"))
    if args.child == "floor":
        asyncio.run(floor_run((cols, rows)))
        return
    if args.child == "seat":
        asyncio.run(seat_run(args.db, args.workshop, (cols, rows)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "map.db"
        shutil.copy(args.db, copy)
        [(_, floor_rss, floor_peak)] = child(["-", "--child", "floor", "--size", args.size])
        print(f"floor (bare Textual app, 20-row DataTable): RSS {floor_rss} MB, "
              f"peak {floor_peak} MB")
        print(f"{'after':<12} {'RSS':>6} {'peak':>6} {'x floor':>8} {'objects*':>9}  grew most")
        for what, rss, peak, objects, *grew in child(
                [str(copy), "--workshop", str(args.workshop), "--size", args.size,
                 "--child", "seat"]):
            ratio = int(rss) / int(floor_rss)
            print(f"{what:<12} {rss:>6} {peak:>6} {ratio:>7.1f}x {objects:>9}  "
                  f"{''.join(grew)}")
        print("* Python objects made after the views built at idle and still alive")


if __name__ == "__main__":
    main()
