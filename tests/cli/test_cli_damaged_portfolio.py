"""A map damaged by hand is named, not a wall: ``list``, ``import``, ``delete`` and
``report --business-case`` go on with the other maps of the file.

Session 14: a damaged ``workshop`` row refused ``list``, ``import`` and ``delete`` for
the whole file, and the business case refused the portfolio for one damaged map.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.db.store import Store
from models.export.json_backup import export_workshop
from tests.models.bad_values import DAMAGE, beside_a_sound_map, damage_id, spoil
from tui.cli.main import app

importlib.import_module("tui.cli.workshops")
runner = CliRunner()
WORKSHOP_ROW = [d for d in DAMAGE if d[1] == "workshop"]


@pytest.mark.parametrize("entry", WORKSHOP_ROW, ids=damage_id)
def test_list_shows_the_sound_maps_and_names_the_damaged_one(
        tmp_path: Path, entry: tuple[str, str, str, str]) -> None:
    _, table, column, literal = entry
    path = tmp_path / "j.db"
    wid, other = beside_a_sound_map(path)
    spoil(path, table, column, literal)
    result = runner.invoke(app, ["--db", str(path), "list"])
    assert result.exit_code == 4, result.output  # LEFT_OUT_EXIT (test_qa22_read_only_…)
    assert "Sound map" in result.stdout and "cannot be read" in result.stdout
    assert result.stderr.startswith(f"journeymap: Workshop {wid} ")
    assert f"{column.replace('_', ' ')} holds " in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


@pytest.mark.parametrize("command", [["import", "BACKUP"], ["delete", "WID", "--yes"],
                                     ["delete", "OTHER", "--yes"]], ids=lambda c: "-".join(c))
def test_a_damaged_workshop_row_blocks_neither_import_nor_delete(
        tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "j.db"
    wid, other = beside_a_sound_map(path)
    backup = tmp_path / "b.json"
    with Store(path, who="tester") as store:
        backup.write_text(export_workshop(store, other), encoding="utf-8")
    spoil(path, "workshop", "updated_at", "'garbage'")
    subs = {"BACKUP": str(backup), "WID": str(wid), "OTHER": str(other)}
    result = runner.invoke(app, ["--db", str(path), *[subs.get(a, a) for a in command]])
    assert result.exit_code == 0, result.output
    with Store(path, who="tester") as store:
        listed, unreadable = store.list_readable()
    gone = {"WID": wid, "OTHER": other}.get(command[1])
    assert gone not in [w.id for w in listed] + [u.workshop_id for u in unreadable]
    if command[0] == "import":
        assert len(listed) == 2 and [u.workshop_id for u in unreadable] == [wid]


def test_the_business_case_leaves_a_damaged_map_out_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    wid, other = beside_a_sound_map(path)
    spoil(path, "hypothesiscard", "deadline", "'garbage'")
    result = runner.invoke(app, ["--db", str(path), "report", str(other), "--business-case"])
    assert result.exit_code == 4, result.output  # LEFT_OUT_EXIT (test_qa22_read_only_…)
    assert "Future state and business case: Sound map" in result.stdout
    assert result.stderr.startswith(f"journeymap: left out: Workshop {wid} ")
    assert "deadline holds \"garbage\"" in result.stderr


@pytest.mark.parametrize("command", [["reviewed", "WID"], ["costs", "WID", "phone", "25"],
                                     ["role", "WID", "kim", "observer"]],
                         ids=lambda c: c[0])
def test_a_change_to_a_damaged_map_other_than_deleting_it_is_its_sentence(
        tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "j.db"
    wid, _ = beside_a_sound_map(path)
    spoil(path, "workshop", "updated_at", "'garbage'")
    result = runner.invoke(app, ["--db", str(path), *[str(wid) if a == "WID" else a
                                                      for a in command]])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"journeymap: Workshop {wid} ")
    assert "isoformat" not in result.stderr and result.stderr.count("\n") == 1
