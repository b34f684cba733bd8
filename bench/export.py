"""Bench: `journeymap export ID --format md` of a 2,000-touchpoint workshop.

Reports the median whole-process wall time of the export (interpreter start,
imports, loading, ranking, rendering, writing the file) next to a floor
measured in the same run on the same file: a fresh Python process that reads
the same rows with plain ``sqlite3`` and writes them out.  The ratio is the
number to watch; absolute times depend on the machine and its load.  Beside
the wall clock it prints the CPU time (user + system) of both processes, which
other people's load on a shared machine does not inflate.  The CLI run is what
the ``journeymap`` console script runs (``[project.scripts]`` in pyproject.toml:
``tui.cli.main:main``) in this interpreter, never a ``journeymap`` found
elsewhere on PATH.

A development checkout runs from an editable install, whose start-up hook (a
``.pth`` file importing ``pathlib``, ``re``, ``fnmatch``…) every Python process
of that venv pays, the floor included: it flatters the ratio.  ``--regular``
also times a regular install of the same tree (a wheel built with ``pip wheel
--no-deps``, installed with its dependencies into a throwaway venv) against a
floor run by that venv's interpreter, interleaved with the first pair;
``--python PATH`` times the interpreter of an existing regular install instead
of building one (repeat it to compare installs in one run: main's and a
branch's, say).  Every program runs from the temporary folder, so ``python -c``
never imports the checkout from the current folder.

``--phases`` (needs valgrind) counts instructions instead, for each interpreter:
the export's own steps one after another (modules, read, render, write) with no
command line at all, then Typer's import on top of them, the whole command and
the floor.  Instructions are deterministic, so each figure is one run and the
differences between runs are the phases' costs, whatever the machine's load.
``--cpu-phases`` times the same steps instead (CPU and minor page fault medians
over ``--runs``, all the steps interleaved): what the instructions cost in time on this machine,
cache misses and page faults included, at the price of the load's noise.

    python bench/export.py [--touchpoints 2000] [--pains 500] [--runs 7]
                           [--regular | --python PATH ...] [--phases] [--cpu-phases]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.child_env import child_env  # noqa: E402

# the console script's entry point, as pyproject.toml declares it
_SCRIPT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]["journeymap"]
ENTRY, ENTRY_FN = _SCRIPT.split(":")

# The rows an export reads, as plain SQL with ``?`` marks: the floors of this bench
# (sqlite3) and of ``bench/export_server.py`` (psycopg, ``%s`` marks) read the same rows.
FLOOR_SQL = (
    "SELECT * FROM workshop WHERE id = ?",
    "SELECT * FROM stage WHERE workshop_id = ? ORDER BY position, id",
    "SELECT t.* FROM touchpoint t JOIN stage s ON s.id = t.stage_id WHERE s.workshop_id = ?"
    " ORDER BY s.position, t.position, t.id",
    "SELECT * FROM handoff WHERE workshop_id = ?",
    "SELECT * FROM painpoint WHERE workshop_id = ? ORDER BY id",
    "SELECT c.* FROM hypothesiscard c JOIN painpoint p ON p.id = c.pain_point_id"
    " WHERE p.workshop_id = ?",
    "SELECT * FROM plantask WHERE workshop_id = ? ORDER BY position, id",
)

FLOOR = r"""
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
wid = int(sys.argv[2])
out = []
for sql in SQL:
    for row in con.execute(sql, (wid,)):
        out.append("|".join("" if v is None else str(v) for v in row))
with open(sys.argv[3], "w", encoding="utf-8") as f:
    f.write("\n".join(out))
""".replace("SQL", repr(FLOOR_SQL), 1)


# The export's own steps without any command line, up to step N (argv[1]): the same
# functions the ``export`` command calls (``tui.cli.export_core``), in the same order.
# Step 5 is step 1 plus Typer's import: what the command-line framework adds to the
# modules the export needs anyway (``re``, ``pathlib``, ``inspect``, ``typing``…),
# imported as ``tui.cli.main`` imports it (``tui.cli.deferred``; an install without
# that module imports it plainly).
PHASES = r"""
import sys
step, db, wid, out = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
if step >= 1:
    from pathlib import Path
    from models.export.files import write_file
    from models.rules.clock import today
    from tui.cli.export_core import light_read, one_pass, rendered
    import models.export.markdown
