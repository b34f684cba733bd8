"""Keypress to screen updated, inside the app, at one map size (touchpoints = N).

One workshop of N touchpoints (10 stages, N/4 pain points) is generated in a
child process; a fresh process then runs the real app headless (Pilot, 120x40)
and times, per key, from the key being sent until the *last* screen update
(compositor refresh) before Pilot's pause returned — the app's own handling and
rendering, not Pilot's trailing idle polls (see ``tui_keypress.py``):

- a step key (Tracker) pressed at once after the workshop shows, while the other
  steps' views are still being built at idle, and the CPU that building took; under
  it, when the store was open (keys wait for it), when Tracker was first on screen
  and how many other views were built before it (Pilot's pause, the "app" column,
  also waits for the views built after it);
- first visit to each table step (stages, touchpoints, ownership, pains, tracker),
  once the views are built (the room talks before its first key), then to Cards,
  Right held there (one card a key, the "quiet" way below), Cards Page Down, End and
  Home, the Plan's Down and Page Down, and first visits to the Future state and
  Moments (N/4 pain points, a card each);
- cursor moves in touchpoints, a sentiment edit (a store write and redraw), and
  switches between kept steps 3 and 5;
- the floor: the same measure for cursor moves in a bare 20-row ``DataTable``.

Pilot's ``pause`` posts a callback to *every* widget of the screen and waits
for each (≈ 200 widgets once five steps were visited, ≈ 25 ms CPU per key that a
real terminal never spends; the bare floor has 3 widgets).  So cursor moves and
edits are also timed the way a terminal delivers a key: sent through the
driver, then waiting until the process is idle (Textual's ``wait_for_idle``, no
message to any widget) — the "quiet" rows, against a quiet floor measured the
same way.

Goals: ≤ 16 ms at 100 touchpoints, ≤ 50 ms at 2,000 and 10,000 (moves, edits,
switches); first visit ≤ 100 ms at 2,000 and ≤ 300 ms at 10,000.  The seat's
peak RSS (VmHWM) after all that is printed too (goal < 200 MB at 10,000).

    python bench/steps.py [N ...] [--json]
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.step_floors import floor, press, press_quiet, screen_switch_floor, switch_floor  # noqa: E402
from bench.tui_keypress import _watch_paints  # noqa: E402

STEP_KEYS = (("stages", "2"), ("touchpoints", "3"), ("ownership", "4"), ("pains", "5"),
             ("tracker", "7"))


def generate(db: Path, touchpoints: int) -> int:
    """One workshop with ``touchpoints`` touchpoints over 10 stages and N/4 pain points."""
    from models.db.store import Store
    from models.db.tables.cards import HypothesisCard, PainPoint
    from models.db.tables.workshop import Stage, Touchpoint

    stages_n = 10
    with Store(db, who="bench") as store:
        w = store.create_workshop(default_stages=False, title="Large", persona="p",
                                  scenario="s", persona_goal="g", business_goal="b")
        wid = int(w.id or 0)
        with store.write() as s:
            stages = [Stage(workshop_id=wid, position=i, name=f"Stage {i + 1}",
                            kpi_name="FCR") for i in range(stages_n)]
            s.add_all(stages)
            s.flush()
            tps = [Touchpoint(stage_id=int(stages[i * stages_n // touchpoints].id or 0), position=i,
                              name=f"Touchpoint {i}", channel="Chat",
                              sentiment=i % 5 - 2, owner_team=f"Team {i % 4}")
                   for i in range(touchpoints)]
            s.add_all(tps)
            s.flush()
            s.add_all(PainPoint(workshop_id=wid, touchpoint_id=tps[k * 4].id,
                                description=f"Pain {k}", impact=k % 3 + 1,
                                effort=(k // 3) % 3 + 1, ticket_volume=k * 7)
                      for k in range(touchpoints // 4))
            s.flush()
        with store.write() as s:  # a card each, as big maps have: the Cards keys need them
            s.add_all(HypothesisCard(pain_point_id=int(p.id or 0), experiment=f"Fix {p.id}",
                                     outcome="less", signal="30% fewer", owner=f"Team {n % 4}")
                      for n, p in enumerate(store.load(wid).pain_points))
        return wid


def rss_peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


_REAL_REFRESH: list[object] = []


def _mark_step_key(app: object, screen: object, step: str) -> dict[str, tuple[float, float]]:
    """What the room sees after a step key typed at once: when the store is open (keys
    wait for it), when ``step``'s view is first on screen (wall and CPU from now), and
    how many step views were built before it (the prebuild's, not the asked one)."""
    from textual.screen import Screen
    from textual.widgets import ContentSwitcher

    from tui.steps.base import StepView

    marks: dict[str, tuple[float, float]] = {}
    start, cpu = time.perf_counter(), time.process_time()
    real = Screen._compositor_refresh
    _REAL_REFRESH.append(real)

    def marking(self: Screen) -> None:  # type: ignore[type-arg]
        real(self)
        now = ((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000)
        if "store open" not in marks and app.session.store is not None:  # type: ignore[attr-defined]
            marks["store open"] = now
        if "asked view on screen" not in marks and self is screen:
            switcher = self.query_one(ContentSwitcher)
            view = self.query_one_optional(f"#step-{step}", StepView)
            if view is not None and view.ready and switcher.current == view.id:
                marks["asked view on screen"] = now
                built = [v for v in switcher.children if isinstance(v, StepView)]
                marks["built before"] = (float(len(built) - 2), 0.0)  # not scope, not it

    Screen._compositor_refresh = marking  # type: ignore[method-assign]
    return marks


def _unmark() -> None:
    from textual.screen import Screen

    if _REAL_REFRESH:
        Screen._compositor_refresh = _REAL_REFRESH.pop()  # type: ignore[method-assign,assignment]


async def measure(db: Path, wid: int, moves: int) -> dict[str, list[float]]:
    from tui.app.launch import build_app
    from tui.screens.workshop import WorkshopScreen
    from tui.steps.base import StepView

    times: dict[str, list[float]] = {}
    app = build_app(db, wid, step="scope", who="bench")
    async with app.run_test(size=(120, 40)) as pilot:
        while not (isinstance(app.screen, WorkshopScreen) and app.screen.query(StepView)
                   and app.screen.view().ready):
            await asyncio.sleep(0.005)  # the scope step drawn
        screen = app.screen
        cpu = time.process_time()
        marks = _mark_step_key(app, screen, "tracker")
        await press(pilot, times, "step key while views build", "7")
        _unmark()
        for label, (wall, used) in marks.items():
            if label != "built before":
                times[f"  {label}"] = [wall]
                times[f"(first paint)   {label}"] = [wall]
                times[f"(cpu)   {label}"] = [used]
                times[f"(cpu to screen)   {label}"] = [used]
        times["(built before) tracker"] = [marks.get("built before", (float("nan"), 0))[0]]
        await pilot.press("escape")
        while not screen.prebuilt:
            await pilot.pause(0.05)
        times["(cpu) building views at idle"] = [(time.process_time() - cpu) * 1000]
        await app.workers.wait_for_complete()
        await pilot.pause()
        for step, key in STEP_KEYS:
            await press(pilot, times, f"first visit: {step}", key)
            await pilot.press("escape")
        await press(pilot, times, "first visit: cards", "6")
        for _ in range(moves):
            await press_quiet(app, times, "quiet: cards right (held)", "right")
        await cards_and_plan_keys(app, pilot, times, moves)
        for label, key in (("future state", "U"), ("moments", "M")):
            await press(pilot, times, f"first visit: {label}", key)
            await pilot.press("escape")
        await press(pilot, times, "switch to touchpoints (kept)", "3")
        await pilot.press("escape")
        for _ in range(moves):
            await press(pilot, times, "touchpoints: cursor down", "down")
        for i in range(max(4, moves // 3)):
            await press(pilot, times, "touchpoints: sentiment edit", "plus" if i % 2 else "minus")
        for _ in range(moves):
            await press_quiet(app, times, "quiet: cursor down", "down")
        for i in range(max(4, moves // 3)):
            await press_quiet(app, times, "quiet: sentiment edit", "plus" if i % 2 else "minus")
        await pilot.pause()
        for _ in range(max(3, moves // 6)):
            await press(pilot, times, "switch step 3 -> 5 (kept)", "5")
            await press(pilot, times, "switch step 5 -> 3 (kept)", "3")
        for _ in range(max(3, moves // 6)):
            await press_quiet(app, times, "quiet: switch 3 -> 5", "5")
            await press_quiet(app, times, "quiet: switch 5 -> 3", "3")
        await switches_after_an_edit(pilot, times, moves)
    return times


async def switches_after_an_edit(pilot: Any, times: dict[str, list[float]],
                                 moves: int) -> None:
    """A sentiment typed on Touchpoints, then a switch to Ownership (and, after another,
    to Pain points): the room's usual walk.  Each kept view drew before the edit, so
    the switch costs what the view redraws for a field it may not show."""
    for i in range(max(3, moves // 6)):
        for step, key in (("4", "4"), ("5", "5")):
            await pilot.press("plus" if i % 2 else "minus")
            await press(pilot, times, f"switch 3 -> {step} after an edit", key)
            await pilot.press("3", "escape")



async def cards_and_plan_keys(app: object, pilot: object, times: dict[str, list[float]],
                              moves: int) -> None:
    """Cards Page Down, End and Home (the window of boxes moves), then the Plan's cursor
    (its first visit generates the plan: one task a card), each the quiet way.  The
    first End draws cards never shown; the later ones are rows of their own."""
    for _ in range(max(3, moves // 4)):
        await press_quiet(app, times, "quiet: cards page down", "pagedown")
    await press_quiet(app, times, "quiet: cards end (first)", "end")
    await press_quiet(app, times, "quiet: cards home", "home")
    for _ in range(max(2, moves // 6)):
        await press_quiet(app, times, "quiet: cards end", "end")
        await press_quiet(app, times, "quiet: cards home", "home")
    await press(pilot, times, "first visit: plan", "8")
    await app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause(0.5)  # type: ignore[attr-defined]
    for key, label in (("down", "down"), ("pagedown", "page down")):
        for _ in range(max(3, moves // 2)):
            await press_quiet(app, times, f"quiet: plan {label}", key)


def child(db: Path, wid: int, moves: int) -> dict[str, object]:
    _watch_paints()
    times = asyncio.run(floor(moves))
    times.update(asyncio.run(switch_floor(moves)))
    times.update(asyncio.run(screen_switch_floor(moves)))
    times.update(asyncio.run(measure(db, wid, moves)))
    return {"times": times, "rss_mb": rss_peak_mb()}


def run_size(n: int, moves: int = 20) -> dict[str, object]:
    """Generate a map of ``n`` touchpoints and measure it in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="jm-steps-") as tmp:
        db = Path(tmp) / "big.db"
        out = subprocess.run([sys.executable, __file__, "--generate", str(db), str(n)],
                             check=True, capture_output=True, text=True)
        wid = int(out.stdout.strip().splitlines()[-1])
        out = subprocess.run([sys.executable, __file__, "--child", str(db), str(wid),
                              str(moves)], check=True, capture_output=True, text=True)
        return json.loads(out.stdout.strip().splitlines()[-1])


def _floor(times: dict[str, list[float]], label: str) -> dict[str, float]:
    """A floor's medians: wall to the last update, CPU to the first update, CPU to idle."""
    return {"app": statistics.median(times[label]),
            "screen": statistics.median(times["(cpu to screen) " + label]),
            "cpu": statistics.median(times["(cpu) " + label])}


def _said(floor_of: dict[str, float]) -> str:
    return (f"app {floor_of['app']:.1f}, cpu>screen {floor_of['screen']:.1f}, "
            f"cpu>idle {floor_of['cpu']:.1f}")


def report(n: int, result: dict[str, object]) -> list[str]:
    times: dict[str, list[float]] = result["times"]  # type: ignore[assignment]
    plain, quiet, switch, screens = (_floor(times, label) for label in (
        "floor", "quiet floor", "quiet switch floor", "quiet screen switch floor"))
    lines = [f"-- {n:,} touchpoints, {n // 4:,} pain points (ms, medians; floor = bare "
             f"20-row DataTable cursor move: {_said(plain)}; quiet floor: {_said(quiet)}; "
             f"quiet switch floor (bare ContentSwitcher, two table+form views): "
             f"{_said(switch)}; 'quiet: switch' rows are ratios to it; the same two views as "
             f"installed screens swapped by switch_screen: {_said(screens)})",
             "   app = wall, key to the last screen update (idle again); first = wall, key to "
             "the first screen update (the one that shows the key); cpu>screen = process CPU, "
             "key to that first update (the goal's 'keypress to screen updated'); cpu>idle = "
             "process CPU, key until the app is idle (work after the frame too; Pilot rows "
             "include Pilot's own polls, as in the floor); (xN) = ratio to the floor's same "
             "column"]
    for label, values in times.items():
        if label == "(cpu) building views at idle":
            lines.append(f"  {'building views at idle (all)':<32} cpu {values[0]:7.1f} "
                         "(background, from the first paint of the workshop, with the key above)")
        if label == "(built before) tracker":
            lines.append(f"  {'  step views built before it':<32} {values[0]:.0f} (the prebuild's)")
        if label.startswith("(") or label in ("floor", "quiet floor", "quiet switch floor",
                                              "quiet screen switch floor"):
            continue
        med = statistics.median(values)
        first = statistics.median(times["(first paint) " + label])
        cpu = statistics.median(times["(cpu) " + label])
        shown = statistics.median(times["(cpu to screen) " + label])
        floor_of = quiet if label.startswith("quiet") else plain
        if label.startswith("quiet: switch"):
            floor_of = switch
        lines.append(f"  {label:<32} app {med:8.1f} (x{med / floor_of['app']:5.1f})  "
                     f"first {first:7.1f}  cpu>screen {shown:7.1f} "
                     f"(x{shown / floor_of['screen']:5.1f})  cpu>idle {cpu:7.1f} "
                     f"(x{cpu / floor_of['cpu']:5.1f})  n={len(values)}")
    lines.append(f"  seat peak RSS {result['rss_mb']:.0f} MB")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 2000, 10000])
    parser.add_argument("--moves", type=int, default=20)
    parser.add_argument("--generate", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        print(generate(Path(args.generate[0]), int(args.generate[1])))
        return
    if args.child:
        db, wid, moves = args.child
        print(json.dumps(child(Path(db), int(wid), int(moves))))
        return
    for n in args.sizes:
        print("\n".join(report(n, run_size(n, args.moves))), flush=True)


if __name__ == "__main__":
    main()
