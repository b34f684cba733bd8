"""Bench: peak RSS of ``journeymap tickets import`` against polars reading the same columns.

Generates Zendesk Support CSV exports (35 columns, a Subject with a quoted comma and a quoted
newline in every record) of each size asked, then runs, each in its own fresh process:

- the floor: the interpreter with polars imported, reading the columns the import uses (and
  nothing else) from the file with ``polars.read_csv(columns=...)``, all at once;
- the command: ``python -m tui.cli tickets import FILE --workshop 1`` into a new database.

Peak RSS is the child's ``ru_maxrss``, read with ``resource.getrusage(RUSAGE_CHILDREN)`` by a
small parent of its own (``peak_mb``). Issue #18: a seat must stay under 200 MB, and so should an
import on the same box. The ratio is the import's peak over the floor's; the floor itself
grows with the file, and the point of the import reading in blocks is that it does not.

    python bench/tickets_memory.py [--rows 200000 1000000] [--runs 1]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HEADER = [
    "Id", "Requester", "Requester id", "Requester external id", "Requester email",
    "Requester domain", "Submitter", "Assignee", "Group", "Subject", "Tags", "Status",
    "Priority", "Via", "Ticket type", "Created at", "Updated at", "Assigned at", "Organization",
    "Due date", "Initially assigned at", "Solved at", "Resolution time", "Satisfaction Score",
    "Group stations", "Assignee stations", "Reopens", "Replies", "First reply time in minutes",
    "First reply time in minutes within business hours", "First resolution time in minutes",
    "Full resolution time in minutes", "Agent wait time in minutes",
    "Requester wait time in minutes", "On hold time in minutes",
]

# The columns the import reads of this layout (``tickets import`` maps 17 of the 35).
FLOOR = r"""
import sys
import polars as pl
used = [int(i) for i in sys.argv[2].split(",")]
frame = pl.read_csv(sys.argv[1], infer_schema=False, columns=used)
assert frame.width == len(used)
"""


def generate(path: Path, rows: int) -> None:
    """A Zendesk Support export of ``rows`` tickets over 90 days (seeded: the same bytes on
    every run)."""
    rng = random.Random(7)
    statuses = ["Solved", "Closed", "Open", "Pending", "New", "On-hold"]
    start = datetime(2024, 1, 1)
    fmt = "%Y-%m-%d %H:%M:%S"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(1, rows + 1):
            created = start + timedelta(minutes=rng.randint(0, 60 * 24 * 90))
            status = rng.choice(statuses)
            solved = (created + timedelta(minutes=rng.randint(5, 6000))
                      if status in ("Solved", "Closed") else None)
            first = rng.randint(1, 900)
            w.writerow([
                i, "Ana Lee", 1000 + i, "", f"a{i}@x.com", "x.com", "Ana Lee", "Mia",
                rng.choice(["Support", "Billing", "Tier 2"]), "Subject, with comma\nand newline",
                "a b", status, rng.choice(["Low", "Normal", "High", "Urgent"]),
                rng.choice(["Email", "Web form", "Chat", "Phone call (incoming)"]),
                rng.choice(["Question", "Incident", "Problem", "Task"]), created.strftime(fmt),
                (solved or created).strftime(fmt), created.strftime(fmt), "Acme", "",
                created.strftime(fmt), solved.strftime(fmt) if solved else "", "",
                rng.choice(["Good", "Bad", "Offered", "Not Offered"]), 1, rng.randint(1, 3),
                rng.randint(0, 2), rng.randint(0, 5), first, first, "", "", "", "", "",
            ])


def used_columns(path: Path) -> list[int]:
    """The columns ``tickets import`` reads of ``path``: those its plan maps, the first and
    the last (``load.iter_frames``)."""
    sys.path.insert(0, str(ROOT))
    from models.tickets.engine import inspect_export

    found = inspect_export(path)
    width = len(found.layout.header)
    return sorted({0, width - 1, *found.plan.columns.values()})


def peak_mb(command: list[str]) -> int:
    """Peak RSS (MB) of ``command``, read by a small parent of its own: ``ru_maxrss`` of the
    children is the largest of any child so far (and Linux carries a parent's peak into a
    child across fork and exec), so neither this process nor an earlier child is counted."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
             "stdout=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)")
    out = subprocess.run([sys.executable, "-c", probe, *command], check=True, cwd=ROOT,
                         capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    return int(out.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="jm-tickets-memory-") as t:
        tmp = Path(t)
        for rows in args.rows:
            path = tmp / f"zendesk_{rows}.csv"
            generate(path, rows)
            used = ",".join(map(str, used_columns(path)))
            db = tmp / "bench.db"
            for _ in range(args.runs):
                floor = peak_mb([sys.executable, "-c", FLOOR, str(path), used])
                db.unlink(missing_ok=True)
                cli = [sys.executable, "-m", "tui.cli", "--db", str(db)]
                subprocess.run([*cli, "demo", "--no-open"], cwd=ROOT, check=True,
                               stdout=subprocess.DEVNULL)
                command = peak_mb([*cli, "tickets", "import", str(path), "--workshop", "1"])
                print(f"{rows:>9,} tickets ({path.stat().st_size / 1e6:.0f} MB): floor (polars "
                      f"reads the {used.count(',') + 1} used columns) {floor} MB, "
                      f"tickets import {command} MB = {command / floor:.2f}x", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