if step == 5:
    try:
        from tui.cli.deferred import deferring
    except ImportError:
        import typer
    else:
        with deferring():
            import typer
elif step >= 2:
    with one_pass():
        journey, portfolio = light_read(Path(db), wid, portfolio=True)
        if step >= 3:
            data = rendered(journey, portfolio, "md", None, today())
    if step >= 4:
        write_file(Path(out), data, database=Path(db))
import gc
gc.freeze()  # as ``tui.cli.main.main`` does when the command is done
"""
_STEPS = ("interpreter", "+ the export's modules", "+ light read", "+ render",
          "+ write")


def _saved(row_id: int | None) -> int:
    """A row's id once the store saved it (the tables type it optional before then)."""
    if row_id is None:
        raise RuntimeError("bench/export.py: a saved row has no id")
    return row_id


def build(db: Path, touchpoints: int, pains: int) -> int:
    """A workshop with the given counts, inserted in bulk (one transaction per table)."""
    from models.db.store import Store
    from models.db.tables.cards import HypothesisCard, PainPoint
    from models.db.tables.workshop import Touchpoint
    from models.rules.plan import regenerate_plan

    rng = random.Random(7)
    teams = ["Tier 1", "Tier 2", "Billing", "Product", "Engineering", ""]
    with Store(db, who="bench") as store:
        w = store.create_workshop(title="Bench journey", persona="Admin", scenario="Locked out",
                                  start_date=dt.date(2024, 2, 29), evidence_ticket_volume=9000)
        wid = _saved(w.id)
        stages = store.load(wid).stages
        with store.write() as s:
            for i in range(touchpoints):
                stage = stages[i * len(stages) // touchpoints]
                s.add(Touchpoint(stage_id=_saved(stage.id), position=i,
                                 name=f"Touchpoint {i} | `x`",
                                 channel="web", does=f"does thing {i}", thinks="why?\nreally",
                                 feels="stuck", sentiment=rng.randint(-2, 2),
                                 owner_team=rng.choice(teams),
                                 lane=rng.choice(["frontstage", "backstage"])))
        tp_ids = [tp.id for tp in store.load(wid).ordered_touchpoints()]
        with store.write() as s:
            for i in range(pains):
                s.add(PainPoint(workshop_id=wid, touchpoint_id=rng.choice(tp_ids),
                                description=f"Pain {i}: # loops [again]", kind="loop",
                                impact=rng.randint(1, 3), effort=rng.randint(1, 3),
                                ticket_volume=rng.randint(0, 900), votes=rng.randint(0, 5)))
        pain_ids = [_saved(p.id) for p in store.load(wid).pain_points]
        with store.write() as s:
            for pid in pain_ids[:50]:
                s.add(HypothesisCard(pain_point_id=pid, experiment=f"Fix {pid}", outcome="less",
                                     signal="30% fewer", owner=rng.choice(teams),
                                     deadline=dt.date(2024, 3, 1) + dt.timedelta(days=pid % 40)))
        regenerate_plan(store, wid)
        return wid


def regular_install(tmp: Path) -> str:
    """The interpreter of a throwaway venv holding a regular install of this tree."""
    wheels, venv = tmp / "wheels", tmp / "venv"
    python = str(venv / "bin" / "python")
    for cmd in ([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(ROOT),
                 "-w", str(wheels)],
                [sys.executable, "-m", "venv", str(venv)],
                [python, "-m", "pip", "install", "-q", str(wheels / "*.whl")]):
        if cmd[-1].endswith("*.whl"):
            cmd[-1:] = [str(wheel) for wheel in wheels.glob("*.whl")]
        done = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), cwd=tmp)
        if done.returncode:
            sys.exit(f"bench/export.py: {' '.join(cmd[:4])}… failed:\n{done.stderr}")
    return python


class Run:
    """What one whole process cost: wall and CPU seconds, and its minor page faults."""

    __slots__ = ("wall", "cpu", "faults")

    def __init__(self, wall: float, cpu: float, faults: int) -> None:
        self.wall, self.cpu, self.faults = wall, cpu, faults


