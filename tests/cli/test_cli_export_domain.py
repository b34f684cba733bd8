"""What the domain side of `export --format md` imports and compiles: counted, never timed.

Issue 18 holds the export of a 2,000-touchpoint map to 3x a plain sqlite3 read
(``bench/export.py --phases`` counts its instructions per step).  Importing a
module or compiling a regular expression that the document never uses is paid
by every export; these tests name what an export of a map without ticket
imports must not pay for, so a new cost on this path is a decision.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from models.db.store import Store
from tests.cli.console_probe import ROOT, probe


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
    print('COMPILED', repr(compiled), file=sys.stderr)
"""


def compiled_by_export(db: Path, wid: int, out: Path) -> tuple[int, list[str]]:
    """(wide classes, every pattern) compiled by `journeymap export` of workshop ``wid``."""
    env = {**os.environ, "JOURNEYMAP_TODAY": "2024-03-20"}
    done = subprocess.run([sys.executable, "-c", COMPILED, "--db", str(db), "export", str(wid),
                           "-o", str(out)], capture_output=True, text=True,
                          env=env, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"# ")
    lines = done.stderr.splitlines()
    wide = next(int(line.split()[1]) for line in lines if line.startswith("WIDE"))
    patterns = next(ast.literal_eval(line.split(" ", 1)[1]) for line in lines
                    if line.startswith("COMPILED"))
    return wide, patterns


def test_an_export_of_printable_lines_compiles_no_wide_character_class(
        workshop: tuple[Path, int], tmp_path: Path) -> None:
    # A class holding a character beyond U+00FF (controls, bidi marks, line separators)
    # is compiled into a 65,536-entry map in pure Python: ~4.3 M instructions with the
    # surrogates.  md_text's cleaning class is compiled only for a line that is not
    # printable, and this map's lines all are.
    db, wid = workshop
    assert compiled_by_export(db, wid, tmp_path / "plan.md")[0] == 0


def test_keyword_patterns_are_compiled_only_by_the_maps_that_need_them(tmp_path: Path) -> None:
    # The KPI-direction words (a KPI name outside the catalogue), the escalation
    # context words (a documented handoff) and the job-statement words are compiled
    # when first used (~0.1 ms each), so a map with none of them never compiles them.
    db = tmp_path / "j.db"
    with Store(db, who="tester") as store:
        wid = int(store.create_workshop(title="Plain map").id or 0)
    patterns = compiled_by_export(db, wid, tmp_path / "plan.md")[1]
    words = ("first contact resolution", "recontact", "transcript|conversation", r"[^\W\d_]{4,}")
    assert not [p for p in patterns if isinstance(p, str) and any(w in p for w in words)]


CONNECTIONS = """
import sqlite3, sys
opened = []
_connect = sqlite3.connect
def counted(*args, **kwargs):
    opened.append(args[0])
    return _connect(*args, **kwargs)
sqlite3.connect = counted
from tui.cli.main import main
try:
    main()
finally:
    print('CONNECTIONS', len(opened), file=sys.stderr)
"""


def test_an_export_checks_and_reads_the_file_on_one_connection(workshop: tuple[Path, int],
                                                               tmp_path: Path) -> None:
    # The file's schema check, SQLite's quick check and the read used to open the file
    # three times (each connection reads the schema again, ~3 M instructions).
    db, wid = workshop
    env = {**os.environ, "JOURNEYMAP_TODAY": "2024-03-20"}
    done = subprocess.run([sys.executable, "-c", CONNECTIONS, "--db", str(db), "export",
                           str(wid), "-o", str(tmp_path / "plan.md")], capture_output=True,
                          text=True, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "plan.md").read_bytes().startswith(b"# ")
    opened = next(int(line.split()[1]) for line in done.stderr.splitlines()
                  if line.startswith("CONNECTIONS"))
    assert opened == 1
