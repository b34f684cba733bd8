"""``bench/export.py`` reports each measured process's minor page faults beside its CPU.

Why: a page touched for the first time costs system time (~2 µs here), which the
instruction counts of ``--phases`` never show; the export touches ~4,000 more pages
than its floor.  The count must be the measured child's, not the bench's own.
"""

from __future__ import annotations

import sys

from bench.export import timed


def test_a_run_counts_the_pages_its_process_touched() -> None:
    idle = timed([sys.executable, "-c", "pass"])
    busy = timed([sys.executable, "-c", "data = b'x' * (64 << 20)"])  # 16,384 pages written
    assert busy.faults > idle.faults + 10_000
    assert idle.faults > 0 and idle.cpu > 0
