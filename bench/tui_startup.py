"""Time to first paint: `journeymap open ID` against a bare Textual app, same run.

Each program runs under a pseudo-terminal (80x24) and the clock stops when its
first screen bytes with a known text arrive on the pty: for the bare app its
header title, for journeymap the "Loading the workshop…" frame (first paint;
data is loaded after it in a worker thread) and, separately, the scope step
heading (data on screen); when the workshop itself is the first frame (read
without the ORM) both are the same moment.  Runs alternate between programs so machine load
hits both alike; medians are reported with their ratio (goal: workshop on screen ≤ 2×).

    python bench/tui_startup.py [runs] [source-root] [--server [--admin URL]]
                                [--workshops N | --touchpoints N]

``--workshops N`` opens the first of a portfolio of N workshops (``bench/portfolio.py``'s
build); ``--touchpoints N`` a map of N touchpoints and N/4 pain points
(``bench/export.py``'s build): the goal holds for a lead's file, not only a fresh one.

``source-root`` (default: this checkout) is put first on PYTHONPATH for the
measured programs, to compare a patched copy of the code against the same floor.
``--server`` puts the workshop on a PostgreSQL server instead of a file: a fresh
database made with ``--admin`` (a URL of a role that may create databases;
default ``JOURNEYMAP_TEST_PG``) and dropped afterwards.  Its URL reaches the
measured programs in ``JOURNEYMAP_DB``, never on a command line ``ps`` shows.
The floor is the same bare Textual app.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.child_env import child_env  # noqa: E402

BARE = """
from textual.app import App
from textual.widgets import Footer, Header
class Bare(App):
    TITLE = "bareapp"
    BINDINGS = [("q", "quit", "Quit")]
    def compose(self):
        yield Header()
        yield Footer()
Bare().run()
"""
# An empty database argument reads ``JOURNEYMAP_DB`` (the server case).
LAUNCH = ("import sys; from tui.app.launch import run_app; "
          "run_app(sys.argv[1] or None, int(sys.argv[2]))")


ROOT = Path(__file__).resolve().parents[1]


# What every measured program gets in its environment besides the terminal's
# (``JOURNEYMAP_DB`` for the server case).
EXTRA_ENV: dict[str, str] = {}


def time_until(argv: list[str], markers: list[bytes], ceiling: float = 30.0) -> list[float]:
    """Seconds from spawn until each marker first appears in the pty output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = child_env(TERM="xterm-256color", COLUMNS="80", LINES="24", PYTHONPATH=str(ROOT),
                    **EXTRA_ENV)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                            cwd=ROOT, start_new_session=True)  # `-c` imports from cwd
    os.close(slave)
    seen = b""
    found: dict[bytes, float] = {}
    try:
        # the last marker is the one waited for: an earlier one may never come (the
        # "loading" frame is skipped when the workshop itself is the first screen)
        while markers[-1] not in found and time.perf_counter() - start < ceiling:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
                now = time.perf_counter() - start
                for marker in markers:
                    if marker not in found and marker in seen:
                        found[marker] = now
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()
        os.close(master)
    return [found.get(m, float("nan")) for m in markers]


def first_paint(loading: float, heading: float) -> float:
    """The first frame: "loading…", or the workshop itself when it is the first screen."""
    return min(t for t in (loading, heading) if t == t) if heading == heading else loading


