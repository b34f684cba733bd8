"""Bench: instructions of each Markdown section of the 2,000-touchpoint export, in process.

``bench/export.py --phases`` splits a whole ``journeymap export`` into its steps; this
splits the render step into its sections, to find where the next saving is.  Each
section is counted in its own process under valgrind's callgrind, with the collector
switched on only inside a ``functools.reduce`` call that wraps that section (or, with
``--call module:attr``, every call of one function, ``module:Class.attr`` for a method),
while the whole document is rendered as the export renders it.  Instructions are
deterministic, so one run of each is enough; ``PYTHONHASHSEED`` is fixed for the set
and dict orders.  The SHA-256 of the document is printed beside each figure, so a
change that alters the bytes shows.  Without valgrind on PATH it says so and stops.

    python bench/render_sections.py [--touchpoints 2000] [--pains 500] [--call module:attr]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.child_env import child_env  # noqa: E402
from bench.export import build  # noqa: E402

# argv: db, workshop id, target ("all", a section key, or module:attr)
COUNTED = r"""
import datetime as dt, functools, hashlib, importlib, sys
from pathlib import Path
from tui.cli.export_core import light_read, one_pass
import models.export.markdown as md
db, wid, target = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
journey, portfolio = light_read(db, wid, portfolio=True)
def once(f, *a, **k):
    return functools.reduce(lambda _x, _y: f(*a, **k), [0, 0])
if target in md._RENDER:
    section = md._RENDER[target]
    md._RENDER[target] = lambda *a, **k: once(section, *a, **k)
elif target != "all":
    module, attr = target.split(":")
    owner = importlib.import_module(module)
    *path, name = attr.split(".")
    for part in path:
        owner = getattr(owner, part)
    inner = getattr(owner, name)
    setattr(owner, name, lambda *a, **k: once(inner, *a, **k))
render = lambda: md.markdown_chunks(journey, today=dt.date(2024, 3, 20), portfolio=portfolio)
with one_pass():
    chunks = once(render) if target == "all" else render()
print(hashlib.sha256(b"".join(chunks)).hexdigest()[:12])
"""


def counted(db: Path, wid: int, target: str) -> tuple[float, str]:
    """(M instructions inside ``target``, the document's SHA-256 prefix)."""
    env = dict(child_env(), PYTHONHASHSEED="0", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         "--collect-atstart=no", "--toggle-collect=functools_reduce",
         sys.executable, "-c", COUNTED, str(db), str(wid), target],
        capture_output=True, text=True, env=env, cwd=db.parent)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode or found is None:
        sys.exit(f"bench/render_sections.py: {target} failed:\n{done.stderr[-2000:]}")
    return int(found.group(1)) / 1e6, done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--touchpoints", type=int, default=2000)
    parser.add_argument("--pains", type=int, default=500)
    parser.add_argument("--call", action="append", metavar="MODULE:ATTR",
                        help="count every call of this function instead, named in the module "
                        "that calls it (models.export.md_method:md_worded; repeatable)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("bench/render_sections.py: needs valgrind on PATH; nothing measured.")
        return
    from models.export.markdown import _RENDER

    with tempfile.TemporaryDirectory(prefix="journeymap-sections-") as tmp:
        db = Path(tmp) / "bench.db"
        wid = build(db, args.touchpoints, args.pains)
        targets = args.call or ["all", *_RENDER]
        print(f"{'section or call':<44}{'M instr.':>10}  document SHA-256 (load "
              f"{os.getloadavg()[0]:.1f}; instructions do not depend on it)")
        for target in targets:
            figure, sha = counted(db, wid, target)
            print(f"{target:<44}{figure:>10.2f}  {sha}")


if __name__ == "__main__":
    main()
