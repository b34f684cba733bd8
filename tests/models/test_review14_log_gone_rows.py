"""Review (session 12): an edit of a row that is gone since named the row by its table.

``journeymap log`` and the activity panel read "painpoint 1: impact" for a pain
point edited and then deleted: the row's name is no longer in the map, so the line
fell back to the table's name, which qa13n's ``vocab.row_kind`` had replaced only in
summaries.  The fallback names the row's kind as every other log line does.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.live.activity import describe, subject_names


def test_an_edit_of_a_deleted_pain_point_names_its_kind(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db", who="lea") as store:
        wid = int(store.create_workshop(title="Lockout", scenario="s").id or 0)
        pid = int(store.add(PainPoint(workshop_id=wid, description="Loops")).id or 0)
        store.update(PainPoint, pid, impact=3)
        store.delete(PainPoint, pid)
        names = subject_names(store.load(wid))
        changes = store.changes(wid)
        said = [describe(change, names, store.undone(changes)) for change in changes]
    assert f"pain point {pid}: impact" in said
    assert not [line for line in said if "painpoint" in line]
