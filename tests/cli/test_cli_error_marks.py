"""An error sentence quotes what it was given as marks, never as terminal controls.

Every user error is one sentence on stderr (``tui.cli.common.fail``), and many name
what was wrong: a file's key, a stage's name, a seat.  Those come from other people
(a shared backup, a template, a seat's name), so a key holding an escape sequence
reached the lead's terminal and was obeyed: a window title set, a screen cleared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tui.safe_text import clean

KEY = "\x1b]0;pwned\x07\u202eKey"  # a terminal title (OSC), a bell, a right-to-left override


@pytest.mark.parametrize(("name", "command"), [
    ("evil.json", "import"), ("evil.toml", "templates show")])
def test_a_hostile_key_in_a_file_is_named_as_marks(tmp_path: Path, name: str,
                                                   command: str) -> None:
    source = tmp_path / name
    body = {"format": "journeymap", "version": 1, "workshop": {KEY: 1}}
    source.write_text(json.dumps(body) if name.endswith(".json") else (
        'format = "journeymap"\nversion = 1\n[workshop]\n'
        f'"{KEY.encode("unicode_escape").decode()}" = 1\n'.replace("\\x", "\\u00")))
    code, out, err = run_cli(tmp_path / "j.db", *command.split(), str(source))
    assert code == 1 and out == ""
    assert "unknown key" in err and clean(KEY) in err
    assert not {"\x1b", "\x07", "\u202e"} & set(err), err
    assert err.count("\n") == 1
