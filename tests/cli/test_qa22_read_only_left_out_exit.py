"""A read-only command that leaves a damaged map out says so in its exit code.

Found in session 18: ``list``, ``tracker``, ``report`` (and its business case) and the
Markdown ``export`` over a file with one damaged map printed what they could, named the
map on stderr and exited 0, so a script (``journeymap tracker > status.txt && mail …``)
passed a portfolio with a map missing as whole.  They now end with ``LEFT_OUT_EXIT``
(4), as ``copy`` does: 0 means everything was read, 1 that nothing was done.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.models.bad_values import beside_a_sound_map, spoil
from tui.cli.common import LEFT_OUT_EXIT

COMMANDS = [["list"], ["tracker"], ["report", "OTHER"], ["report", "OTHER", "--business-case"],
            ["export", "OTHER", "--format", "md"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c))
def test_a_damaged_map_left_out_ends_in_exit_4_after_the_rest_is_printed(
        tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "j.db"
    wid, other = beside_a_sound_map(path)
    spoil(path, "workshop", "updated_at", "'garbage'")
    code, out, err = run_cli(path, *[str(other) if a == "OTHER" else a for a in command])
    assert code == LEFT_OUT_EXIT, (code, out, err)
    assert f"Workshop {wid} " in err and err.count("\n") == 1, err
    assert "Traceback" not in out + err
    assert out.strip(), err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c))
def test_a_sound_file_still_ends_in_exit_0(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "j.db"
    _, other = beside_a_sound_map(path)
    code, out, err = run_cli(path, *[str(other) if a == "OTHER" else a for a in command])
    assert code == 0, (code, out, err)
    assert err == "", err