def timed(cmd: list[str]) -> Run:
    """Wall seconds, CPU seconds and minor page faults of one whole process.

    CPU (user + system of the child) is what other engineers' load on a shared
    machine does not inflate; wall clock is what a person waits.  Minor faults
    (a page of memory the process touched for the first time) are part of its
    system time: an export that holds more memory than the floor pays for each
    page, so they are printed beside the CPU.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=child_env(), cwd=Path(cmd[-1]).parent)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Run(wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
               after.ru_minflt - before.ru_minflt)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--touchpoints", type=int, default=2000)
    parser.add_argument("--pains", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    install = parser.add_mutually_exclusive_group()
    install.add_argument("--regular", action="store_true",
                         help="also time a regular install of this tree (wheel, throwaway venv)")
    install.add_argument("--python", action="append", metavar="PATH",
                         help="also time this regular install's interpreter (repeatable)")
    parser.add_argument("--phases", action="store_true",
                        help="count instructions per step (valgrind) instead of timing")
    parser.add_argument("--cpu-phases", action="store_true",
                        help="CPU medians per step (--runs each, interleaved) instead")
    args = parser.parse_args()
    if args.phases and shutil.which("valgrind") is None:
        sys.exit("bench/export.py: --phases needs valgrind on PATH.")
    with tempfile.TemporaryDirectory(prefix="journeymap-bench-") as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        wid = build(db, args.touchpoints, args.pains)
        print(f"built {args.touchpoints:,} touchpoints, {args.pains:,} pain points in "
              f"{time.perf_counter() - t0:.1f} s")
        pythons = {"this venv": sys.executable}
        if args.regular:
            t0 = time.perf_counter()
            pythons["regular install"] = regular_install(Path(tmp))
            print(f"regular install built in {time.perf_counter() - t0:.1f} s")
        for n, python in enumerate(args.python or (), start=1):
            pythons["regular install" if len(args.python) == 1 else f"install {n}"] = python
        pairs = {name: commands(python, db, wid, Path(tmp) / name.replace(" ", "-"))
                 for name, python in pythons.items()}
        if args.phases or args.cpu_phases:
            for name, python in pythons.items():
                if args.phases:
                    print(f"-- {name} ({python}), instructions (valgrind)")
                    phases(python, db, wid, Path(tmp) / name.replace(" ", "-"), pairs[name],
                           lambda cmds: ([instructions(cmd) / 1e6 for cmd in cmds], []), "M instr.")
                if args.cpu_phases:
                    print(f"-- {name} ({python}), CPU medians over {args.runs} runs")
                    phases(python, db, wid, Path(tmp) / name.replace(" ", "-"), pairs[name],
                           lambda cmds: cpu_medians(cmds, args.runs), "ms CPU")
            return
        for export_cmd, floor_cmd in pairs.values():
            timed(export_cmd), timed(floor_cmd)  # warm the page cache and .pyc files
        print_load("before")
        runs: dict[str, tuple[list[Run], list[Run]]] = {name: ([], []) for name in pairs}
        for _ in range(args.runs):  # interleaved so load changes hit every program alike
            for name, (export_cmd, floor_cmd) in pairs.items():
                runs[name][0].append(timed(export_cmd))
                runs[name][1].append(timed(floor_cmd))
        print_load("after")
        for name, (runs_e, runs_f) in runs.items():
            if len(runs) > 1:
                print(f"-- {name} ({pythons[name]})")
            report(runs_e, runs_f, args.runs, Path(tmp) / name.replace(" ", "-") / "plan.md")


def print_load(when: str) -> None:
    """The machine's load beside the figures: CPU medians move with it (cache, faults)."""
    one, five, fifteen = os.getloadavg()
    print(f"load average (1, 5, 15 min) {when} the runs: {one:.1f} {five:.1f} {fifteen:.1f}")


def commands(python: str, db: Path, wid: int, out: Path) -> tuple[list[str], list[str]]:
    """(the export, the floor) run by ``python``, each writing into ``out``."""
    out.mkdir()
    cli = [python, "-c", f"from {ENTRY} import {ENTRY_FN}; {ENTRY_FN}()"]
    export_cmd = [*cli, "--db", str(db), "export", str(wid), "--format", "md",
                  "-o", str(out / "plan.md")]
    floor_cmd = [python, "-c", FLOOR, str(db), str(wid), str(out / "rows.txt")]
    return export_cmd, floor_cmd


