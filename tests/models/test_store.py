"""The store: every table round-trips, deletes cascade, edits are validated and visible.

Round-trips are checked through a *second* Store (its own engine and connections) so
that nothing can come back from an identity map instead of the file.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel, func, select

from models.db.fields import FieldError
from models.db.schema import StoreError
from models.db.store import NotFound, ReadOnlyError, Store
from models.db.tables.base import Meta
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask, Vote
from models.db.tables.every import ALL_TABLES
from models.db.tables.history import AuditEntry, ChangeLog
from models.db.tables.method import ChannelCost, EscalationLevel
from models.db.tables.seats import Participant
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
from tests.models.full_rows import TRICKY, WHEN, build_full

pytestmark = pytest.mark.both_engines
UTC = dt.UTC


def _ids(rows: dict[str, SQLModel]) -> dict[str, int]:
    return {k: int(v.id) for k, v in rows.items() if hasattr(v, "id")}  # type: ignore[attr-defined]


def count(store: Store, model: type[SQLModel]) -> int:
    with store.read() as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


# -- round trips --------------------------------------------------------------------
def test_every_table_round_trips_through_a_second_store(db_path: Path) -> None:
    writer = Store(db_path, who="w")
    rows = build_full(writer)
    as_is = writer.add(Workshop(title="As-is"))
    as_is_tp = writer.add(Touchpoint(stage_id=writer.add(Stage(workshop_id=as_is.id)).id))
    writer.update(Workshop, int(rows["workshop"].id), as_is_workshop_id=as_is.id)  # type: ignore[attr-defined]
    rows["tp1"] = writer.update(Touchpoint, int(rows["tp1"].id),  # type: ignore[attr-defined]
                                as_is_touchpoint_id=as_is_tp.id)
    # workshop.updated_at moves with every child edit, so compare it as re-read by the writer
    with writer.read() as s:
        rows["workshop"] = s.get(Workshop, rows["workshop"].id)  # type: ignore[assignment, attr-defined]
    with writer.write() as s:
        s.add(Meta(key="note", value=TRICKY))
        s.add(AuditEntry(action="delete", workshop_id=99, title=TRICKY, who="Eve",
                         account="eve key SHA256:x", at=WHEN))
    audit = writer.audit()[-1]
    rows["audit"] = audit  # type: ignore[assignment]
    writer.close()

    reader = Store(db_path, who="r")
    seen: set[type[SQLModel]] = set()
    with reader.read() as s:
        for row in rows.values():
            again = s.get(type(row), row.id)  # type: ignore[attr-defined]
            assert again is not None
            assert again.model_dump() == row.model_dump(), type(row).__name__
            seen.add(type(row))
        assert s.get(Meta, "note").value == TRICKY  # type: ignore[union-attr]
    seen.add(Meta)
    assert seen == set(ALL_TABLES)
    reader.close()


def test_timestamps_come_back_aware_utc(store: Store) -> None:
    w = store.create_workshop(title="t")
    again = Store(store.path).get_workshop(int(w.id or 0))
    assert again.created_at.tzinfo is not None
    assert again.created_at.utcoffset() == dt.timedelta(0)


def test_load_orders_stages_and_touchpoints(store: Store) -> None:
    w = store.create_workshop(title="order", default_stages=False)
    a = store.add(Stage(workshop_id=w.id, name="A"))
    b = store.add(Stage(workshop_id=w.id, name="B"))
    t1 = store.add(Touchpoint(stage_id=a.id, name="t1"))
    t2 = store.add(Touchpoint(stage_id=a.id, name="t2"))
    store.move(Stage, int(b.id or 0), -1)
    store.move(Touchpoint, int(t2.id or 0), -1)
    journey = store.load(int(w.id or 0))
    assert [st.name for st in journey.stages] == ["B", "A"]
    assert [tp.id for tp in journey.ordered_touchpoints()] == [t2.id, t1.id]


def test_create_workshop_has_default_stages_and_logs(store: Store) -> None:
    w = store.create_workshop(title="x", persona="p")
    journey = store.load(int(w.id or 0))
    assert len(journey.stages) == 6
    assert journey.workshop.lead == "tester"
    assert [c.action for c in store.changes(int(w.id or 0))] == ["create"]


# -- cascades ---------------------------------------------------------------------
CHILDREN = (Stage, Touchpoint, Handoff, PainPoint, HypothesisCard, PlanTask, Participant, Vote,
            ChangeLog, ChannelCost, EscalationLevel)


def test_deleting_a_workshop_cascades_to_everything_under_it(store: Store) -> None:
    build_full(store, "keep")
    counts_keep = {m: count(store, m) for m in CHILDREN}
    doomed = build_full(store, "gone")
    assert all(count(store, m) > counts_keep[m] for m in CHILDREN)
    store.delete_workshop(int(doomed["workshop"].id))  # type: ignore[attr-defined]
    assert {m: count(store, m) for m in CHILDREN} == counts_keep
    assert count(store, Workshop) == 1
    with pytest.raises(NotFound, match="no workshop"):
        store.load(int(doomed["workshop"].id))  # type: ignore[attr-defined]


def test_deleting_a_stage_removes_its_touchpoints_and_detaches_pains(store: Store) -> None:
    rows = build_full(store)
    store.delete(Stage, int(rows["stage"].id))  # type: ignore[attr-defined]
    assert count(store, Touchpoint) == 0
    assert count(store, Handoff) == 0  # both ends were in that stage
    with store.read() as s:
        pain = s.get(PainPoint, rows["pain"].id)  # type: ignore[attr-defined]
    assert pain is not None and pain.touchpoint_id is None  # the pain itself is kept
    assert count(store, HypothesisCard) == 1


def test_deleting_a_pain_point_removes_its_card_and_votes(store: Store) -> None:
    rows = build_full(store)
    store.delete(PainPoint, int(rows["pain"].id))  # type: ignore[attr-defined]
    assert count(store, HypothesisCard) == 0
    assert count(store, Vote) == 0
    assert count(store, Touchpoint) == 2


def test_delete_is_logged_with_who(store: Store) -> None:
    rows = build_full(store)
    store.delete(Touchpoint, int(rows["tp2"].id))  # type: ignore[attr-defined]
    last = store.changes(int(rows["workshop"].id))[-1]  # type: ignore[attr-defined]
    assert (last.action, last.who, last.entity) == ("delete", "tester", "touchpoint")


# -- another process ----------------------------------------------------------------
READ_TITLE = """
import sys
from models.db.store import Store
print(Store(sys.argv[1]).get_workshop(int(sys.argv[2])).title)
"""


def test_a_second_process_sees_a_committed_edit(store: Store) -> None:
    w = store.create_workshop(title="before")
    before = store.data_version()
    store.update(Workshop, int(w.id or 0), title="after 中文 [bold]")
    out = subprocess.run([sys.executable, "-c", READ_TITLE, str(store.path), str(w.id)],
                         capture_output=True, text=True, check=True, encoding="utf-8")
    assert out.stdout.strip() == "after 中文 [bold]"
    # and the other way round: an edit from another process moves our data_version
    subprocess.run([sys.executable, "-c",
                    "import sys; from models.db.store import Store; "
                    "from models.db.tables.workshop import Workshop; "
                    "Store(sys.argv[1], who='other').update(Workshop, int(sys.argv[2]),"
                    " title='third')", str(store.path), str(w.id)], check=True)
    assert store.data_version() != before
    assert store.get_workshop(int(w.id or 0)).title == "third"
    assert store.changes(int(w.id or 0))[-1].who == "other"


# -- validation ---------------------------------------------------------------------
def test_update_rejects_bad_values_with_a_clear_message_and_changes_nothing(store: Store) -> None:
    rows = build_full(store)
    tp_id, pain_id = int(rows["tp1"].id), int(rows["pain"].id)  # type: ignore[attr-defined]
    logs = count(store, ChangeLog)
    with pytest.raises(FieldError, match=r"^sentiment must be between -2 and 2\.$"):
        store.update(Touchpoint, tp_id, sentiment=7)
    with pytest.raises(FieldError, match=r"^kind must be one of: loop, branch, dead end, other\.$"):
        store.update(PainPoint, pain_id, kind="nope", description="changed")
    with pytest.raises(FieldError, match="whole number"):
        store.update(PainPoint, pain_id, ticket_volume="lots")
    with pytest.raises(FieldError, match="no field"):
        store.update(PainPoint, pain_id, colour="red")
    with store.read() as s:
        assert s.get(Touchpoint, tp_id).sentiment == -2  # type: ignore[union-attr]
        pain = s.get(PainPoint, pain_id)
        assert pain is not None and (pain.kind, pain.description) == ("dead_end", TRICKY)
    assert count(store, ChangeLog) == logs


def test_update_accepts_typed_text_and_logs_old_and_new(store: Store) -> None:
    rows = build_full(store)
    pain_id = int(rows["pain"].id)  # type: ignore[attr-defined]
    store.update(PainPoint, pain_id, kind="Dead end", ticket_volume="1,500", impact="2")
    with store.read() as s:
        pain = s.get(PainPoint, pain_id)
    assert pain is not None
    assert (pain.kind, pain.ticket_volume, pain.impact) == ("dead_end", 1500, 2)
    last = store.changes(int(rows["workshop"].id))[-1]  # type: ignore[attr-defined]
    assert (last.field, last.old, last.new) == ("impact", "3", "2")


def test_update_of_a_deleted_row_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="was deleted by someone else"):
        store.update(Workshop, 999, title="x")


def test_add_rejects_invalid_rows(store: Store) -> None:
    w = store.create_workshop(title="x")
    with pytest.raises(FieldError, match="impact must be between 1 and 3"):
        store.add(PainPoint(workshop_id=w.id, impact=9))
    assert count(store, PainPoint) == 0


def test_edits_bump_workshop_updated_at(store: Store) -> None:
    w = store.create_workshop(title="x")
    first = store.get_workshop(int(w.id or 0)).updated_at
    store.add(PainPoint(workshop_id=w.id, description="slow"))
    assert store.get_workshop(int(w.id or 0)).updated_at > first


# -- observers --------------------------------------------------------------------
def test_read_only_store_cannot_write(store: Store) -> None:
    rows = build_full(store)
    wid = int(rows["workshop"].id)  # type: ignore[attr-defined]
    observer = Store(store.path, who="obs", read_only=True)
    assert observer.load(wid).workshop.title == "Login lockout a"
    with pytest.raises(ReadOnlyError, match="Observers cannot change"):
        observer.update(Workshop, wid, title="hacked")
    with pytest.raises(ReadOnlyError):
        observer.add(PainPoint(workshop_id=wid, description="x"))
    with pytest.raises(ReadOnlyError):
        observer.delete_workshop(wid)
    with pytest.raises(Exception, match="readonly|read-only|query_only"):
        with observer.engine.begin() as conn:
            conn.execute(text("UPDATE workshop SET title = 'raw'"))
    assert store.get_workshop(wid).title == "Login lockout a"
    observer.close()


def test_read_only_store_refuses_a_file_without_workshops(db_path: Path, engine: str) -> None:
    with pytest.raises(StoreError, match="no journeymap workshops"):
        Store(db_path, read_only=True)
    assert engine != "sqlite" or not db_path.exists()


def test_date_fields_stay_dates_and_datetimes_stay_datetimes(store: Store) -> None:
    """Regression: Optional[date] was coerced to a datetime (its repr says "datetime.date")."""
    rows = build_full(store)
    card_id = int(rows["card"].id)  # type: ignore[attr-defined]
    store.update(HypothesisCard, card_id, deadline="2026-04-01")
    store.update(Workshop, int(rows["workshop"].id), start_date="2026-05-04",  # type: ignore[attr-defined]
                 timer_ends_at="2026-05-04T10:00")
    reader = Store(store.path)
    with reader.read() as s:
        card = s.get(HypothesisCard, card_id)
        w = s.get(Workshop, rows["workshop"].id)  # type: ignore[attr-defined]
    assert card is not None and w is not None
    assert type(card.deadline) is dt.date and card.deadline == dt.date(2026, 4, 1)
    assert type(w.start_date) is dt.date
    assert w.timer_ends_at == dt.datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
    with pytest.raises(FieldError, match="deadline must be a date like"):
        store.update(HypothesisCard, card_id, deadline="next week")
    reader.close()


@pytest.mark.sqlite_only
def test_a_write_blocked_by_another_writer_is_a_store_error(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lock held past the busy timeout is one clear StoreError, not a raw driver error."""
    import sqlite3

    import models.db.store as store_module

    w = store.create_workshop(title="before")
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.05)
    impatient = Store(store.path, who="impatient")
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="busy") as info:
            impatient.update(Workshop, int(w.id or 0), title="after")
        assert "\n" not in str(info.value)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    impatient.update(Workshop, int(w.id or 0), title="after")  # works once the lock is gone
    assert store.get_workshop(int(w.id or 0)).title == "after"
    impatient.close()
