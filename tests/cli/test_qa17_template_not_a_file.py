"""A template path that is a pipe or a device is named as such, not "no such file" (qa17).

Found from outside in session 14: `journeymap templates show fifo.toml` (a FIFO made
with mkfifo) and `templates show /dev/zero` said "no such template or file; the shipped
templates are: …" of a path that exists.  Nothing hung, but the sentence sent the
lead looking for a typo; `import` already said "is not a regular file".
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import run_cli


@pytest.mark.parametrize("command", [("templates", "show"), ("new", "--template")])
def test_a_fifo_as_a_template_is_not_a_regular_file(tmp_path: Path,
                                                    command: tuple[str, ...]) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    extra = ("--persona", "p", "--scenario", "s") if command[0] == "new" else ()
    code, out, err = run_cli(tmp_path / "team.db", *command, str(fifo), *extra)
    assert code == 1, (out, err)
    assert "is not a regular file" in err and "no such template" not in err
    assert err.count("\n") == 1 and "Traceback" not in out + err


def test_a_device_as_a_template_is_not_a_regular_file(tmp_path: Path) -> None:
    code, _out, err = run_cli(tmp_path / "team.db", "templates", "show", "/dev/zero")
    assert code == 1 and "/dev/zero: is not a regular file" in err


def test_a_missing_template_is_still_no_such_file(tmp_path: Path) -> None:
    code, _out, err = run_cli(tmp_path / "team.db", "templates", "show", "nope.toml")
    assert code == 1 and "no such template or file" in err
