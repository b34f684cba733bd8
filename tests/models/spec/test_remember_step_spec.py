"""The step a workshop re-opens at (``Store.remember_step``), written on every step switch.

Why a write of its own: ``update`` reads the row through the ORM, compares, validates
and flushes (≈ 1.9 ms inside every switch at 100 touchpoints, issue 18); the step is one
known column, so one UPDATE does it, with the same effects as before: the workshop
counts as changed (Home lists it first), nothing is logged, a workshop someone deleted
is one sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from models.db.fields import FieldError
from models.db.store import NotFound, ReadOnlyError, Store
from models.db.tables.workshop import Workshop

pytestmark = pytest.mark.both_engines


def _wid(store: Store) -> int:
    wid = int(store.create_workshop(title="Login lockout").id or 0)
    with store.write() as s:
        row = s.get(Workshop, wid)
        assert row is not None
        row.updated_at = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    return wid


@pytest.fixture
def statements(store: Store) -> Iterator[list[str]]:
    """The SQL the store's engine runs from now on (transaction control left out)."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        if sql.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):
            seen.append(" ".join(sql.split()))

    event.listen(store.engine, "before_cursor_execute", record)
    yield seen
    event.remove(store.engine, "before_cursor_execute", record)


def test_the_step_is_stored_with_one_update(store: Store, statements: list[str]) -> None:
    wid = _wid(store)
    statements.clear()
    store.remember_step(wid, "pains")
    # PostgreSQL's writes all begin with the store's advisory lock (one writer at a time)
    data = [s for s in statements if not s.startswith("SELECT pg_advisory_xact_lock(")]
    assert len(data) == 1 and data[0].startswith("UPDATE workshop SET"), statements
    workshop = store.get_workshop(wid)
    assert workshop.current_step == "pains"
    assert workshop.updated_at > dt.datetime(2000, 1, 2, tzinfo=dt.UTC)  # Home: changed last
    assert [c.action for c in store.changes(wid)] == ["create"]  # presence: not logged


def test_a_step_that_is_not_a_workshop_step_is_refused(store: Store) -> None:
    wid = _wid(store)
    for step in ("moments", "Pains", "", "pains\x00"):
        with pytest.raises(FieldError, match="step"):
            store.remember_step(wid, step)
    assert store.get_workshop(wid).current_step == "scope"


def test_a_workshop_deleted_meanwhile_is_one_sentence(store: Store) -> None:
    wid = _wid(store)
    store.delete_workshop(wid)
    with pytest.raises(NotFound, match="deleted by someone else"):
        store.remember_step(wid, "pains")


def test_an_observer_store_does_not_write_the_step(db_path: Any, store: Store) -> None:
    wid = _wid(store)
    with Store(db_path, who="obs", read_only=True) as observer, \
            pytest.raises(ReadOnlyError):
        observer.remember_step(wid, "pains")
    assert store.get_workshop(wid).current_step == "scope"
