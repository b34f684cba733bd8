"""A light read's reader is freed when the read ends, without the cyclic collector.

Why: the Tracker re-reads the map on every edit, and a reader holds each
table's ids and row classes.  If the reader and its key check referred to each
other, every read's reader would wait for the next collection.  The collector
is paused here, so only reference counting can free it.
"""

from __future__ import annotations

import gc
import sqlite3
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from models.db import light_journey
from models.db.light_journey import RowReader, load_journey
from models.db.store import Store
from models.export.templates import create_from_template


@pytest.fixture
def readers(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[weakref.ref[RowReader]]]:
    """A weak reference to every RowReader made while the collector is paused."""
    made: list[weakref.ref[RowReader]] = []
    start = RowReader.__init__

    def watched(self: RowReader, conn: Any) -> None:
        start(self, conn)
        made.append(weakref.ref(self))

    monkeypatch.setattr(light_journey.RowReader, "__init__", watched)
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield made
    finally:
        if was_on:
            gc.enable()


def test_a_light_read_frees_its_reader_without_the_collector(
        tmp_path: Path, readers: list[weakref.ref[RowReader]]) -> None:
    db = tmp_path / "j.db"
    with Store(db, who="tester") as store:
        wid = create_from_template(store, "login-lockout")
    journey = load_journey(db, wid)
    assert journey is not None and journey.touchpoints
    assert readers, "the light read made no RowReader"
    assert [ref() for ref in readers] == [None] * len(readers)


def test_a_refused_light_read_frees_its_reader_too(
        tmp_path: Path, readers: list[weakref.ref[RowReader]]) -> None:
    db = tmp_path / "j.db"
    with Store(db, who="tester") as store:
        wid = create_from_template(store, "login-lockout")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE touchpoint SET sentiment = 99")
    assert load_journey(db, wid) is None  # the store's path words the refusal
    assert readers, "the light read made no RowReader"
    assert [ref() for ref in readers] == [None] * len(readers)
