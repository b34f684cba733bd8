"""``copy`` moves the readable maps of a portfolio and names a damaged one.

Left by session 15: one map with a value written by hand refused the whole copy (its
sentence, nothing copied), where ``list`` and Home show the others and name that one.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.db.store import Store
from tests.models.bad_values import beside_a_sound_map, spoil
from tui.cli.main import app

importlib.import_module("tui.cli.team")
runner = CliRunner()


@pytest.mark.parametrize(("table", "column", "literal"), [
    ("workshop", "updated_at", "'garbage'"),  # the row list and Home already leave apart
    ("hypothesiscard", "deadline", "'garbage'"),  # found when the map itself is read
    ("changelog", "at", "'yesterday-ish'"),  # found when its change log is read
], ids=lambda v: str(v).strip("'"))
def test_copy_takes_the_sound_maps_and_names_the_damaged_one(
        tmp_path: Path, table: str, column: str, literal: str) -> None:
    path, copy = tmp_path / "j.db", tmp_path / "copy.db"
    wid, other = beside_a_sound_map(path)
    spoil(path, table, column, literal)
    result = runner.invoke(app, ["copy", "--from", str(path), "--to", str(copy)])
    assert result.exit_code == 4, result.output  # LEFT_OUT_EXIT (test_ux21_partial_copy_exit)
    assert result.stderr.startswith(f"journeymap: left out: Workshop {wid} "), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert f"{other} -> " in result.stdout and f"{wid} -> " not in result.stdout
    assert "Copied 1 workshop " in result.stdout and "1 left out" in result.stdout
    with Store(copy, who="tester") as store:
        assert [w.title for w in store.list_workshops()] == ["Sound map"]
