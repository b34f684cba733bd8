"""The Home list read with plain sqlite3 (models/db/light.py): the same rows, in the same
order, as the store's own list, and no answer (None) for any file it should not read, so
the caller takes the normal path.  No domain test called it before (issue 20)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from models.db.light import WorkshopRow, _when, list_workshops
from models.db.store import Store
from models.db.tables.workshop import Workshop


def test_the_list_is_the_stores_list_column_for_column(db_path: Path) -> None:
    store = Store(db_path, who="tester")
    try:
        first = store.create_workshop(title="Login lockout", persona="Admin | `x` 🙂",
                                      scenario="locked out")
        store.create_workshop(title="", scenario="Billing dispute")
        store.update(Workshop, int(first.id or 0), current_step="pains")
        expected = [WorkshopRow(int(w.id or 0), w.title, w.persona, w.scenario,
                                w.current_step, w.updated_at, w.last_reviewed_at, w.created_at)
                    for w in store.list_workshops()]
    finally:
        store.close()
    rows = list_workshops(db_path)
    assert rows == expected
    assert [row.title for row in rows or []] == ["Login lockout", ""]
    assert rows and rows[0].current_step == "pains"
    assert rows[0].updated_at is not None and rows[0].updated_at.tzinfo is dt.UTC


def test_no_answer_for_a_file_it_should_not_read(tmp_path: Path) -> None:
    assert list_workshops(tmp_path / "missing.db") is None
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert list_workshops(empty) is None
    text = tmp_path / "notes.db"
    text.write_text("not a database, just notes\n" * 100)
    assert list_workshops(text) is None
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    assert list_workshops(foreign) is None


def test_stored_times_read_back_as_utc_and_bad_ones_as_unknown() -> None:
    assert _when("2026-03-02 14:05:06.789000") == dt.datetime(
        2026, 3, 2, 14, 5, 6, 789000, tzinfo=dt.UTC)
    assert _when("2026-03-02T14:05:06+02:00") == dt.datetime(
        2026, 3, 2, 12, 5, 6, tzinfo=dt.UTC)
    for value in (None, "", "yesterday", 1740000000):
        assert _when(value) is None
