"""Upgrading a file made by an older journeymap (models/db/schema.py), as the lead who opens
last year's workshop file sees it: every row is kept, the settings added since take their
documented defaults (3 votes, 15 minutes a step, at the scope step...), and an upgrade that
would leave a row pointing at nothing changes nothing and says which row (issue 20)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.db.schema import SCHEMA_VERSION, StoreError, inspect_file
from models.db.store import Store
from models.db.tables.workshop import Stage, Touchpoint


def _older(path: Path, *statements: str, version: int = SCHEMA_VERSION - 1) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    with conn:
        for sql in statements:
            conn.execute(sql)
        conn.execute("UPDATE journeymap_meta SET value = ? WHERE key = 'schema_version'",
                     (str(version),))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _version(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT value FROM journeymap_meta "
                                "WHERE key = 'schema_version'").fetchone()[0])
    finally:
        conn.close()


def test_settings_added_since_take_their_defaults_on_every_old_row(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path, who="maker") as store:
        wid = int(store.create_workshop(title="Login lockout").id or 0)
        stage = store.load(wid).stages[0]
        store.update(Stage, int(stage.id or 0), kpi_baseline=42.0)
    columns = {"workshop": ("state", "current_step", "max_handoffs", "step_minutes",
                            "votes_per_participant", "votes_revealed"),
               "stage": ("kpi_baseline",)}
    _older(path, *(f'ALTER TABLE "{table}" DROP COLUMN "{column}"'
                   for table, names in columns.items() for column in names))
    with Store(path, who="lead") as store:
        journey = store.load(wid)
    workshop = journey.workshop
    assert (workshop.title, workshop.state, workshop.current_step) == (
        "Login lockout", "current", "scope")
    assert (workshop.max_handoffs, workshop.step_minutes, workshop.votes_per_participant) == (
        3, 15, 3)
    assert workshop.votes_revealed is False
    assert [st.kpi_baseline for st in journey.stages] == [None] * 6
    assert _version(path) == str(SCHEMA_VERSION)
    assert inspect_file(path)[0].value == "current"


def test_an_upgrade_that_would_orphan_a_row_changes_nothing_and_names_it(
        tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path, who="maker") as store:
        wid = int(store.create_workshop(title="Login lockout").id or 0)
        stage_id = int(store.load(wid).stages[0].id or 0)
        store.add(Touchpoint(stage_id=stage_id, name="Reset link"))
    _older(path, f"DELETE FROM stage WHERE id = {stage_id}")  # foreign keys off: orphaned
    before = path.read_bytes()
    with pytest.raises(StoreError) as exc:
        Store(path, who="lead")
    assert str(exc.value) == ("Upgrading left a touchpoint row without its stage; nothing "
                              "was changed.")
    assert _version(path) == str(SCHEMA_VERSION - 1)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM touchpoint").fetchall() == [("Reset link",)]
    conn.close()
    assert len(path.read_bytes()) == len(before)


def test_a_version_4_file_gets_the_source_column_on_every_illustrated_kind(
        tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    with Store(path, who="maker") as store:
        wid = int(store.create_workshop(title="Login lockout").id or 0)
    tables = ("stage", "touchpoint", "handoff", "painpoint", "hypothesiscard")
    _older(path, *(f'ALTER TABLE "{t}" DROP COLUMN "source"' for t in tables), version=4)
    with Store(path, who="lead") as store:
        assert [st.source for st in store.load(wid).stages] == [""] * 6
    conn = sqlite3.connect(path)
    for table in tables:
        info = {row[1]: row for row in conn.execute(f'PRAGMA table_info("{table}")')}
        assert info["source"][4] == "''", table  # old rows read "" (not illustrated)
    conn.close()


def test_a_server_database_gets_a_missing_yes_no_setting_too(pg_url: str) -> None:
    """PostgreSQL has no integer-to-boolean default: the flag's default is written as one."""
    from sqlalchemy import text

    from models.db import server

    with Store(pg_url, who="maker") as store:
        wid = int(store.create_workshop(title="Login lockout").id or 0)
    engine = server.make_engine(pg_url, read_only=False)
    with engine.begin() as conn:
        conn.execute(text('ALTER TABLE workshop DROP COLUMN "votes_revealed"'))
        conn.execute(text("UPDATE journeymap_meta SET value = :v WHERE key = 'schema_version'"),
                     {"v": str(SCHEMA_VERSION - 1)})
    engine.dispose()
    with Store(pg_url, who="lead") as store:
        assert store.get_workshop(wid).votes_revealed is False
