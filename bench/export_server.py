"""Bench: `journeymap --db postgresql://… export ID --format md` of a 2,000-touchpoint map.

The team server's twin of ``bench/export.py``: the same map (``build``), built in a
fresh database on the server named by ``--admin`` (a URL of a role that may create
databases; default ``JOURNEYMAP_TEST_PG``) and dropped afterwards.  The floor,
measured in the same run, is a fresh Python process that connects with psycopg and
reads the same rows (``FLOOR_SQL``) and writes them out; the ratio is the number to
watch.  Beside it, for scale, the same export of the same map in a file, against
its sqlite3 floor.  Wall and CPU medians over ``--runs``, interleaved, with the load
average before and after.

    python bench/export_server.py [--touchpoints 2000] [--pains 500] [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.export import ENTRY, ENTRY_FN, FLOOR_SQL, Run, build, commands, timed  # noqa: E402
from bench.server import fresh_database  # noqa: E402

PG_FLOOR = r"""
import os, sys, psycopg
con = psycopg.connect(os.environ["JOURNEYMAP_DB"])
wid = int(sys.argv[1])
out = []
for sql in SQL:
    for row in con.execute(sql.replace("?", "%s"), (wid,)):
        out.append("|".join("" if v is None else str(v) for v in row))
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("\n".join(out))
""".replace("SQL", repr(FLOOR_SQL), 1)


def server_commands(wid: int, out: Path) -> tuple[list[str], list[str]]:
    """(the export, the psycopg floor), each writing into ``out``.

    The URL travels in ``JOURNEYMAP_DB``, never on a command line that ``ps`` shows
    with its password."""
    out.mkdir()
    cli = [sys.executable, "-c", f"from {ENTRY} import {ENTRY_FN}; {ENTRY_FN}()"]
    return ([*cli, "export", str(wid), "--format", "md", "-o", str(out / "plan.md")],
            [sys.executable, "-c", PG_FLOOR, str(wid), str(out / "rows.txt")])


def medians(runs: list[Run]) -> tuple[float, float]:
    """(wall, CPU) medians in milliseconds."""
    return (statistics.median(r.wall for r in runs) * 1000,
            statistics.median(r.cpu for r in runs) * 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin", default=os.environ.get("JOURNEYMAP_TEST_PG", ""))
    parser.add_argument("--touchpoints", type=int, default=2000)
    parser.add_argument("--pains", type=int, default=500)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if not args.admin:
        sys.exit("bench/export_server.py needs --admin URL (or JOURNEYMAP_TEST_PG).")
    url, drop = fresh_database(args.admin)
    try:
        with tempfile.TemporaryDirectory(prefix="journeymap-bench-") as tmp:
            file_db = Path(tmp) / "bench.db"
            wid = build(url, args.touchpoints, args.pains)  # type: ignore[arg-type]
            file_wid = build(file_db, args.touchpoints, args.pains)
            programs = dict(zip(("server export", "psycopg floor"),
                                server_commands(wid, Path(tmp) / "server"), strict=True))
            programs.update(zip(("file export", "sqlite3 floor"),
                                commands(sys.executable, file_db, file_wid,
                                         Path(tmp) / "file"), strict=True))
            os.environ["JOURNEYMAP_DB"] = url  # read by the server programs only
            for cmd in programs.values():
                timed(cmd)  # warm the page cache and .pyc files
            load = os.getloadavg()[0]
            runs: dict[str, list[Run]] = {name: [] for name in programs}
            for _ in range(args.runs):  # interleaved so load changes hit every program alike
                for name, cmd in programs.items():
                    runs[name].append(timed(cmd))
            print(f"{args.touchpoints:,} touchpoints, {args.pains:,} pain points; medians over "
                  f"{args.runs} runs; load average {load:.1f} before, "
                  f"{os.getloadavg()[0]:.1f} after")
            got = {name: medians(r) for name, r in runs.items()}
            for name, (wall, cpu) in got.items():
                print(f"{name:<16} wall {wall:6.0f} ms   CPU {cpu:6.0f} ms")
            for export, floor in (("server export", "psycopg floor"),
                                  ("file export", "sqlite3 floor")):
                print(f"{export} / {floor}: {got[export][0] / got[floor][0]:.1f}x wall, "
                      f"{got[export][1] / got[floor][1]:.1f}x CPU")
            same = (Path(tmp) / "server" / "plan.md").read_bytes() == (
                Path(tmp) / "file" / "plan.md").read_bytes()
            print(f"server and file exports byte-identical: {same}")
    finally:
        drop()


if __name__ == "__main__":
    main()
