"""A first visit to one view over SSH, from outside, in fresh seats: key → last output.

``bench/ssh_keys.py`` walks every step once in one seat, so each first visit is one
sample, taken after the walk before it.  A first visit is paid once per seat, so
this bench opens a fresh seat for every sample: the map at Touchpoints, quiet, then
the view's key (``M`` for Moments by default), timed until the pane's last output
before 80 ms of quiet; then the seat is closed.  The floor is the bare Textual
app's Down over the same ssh in the same run (``ssh_keys.run_floor``): read the
ratio, the machine is shared.

    python bench/ssh_first_visit.py --ssh-config CFG --host HOST --db MAP.db \\
        [--workshop 1] [--key M] [--text "Moments of truth"] [--runs 7] [--size 80x24]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.ssh_keys import line, run_floor, seat, ssh_parser  # noqa: E402
from bench.tmux_control import Tmux  # noqa: E402


def first_visit(args: argparse.Namespace, width: int, height: int) -> tuple[float, float]:
    """(view's text on screen, last output before 300 ms of quiet) in seconds after the
    key, in a seat opened for it.

    The text is polled every 10 ms: the first output alone can be the footer or step
    bar changing before the view is drawn, with a pause longer than 80 ms after it.
    """
    tmux = Tmux(width, height, seat(args, "lee"))
    try:
        pane = tmux.first_pane
        if not tmux.wait_for(pane, "Step 3"):
            raise SystemExit("ssh_first_visit: the map did not open at Touchpoints")
        tmux.quiet(pane, gap=1.0)
        for key in args.before.split():
            tmux.press(pane, key)
            tmux.quiet(pane)
        start = time.monotonic()
        tmux.command(f"send-keys -t {pane} {args.key}")
        while args.text not in tmux.screen(pane):
            if time.monotonic() - start > 60:
                raise SystemExit(f"ssh_first_visit: {args.text!r} never showed")
            time.sleep(0.01)
        shown = time.monotonic() - start
        tmux.quiet(pane, gap=0.3)
        return shown, max(shown, tmux.outputs[pane][-1] - start)
    finally:
        tmux.close()


def main() -> None:
    parser = ssh_parser(__doc__)
    parser.add_argument("--key", default="M")
    parser.add_argument("--text", default="Moments of truth — peaks")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", default="",
                        help="keys pressed first, each to quiet (ssh_keys' walk: "
                             "'1 2 4 5 6 7 8 3 E Escape U Escape')")
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--keys", type=int, default=18, help="Down presses for the floor")
    args = parser.parse_args()
    args.db = str(Path(args.db).resolve())
    width, height = map(int, args.size.split("x"))
    print(f"{args.size}, {args.db} workshop {args.workshop}, key {args.key}, "
          f"ms p50 / p95, load {os.getloadavg()[0]:.1f}", flush=True)
    floor = run_floor(args, width, height)
    pairs = []
    for _ in range(args.runs):
        pairs.append(first_visit(args, width, height))
        time.sleep(0.2)
    line(f"first visit {args.key} ×{args.runs}", pairs, floor)
    print(f"  each last output ms: {[round(p[1] * 1000) for p in pairs]}; "
          f"median {statistics.median(p[1] for p in pairs) * 1000:.0f}", flush=True)


if __name__ == "__main__":
    main()
