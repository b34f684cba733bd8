"""Bench: ``journeymap tickets import`` of a Zendesk-style export against a ``csv.reader`` floor.

Generates a Zendesk-layout CSV (20 columns, ISO timestamps, sparse CSAT) in a temp dir, then
reports medians of CPU time, each as a ratio to the floor measured in the same run (the goal
of issue #14: ≤ 3×):

- in process: the floor (stdlib ``csv.reader`` reading every row, no work); the headline, what
  ``tickets import`` computes before its one database write (the import and every reading it
  stores: a table per month and grouping, and per whole span); the import alone; the import
  and one table by category;
- fresh processes (``--fresh``): ``python -m tui.cli tickets import FILE --workshop ID`` into a
  new database against ``python -c`` reading the same file with ``csv.reader``, both with the
  interpreter's start-up, so the import cost of the CLI and of polars is counted;
- the candidates the engine was chosen among: ``polars.read_csv`` + a group-by, DuckDB's
  sniffer + SQL group-by (one thread), csv rows loaded into in-memory SQLite + a SQL group-by.

With ``--hours`` it also times the import with a business-hours schedule; with ``--rss`` it
runs the floor and the headline on a 1,000,000-row file in fresh processes and prints their
peak RSS (``VmHWM`` on Linux, else ``resource.getrusage``). Absolute times depend on the
machine and its load: read the ratios, and say the load average next to them.

    python bench/tickets.py [--rows 100000] [--runs 5] [--fresh] [--rss] [--rss-rows 1000000]
                            [--hours]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEADER = [
    "Id", "Requester", "Assignee", "Group", "Subject", "Tags", "Status", "Priority", "Via",
    "Ticket type", "Created at", "Updated at", "Solved at", "Satisfaction Score",
    "Group stations", "Assignee stations", "Reopens", "Replies",
    "First reply time in minutes", "Full resolution time in minutes",
]


def generate(path: Path, rows: int) -> None:
    """A Zendesk-style export of ``rows`` tickets over 12 months."""
    rng = random.Random(14)
    start = datetime(2024, 1, 1)
    groups = ["Billing", "Technical", "Accounts", "Shipping"]
    vias = ["Email", "Web form", "Chat", "Phone"]
    types = ["Question", "Incident", "Problem", "Task"]
    scores = ["Unoffered"] * 6 + ["Offered"] * 3 + ["Good", "Good", "Bad"]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(1, rows + 1):
            created = start + timedelta(seconds=rng.randrange(365 * 86400))
            status = rng.choice(["Solved", "Closed", "Closed", "Open", "Pending"])
            hours = rng.expovariate(1 / 30)
            solved = created + timedelta(hours=hours)
            done = status in ("Solved", "Closed")
            first = rng.randrange(1, 600)
            w.writerow([
                i, f"Customer {i % 5000}", f"Agent {i % 40}", rng.choice(groups),
                f"Subject {i}, about something", "tag_a tag_b", status,
                rng.choice(["Low", "Normal", "High", "Urgent"]), rng.choice(vias),
                rng.choice(types), created.strftime("%Y-%m-%d %H:%M:%S"),
                (solved + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S"),
                solved.strftime("%Y-%m-%d %H:%M:%S") if done else "",
                rng.choice(scores), rng.choice([1, 1, 1, 2]), rng.choice([1, 1, 2, 3]),
                rng.choice([0, 0, 0, 1]), rng.choice([0, 1, 1, 2, 3]), first,
                int(hours * 60) if done else "",
            ])


def floor(path: Path) -> int:
    n = 0
    with path.open(encoding="utf-8", newline="") as f:
        for _ in csv.reader(f):
            n += 1
    return n


def engine_import(path: Path) -> object:
    from models.tickets import engine

    return engine.import_export(path)


def engine_hours(path: Path, table: bool = False) -> int:
    """The import with a business-hours schedule (Mon-Fri 09-17 Berlin, two holidays), and
    with ``table`` the category table too."""
    from models.tickets import engine, metrics
    from models.tickets.hours import Schedule

    schedule = Schedule.parse("mon-fri", "09:00", "17:00", "Europe/Berlin",
                              ["2024-12-25", "2024-12-26"])
    imported = engine.import_export(path, schedule=schedule)
    if table:
        metrics.table(imported, by="category")
    return imported.tickets


def engine_hours_table(path: Path) -> int:
    return engine_hours(path, table=True)


def engine_readings(path: Path) -> int:
    """What ``tickets import`` computes before its one database write: the import and a
    reading per month and group (every month and the whole span, for every grouping)."""
    from models.tickets import engine, readings

    return len(readings.build_readings(engine.import_export(path)))


def engine_run(path: Path) -> int:
    """What ``tickets import`` + ``tickets show --by category`` compute."""
    from models.tickets import engine, metrics

    imported = engine.import_export(path)
    metrics.table(imported, by="category")
    return imported.tickets


def polars_run(path: Path) -> int:
    import polars as pl

    fmt = "%Y-%m-%d %H:%M:%S"
    frame = pl.read_csv(path, infer_schema_length=0).with_columns(
        pl.col("Created at").str.strptime(pl.Datetime, fmt),
        pl.col("Solved at").str.strptime(pl.Datetime, fmt, strict=False),
    )
    ttr = (pl.col("Solved at") - pl.col("Created at")).dt.total_seconds() / 3600
    out = frame.group_by("Group").agg(
        pl.len(), ttr.median().alias("ttr"), ttr.quantile(0.9).alias("p90"),
        (pl.col("Reopens").cast(pl.Int64) > 0).mean().alias("reopen"),
    )
    return int(out["len"].sum())


def duckdb_run(path: Path) -> int:
    """DuckDB's CSV sniffer (types, dates, delimiter) and SQL aggregation, one thread (the
    CPU time is then comparable with the single-threaded floor)."""
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads = 1")
    rows = con.execute(
        """SELECT "Group", count(*),
                  median(date_diff('second', "Created at", "Solved at") / 3600.0),
                  quantile_disc(date_diff('second', "Created at", "Solved at") / 3600.0, 0.9),
                  avg(CASE WHEN "Reopens" > 0 THEN 1.0 ELSE 0.0 END)
           FROM read_csv_auto(?) GROUP BY "Group" """, [str(path)]).fetchall()
    con.close()
    return sum(int(r[1]) for r in rows)


def sqlite_run(path: Path) -> int:
    """csv.reader rows into an in-memory SQLite table, then the group-by in SQL."""
    import sqlite3

    con = sqlite3.connect(":memory:")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        cols = ", ".join(f'"{h}"' for h in header)
        con.execute(f"CREATE TABLE t ({cols})")
        con.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(header))})", reader)
    rows = con.execute(
        """SELECT "Group", count(*),
                  avg((julianday("Solved at") - julianday("Created at")) * 24),
                  avg(CAST("Reopens" AS INTEGER) > 0)
           FROM t GROUP BY "Group" """).fetchall()
    con.close()
    return sum(int(r[1]) for r in rows)


def timed(fn: Callable[[Path], object], path: Path, runs: int) -> float:
    """Median CPU time of this process (``process_time``): on a shared machine, wall time
    mostly measures the neighbours."""
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn(path)
        times.append(time.process_time() - t)
    return statistics.median(times)


RSS = r"""
import resource, sys
sys.path.insert(0, sys.argv[3])
from bench.tickets import engine_readings, floor
from pathlib import Path
(floor if sys.argv[1] == "floor" else engine_readings)(Path(sys.argv[2]))
# Linux carries the parent's peak into ru_maxrss across fork+exec; VmHWM is this image's own.
try:
    with open("/proc/self/status") as f:
        hwm = next(line for line in f if line.startswith("VmHWM:"))
    print(int(hwm.split()[1]) // 1024)
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


FLOOR_SCRIPT = (
    "import csv, sys\n"
    "with open(sys.argv[1], encoding='utf-8', newline='') as f:\n"
    "    n = sum(1 for _ in csv.reader(f))\n"
)


def _child_cpu(command: list[str]) -> float:
    """CPU seconds (user + system) of one child process run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def fresh_ratio(path: Path, tmp: Path, runs: int) -> tuple[float, float]:
    """Median CPU of ``python -c`` csv reading and of ``python -m tui.cli tickets import``
    (each into a copy of a database holding one workshop), both fresh processes."""
    from models.db.store import Store

    template = tmp / "template.db"
    store = Store(template, who="bench")
    wid = str(store.create_workshop(title="Bench").id)
    store.close()
    floors, imports = [], []
    for run in range(runs):
        floors.append(_child_cpu([sys.executable, "-c", FLOOR_SCRIPT, str(path)]))
        db = tmp / f"run{run}.db"
        shutil.copy(template, db)
        imports.append(_child_cpu([sys.executable, "-m", "tui.cli", "--db", str(db),
                                   "tickets", "import", str(path), "--workshop", wid]))
        os.remove(db)
    return statistics.median(floors), statistics.median(imports)


def peak_rss_mb(kind: str, path: Path) -> int:
    out = subprocess.run(
        [sys.executable, "-c", RSS, kind, str(path), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--fresh", action="store_true",
                        help="also time the real command and the floor in fresh processes")
    parser.add_argument("--rss", action="store_true", help="also measure 1M rows' peak RSS")
    parser.add_argument("--rss-rows", type=int, default=1_000_000)
    parser.add_argument("--hours", action="store_true",
                        help="also time the import with a business-hours schedule")
    parser.add_argument("--readings", action="store_true",
                        help="(kept for old command lines: the readings are the headline)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "zendesk.csv"
        generate(path, args.rows)
        size = path.stat().st_size / 1e6
        print(f"{args.rows:,} rows, {size:.1f} MB, median of {args.runs} runs, CPU time, "
              f"load {os.getloadavg()[0]:.1f}")
        base = timed(floor, path, args.runs)
        rd = timed(engine_readings, path, args.runs)
        alone = timed(engine_import, path, args.runs)
        ours = timed(engine_run, path, args.runs)
        print(f"floor  csv.reader         {base:7.3f} s")
        print(f"tickets import (readings) {rd:7.3f} s   {rd / base:4.2f}x floor   <- the goal")
        print(f"engine import only        {alone:7.3f} s   {alone / base:4.2f}x floor")
        print(f"engine import+table       {ours:7.3f} s   {ours / base:4.2f}x floor")
        if args.hours:
            bh = timed(engine_hours, path, args.runs)
            print(f"engine import, bus. hours {bh:7.3f} s   {bh / base:4.2f}x floor")
            bht = timed(engine_hours_table, path, args.runs)
            print(f"engine bus. hours+table   {bht:7.3f} s   {bht / base:4.2f}x floor")
        if args.fresh:
            cold_floor, cold = fresh_ratio(path, Path(tmp), args.runs)
            print(f"fresh: python -c csv      {cold_floor:7.3f} s")
            print(f"fresh: tickets import CLI {cold:7.3f} s   {cold / cold_floor:4.2f}x floor"
                  "   (interpreter, CLI, SQLModel, polars imports and the write included)")
        try:
            import polars  # noqa: F401
        except ImportError:
            print("polars                    not installed (skipped)")
        else:
            pol = timed(polars_run, path, args.runs)
            print(f"polars read+group_by      {pol:7.3f} s   {pol / base:4.2f}x floor")
        try:
            import duckdb  # noqa: F401
        except ImportError:
            print("duckdb                    not installed (skipped)")
        else:
            duck = timed(duckdb_run, path, args.runs)
            print(f"duckdb read_csv+GROUP BY  {duck:7.3f} s   {duck / base:4.2f}x floor")
        lite = timed(sqlite_run, path, args.runs)
        print(f"sqlite load+GROUP BY      {lite:7.3f} s   {lite / base:4.2f}x floor")
        if args.rss:
            big = Path(tmp) / "zendesk_big.csv"
            generate(big, args.rss_rows)
            print(f"peak RSS, {args.rss_rows:,} rows ({big.stat().st_size / 1e6:.0f} MB):"
                  f" floor {peak_rss_mb('floor', big)} MB,"
                  f" tickets import (readings) {peak_rss_mb('engine', big)} MB")


if __name__ == "__main__":
    main()
