"""The change marks a seat polls are read by the pairing loop's worker thread, not the
thread that opened them: a mark opened on one thread answers on another, and stays
read-only there."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.live.marks import Marks


def test_marks_opened_on_one_thread_are_read_on_another(db_path: Path, store: Store) -> None:
    wid = int(store.create_workshop(title="Refunds").id or 0)
    marks = Marks(db_path, wid)
    try:
        with ThreadPoolExecutor(max_workers=1) as worker:
            before = worker.submit(marks.content).result()
            store.add(PainPoint(workshop_id=wid, description="Refund takes weeks"))
            after = worker.submit(marks.content).result()
            assert after != before
            with pytest.raises(sqlite3.OperationalError):
                worker.submit(marks.conn.execute, "DELETE FROM painpoint").result()
    finally:
        marks.close()