def instructions(cmd: list[str]) -> int:
    """Instructions one whole process executes (valgrind's callgrind: deterministic)."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           *cmd], capture_output=True, text=True, env=child_env(),
                          cwd=Path(cmd[-1]).parent)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode or found is None:
        sys.exit(f"bench/export.py: valgrind {' '.join(cmd[:3])}… failed:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def cpu_medians(cmds: list[list[str]], runs: int) -> tuple[list[float], list[float]]:
    """The median CPU milliseconds and minor page faults of each command.

    The commands are interleaved run by run, so a change of load hits them alike.
    """
    done: list[list[Run]] = [[] for _ in cmds]
    for _ in range(runs):
        for n, cmd in enumerate(cmds):
            done[n].append(timed(cmd))
    return ([statistics.median(run.cpu * 1000 for run in each) for each in done],
            [statistics.median(run.faults for run in each) for each in done])


def phases(python: str, db: Path, wid: int, out: Path, pair: tuple[list[str], list[str]],
           measure: Callable[[list[list[str]]], tuple[list[float], list[float]]],
           unit: str) -> None:
    """Where the export's cost goes, step by step, against the floor.

    ``measure`` gives one figure per command in ``unit``: instructions (deterministic)
    or CPU time (what they cost on this machine); with CPU time, also each command's
    minor page faults (an empty list with instructions).
    """
    export_cmd, floor_cmd = pair
    step = [python, "-c", PHASES]
    args = [str(db), str(wid), str(out / "phase.md")]
    for cmd in (export_cmd, [*step, "5", *args]):  # .pyc files written before measuring
        subprocess.run(cmd, check=True, capture_output=True, env=child_env(),
                       cwd=Path(cmd[-1]).parent)
    figures, faults = measure(
        [*([*step, str(n), *args] for n in range(len(_STEPS) + 1)), export_cmd, floor_cmd])
    *counts, with_typer, export, floor = figures
    print(f"{'step':<46}{unit:>10}{'added':>9}" + ("  minor faults" if faults else ""))
    for n, name in enumerate(_STEPS):
        added = counts[n] - counts[n - 1] if n else counts[n]
        print(f"{name:<46}{counts[n]:>10.1f}{added:>9.1f}"
              + (f"{faults[n]:>14,.0f}" if faults else ""))
    bare = counts[-1]
    print(f"= the export with no command line: {bare:.1f} {unit} = "
          f"{bare / floor:.2f}x the floor")
    print(f"Typer's import on top of the export's modules: +{with_typer - counts[1]:.1f} {unit}")
    print(f"the command line in all (Typer's import, building `export`, dispatch): "
          f"+{export - bare:.1f} {unit}")
    print(f"= `journeymap export` (the console script): {export:.1f} {unit} = "
          f"{export / floor:.2f}x the floor")
    print(f"floor (python + sqlite3 read of the same rows): {floor:.1f} {unit}; "
          f"3x the floor: {3 * floor:.1f} {unit}")
    if faults:
        print(f"minor page faults: `journeymap export` {faults[-2]:,.0f}, with Typer's import "
              f"and the modules only {faults[-3]:,.0f}, floor {faults[-1]:,.0f}")


def report(runs_e: list[Run], runs_f: list[Run], n: int, plan: Path) -> None:
    """The medians, the floor's and the ratios of one interpreter's runs."""
    exports, floors = [run.wall for run in runs_e], [run.wall for run in runs_f]
    e, f = statistics.median(exports), statistics.median(floors)
    ce = statistics.median(run.cpu for run in runs_e)
    cf = statistics.median(run.cpu for run in runs_f)
    fe = statistics.median(run.faults for run in runs_e)
    ff = statistics.median(run.faults for run in runs_f)
    print(f"export md: median {e * 1000:.0f} ms over {n} runs "
          f"(min {min(exports) * 1000:.0f}, max {max(exports) * 1000:.0f}); "
          f"{plan.stat().st_size:,} bytes written")
    print(f"floor (python + sqlite3 read of the same rows): median {f * 1000:.0f} ms "
          f"(min {min(floors) * 1000:.0f}, max {max(floors) * 1000:.0f})")
    print(f"ratio export / floor: {e / f:.1f}x wall (goal <= 3)")
    print(f"CPU (user + system): export median {ce * 1000:.0f} ms, floor {cf * 1000:.0f} ms, "
          f"ratio {ce / cf:.1f}x")
    print(f"minor page faults: export median {fe:,.0f}, floor {ff:,.0f}, "
          f"ratio {fe / ff:.1f}x")


if __name__ == "__main__":
    main()
