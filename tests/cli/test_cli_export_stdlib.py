"""What `export --format md` imports from the standard library beyond the command line.

Issue 18 holds the export of a 2,000-touchpoint map to 3x a plain sqlite3 read.
The command line (Typer, its vendored Click, ``tui.cli.main``) already imports
about a hundred standard-library modules; a module the export adds on top is paid
by every export: finding, reading and running it, ~0.5-3 M instructions each
(``bench/export.py --phases``).  Counted, never timed: the test lists what an
export may add and why, so a new one is a decision.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.cli.console_probe import ROOT, probe

# Imported by the command line itself, before any command runs.
COMMAND_LINE = """
import sys
before = set(sys.modules)
import tui.cli.main
print(' '.join(sorted(set(sys.modules) - before)))
"""

# What an export adds, each for a reason of its own.
ADDED = {
    "sqlite3", "sqlite3.dbapi2", "_sqlite3",  # the read (the floor imports it too)
    "contextvars", "_contextvars",  # models.rules.memo: rule answers kept while a document is built
    "pwd",  # models.db.access: `-o` writes a file only for a participant or lead (built in, ~0.2 M)
}


def _not_stdlib(name: str) -> bool:
    """Ours, or Typer's (it imports some of its own modules as a command is built)."""
    return name.split(".")[0] in ("models", "tui", "typer")


def test_an_export_adds_only_the_listed_standard_library_modules(
        workshop: tuple[Path, int], tmp_path: Path) -> None:
    # Left out: ``dataclasses`` (~2.8 M to import, and each dataclass compiles its
    # methods), ``calendar`` (~1.8 M, for the length of a month).
    db, wid = workshop
    modules = set(probe(db, "export", str(wid), "--format", "md",
                        "-o", str(tmp_path / "plan.md"))["MODULES"])
    assert (tmp_path / "plan.md").read_bytes().startswith(b"# ")
    done = subprocess.run([sys.executable, "-c", COMMAND_LINE], capture_output=True,
                          text=True, env=dict(os.environ), cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    command_line = set(done.stdout.split())
    assert "typer" in command_line and "models.rules.memo" in modules
    added = {name for name in modules - command_line if not _not_stdlib(name)}
    assert added <= ADDED, sorted(added - ADDED)
