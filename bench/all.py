"""Every issue-18 bench in one command: medians, floors and ratios, one after another.

- ``steps.py``: keypress -> screen updated and first visit per step at 100,
  2,000 and 10,000 touchpoints, plus the seat's peak RSS;
- ``tui_startup.py``: workshop on screen after ``journeymap open`` vs a bare
  Textual app's first paint;
- ``export.py``: ``export --format md`` of 2,000 touchpoints vs a plain sqlite3 read;
- ``portfolio.py``: Home listing 200 workshops, tracker "all workshops";
- ``typing_burst.py``: keys per second of a raw 2,000-key burst into a name
  field vs a plain Textual ``Input``;
- ``tickets_memory.py``: peak RSS of ``tickets import`` of 200,000 tickets vs
  polars reading the same columns (``--rows 200000 1000000`` for a year's
  export; the million takes minutes).

The machine is shared: read the ratios against the floors printed beside them
(measured in the same run), not the absolute milliseconds.

    python bench/all.py [--quick]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and keys")
    args = parser.parse_args()
    runs = "3" if args.quick else "5"
    benches = [
        ["steps.py", "100", "2000", "10000", "--moves", "10" if args.quick else "20"],
        ["tui_startup.py", runs],
        ["export.py", "--runs", runs],
        ["portfolio.py", "--runs", "2" if args.quick else "3"],
        ["typing_burst.py", "--runs", "2" if args.quick else "3"],
        ["tickets_memory.py", "--rows", "200000"],
    ]
    for bench in benches:
        print(f"\n== {' '.join(bench)}", flush=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, str(HERE / bench[0]), *bench[1:]], check=True)
        print(f"   ({time.perf_counter() - start:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
