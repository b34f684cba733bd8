"""Fresh-eyes QA (session 13): a backup edited by hand stored a step that does not exist.

Found on the team box: a backup whose ``workshop.current_step`` read "nope" imported
without a word; ``journeymap list`` then showed the step "nope" and ``who`` a seat on
step "nope" (a participant's ``current_step``).  Every step a workshop or a seat keeps is
now one of the method's steps (blank where a step may be unsaid), refused with the key
named, as a wrong state or lane is.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.export.json_backup import export_workshop, import_json
from models.export.serialize import DataError


@pytest.fixture
def backup(tmp_path: Path) -> dict[str, Any]:
    with Store(tmp_path / "a.db", who="lea") as store:
        wid = int(store.create_workshop(title="Lockout", scenario="s").id or 0)
        data: dict[str, Any] = json.loads(export_workshop(store, wid))
    data["participants"] = [{"name": "bob", "role": "participant", "current_step": "stages",
                             "done_step": "", "following": False,
                             "last_seen": "2026-11-30T03:49:00+00:00"}]
    return data


@pytest.mark.parametrize(("where", "key"), [("workshop", "current_step"),
                                            ("workshop", "timer_step"),
                                            ("workshop", "gather_step"),
                                            ("participants", "current_step"),
                                            ("participants", "done_step")])
def test_a_step_that_does_not_exist_is_refused_with_its_key(tmp_path: Path,
                                                            backup: dict[str, Any],
                                                            where: str, key: str) -> None:
    edited = copy.deepcopy(backup)
    row = edited[where][0] if where == "participants" else edited[where]
    row[key] = "nope"
    with Store(tmp_path / "b.db", who="lea") as store:
        with pytest.raises(DataError, match=rf"{key}: .*must be one of: scope, stages"):
            import_json(store, json.dumps(edited), "edited.json")
        assert store.list_workshops() == []


def test_the_steps_a_backup_holds_still_import(tmp_path: Path, backup: dict[str, Any]) -> None:
    backup["workshop"]["current_step"] = "plan"
    with Store(tmp_path / "b.db", who="lea") as store:
        wid = import_json(store, json.dumps(backup), "ok.json")
        assert store.get_workshop(wid).current_step == "plan"
