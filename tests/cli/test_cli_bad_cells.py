"""Every command that reads a hand-damaged workshop says where, in one sentence.

QA found Python's "Invalid isoformat string: 'garbage'" in front of the lead; the
refusal names the workshop, the row, the column and the JSON backup instead.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.db.store import Store
from tests.models.bad_values import DAMAGE, damage_id, full_file, spoil
from tui.cli.main import app

importlib.import_module("tui.cli.workshops")
runner = CliRunner()

ONE_PER_KIND = list({kind: (kind, t, c, v) for kind, t, c, v in reversed(DAMAGE)}.values())
COMMANDS = [["show"], ["cards"], ["plan"], ["tracker"], ["tickets", "show"],
            ["export", "--format", "md"], ["export", "--format", "json"],
            ["export", "--format", "csv"], ["export", "--format", "ics"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c))
@pytest.mark.parametrize("entry", ONE_PER_KIND, ids=damage_id)
def test_a_command_on_a_damaged_workshop_is_one_sentence(
        tmp_path: Path, entry: tuple[str, str, str, str], command: list[str]) -> None:
    _, table, column, literal = entry
    path = tmp_path / "j.db"
    wid = full_file(path)
    spoil(path, table, column, literal)
    result = runner.invoke(app, ["--db", str(path), *command, str(wid)])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"journeymap: Workshop {wid} ")
    assert f"{column.replace('_', ' ')} holds " in result.stderr
    assert "import BACKUP.json" in result.stderr and result.stderr.count("\n") == 1


def _two_maps(path: Path) -> tuple[int, int]:
    """Two live maps with cards (the tracker's items); the first one then damaged."""
    from models.export.templates import create_from_template

    with Store(path, who="tester") as store:
        damaged = create_from_template(store, "login-lockout")
        sound = create_from_template(store, "billing-dispute")
    spoil(path, "painpoint", "kind", "'nope'")  # the first pain point: the first map's
    return damaged, sound


@pytest.mark.parametrize("command", [["tracker"], ["export", "SOUND", "-o", "OUT"]],
                         ids=lambda c: c[0])
def test_a_portfolio_leaves_a_damaged_map_out_and_says_so(
        tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "j.db"
    damaged, sound = _two_maps(path)
    out = tmp_path / "out.md"
    args = [str(sound) if a == "SOUND" else str(out) if a == "OUT" else a for a in command]
    result = runner.invoke(app, ["--db", str(path), *args])
    assert result.exit_code == 4, result.output  # LEFT_OUT_EXIT (test_qa22_read_only_…)
    assert result.stderr.startswith(f"journeymap: left out: Workshop {damaged} ")
    assert "pain point 1's kind holds \"nope\"" in result.stderr
    if command == ["tracker"]:
        assert f"(workshop {sound})" in result.stdout
        assert f"(workshop {damaged})" not in result.stdout
    else:
        assert out.stat().st_size > 0  # the sound map's document, its review without the other


@pytest.mark.parametrize("command", [["log"], ["export", "--format", "json"]],
                         ids=lambda c: c[0])
def test_a_bad_time_in_the_change_log_is_one_sentence(
        tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "j.db"
    wid = full_file(path)
    spoil(path, "changelog", "at", "'garbage'")
    result = runner.invoke(app, ["--db", str(path), command[0], str(wid), *command[1:]])
    assert result.exit_code == 1, result.output
    assert "change log entry 1's at holds \"garbage\"" in result.stderr
    assert "isoformat" not in result.stderr and result.stderr.count("\n") == 1
