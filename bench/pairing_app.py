"""``bench/pairing.py --mode app``: the same measurement with real headless app seats.

Each seat is a separate process running ``JourneyApp`` under ``App.run_test()``
(headless, 120x40) on the touchpoints step, with its own store, seat and
pairing loop - exactly what ``journeymap open`` runs, minus the terminal.  One
of the seats is the writer: every 200 ms it renames a touchpoint through its
own app (``save_field``, the autosave path), stamping the time since the shared
start (ms) into the name (it must fit the 19-cell name column).  Every other seat
records when the new name is in its touchpoint
table *after the next screen refresh* (``call_after_refresh`` once
``reload_journey`` ran), so the latency covers poll + fingerprint + reload +
redraw.

Idle: the same seats with no writer; the CPU time of one seat's process
(``time.process_time``, all its threads) divided by wall time.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import statistics
import time
from pathlib import Path
from typing import Any

SIZE = (120, 40)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def _seat(db: str, wid: int, tp_id: int, name: str, seconds: float, expect: int,
                writer: bool, edits: int, every: float, start_at: float) -> dict[str, Any]:
    from models.db.tables.workshop import Touchpoint
    from tui.app.launch import build_app

    app = build_app(db, wid, step="touchpoints", who=name)
    seen: dict[int, float] = {}
    async with app.run_test(headless=True, size=SIZE) as pilot:
        for _ in range(600):  # wait for the seat (store opened in a worker, then joined)
            if app.pairing.seat is not None and app.screen.query("#touchpoints-table"):
                break
            await pilot.pause(0.05)
        table = app.screen.query_one("#touchpoints-table")

        def check() -> None:
            try:
                shown = table.get_cell(str(tp_id), "name").plain  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - table being rebuilt
                return
            parts = shown.split(" ")
            if len(parts) == 3 and parts[0] == "e":
                seq = int(parts[1])
                if seq >= 0 and seq not in seen:
                    seen[seq] = time.time() - (start_at + int(parts[2]) / 1000)

        reload = app.reload_journey

        def reload_and_check() -> None:
            reload()
            app.call_after_refresh(check)

        app.reload_journey = reload_and_check  # type: ignore[method-assign]
        if not writer:  # measure only once every seat is up (start-up is not idle)
            await asyncio.sleep(max(0.0, start_at - time.time()))
        cpu0, wall0 = time.process_time(), time.monotonic()
        if writer:
            await asyncio.sleep(max(0.0, start_at - time.time()))
            begin = time.monotonic()
            for seq in range(edits):
                await asyncio.sleep(max(0.0, begin + (seq + 1) * every - time.monotonic()))
                # short enough for the 19-cell name column: milliseconds since the shared start
                stamp = round((time.time() - start_at) * 1000)
                app.save_field(Touchpoint, tp_id, "name", f"e {seq} {stamp}")
            await asyncio.sleep(1.0)
        else:
            while time.monotonic() - wall0 < seconds and len(seen) < expect:
                await asyncio.sleep(0.2)
        cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
        reloads = app.pairing.reloads
    return {"name": name, "latencies": list(seen.values()), "cpu": cpu, "wall": wall,
            "reloads": reloads, "writer": writer}


def _seat_process(out: mp.Queue, *args: Any) -> None:  # type: ignore[type-arg]
    out.put(asyncio.run(_seat(*args)))


def run_app_mode(db: Path, wid: int, tp_id: int, seats: int, edits: int, every: float,
                 idle: float) -> None:
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    budget = edits * every + 60
    start_at = time.time() + 12.0  # every seat has imported Textual + SQLModel and joined
    procs = [ctx.Process(target=_seat_process, args=(
        out, str(db), wid, tp_id, f"seat{i}", budget, edits, i == 0, edits, every, start_at))
        for i in range(seats)]
    for p in procs:
        p.start()
    results = [out.get(timeout=budget + 120) for _ in procs]
    for p in procs:
        p.join()
    readers = [r for r in results if not r["writer"]]
    lat = [x for r in readers for x in r["latencies"]]
    expected = edits * len(readers)
    print(f"app latency: {seats} headless app seats ({len(readers)} watching + 1 writing "
          f"through its app), {edits} edits every {every * 1000:.0f} ms, poll 100 ms")
    if lat:
        print(f"  seen {len(lat)}/{expected}  p50 {_percentile(lat, .5) * 1000:.0f} ms  "
              f"p95 {_percentile(lat, .95) * 1000:.0f} ms  max {max(lat) * 1000:.0f} ms  "
              "(goal p95 <= 300 ms)")
    if idle <= 0:
        return
    out2: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    idle_start = time.time() + 12.0
    idle_procs = [ctx.Process(target=_seat_process, args=(
        out2, str(db), wid, tp_id, f"idle{i}", idle, 10**9, False, 0, every, idle_start))
        for i in range(seats)]
    for p in idle_procs:
        p.start()
    idle_results = [out2.get(timeout=idle + 180) for _ in idle_procs]
    for p in idle_procs:
        p.join()
    one = idle_results[0]
    share = one["cpu"] / one["wall"] * 100
    mean = statistics.mean(r["cpu"] / r["wall"] * 100 for r in idle_results)
    print(f"app idle: {seats} app seats heart-beating, {one['wall']:.0f} s: one seat "
          f"{share:.2f} % of a core (mean {mean:.2f} %, max "
          f"{max(r['cpu'] / r['wall'] * 100 for r in idle_results):.2f} %), "
          f"{one['reloads']} full reloads (goal <= 1 %)")
