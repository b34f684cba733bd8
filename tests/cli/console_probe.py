"""Runs the console script's entry point in a fresh interpreter and reports what it did.

The export's cost tests (what it imports, which Typer commands it builds, whether the
collector's freeze is in place) need a real process: in-process, pytest has already
imported most of what they count.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2024, 3, 20)

# Runs the console script's entry point, then reports what the process did; Typer is
# imported by ``tui.cli.main`` first, as in the console script (``tui.cli.deferred``),
# and its command builder is counted from then on.  MODULES
# are the ones imported after the interpreter started: a Python whose `site` start-up
# already imports tempfile (a .pth file of the machine) must not count against the export.
PROBE = """
import gc, sys
before = set(sys.modules)
from tui.cli.main import main
import typer.main
built = []
_build = typer.main.get_command_from_info
def counted(command_info, **kw):
    command = _build(command_info, **kw)
    built.append(command.name)
    return command
typer.main.get_command_from_info = counted
try:
    main()
finally:
    print('MODULES', ' '.join(sorted(set(sys.modules) - before)), file=sys.stderr)
    print('BUILT', ' '.join(built), file=sys.stderr)
    print('FROZEN', gc.get_freeze_count(), file=sys.stderr)
"""

# Runs the console script, then names the ORM libraries the process imported: the
# light exports (a file's and a server's) must import none.
HEAVY_PROBE = """
import sys
from tui.cli.main import main
try:
    main()
finally:
    heavy = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'sqlmodel', 'pydantic'})
    print('HEAVY', heavy, file=sys.stderr)
"""


def run_cli(db: Path | str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The console script in a fresh process (``HEAVY_PROBE``); a server URL goes in
    ``JOURNEYMAP_DB``, never on a command line that ``ps`` shows with its password."""
    env = {**os.environ, "JOURNEYMAP_TODAY": TODAY.isoformat(), "JOURNEYMAP_DB": str(db)}
    return subprocess.run([sys.executable, "-c", HEAVY_PROBE, *args], capture_output=True,
                          env=env, stdin=subprocess.DEVNULL)


def probe(db: Path, *args: str) -> dict[str, list[str]]:
    env = {**os.environ, "JOURNEYMAP_TODAY": TODAY.isoformat()}
    out = subprocess.run([sys.executable, "-c", PROBE, "--db", str(db), *args],
                         capture_output=True, text=True, env=env, cwd=ROOT,
                         stdin=subprocess.DEVNULL, timeout=120)
    assert out.returncode == 0, out.stderr
    report = {}
    for line in out.stderr.splitlines():
        key, _, rest = line.partition(" ")
        if key in ("MODULES", "BUILT", "FROZEN"):
            report[key] = rest.split()
    return report
