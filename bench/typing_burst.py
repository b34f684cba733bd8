"""Typing speed under a raw key burst: keys per second into a touchpoint's name field.

A terminal sends pasted text one key per character when bracketed paste is off
(tmux ``paste-buffer`` without ``-p``, a slow SSH link delivering a typed
sentence in one read): thousands of keys reach the app in one go.  Each run
posts the whole burst to the app at once, as Textual's driver does after one
read, and times until the last key is in the field and nothing is still held
or on its way (the app is ready for the Enter behind it).

- ``journeymap``: the real app headless (``run_test``), step 3, the first
  touchpoint's name field open and emptied, then the burst;
- ``floor``: the same burst into a plain Textual ``Input`` in a bare app,
  measured in the same run.  The ratio floor/journeymap keys per second is the
  figure to read (goal ≤ 1.5), not the absolute rate: the machine is shared.

``--profile`` runs one journeymap burst under cProfile and prints where the
time went.

    python bench/typing_burst.py [--keys 2000] [--runs 3] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TEXT = "Customer opens chat 42 "  # letters, digits and spaces: digits are step keys
POLL_S = 0.005


def burst_text(keys: int) -> str:
    """``keys`` printable characters."""
    return (TEXT * (keys // len(TEXT) + 1))[:keys]


def burst_keys(text: str) -> list[Any]:
    """The keys Textual's driver posts for ``text`` typed without bracketed paste."""
    from textual import events
    from textual.keys import _character_to_key

    return [events.Key(_character_to_key(ch), ch) for ch in text]


def make_map(db: Path) -> int:
    """Three stages, one touchpoint with a pain point (the e2e burst tests' map)."""
    from models.db.store import Store
    from models.db.tables.cards import PainPoint
    from models.db.tables.workshop import Stage, Touchpoint

    with Store(db, who="bench") as store:
        wid = int(store.create_workshop(title="Burst", default_stages=False).id or 0)
        for name in ("Notice", "Contact", "Resolve"):
            stage = store.add(Stage(workshop_id=wid, name=name))
            if name == "Notice":
                tp = store.add(Touchpoint(stage_id=int(stage.id or 0), name="Sees error"))
                store.add(PainPoint(workshop_id=wid, touchpoint_id=tp.id, description="Slow"))
        return wid


async def until(check: Any, ceiling_s: float = 600.0) -> None:
    """Let the app run until ``check()`` holds (a ceiling against a hang, not a speed)."""
    deadline = time.monotonic() + ceiling_s
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit("the burst never finished")
        await asyncio.sleep(POLL_S)


async def journeymap_burst(db: Path, wid: int, text: str,
                           profile: cProfile.Profile | None = None) -> float:
    """Seconds for ``text`` as one raw burst into the first touchpoint's open name field."""
    from textual.widgets import DataTable, Input

    from tui.app.launch import build_app

    app: Any = build_app(db, wid, step="touchpoints", who="bench")
    async with app.run_test(size=(120, 40)) as pilot:
        await until(lambda: isinstance(app.screen.focused, DataTable)
                    and app.screen.focused.row_count > 0)
        await pilot.pause()
        await pilot.press("enter")
        await until(lambda: isinstance(app.screen.focused, Input) and not app.held_input.busy)
        await pilot.press("ctrl+u")
        field = app.screen.focused
        await until(lambda: field.value == "" and not app.held_input.busy)
        keys = burst_keys(text)
        if profile is not None:
            profile.enable()
        start = time.perf_counter()
        for key in keys:
            app.post_message(key)
        await until(lambda: field.value == text and not app.held_input.busy)
        elapsed = time.perf_counter() - start
        if profile is not None:
            profile.disable()
        await pilot.press("escape")
    return elapsed


async def floor_burst(text: str) -> float:
    """Seconds for ``text`` as one raw burst into a plain ``Input`` in a bare app."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Input()

    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        field = app.query_one(Input)
        assert app.focused is field
        start = time.perf_counter()
        for key in burst_keys(text):
            app.post_message(key)
        await until(lambda: field.value == text)
        elapsed = time.perf_counter() - start
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=2000, help="keys in the burst")
    parser.add_argument("--runs", type=int, default=3, help="bursts each way")
    parser.add_argument("--profile", action="store_true",
                        help="one journeymap burst under cProfile")
    parser.add_argument("--sort", default="tottime", help="cProfile order (tottime, cumulative)")
    args = parser.parse_args()
    text = burst_text(args.keys)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "burst.db"
        wid = make_map(db)
        if args.profile:
            profile = cProfile.Profile()
            asyncio.run(journeymap_burst(db, wid, text, profile))
            pstats.Stats(profile).sort_stats(args.sort).print_stats(30)
            return
        floors: list[float] = []
        apps: list[float] = []
        for _ in range(args.runs):  # interleaved: a load change hits both alike
            floors.append(asyncio.run(floor_burst(text)))
            apps.append(asyncio.run(journeymap_burst(db, wid, text)))
    floor_rate = args.keys / statistics.median(floors)
    app_rate = args.keys / statistics.median(apps)
    print(f"floor: plain Input, bare app   {floor_rate:7.0f} keys/s   "
          f"(runs: {', '.join(f'{args.keys / s:.0f}' for s in floors)})")
    print(f"journeymap: touchpoint name    {app_rate:7.0f} keys/s   "
          f"(runs: {', '.join(f'{args.keys / s:.0f}' for s in apps)})")
    print(f"ratio floor/journeymap         {floor_rate / app_rate:7.2f}   (goal <= 1.5)")


if __name__ == "__main__":
    main()
