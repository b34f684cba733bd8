"""No row id is ever handed out twice, so an edit prepared against a row hits that row.

SQLite without ``AUTOINCREMENT`` gives a new row ``max(id) + 1``: delete the newest
pain point and the next one added gets its id, and a confirmation still holding the
old id would act on the stranger.  These tests reproduce that with three stores on
one file (three seats), and check that an older file is upgraded to the same
guarantee with every stored value kept exactly.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from models.db.dbfile import SCHEMA_VERSION
from models.db.store import NotFound, Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Stage, Touchpoint


def _pains(store: Store, wid: int, n: int) -> list[int]:
    return [int(store.add(PainPoint(workshop_id=wid, description=f"p{i}")).id or 0)
            for i in range(n)]


def test_three_seats_a_delete_confirmed_late_never_hits_the_new_row(db_path: Path) -> None:
    a, b, c = (Store(db_path, who=who) for who in ("ann", "bob", "cy"))
    wid = int(a.create_workshop(title="Lockout").id or 0)
    ids = _pains(a, wid, 3)
    target = ids[-1]  # the newest row: the one SQLite would reuse
    prepared = a.load(wid).pain_points[-1]  # A opens the delete confirmation
    assert prepared.id == target
    b.delete(PainPoint, target)  # B deletes it first
    new = c.add(PainPoint(workshop_id=wid, description="C's new pain point"))
    assert new.id != target
    with pytest.raises(NotFound) as info:
        a.delete(PainPoint, target)  # A presses y
    assert str(info.value) == "That pain point was deleted by someone else."
    assert [p.description for p in c.load(wid).pain_points][-1] == "C's new pain point"
    for s in (a, b, c):
        s.close()


def test_an_edit_prepared_against_a_deleted_row_says_it_is_gone(store: Store) -> None:
    wid = int(store.create_workshop(title="x").id or 0)
    pid = _pains(store, wid, 1)[0]
    store.delete(PainPoint, pid)
    store.add(PainPoint(workshop_id=wid, description="newer"))
    with pytest.raises(NotFound, match="^That pain point was deleted by someone else[.]$"):
        store.update(PainPoint, pid, description="edited")


@pytest.mark.parametrize("model", [PainPoint, Stage, PlanTask])
def test_no_table_reuses_the_id_of_its_newest_deleted_row(store: Store, model: type) -> None:
    wid = int(store.create_workshop(title="x").id or 0)
    extra = {"description": "d"} if model is PainPoint else {"name": "n"}
    if model is PlanTask:
        extra = {"action": "a"}
    first = store.add(model(workshop_id=wid, **extra))
    store.delete(model, int(first.id or 0))
    second = store.add(model(workshop_id=wid, **extra))
    assert int(second.id or 0) > int(first.id or 0)


def test_every_integer_keyed_table_is_autoincrement(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    sql = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    conn.close()
    for table in SQLModel.metadata.sorted_tables:
        if "id" in table.columns:
            assert "AUTOINCREMENT" in sql[table.name], table.name


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every journeymap table with each value's SQLite type."""
    conn = sqlite3.connect(path)
    out: dict[str, list[tuple[object, ...]]] = {}
    for table in SQLModel.metadata.sorted_tables:
        if table.name == "journeymap_meta":  # the version stamp is meant to change
            continue
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table.name}")')]
        select_list = ", ".join(f'"{c}", typeof("{c}")' for c in cols)
        out[table.name] = list(conn.execute(
            f'SELECT {select_list} FROM "{table.name}" ORDER BY rowid'))
    conn.close()
    return out


def _downgrade_to_v2(path: Path) -> None:
    """Rewrite the tables as schema 2 made them: the same columns, no AUTOINCREMENT."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA foreign_keys = OFF")
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                        "AND sql LIKE '%AUTOINCREMENT%'").fetchall()
    with conn:
        for name, sql in rows:
            conn.execute(f'ALTER TABLE "{name}" RENAME TO "{name}_x"')
            conn.execute(sql.replace("PRIMARY KEY AUTOINCREMENT", "PRIMARY KEY"))
            conn.execute(f'INSERT INTO "{name}" SELECT * FROM "{name}_x"')
            conn.execute(f'DROP TABLE "{name}_x"')
        conn.execute("DELETE FROM sqlite_sequence")
        conn.execute("UPDATE journeymap_meta SET value = '2' WHERE key = 'schema_version'")
    conn.execute("VACUUM")
    conn.close()


def test_a_version_2_file_is_upgraded_with_every_value_kept_exactly(db_path: Path) -> None:
    with Store(db_path, who="maker") as store:
        wid = int(store.create_workshop(title="Lockout \x01 [b]", persona="Admin").id or 0)
        stage = store.load(wid).stages[0]
        tp = store.add(Touchpoint(stage_id=int(stage.id or 0), name="portal", sentiment=-2))
        pains = _pains(store, wid, 3)
        store.add(HypothesisCard(pain_point_id=pains[0], experiment="e", owner="o"))
        store.update(PainPoint, pains[0], touchpoint_id=tp.id, ticket_volume=7)
        store.delete(PainPoint, pains[-1])  # the newest row gone: its id must never return
    _downgrade_to_v2(db_path)
    conn = sqlite3.connect(db_path)
    assert "AUTOINCREMENT" not in " ".join(r[0] for r in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table'"))
    conn.close()
    before = _dump(db_path)
    with Store(db_path, who="upgrader") as store:
        assert _dump(db_path) == before
        new = store.add(PainPoint(workshop_id=wid, description="after upgrade"))
        # the upgrade cannot know ids deleted before it; it never goes below what is there
        assert int(new.id or 0) > pains[1]
        store.delete(PainPoint, int(new.id or 0))
        again = store.add(PainPoint(workshop_id=wid, description="again"))
        assert int(again.id or 0) > int(new.id or 0)
        assert store.load(wid).pain_points[0].touchpoint_id == tp.id
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    meta = dict(conn.execute("SELECT key, value FROM journeymap_meta"))
    conn.close()
    assert meta["schema_version"] == str(SCHEMA_VERSION) and SCHEMA_VERSION >= 3
