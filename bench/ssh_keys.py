"""What a person sees over SSH on a big map: key sent → screen changed, from outside.

The other TUI benches time the app in-process (Pilot, a pty).  The people who check
our work sit at a real terminal over ``ssh -tt`` at 80x24.  This bench is them: a
private tmux server (control mode, ``bench/tmux_control.py``) runs
``ssh -tt HOST journeymap open`` in a pane, sends keys and times until the pane's
output arrives (first byte, and last byte before 80 ms of quiet), on one clock.

- ``floor``: a bare Textual app with a 20-row ``DataTable`` over the same ssh, the
  same keys (Down, Page Down).  The ratio journeymap/floor is the figure to read:
  the machine is shared, so absolute times move with the load printed beside them.
- ``journeymap``: the map opened at Touchpoints; Down held (one key at a time), Page
  Down, ctrl+End and ctrl+Home (plain End and Home scroll sideways in a row table);
  switches between steps 3 and 5; a sentiment edit (``+``/``-``); a first visit to every step
  and screen (Scope … Plan, Escalation, Future state, Moments, Data); a resize.
- ``live``: a second seat (``--as`` another name) on the same map; the first seat
  nudges a sentiment (``+``/``-``) and the other seat's pane is timed.
- the seats' RSS (VmRSS, VmHWM) at the end (goal: under 200 MB at 10,000 touchpoints).
- ``--tracker N``: instead of the keys, the map opened at the Tracker, ``w`` pressed N
  times (and again to come back) until the portfolio's count is on screen, and until the
  pane's last output before 300 ms of quiet (goal: "all workshops" within 1 s).
- ``--startup N``: instead of the keys, start-up over the same ssh, N runs alternating:
  a bare Textual app (``bench/tui_startup.py``'s) until its title shows, and
  ``journeymap open`` at Scope until its heading shows, from the pane's creation
  (ssh's own handshake is in both; goal: workshop on screen ≤ 2× the bare app).
- ``held``: in Cards, Moments, Tracker and Plan the keys a person holds (arrows, Page
  Down, End, Home), and typing into the touchpoint form (letters, then Backspace).
- the seats' RSS (VmRSS, VmHWM) at the end (goal: under 200 MB at 10,000 touchpoints);
  with ``--walk SECONDS`` the first seat then walks the steps while the second seat
  edits, and both seats' RSS is printed each minute (does it grow with each refresh?).

It needs an SSH server that lets this account in without a question (a key in an
agent or ``-F CONFIG``) and runs this tree's Python on the same machine; the bench
cannot set that up itself, so ``bench/all.py`` does not run it.

    python bench/ssh_keys.py --ssh-config CFG --host HOST --db MAP.db --workshop 1 \\
        [--size 80x24] [--keys 40] [--startup 7 | --tracker 6]
        [--size 80x24] [--keys 40] [--walk 600]
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.tmux_control import Tmux  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

FLOOR_APP = r"""
from textual.app import App
from textual.widgets import DataTable


class Floor(App):
    def compose(self):
        yield DataTable()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("#", "Stage", "Touchpoint", "Channel")
        for i in range(20):
            table.add_row(str(i), f"Stage {i // 4}", f"Touchpoint {i}", "Chat")
        table.focus()


