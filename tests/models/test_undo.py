"""Undo my last edit: the value this seat's own most recent field edit replaced comes back
through the store (logged like any edit), and never over someone else's later edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from models.db.schema import StoreError
from models.db.store import ReadOnlyError, Store
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Stage
from models.db.undo import NothingToUndo, UndoRefused
from models.live.watch import Watcher
from tests.helpers import storable

Pain = tuple[Path, int, int]  # the file, the workshop, the pain point


def _pain(db: Path) -> tuple[int, int]:
    with Store(db, who="Ana") as store:
        wid = int(store.create_workshop(title="Lockout", scenario="s").id or 0)
        pain = store.add(PainPoint(workshop_id=wid, description="Original words"))
        return wid, int(pain.id or 0)


@pytest.fixture
def pain(tmp_path: Path) -> Pain:
    """A file holding one workshop with one pain point Ana wrote: (file, workshop, pain)."""
    db = tmp_path / "w.db"
    return (db, *_pain(db))


def _description(db: Path, pain_id: int) -> str:
    with Store(db) as store:
        return next(p.description for p in store.load(_wid(store)).pain_points if p.id == pain_id)


def _wid(store: Store) -> int:
    return int(store.list_workshops()[0].id or 0)


def test_undo_restores_the_replaced_value_and_is_logged(pain: Pain) -> None:
    db, wid, pid = pain
    with Store(db, who="Ana") as ana:
        ana.update(PainPoint, pid, description="typed over by a burst of Enters")
        undone = ana.undo_last(wid, seat="Ana")
        assert (undone.field, undone.old) == ("description", "Original words")
        last = ana.changes(wid)[-1]
    assert _description(db, pid) == "Original words"
    assert (last.who, last.field, last.old, last.new) == (
        "Ana", "description", "typed over by a burst of Enters", "Original words")


def test_other_seats_see_an_undo_as_a_change(pain: Pain) -> None:
    db, wid, pid = pain
    with Store(db, who="Ana") as ana, Store(db, who="Bo") as bo:
        ana.update(PainPoint, pid, description="x")
        watcher = Watcher(bo)
        ana.undo_last(wid, seat="Ana")
        assert watcher.poll()


def test_pressing_again_undoes_the_previous_edit(pain: Pain) -> None:
    db, wid, pid = pain
    with Store(db, who="Ana") as ana:
        ana.update(PainPoint, pid, description="second")
        ana.update(PainPoint, pid, description="third")
        ana.undo_last(wid, seat="Ana")
        assert _description(db, pid) == "second"
        ana.undo_last(wid, seat="Ana")
        assert _description(db, pid) == "Original words"
        ana.undo_last(wid, seat="Ana")  # Ana's add of the pain point itself
        assert ana.load(wid).pain_points == []
        with pytest.raises(NothingToUndo):
            ana.undo_last(wid, seat="Ana")


def test_undo_refuses_when_someone_else_changed_the_field_since(pain: Pain) -> None:
    db, wid, pid = pain
    with Store(db, who="Ana") as ana, Store(db, who="Bo") as bo:
        ana.update(PainPoint, pid, description="Ana's words")
        bo.update(PainPoint, pid, description="Bo's later words")
        with pytest.raises(UndoRefused, match="Bo changed"):
            ana.undo_last(wid, seat="Ana")
    assert _description(db, pid) == "Bo's later words"


def test_undo_takes_only_this_seats_edits(pain: Pain) -> None:
    db, wid, pid = pain
    with Store(db, who="Ana") as ana, Store(db, who="Bo") as bo:
        stage = ana.load(wid).stages[0]
        ana.update(Stage, int(stage.id or 0), name="Ana's stage")
        bo.update(PainPoint, pid, description="Bo's words")
        ana.undo_last(wid, seat="Ana")
        with pytest.raises(NothingToUndo):
            bo.undo_last(wid, seat="Cy")
    with Store(db) as store:
        assert store.load(wid).stages[0].name == stage.name
    assert _description(db, pid) == "Bo's words"


def test_an_observer_cannot_undo(pain: Pain) -> None:
    db, wid, pid = pain
    with Store(db, who="Ana") as ana:
        ana.update(PainPoint, pid, description="x")
    with Store(db, who="Ana", read_only=True) as watcher, pytest.raises(ReadOnlyError):
        watcher.undo_last(wid, seat="Ana")
    assert _description(db, pid) == "x"


def test_a_row_deleted_by_someone_else_is_one_sentence(pain: Pain) -> None:
    db, wid, pid = pain
    with Store(db, who="Ana") as ana, Store(db, who="Bo") as bo:
        ana.update(PainPoint, pid, description="x")
        bo.delete(PainPoint, pid)
        with pytest.raises(StoreError, match="deleted by someone else"):
            ana.undo_last(wid, seat="Ana")


@settings(deadline=None, max_examples=40,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.text(min_size=1), after=st.text())
def test_the_restored_value_is_byte_exact(tmp_path: Path, before: str, after: str) -> None:
    assume(before != after and storable(before) and storable(after))
    db = tmp_path / "h.db"
    db.unlink(missing_ok=True)
    wid, pid = _pain(db)
    with Store(db, who="Ana") as ana:
        ana.update(PainPoint, pid, description=before)
        ana.update(PainPoint, pid, description=after)
        ana.undo_last(wid, seat="Ana")
    assert _description(db, pid).encode() == before.encode()


def test_a_command_line_undo_takes_the_accounts_edits_under_any_name(pain: Pain) -> None:
    db, wid, pid = pain
    with Store(db, who="Ana") as seat, Store(db, who="ana") as command_line:
        seat.update(PainPoint, pid, description="first")
        seat.update(PainPoint, pid, description="second")
        command_line.undo_last(wid)
        command_line.undo_last(wid)
    assert _description(db, pid) == "Original words"
