"""`templates save` with bytes that are not UTF-8 on its command line: one sentence, or a file.

Found from outside in session 15 (qa19): a shell passes an argument's bytes as they are,
and Python hands a byte that is not UTF-8 on as a lone surrogate.  `new --title` named
the option ("--title: title contains an unpaired surrogate …"), but `templates save`
printed Python's own words, "'utf-8' codec can't encode character '\\udcff' in position
431: surrogates not allowed.", for a title or description, and for a file name in a
Latin-1 folder (the file name is the template's name unless one is given) it wrote no
file at all.  A file name is the shell's to choose: the file is written under it and the
name inside shows the odd byte as U+FFFD; a title or description is refused by name.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import build_workshop, run_cli

ODD = os.fsdecode(b"caf\xe9")  # Latin-1 "café": a lone surrogate once decoded


@pytest.fixture()
def team(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "team.db"
    with Store(db) as store:
        wid = build_workshop(store)
    return db, wid


@pytest.mark.parametrize("option", ["--title", "--description"])
def test_an_odd_byte_in_a_title_or_description_is_refused_by_name(
        team: tuple[Path, int], tmp_path: Path, option: str) -> None:
    db, wid = team
    target = tmp_path / "ours.toml"
    code, out, err = run_cli(db, "templates", "save", str(wid), str(target), option, ODD)
    assert code == 1, (out, err)
    assert err.startswith(f"journeymap: {option}: ") and "unpaired surrogate" in err, err
    assert "codec" not in err and err.count("\n") == 1
    assert not target.exists()


def test_a_file_name_with_an_odd_byte_is_written_and_named_readably(
        team: tuple[Path, int], tmp_path: Path) -> None:
    """A fresh process, as a shell runs it: Typer's test runner cannot print the path's
    odd byte back (its stdout is strict UTF-8), a terminal gets the byte as it was."""
    db, wid = team
    target = tmp_path / f"{ODD}.toml"
    done = subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db), "templates",
                           "save", str(wid), os.fsencode(target)],
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == os.fsencode(target) + b"\n"
    data = tomllib.loads(target.read_bytes().decode("utf-8"))
    assert data["template"]["name"] == "caf\N{REPLACEMENT CHARACTER}"