Floor().run()
"""

# (label, key, text that shows once the step or screen is up)
VISITS = (("scope", "1", "Step 1"), ("stages", "2", "Step 2"), ("ownership", "4", "Step 4"),
          ("pains", "5", "Step 5"), ("cards", "6", "Cards"), ("tracker", "7", "Tracker"),
          ("plan", "8", "Plan"), ("touchpoints", "3", "Step 3"))


def remote(args: argparse.Namespace, argv: list[str]) -> str:
    """The pane's command: ``argv`` run by this tree's Python over ``ssh -tt``."""
    inner = "cd {} && exec {} {}".format(shlex.quote(str(ROOT)), shlex.quote(sys.executable),
                                         " ".join(shlex.quote(a) for a in argv))
    cfg = ["-F", args.ssh_config] if args.ssh_config else []
    return " ".join(["ssh", *map(shlex.quote, cfg), "-tt", shlex.quote(args.host),
                     shlex.quote(inner)])


def seat(args: argparse.Namespace, name: str) -> str:
    entry = "from tui.cli.main import main; main()"
    return remote(args, ["-c", entry, "--db", args.db, "open", str(args.workshop),
                         "--step", "touchpoints", "--as", name])


def ms(pairs: list[tuple[float, float]]) -> str:
    """p50/p95 of first and last output, in ms."""
    def pct(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000
    first, last = [p[0] for p in pairs], [p[1] for p in pairs]
    return (f"first {pct(first, .5):7.1f} / {pct(first, .95):7.1f}   "
            f"last {pct(last, .5):7.1f} / {pct(last, .95):7.1f}")


def rss_of(marker: str) -> list[tuple[int, int, int]]:
    """(pid, VmRSS MB, VmHWM MB) of each Python process whose command line has ``marker``."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        if int(pid) == os.getpid():
            continue
        try:
            raw = Path(f"/proc/{pid}/cmdline").read_bytes()  # another user's: any bytes
            cmd = raw.replace(b"\0", b" ").decode(errors="replace")
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if marker in cmd and cmd.split(" ", 1)[0].endswith(("python", "python3")):
            kb = {k: int(v.split()[0]) for k, v in
                  (line.split(":", 1) for line in status.splitlines() if line.startswith("Vm"))}
            found.append((int(pid), kb.get("VmRSS", 0) // 1024, kb.get("VmHWM", 0) // 1024))
    return found


def line(label: str, pairs: list[tuple[float, float]], floor: float | None = None) -> None:
    said = ms(pairs)
    ratio = ""
    if floor:
        ratio = f"   = {statistics.median(p[1] for p in pairs) * 1000 / floor:5.1f}× floor"
    print(f"  {label:<26} {said}{ratio}   load {os.getloadavg()[0]:.1f}", flush=True)


def run_floor(args: argparse.Namespace, width: int, height: int) -> float:
    """The bare app's median last-output ms for Down (printed with Page Down)."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(FLOOR_APP)
    tmux = Tmux(width, height, remote(args, [f.name]))
    try:
        pane = tmux.first_pane
        tmux.wait_for(pane, "Touchpoint 19")
        tmux.quiet(pane)
        downs = [tmux.press(pane, "Down") for _ in range(min(args.keys, 18))]
        line("floor Down", downs)
        ups = [tmux.press(pane, "Up") for _ in range(min(args.keys, 18))]
        line("floor Up", ups)
        return statistics.median(p[1] for p in downs + ups) * 1000
    finally:
        tmux.close()
        os.unlink(f.name)


def run_map(args: argparse.Namespace, width: int, height: int, floor: float) -> None:
    tmux = Tmux(width, height, seat(args, "lee"))
    try:
        pane = tmux.first_pane
        opened = time.monotonic()
        if not tmux.wait_for(pane, "Step 3"):
            print(tmux.screen(pane))
            raise SystemExit("ssh_keys: the map did not open at Touchpoints")
        print(f"  open → Touchpoints on screen   {time.monotonic() - opened:6.2f} s")
        tmux.quiet(pane, gap=1.0)
        line("Down (held)", [tmux.press(pane, "Down") for _ in range(args.keys)], floor)
        line("Page Down", [tmux.press(pane, "PageDown") for _ in range(args.keys // 4)], floor)
        # End and Home scroll a row table sideways (Textual's DataTable): ctrl moves the row
        line("ctrl+End (last row)", [tmux.press(pane, "C-End")], floor)
        line("ctrl+Home (first row)", [tmux.press(pane, "C-Home")], floor)
        line("switch 3 ↔ 5", [tmux.press(pane, k) for k in "53" * (args.keys // 8)], floor)
        line("sentiment + / - (own seat)", [tmux.press(pane, k) for k in "+-" * (args.keys // 8)],
             floor)
        for label, key, _ in VISITS:
            line(f"visit {label}", [tmux.press(pane, key)], floor)
            tmux.quiet(pane)
        for label, key in (("escalation", "E"), ("future state", "U"), ("moments", "M"),
                           ("data", "T")):
            line(f"visit {label}", [tmux.press(pane, key)], floor)
            tmux.quiet(pane)
            tmux.press(pane, "Escape")
            tmux.quiet(pane)
        run_held(tmux, pane, args.keys, floor)
        tmux.press(pane, "3")
        tmux.quiet(pane)
        other = (height * 3) // 2
        line(f"resize to {width}x{other}", [_resize(tmux, pane, width, other)], floor)
        _resize(tmux, pane, width, height)
        tmux.quiet(pane)
        second = tmux.new_window(seat(args, "kim"))
        if tmux.wait_for(second, "Step 3"):
            tmux.quiet(second, gap=1.0)
            tmux.quiet(pane, gap=0.5)
            pushes = []
            for key in "+-" * (args.keys // 8):
                pushes.append(tmux.press(pane, key, watch=second, gap=0.2))
                tmux.quiet(pane)
            line("live: + / - to other seat", pushes)
        else:
            print("  live: the second seat did not open")
        for pid, now, peak in rss_of(args.db):
            print(f"  seat pid {pid}: RSS {now} MB, peak {peak} MB")
        if args.walk:
            walk(tmux, pane, second, args)
    finally:
        tmux.close()


def shown_after(width: int, height: int, command: str, text: str) -> float:
    """Seconds from the pane's creation until ``text`` is on its screen (polled every
    10 ms: one capture is a round trip to the tmux server, not a repaint)."""
    start = time.monotonic()
    tmux = Tmux(width, height, command)
    try:
        while time.monotonic() - start < 60:
            if text in tmux.screen(tmux.first_pane):
                return time.monotonic() - start
            time.sleep(0.01)
        raise SystemExit(f"ssh_keys: {text!r} never showed")
    finally:
        tmux.close()


def run_tracker(args: argparse.Namespace, width: int, height: int) -> None:
    """Medians of ``w`` → every workshop's items counted on screen, and → the last output."""
    entry = "from tui.cli.main import main; main()"
    tmux = Tmux(width, height, remote(args, ["-c", entry, "--db", args.db, "open",
                                             str(args.workshop), "--step", "tracker",
                                             "--as", "lee"]))
    try:
        pane = tmux.first_pane
        if not tmux.wait_for(pane, "Tracker ·"):
            raise SystemExit("ssh_keys: the map did not open at the Tracker")
        tmux.quiet(pane, gap=1.5)
        counted: list[float] = []
        settled: list[float] = []
        for _ in range(args.tracker):
            start = time.monotonic()
            tmux.command(f"send-keys -t {pane} w")
            while ", w = this one)" not in tmux.screen(pane):  # the count: read and drawn
                if time.monotonic() - start > 60:
                    raise SystemExit("ssh_keys: all workshops never showed")
                time.sleep(0.01)
            counted.append(time.monotonic() - start)
            tmux.quiet(pane, gap=0.3)
            settled.append(tmux.outputs[pane][-1] - start)
            tmux.press(pane, "w")  # back to this workshop
            tmux.quiet(pane, gap=0.5)
    finally:
        tmux.close()
    print(f"  w -> every workshop counted on screen: {statistics.median(counted) * 1000:6.0f} ms"
          f"   -> last output: {statistics.median(settled) * 1000:6.0f} ms (max "
          f"{max(settled) * 1000:.0f})   load {os.getloadavg()[0]:.1f}", flush=True)


def run_startup(args: argparse.Namespace, width: int, height: int) -> None:
    """Medians of the bare app's and ``journeymap open``'s first screen over ssh."""
    from bench.tui_startup import BARE

    entry = "from tui.cli.main import main; main()"
    opened = remote(args, ["-c", entry, "--db", args.db, "open", str(args.workshop),
                           "--step", "scope", "--as", "lee"])
    bare = remote(args, ["-c", BARE])
    hello = remote(args, ["-c", "import time; print('sshready', flush=True); time.sleep(9)"])
    times: dict[str, list[float]] = {"ssh": [], "bare": [], "open": []}
    for _ in range(args.startup):
        times["ssh"].append(shown_after(width, height, hello, "sshready"))
        times["bare"].append(shown_after(width, height, bare, "bareapp"))
        times["open"].append(shown_after(width, height, opened, "Step 1 · Scope"))
    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    print(f"  ssh + python printing a line: {med['ssh']:6.0f} ms   bare Textual app: "
          f"{med['bare']:6.0f} ms   journeymap open, Scope on screen: {med['open']:6.0f} ms",
          flush=True)
    print(f"  ratio {med['open'] / med['bare']:.2f}x; after ssh and the interpreter "
          f"(each minus the first) {(med['open'] - med['ssh']) / (med['bare'] - med['ssh']):.2f}x"
          f"   load {os.getloadavg()[0]:.1f}", flush=True)
# (where, key to get there, keys held there, key to leave)
HELD = (("cards", "6", ("Right", "PageDown", "End", "Home"), ""),
        ("moments", "M", ("Down", "PageDown", "End", "Home"), "Escape"),
        ("tracker", "7", ("Down", "PageDown", "C-End", "C-Home"), ""),
        ("plan", "8", ("Down", "PageDown", "End", "Home"), ""))


def run_held(tmux: Tmux, pane: str, keys: int, floor: float) -> None:
    """Held keys inside Cards, Moments, Tracker and Plan, then typing in a form."""
    for where, key, held, leave in HELD:
        tmux.press(pane, key)
        tmux.quiet(pane, gap=0.5)
        for name in held:
            count = keys if name in ("Right", "Down") else 1 if "End" in name or \
                "Home" in name else keys // 4
            line(f"{where} {name}", [tmux.press(pane, name) for _ in range(count)], floor)
        if leave:
            tmux.press(pane, leave)
            tmux.quiet(pane)
    tmux.press(pane, "3")
    tmux.quiet(pane, gap=0.5)
    tmux.press(pane, "Tab")  # into the touchpoint form's first field
    tmux.quiet(pane)
    typed = [tmux.press(pane, c) for c in "abcdefghijkl"]
    typed += [tmux.press(pane, "BSpace") for _ in range(12)]
    line("typing in the form", typed, floor)
    tmux.press(pane, "Escape")
    tmux.quiet(pane)


def walk(tmux: Tmux, pane: str, second: str, args: argparse.Namespace) -> None:
    """The first seat visits every step while the second nudges a sentiment; RSS a minute."""
    start = time.monotonic()
    minute = 0
    while time.monotonic() - start < args.walk:
        for key in "5678":
            tmux.press(pane, key)
            tmux.quiet(pane)
        tmux.press(pane, "M")
        tmux.quiet(pane)
        tmux.press(pane, "Escape")
        tmux.press(pane, "3")
        tmux.quiet(pane)
        tmux.press(second, "+")
        tmux.quiet(pane, gap=0.2)
        tmux.press(second, "-")
        tmux.quiet(pane, gap=0.2)
        if time.monotonic() - start >= minute * 60:
            seats = ", ".join(f"{now}/{peak}" for _, now, peak in rss_of(args.db))
            print(f"  walk {minute:2d} min: RSS/peak MB {seats}   load "
                  f"{os.getloadavg()[0]:.1f}", flush=True)
            minute += 1


def _resize(tmux: Tmux, pane: str, width: int, height: int) -> tuple[float, float]:
    """Seconds from the terminal's resize until the pane's output (first, last)."""
    with tmux.changed:
        seen = len(tmux.outputs.get(pane, []))
    start = time.monotonic()
    tmux.command(f"refresh-client -C {width}x{height}")
    with tmux.changed:
        tmux.changed.wait_for(lambda: len(tmux.outputs.get(pane, [])) > seen, timeout=20)
    tmux.quiet(pane, gap=0.08)
    times = tmux.outputs.get(pane, [])
    if len(times) <= seen:
        return 20.0, 20.0
    return times[seen] - start, times[-1] - start


def ssh_parser(doc: str | None) -> argparse.ArgumentParser:
    """The options every ssh bench takes: where the seat runs and on which map."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--host", required=True)
    parser.add_argument("--ssh-config", default="")
    parser.add_argument("--db", required=True)
    parser.add_argument("--workshop", type=int, default=1)
    return parser


def main() -> None:
    parser = ssh_parser(__doc__)
    parser.add_argument("--size", action="append", default=[])
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--startup", type=int, default=0,
                        help="time start-up over ssh (N runs each) instead of the keys")
    parser.add_argument("--tracker", type=int, default=0,
                        help="time the Tracker's w (all workshops) N times instead")
    parser.add_argument("--walk", type=float, default=0.0, help="seconds of walking at the end")
    args = parser.parse_args()
    args.db = str(Path(args.db).resolve())
    for size in args.size or ["80x24"]:
        width, height = map(int, size.split("x"))
        print(f"{size}, {args.db} workshop {args.workshop}, "
              f"ms p50 / p95, load {os.getloadavg()[0]:.1f}", flush=True)
        if args.startup or args.tracker:
            if args.startup:
                run_startup(args, width, height)
            if args.tracker:
                run_tracker(args, width, height)
            continue
        floor = run_floor(args, width, height)
        run_map(args, width, height, floor)


if __name__ == "__main__":
    main()
