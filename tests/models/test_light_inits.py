"""The light read's row initialisers, generated once from the schema (issue 18).

``models/db/light_inits.py`` holds each table's initialiser, so a process that
reads a map imports them instead of compiling them (~6 M instructions of the
2,000-touchpoint export).  These tests hold that the checked-in module is what the
schema and ``fields`` make now, and that a file at the schema takes it while a file
whose table differs compiles its own, with the same checks.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.db import light_inits, light_inits_make
from models.db.light_journey import RowReader, load_journey
from models.db.store import Store
from models.export.templates import create_from_template


def test_the_checked_in_initialisers_are_what_the_schema_makes_now() -> None:
    assert light_inits_make.TARGET.read_text(encoding="utf-8") == light_inits_make.source(), (
        "models/db/light_inits.py is stale: run python -m models.db.light_inits_make")


@pytest.fixture
def workshop(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "j.db"
    with Store(db, who="tester") as store:
        wid = create_from_template(store, "login-lockout")
    return db, wid


def test_a_file_at_the_schema_takes_every_generated_initialiser(
        workshop: tuple[Path, int]) -> None:
    db, _ = workshop
    conn = sqlite3.connect(db)
    try:
        reader = RowReader(conn)
        for table in light_inits_make.TABLES:
            assert reader.prebuilt(table, None) is light_inits.INITS[table], table
    finally:
        conn.close()


def test_a_table_changed_by_hand_compiles_its_own_and_still_checks(
        workshop: tuple[Path, int]) -> None:
    db, wid = workshop
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE touchpoint ADD COLUMN note TEXT")
    conn = sqlite3.connect(db)
    try:
        reader = RowReader(conn)
        assert reader.prebuilt("touchpoint", None) is None
        assert reader.prebuilt("stage", None) is light_inits.INITS["stage"]
    finally:
        conn.close()
    journey = load_journey(db, wid)
    assert journey is not None
    assert all(tp.note is None for tps in journey.touchpoints.values() for tp in tps)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE touchpoint SET sentiment = 99")
    assert load_journey(db, wid) is None
