"""An undo in the change log says what was undone, in the undo notice's own words.

The log line of an undo only records which change it took back ("undid change 12", the
key undo itself walks back by); ``journeymap log`` and the activity panel read that line
with the change it names, so they say "Undid their delete: pain point Slow is back…"
instead of a number.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.history import ChangeLog
from models.live.activity import describe, subject_names


def _said(store: Store, wid: int) -> str:
    changes = store.changes(wid)
    return describe(changes[-1], subject_names(store.load(wid)), store.undone(changes))


def _edit_undone(store: Store) -> tuple[int, int]:
    """A workshop whose pain point "Slow" was renamed and the rename undone: (wid, pid)."""
    wid = int(store.create_workshop(title="Lockout", scenario="s").id or 0)
    pid = int(store.add(PainPoint(workshop_id=wid, description="Slow")).id or 0)
    store.update(PainPoint, pid, description="Very slow")
    store.undo_last(wid)
    return wid, pid


def test_each_kind_of_undo_reads_as_the_notice_does(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db", who="lea") as store:
        wid, pid = _edit_undone(store)
        assert _said(store, wid) == ("Undid their edit of pain point Slow: description: "
                                     "it is back to “Slow”.")
        store.add(HypothesisCard(pain_point_id=pid, experiment="Unlock link"))
        store.delete(PainPoint, pid)
        store.undo_last(wid)
        assert _said(store, wid) == ("Undid their delete: pain point Slow is back with "
                                     "1 hypothesis card.")
        store.add(PainPoint(workshop_id=wid, description="Gone again"))
        store.undo_last(wid)
        assert _said(store, wid) == "Undid their add: pain point Gone again is removed."


def test_an_undo_whose_change_is_not_among_those_read_still_names_it(tmp_path: Path) -> None:
    """The panel reads only the newest lines: the undone change is looked up by its id."""
    with Store(tmp_path / "w.db", who="lea") as store:
        wid, _pid = _edit_undone(store)
        last = store.changes(wid)[-1:]
        words = describe(last[0], subject_names(store.load(wid)), store.undone(last))
        assert words.startswith("Undid their edit of pain point Slow")


def test_a_summary_that_is_not_an_undo_is_kept_as_written() -> None:
    line = ChangeLog(workshop_id=1, entity="stage", entity_id=2, action="create",
                     summary="undid changes by hand")
    assert describe(line, {}, {}) == "undid changes by hand"
