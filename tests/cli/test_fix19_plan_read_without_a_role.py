"""``plan ID`` from an account with no role, on a map with no plan yet, reads.

Left by session 15's walk (qa19): the command saves the plan on first use, so a colleague
who only wanted to see it was told "Only a participant or lead can change workshop 2",
as if they had tried to change something.  A read reads: the plan the map would get is
shown, said to be unsaved, with who saves it; nothing is written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import as_account, build_workshop, run_cli


def test_plan_without_a_role_shows_an_unsaved_plan_and_writes_nothing(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    as_account(monkeypatch, "lea")
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    as_account(monkeypatch, "mallory")
    code, out, err = run_cli(db_path, "plan", str(wid))
    said = " ".join((out + err).split())
    assert code == 0, said
    assert "change" not in said, said
    assert "no plan yet" in said and "not saved" in said, said
    assert f"journeymap plan {wid}" in said and "participant or lead" in said, said
    assert "Day 1" in said or "Week 1" in said or "Phase" in said, said  # the table itself
    with Store(db_path, who="lea") as store:
        assert store.load(wid).plan_tasks == []


def test_regenerate_without_a_role_is_still_refused(db_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """``--regenerate`` asks for a change: that one is refused, and says so."""
    as_account(monkeypatch, "lea")
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    as_account(monkeypatch, "mallory")
    code, out, err = run_cli(db_path, "plan", str(wid), "--regenerate")
    assert code == 1
    assert "has no role" in " ".join((out + err).split())
