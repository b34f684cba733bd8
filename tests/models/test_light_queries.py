"""What the light read asks SQLite: counted, never timed (issue 18).

An export of a 2,000-touchpoint map is held to 3x a plain sqlite3 read of its rows
(``bench/export.py``).  Two things the read used to ask for cost it ~10 M
instructions: an ``ORDER BY`` on every table, which made SQLite copy each row, all
its columns, through a temporary b-tree (no index holds ``position, id`` under a
stage), and the cards and dots of a map asked by every pain point's id, one bound
parameter each.  The rows are put in order in Python and the cards and dots are
asked by the workshop's id; the order must stay the store's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from models.db import light_journey
from models.db.dbfile import StoreError
from models.db.light_journey import load_journey, load_journeys
from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Stage, Touchpoint
from models.export.templates import create_from_template
from tests.models.light_compare import assert_same, full_workshop


class _Watched:
    """A connection that records each statement and how many values it binds."""

    def __init__(self, conn: sqlite3.Connection, asked: list[tuple[str, int]]) -> None:
        self.conn, self.asked = conn, asked

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        self.asked.append((sql, len(params)))
        return self.conn.execute(sql, params)

    def close(self) -> None:
        self.conn.close()


def _asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    asked: list[tuple[str, int]] = []
    real = light_journey.open_current

    def watched(path: Path) -> Any:
        conn = real(path)
        return None if conn is None else _Watched(conn, asked)

    monkeypatch.setattr(light_journey, "open_current", watched)
    return asked


def _big_map(store: Store, pains: int) -> int:
    wid = create_from_template(store, "login-lockout")
    journey = store.load(wid)
    touchpoint = journey.ordered_touchpoints()[0].id
    with store.write() as s:
        for n in range(pains):
            s.add(PainPoint(workshop_id=wid, touchpoint_id=touchpoint,
                            description=f"pain {n}", kind="loop"))
    return wid


def test_no_row_is_sorted_by_sqlite_nor_asked_by_a_pain_point_s_id(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = tmp_path / "j.db"
    with Store(db_path, who="tester") as store:
        wid = _big_map(store, pains=60)
    asked = _asked(monkeypatch)
    journey = load_journey(db_path, wid)
    assert journey is not None and len(journey.pain_points) >= 60
    rows = [(sql, bound) for sql, bound in asked if sql.startswith("SELECT *")]
    assert {sql.split()[3] for sql, _ in rows} >= {"workshop", "stage", "touchpoint",
                                                  "painpoint", "hypothesiscard", "vote"}
    assert [sql for sql, _ in rows if "ORDER BY" in sql] == []
    stages = len(journey.stages)
    assert max(bound for _, bound in rows) == stages  # the touchpoints, by their stages


def test_rows_come_in_the_store_s_order_when_positions_are_not_in_id_order(
        tmp_path: Path) -> None:
    db_path = tmp_path / "j.db"
    with Store(db_path, who="tester") as store:
        ids = [full_workshop(store, "login-lockout"), full_workshop(store, "login-lockout")]
        with store.write() as s:  # positions against the order the rows were added
            for stage in s.exec(select(Stage)).all():
                stage.position = -stage.position - (stage.id or 0) % 3
            for n, tp in enumerate(s.exec(select(Touchpoint)).all()):
                tp.position = (n * 7) % 5
        orm = store.load_many(ids)
    light = load_journeys(db_path, ids)
    assert light is not None
    assert [tp.position for tp in light[0].ordered_touchpoints()] != sorted(
        tp.position for tp in light[0].ordered_touchpoints())  # the map's order is not trivial
    for one, other in zip(light, orm, strict=True):
        assert_same(one, other)


def test_a_position_that_is_not_a_number_goes_to_the_store(tmp_path: Path) -> None:
    db_path = tmp_path / "j.db"
    # SQLite keeps a text in an INTEGER column of a foreign or hand-edited file; Python
    # cannot order it among numbers, so the store's path reads (or refuses) that file.
    with Store(db_path, who="tester") as store:
        wid = create_from_template(store, "login-lockout")
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE touchpoint SET position = 'first' WHERE id = "
                 "(SELECT min(id) FROM touchpoint)")
    conn.commit()
    conn.close()
    assert load_journey(db_path, wid) is None
    with Store(db_path, who="tester") as store:  # the store's path refuses it, saying where
        with pytest.raises(StoreError, match="touchpoint [0-9]+'s position holds \"first\""):
            store.load(wid)
