"""What the domain side of `export --format md` imports and compiles: counted, never timed.

Issue 18 holds the export of a 2,000-touchpoint map to 3x a plain sqlite3 read
(``bench/export.py --phases`` counts its instructions per step).  Importing a
module or compiling a regular expression that the document never uses is paid
by every export; these tests name what an export of a map without ticket
imports must not pay for, so a new cost on this path is a decision.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.cli.test_cli_export_work import ROOT, probe


def test_an_export_without_ticket_imports_does_not_load_json(workshop: tuple[Path, int],
                                                              tmp_path: Path) -> None:
    # json (its decoder, encoder and their regular expressions, ~5 M instructions) only
    # reads what a ticket import stored; a map without one never parses any JSON.
    db, wid = workshop
    modules = set(probe(db, "export", str(wid), "--format", "md",
                        "-o", str(tmp_path / "plan.md"))["MODULES"])
    assert (tmp_path / "plan.md").read_bytes().startswith(b"# ")
    assert "models.rules.measures" in modules  # the section that would need it ran
    assert "json" not in modules


# Runs the console script's entry point and lists the regular expressions compiled in
# the process (the ``re`` cache answers a pattern compiled before without compiling).
COMPILED = """
import re, sys
compiled = []
_compile = re._compile
def counted(pattern, flags):
    if (type(pattern), pattern, flags) not in re._cache:
        compiled.append(pattern)
    return _compile(pattern, flags)
re._compile = counted
from tui.cli.main import main
try:
    main()
finally:
    print('WIDE', len([p for p in compiled if isinstance(p, str) and max(p, default='') > '\\xff']),
          file=sys.stderr)
"""


def test_an_export_compiles_one_wide_character_class(workshop: tuple[Path, int],
                                                     tmp_path: Path) -> None:
    # A class holding a character beyond U+00FF (controls, bidi marks, line separators)
    # is compiled into a 65,536-entry map in pure Python: ~1.7 M instructions each.
    # md_text's cleaning, one-line check and escaping share one such class.
    db, wid = workshop
    env = {**os.environ, "JOURNEYMAP_TODAY": "2024-03-20"}
    out = subprocess.run([sys.executable, "-c", COMPILED, "--db", str(db), "export", str(wid),
                          "-o", str(tmp_path / "plan.md")], capture_output=True, text=True,
                         env=env, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "plan.md").read_bytes().startswith(b"# ")
    wide = next(int(line.split()[1]) for line in out.stderr.splitlines()
                if line.startswith("WIDE"))
    assert wide == 1
