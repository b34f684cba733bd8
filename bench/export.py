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
of building one.  Every program runs from the temporary folder, so ``python -c``
never imports the checkout from the current folder.

    python bench/export.py [--touchpoints 2000] [--pains 500] [--runs 7]
                           [--regular | --python PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.child_env import child_env  # noqa: E402

# the console script's entry point, as pyproject.toml declares it
_SCRIPT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]["journeymap"]
ENTRY, ENTRY_FN = _SCRIPT.split(":")

FLOOR = r"""
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
wid = int(sys.argv[2])
out = []
for sql in (
    "SELECT * FROM workshop WHERE id = ?",
    "SELECT * FROM stage WHERE workshop_id = ? ORDER BY position, id",
    "SELECT t.* FROM touchpoint t JOIN stage s ON s.id = t.stage_id WHERE s.workshop_id = ?"
    " ORDER BY s.position, t.position, t.id",
    "SELECT * FROM handoff WHERE workshop_id = ?",
    "SELECT * FROM painpoint WHERE workshop_id = ? ORDER BY id",
    "SELECT c.* FROM hypothesiscard c JOIN painpoint p ON p.id = c.pain_point_id"
    " WHERE p.workshop_id = ?",
    "SELECT * FROM plantask WHERE workshop_id = ? ORDER BY position, id",
):
    for row in con.execute(sql, (wid,)):
        out.append("|".join("" if v is None else str(v) for v in row))
with open(sys.argv[3], "w", encoding="utf-8") as f:
    f.write("\n".join(out))
"""


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
        stages = store.load(w.id).stages
        with store.write() as s:
            for i in range(touchpoints):
                stage = stages[i * len(stages) // touchpoints]
                s.add(Touchpoint(stage_id=stage.id, position=i, name=f"Touchpoint {i} | `x`",
                                 channel="web", does=f"does thing {i}", thinks="why?\nreally",
                                 feels="stuck", sentiment=rng.randint(-2, 2),
                                 owner_team=rng.choice(teams),
                                 lane=rng.choice(["frontstage", "backstage"])))
        tp_ids = [tp.id for tp in store.load(w.id).ordered_touchpoints()]
        with store.write() as s:
            for i in range(pains):
                s.add(PainPoint(workshop_id=w.id, touchpoint_id=rng.choice(tp_ids),
                                description=f"Pain {i}: # loops [again]", kind="loop",
                                impact=rng.randint(1, 3), effort=rng.randint(1, 3),
                                ticket_volume=rng.randint(0, 900), votes=rng.randint(0, 5)))
        pain_ids = [p.id for p in store.load(w.id).pain_points]
        with store.write() as s:
            for pid in pain_ids[:50]:
                s.add(HypothesisCard(pain_point_id=pid, experiment=f"Fix {pid}", outcome="less",
                                     signal="30% fewer", owner=rng.choice(teams),
                                     deadline=dt.date(2024, 3, 1) + dt.timedelta(days=pid % 40)))
        regenerate_plan(store, w.id)
        return int(w.id)


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


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process.

    CPU (user + system of the child) is what other engineers' load on a shared
    machine does not inflate; wall clock is what a person waits.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=child_env(), cwd=Path(cmd[-1]).parent)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--touchpoints", type=int, default=2000)
    parser.add_argument("--pains", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    install = parser.add_mutually_exclusive_group()
    install.add_argument("--regular", action="store_true",
                         help="also time a regular install of this tree (wheel, throwaway venv)")
    install.add_argument("--python", help="also time this regular install's interpreter")
    args = parser.parse_args()
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
        elif args.python:
            pythons["regular install"] = args.python
        pairs = {name: commands(python, db, wid, Path(tmp) / name.replace(" ", "-"))
                 for name, python in pythons.items()}
        for export_cmd, floor_cmd in pairs.values():
            timed(export_cmd), timed(floor_cmd)  # warm the page cache and .pyc files
        runs: dict[str, tuple[list[tuple[float, float]], list[tuple[float, float]]]] = {
            name: ([], []) for name in pairs}
        for _ in range(args.runs):  # interleaved so load changes hit every program alike
            for name, (export_cmd, floor_cmd) in pairs.items():
                runs[name][0].append(timed(export_cmd))
                runs[name][1].append(timed(floor_cmd))
        for name, (runs_e, runs_f) in runs.items():
            if len(runs) > 1:
                print(f"-- {name} ({pythons[name]})")
            report(runs_e, runs_f, args.runs, Path(tmp) / name.replace(" ", "-") / "plan.md")


def commands(python: str, db: Path, wid: int, out: Path) -> tuple[list[str], list[str]]:
    """(the export, the floor) run by ``python``, each writing into ``out``."""
    out.mkdir()
    cli = [python, "-c", f"from {ENTRY} import {ENTRY_FN}; {ENTRY_FN}()"]
    export_cmd = [*cli, "--db", str(db), "export", str(wid), "--format", "md",
                  "-o", str(out / "plan.md")]
    floor_cmd = [python, "-c", FLOOR, str(db), str(wid), str(out / "rows.txt")]
    return export_cmd, floor_cmd


def report(runs_e: list[tuple[float, float]], runs_f: list[tuple[float, float]], n: int,
           plan: Path) -> None:
    """The medians, the floor's and the ratios of one interpreter's runs."""
    exports, floors = [w for w, _ in runs_e], [w for w, _ in runs_f]
    e, f = statistics.median(exports), statistics.median(floors)
    ce = statistics.median(c for _, c in runs_e)
    cf = statistics.median(c for _, c in runs_f)
    print(f"export md: median {e * 1000:.0f} ms over {n} runs "
          f"(min {min(exports) * 1000:.0f}, max {max(exports) * 1000:.0f}); "
          f"{plan.stat().st_size:,} bytes written")
    print(f"floor (python + sqlite3 read of the same rows): median {f * 1000:.0f} ms "
          f"(min {min(floors) * 1000:.0f}, max {max(floors) * 1000:.0f})")
    print(f"ratio export / floor: {e / f:.1f}x wall (goal <= 3)")
    print(f"CPU (user + system): export median {ce * 1000:.0f} ms, floor {cf * 1000:.0f} ms, "
          f"ratio {ce / cf:.1f}x")

if __name__ == "__main__":
    main()