def make_db(db: Path | str, workshops: int = 1, touchpoints: int = 0) -> int:
    """The bench workshop in ``db`` (a file, or a server URL): its id; the first of
    ``workshops``, or a map of ``touchpoints`` (a file only)."""
    sys.path.insert(0, str(ROOT))
    if touchpoints and isinstance(db, Path):
        from bench.export import build as big_map

        return big_map(db, touchpoints, touchpoints // 4)
    if workshops > 1 and isinstance(db, Path):
        from bench.portfolio import build as portfolio

        return portfolio(db, workshops)
    from models.db.store import Store
    from models.export.templates import create_from_template

    with Store(db, who="bench") as store:
        return create_from_template(store, "login-lockout")


def main(runs: int = 7, admin: str = "", workshops: int = 1, touchpoints: int = 0) -> None:
    """Time both ways of starting against the floor, on a file or (``admin``) a server."""
    if not admin:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            wid = make_db(db, workshops, touchpoints)
            if touchpoints:
                print(f"a map of {touchpoints:,} touchpoints, {touchpoints // 4:,} pain points")
            elif workshops > 1:
                print(f"the first of {workshops} workshops")
            measure(runs, ["--db", str(db)], str(db), wid)
        return
    from bench.server import fresh_database

    url, drop = fresh_database(admin)
    try:
        EXTRA_ENV["JOURNEYMAP_DB"] = url
        print("on a PostgreSQL server (a fresh database, JOURNEYMAP_DB)")
        measure(runs, [], "", make_db(url))
    finally:
        drop()


def measure(runs: int, db_args: list[str], db: str, wid: int) -> None:
    """Medians of the bare app, ``journeymap open`` and ``run_app``, interleaved."""
    exe = Path(sys.executable).with_name("journeymap")
    cli = [str(exe) if exe.exists() else "journeymap", *db_args, "open", str(wid)]
    launch = [sys.executable, "-c", LAUNCH, db, str(wid)]
    bare = [sys.executable, "-c", BARE]
    loading, heading = b"Loading the workshop", "Step 1 · Scope".encode()
    rows: dict[str, list[float]] = {k: [] for k in
                                     ("bare", "cli_paint", "cli_data", "app_paint",
                                      "app_data")}
    for argv, marker in ((bare, b"bareapp"), (cli, heading), (launch, heading)):
        time_until(argv, [marker])  # warm-up, not counted: page cache, .pyc files
    for _ in range(runs):
        rows["bare"] += time_until(bare, [b"bareapp"])
        p, d = time_until(cli, [loading, heading])
        rows["cli_paint"].append(first_paint(p, d))
        rows["cli_data"].append(d)
        p, d = time_until(launch, [loading, heading])
        rows["app_paint"].append(first_paint(p, d))
        rows["app_data"].append(d)
    med = {k: statistics.median(v) * 1000 for k, v in rows.items()}
    print(f"runs: {runs} each, 80x24 pty, medians")
    print(f"bare Textual app (Header+Footer) first paint: {med['bare']:7.0f} ms")
    for key, label in (("cli_paint", "`journeymap open` first paint"),
                       ("cli_data", "`journeymap open` workshop on screen"),
                       ("app_paint", "run_app() first paint"),
                       ("app_data", "run_app() workshop on screen")):
        print(f"{label:<40} {med[key]:7.0f} ms  ratio {med[key] / med['bare']:.2f}x")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Time to first paint: `journeymap open` "
                                                 "against a bare Textual app, same run.")
    parser.add_argument("runs", nargs="?", type=int, default=7, help="runs per program")
    parser.add_argument("source_root", nargs="?", type=Path, default=None,
                        help="checkout put first on PYTHONPATH (default: this one)")
    parser.add_argument("--server", action="store_true",
                        help="the workshop on a PostgreSQL server instead of a file")
    parser.add_argument("--admin", default=os.environ.get("JOURNEYMAP_TEST_PG", ""),
                        help="with --server: a URL of a role that may create databases")
    parser.add_argument("--workshops", type=int, default=1,
                        help="open the first of a portfolio of N workshops (a file)")
    parser.add_argument("--touchpoints", type=int, default=0,
                        help="open a map of N touchpoints and N/4 pain points (a file)")
    args = parser.parse_args()
    if args.source_root is not None:
        ROOT = args.source_root.resolve()
    if args.server and not args.admin:
        parser.error("--server needs --admin or JOURNEYMAP_TEST_PG")
    if args.server and (args.workshops > 1 or args.touchpoints):
        parser.error("--workshops and --touchpoints build a file, not a server database")
    main(args.runs, args.admin if args.server else "", args.workshops, args.touchpoints)
