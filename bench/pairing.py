"""Pairing bench: how fast do other seats see an edit, and what does an idle seat cost?

Setup: one database file, N reader seats in separate processes and one writer
that renames a touchpoint every 200 ms, stamping the wall-clock time into the
name.  Each reader does what the app does for live refresh: poll
``Watcher.poll()`` (``PRAGMA data_version``) every ``--poll`` seconds, reload
the journey when it fires, and heartbeat its presence every 3 s.  The latency
of one edit for one reader is (time it saw the new name) - (stamp).

Idle: the same seats with no writer, for ``--idle`` seconds; the CPU time of
one reader (``time.process_time`` in the child) divided by wall time.

Floors measured in the same run: one ``PRAGMA data_version`` call and one
``Store.load`` of the workshop, so the latencies read against what the
mechanism itself costs.

``--mode models`` (default) measures the bare models-level loop (Watcher +
reload); ``--mode app`` runs real headless ``JourneyApp`` seats in separate
processes instead (see ``bench/pairing_app.py``): latency then includes the
fingerprint check, ``reload_journey`` and the redraw of the touchpoint table.

    python bench/pairing.py                 # 6 seats, 50 edits, 60 s idle
    python bench/pairing.py --edits 20 --idle 10
    python bench/pairing.py --mode app      # 6 headless app seats
    python bench/pairing.py --db postgresql://user@host/empty_db   # on a server:
        # the watcher then counts LISTEN/NOTIFY notifications (models/db/server.py)
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.db.store import Store  # noqa: E402
from models.db.tables.workshop import Touchpoint  # noqa: E402
from models.live import presence  # noqa: E402
from models.live.watch import Watcher  # noqa: E402
from models.vocab import HEARTBEAT_S  # noqa: E402


def _setup(db: Path) -> tuple[int, int]:
    with Store(db, who="lead") as store:
        wid = int(store.create_workshop(title="Bench").id or 0)
        stage = store.load(wid).stages[0]
        tp = store.add(Touchpoint(stage_id=stage.id or 0, name="edit -1 0"))
        return wid, int(tp.id or 0)


def _reader(db: str, wid: int, tp_id: int, name: str, poll: float, seconds: float,
            expect: int, out: mp.Queue) -> None:  # type: ignore[type-arg]
    """One seat: poll, reload on change, record when each edit became visible."""
    store = Store(db, who=name)
    seat = presence.join(store, wid, name)
    watcher = Watcher(store)
    seen: dict[int, float] = {}
    reloads = 0
    cpu0, wall0 = time.process_time(), time.monotonic()
    next_beat = wall0 + HEARTBEAT_S
    while time.monotonic() - wall0 < seconds and len(seen) < expect:
        if watcher.poll():
            journey = store.load(wid)
            reloads += 1
            tp = journey.touchpoint(tp_id)
            if tp is not None and tp.name.startswith("edit "):
                _, seq, stamp = tp.name.split(" ")
                if int(seq) >= 0 and int(seq) not in seen:
                    seen[int(seq)] = time.time() - float(stamp)
        if time.monotonic() >= next_beat:
            presence.heartbeat(store, seat.id or 0)
            next_beat += HEARTBEAT_S
        time.sleep(poll)
    cpu = time.process_time() - cpu0
    wall = time.monotonic() - wall0
    presence.leave(store, seat.id or 0)
    store.close()
    out.put({"name": name, "latencies": list(seen.values()), "cpu": cpu, "wall": wall,
             "reloads": reloads})


def _writer(db: str, tp_id: int, edits: int, every: float) -> None:
    store = Store(db, who="writer")
    start = time.monotonic()
    for seq in range(edits):
        target = start + (seq + 1) * every
        time.sleep(max(0.0, target - time.monotonic()))
        store.update(Touchpoint, tp_id, name=f"edit {seq} {time.time():.6f}")
    store.close()


def _floors(db: Path, wid: int) -> tuple[float, float]:
    with Store(db, who="floor") as store:
        watcher = Watcher(store)
        n = 20_000
        t0 = time.perf_counter()
        for _ in range(n):
            watcher.poll()
        pragma = (time.perf_counter() - t0) / n
        t0 = time.perf_counter()
        for _ in range(50):
            store.load(wid)
        load = (time.perf_counter() - t0) / 50
    return pragma, load


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(seats: int, edits: int, every: float, poll: float, idle: float,
        mode: str = "models", url: str | None = None) -> None:
    ctx = mp.get_context("spawn")
    with tempfile.TemporaryDirectory() as tmp:
        db: Path = url or Path(tmp) / "bench.db"  # type: ignore[assignment]
        wid, tp_id = _setup(db)
        pragma, load = _floors(db, wid)
        how = "LISTEN/NOTIFY count" if url else "PRAGMA data_version"
        print(f"engine: {'PostgreSQL' if url else 'SQLite file'}")
        print(f"floor: {how} poll {pragma * 1e6:.1f} µs; "
              f"Store.load {load * 1e3:.2f} ms")
        if mode == "app":
            from bench.pairing_app import run_app_mode

            run_app_mode(db, wid, tp_id, seats, edits, every, idle)
            return

        out: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
        budget = edits * every + 30
        readers = [ctx.Process(target=_reader, args=(str(db), wid, tp_id, f"seat{i}", poll,
                                                      budget, edits, out))
                   for i in range(seats - 1)]
        for p in readers:
            p.start()
        time.sleep(3.0)  # let every seat start (spawn imports SQLModel) before editing
        writer = ctx.Process(target=_writer, args=(str(db), tp_id, edits, every))
        writer.start()
        results = [out.get(timeout=budget + 60) for _ in readers]
        writer.join()
        for p in readers:
            p.join()
        lat = [x for r in results for x in r["latencies"]]
        expected = edits * len(readers)
        print(f"latency: {seats} seats ({len(readers)} readers + 1 writer), {edits} edits "
              f"every {every * 1000:.0f} ms, poll {poll * 1000:.0f} ms")
        if lat:
            print(f"  seen {len(lat)}/{expected}  p50 {_pct(lat, .5) * 1000:.0f} ms  "
                  f"p95 {_pct(lat, .95) * 1000:.0f} ms  max {max(lat) * 1000:.0f} ms  "
                  f"(goal p95 <= 300 ms; p50 / load floor = {_pct(lat, .5) / load:.1f}x)")
        missed = expected - len(lat)
        if missed:
            print(f"  note: {missed} edits were overwritten before a reader reloaded "
                  "(it saw a later one)")

        if idle > 0:
            out2: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
            idle_seats = [ctx.Process(target=_reader, args=(str(db), wid, tp_id, f"idle{i}",
                                                            poll, idle, 10**9, out2))
                          for i in range(seats)]
            for p in idle_seats:
                p.start()
            idle_results = [out2.get(timeout=idle + 120) for _ in idle_seats]
            for p in idle_seats:
                p.join()
            one = idle_results[0]
            share = one["cpu"] / one["wall"] * 100
            mean = statistics.mean(r["cpu"] / r["wall"] * 100 for r in idle_results)
            print(f"idle: {seats} seats heart-beating, {one['wall']:.0f} s: one seat "
                  f"{share:.2f} % of a core (mean {mean:.2f} %), {one['reloads']} reloads "
                  "(goal <= 1 %)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seats", type=int, default=6)
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--every", type=float, default=0.2, help="seconds between edits")
    parser.add_argument("--poll", type=float, default=0.1, help="seconds between polls")
    parser.add_argument("--idle", type=float, default=60.0, help="idle seconds (0 to skip)")
    parser.add_argument("--mode", choices=("models", "app"), default="models",
                        help="bare Watcher loop, or headless JourneyApp seats")
    parser.add_argument("--db", default=None,
                        help="an empty PostgreSQL database URL (default: a temp SQLite file)")
    args = parser.parse_args()
    run(args.seats, args.edits, args.every, args.poll, args.idle, args.mode, args.db)


if __name__ == "__main__":
    main()
