"""`journeymap export` before Typer loads: the same outcome as the full command, or none.

The console script answers a plain ``export`` of a local file without importing
Typer (issue 18: its import was a fifth of the export's CPU).  A second reader
of the command line is only acceptable if it can never disagree with the first:
every command line here runs both ways (the console script's entry point, and
``tui.cli.main`` whose Typer app reads everything) and must give the same exit
code, stdout, stderr and file.  No timing here: bench/export.py measures.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.db.store import Store
from models.export.templates import create_from_template
from models.rules.demo import complete_demo
from tui.cli.quick_export import parse

TODAY = dt.date(2024, 3, 20)
RUN = """
import sys
sys.argv[0] = 'journeymap'
from {module} import main
try:
    main()
finally:
    print('TYPER', 'typer' in sys.modules, file=sys.stderr)
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """A file with a completed workshop (saved plan) and a fresh one (plan not saved)."""
    db = tmp_path_factory.mktemp("quick") / "j.db"
    with Store(db, who="tester") as store:
        done = create_from_template(store, "login-lockout", start_date=dt.date(2024, 2, 29))
        complete_demo(store, done, TODAY)
        fresh = create_from_template(store, "billing-dispute")
    return db, done, fresh


def run(module: str, args: list[str], cwd: Path, env: dict[str, str] | None = None
        ) -> tuple[int, bytes, bytes, bool]:
    """(exit code, stdout, stderr without the probe line, whether Typer was imported)."""
    out = subprocess.run([sys.executable, "-c", RUN.format(module=module), *args],
                         capture_output=True, cwd=cwd, stdin=subprocess.DEVNULL,
                         env={**os.environ, "JOURNEYMAP_TODAY": TODAY.isoformat(),
                              **(env or {})})
    lines = out.stderr.splitlines(keepends=True)
    assert lines and lines[-1].startswith(b"TYPER "), out.stderr
    return out.returncode, out.stdout, b"".join(lines[:-1]), lines[-1].strip() == b"TYPER True"


def both(args: list[str], cwd: Path, written: Path | None = None,
         env: dict[str, str] | None = None) -> bool:
    """Run ``args`` both ways, assert the same outcome; True if the quick road took it."""
    outcomes = []
    typer_loaded = []
    for module in ("tui.cli.entry", "tui.cli.main"):
        if written is not None:
            written.unlink(missing_ok=True)
        code, out, err, loaded = run(module, args, cwd, env)
        typer_loaded.append(loaded)
        outcomes.append((code, out, err,
                         written.read_bytes() if written is not None and written.is_file()
                         else None))
    assert outcomes[0] == outcomes[1]
    assert typer_loaded[1], "the full command line reads with Typer"
    return not typer_loaded[0]


def test_a_plain_export_skips_typer_and_writes_the_same_file(files: tuple[Path, int, int],
                                                             tmp_path: Path) -> None:
    db, done, _fresh = files
    assert both(["--db", str(db), "export", str(done), "-o", "plan.md"], tmp_path,
                tmp_path / "plan.md")
    assert (tmp_path / "plan.md").stat().st_size > 10_000


@pytest.mark.parametrize("extra", [
    [], ["--format", "csv"], ["--format=ics"], ["-f", " MD "], ["--sections", "action-plan"],
    ["--sections=scope,diagrams", "--format", "md"]])
def test_the_quick_road_gives_the_full_command_s_stdout(files: tuple[Path, int, int],
                                                        tmp_path: Path, extra: list[str]) -> None:
    db, done, _fresh = files
    assert both(["--db", str(db), "export", str(done), *extra], tmp_path)


def test_start_moves_only_an_unsaved_plan_and_says_so_the_same_way(
        files: tuple[Path, int, int], tmp_path: Path) -> None:
    db, done, fresh = files
    assert both([f"--db={db}", "export", "--start", "2024-03-04", str(fresh)], tmp_path)
    assert both(["--db", str(db), "export", str(done), "--start", "2024-03-04"], tmp_path)


def test_the_database_from_the_environment(files: tuple[Path, int, int], tmp_path: Path) -> None:
    db, done, _fresh = files
    assert both(["export", str(done), "-f", "ics"], tmp_path, env={"JOURNEYMAP_DB": str(db)})


@pytest.mark.parametrize("case", [
    "unknown workshop", "bad section", "bad date", "json", "sections with csv", "unknown format",
    "output is the database", "output is a folder", "missing folder", "help", "extra argument",
    "value like an option", "repeated option"])
def test_everything_else_is_the_full_command_s_own_words(files: tuple[Path, int, int],
                                                         tmp_path: Path, case: str) -> None:
    db, done, _fresh = files
    base = ["--db", str(db), "export", str(done)]
    args = {
        "unknown workshop": ["--db", str(db), "export", str(done + 100)],
        "bad section": [*base, "--sections", "nope"],
        "bad date": [*base, "--start", "2024-13-01"],
        "json": [*base, "-f", "json"],
        "sections with csv": [*base, "-f", "csv", "--sections", "scope"],
        "unknown format": [*base, "-f", "pdf"],
        "output is the database": [*base, "-o", str(db)],
        "output is a folder": [*base, "-o", str(tmp_path)],
        "missing folder": ["--db", str(tmp_path / "no" / "j.db"), "export", str(done)],
        "help": [*base, "--help"],
        "extra argument": [*base, "7"],
        "value like an option": [*base, "-o", "-f"],
        "repeated option": [*base, "-f", "md", "-f", "csv"],
    }[case]
    quick = both(args, tmp_path)
    assert not quick  # the quick road stepped aside before writing anything


@pytest.mark.parametrize(("argv", "taken"), [
    (["--db", "x.db", "export", "3"], True),
    (["--db=x.db", "export", "-o", "p.md", "3", "--format=csv"], True),
    (["export", "3"], True),
    (["export"], False),
    (["export", "3", "4"], False),
    (["export", "+3"], False),
    (["export", "3", "--output="], False),
    (["export", "3", "-omd"], False),
    (["export", "3", "--"], False),
    (["--db", "x.db", "list"], False),
    (["--version", "export", "3"], False),
    (["--db", "--help", "export", "3"], False),
    (["export", "3", "--db", "x.db"], False),
    (["export", "3", "--form", "md"], False),
])
def test_which_command_lines_the_quick_road_reads(argv: list[str], taken: bool) -> None:
    assert (parse(argv, {}) is not None) is taken
    assert parse(argv, {"_JOURNEYMAP_COMPLETE": "bash_source"}) is None  # completion: Typer's
