"""The light read's rows: built without a dictionary per row, and safe on any file (issue 18).

A 2,000-touchpoint export reads ~2,600 rows.  Building each row's attribute
dictionary from the column names and values, then converting its dates and
flags one by one, cost as much as fetching the rows from SQLite.  Each table's
rows are now made by one initialiser that sets every column as an attribute
(``models.db.light_journey``).  These tests hold what that must keep: the rows
stay plain, editable attribute objects named ``Row``, a stored date and time
reads back exactly as before, and a file whose column names are not plain
names is refused to the store's path instead of reaching the initialiser.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.db import light_convert, light_journey
from models.db.light_journey import load_journey
from models.db.store import Store
from models.export.templates import create_from_template


def _reference_when(value: object) -> dt.datetime | None:
    """The conversion the light read always made: naive UTC text read as aware UTC."""
    if not isinstance(value, str) or not value:
        return None
    when = dt.datetime.fromisoformat(value)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _outcome(convert: Any, value: object) -> tuple[Any, ...]:
    try:
        return ("value", convert(value))
    except ValueError:
        return ("refused",)


_STAMPS = st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31))


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(
    st.text(),
    _STAMPS.map(str),
    _STAMPS.map(lambda d: d.isoformat()),
    _STAMPS.map(lambda d: d.isoformat(timespec="minutes")),
    st.tuples(_STAMPS, st.integers(-23, 23)).map(
        lambda p: p[0].replace(tzinfo=dt.timezone(dt.timedelta(hours=p[1]))).isoformat()),
    st.tuples(_STAMPS, st.text(max_size=8)).map(lambda p: str(p[0]) + p[1]),
    st.dates().map(str),
))
def test_a_stored_date_and_time_reads_back_as_before(text: str) -> None:
    got, expected = _outcome(light_convert.stored_when, text), _outcome(_reference_when, text)
    assert got == expected
    if got[0] == "value" and got[1] is not None:
        mine, theirs = got[1].tzinfo, expected[1].tzinfo
        assert mine == theirs and (mine is dt.UTC) == (theirs is dt.UTC)


@pytest.fixture
def workshop(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "j.db"
    with Store(db, who="tester") as store:
        wid = create_from_template(store, "login-lockout", start_date=dt.date(2024, 2, 29))
    return db, wid


def test_rows_stay_plain_editable_objects(workshop: tuple[Path, int]) -> None:
    db, wid = workshop
    journey = load_journey(db, wid)
    assert journey is not None
    tp = journey.ordered_touchpoints()[0]
    row: Any = tp  # a light row, typed as the table class it stands for
    assert type(row).__name__ == "Row" and row._table == "touchpoint"
    assert isinstance(tp.moment_of_truth, bool)
    tp.name = "renamed"  # a screen patches its snapshot in place (tui.session.workshop.save_field)
    assert tp.name == "renamed" and vars(tp)["name"] == "renamed"
    assert "_table" not in vars(tp)
    assert repr(journey.workshop).startswith("workshop(id=")
    # one row class per table and read, shared by all of that table's rows
    assert {type(t) for t in journey.ordered_touchpoints()} == {type(tp)}


def _add_column(db: Path, column: str) -> None:
    conn = sqlite3.connect(db)
    quoted = column.replace('"', '""')
    conn.execute(f'ALTER TABLE touchpoint ADD COLUMN "{quoted}" VARCHAR')
    conn.commit()
    conn.close()


# "\ufb01" (the ligature fi) is a Python name, but Python reads it as "fi" in source
@pytest.mark.parametrize("column", ["__class__", "_table", "x y", "class", "a\"b", "é",
                                    "\ufb01"])
def test_a_column_that_is_not_a_plain_name_goes_to_the_store(
        workshop: tuple[Path, int], column: str) -> None:
    db, wid = workshop
    _add_column(db, column)
    assert load_journey(db, wid) is None


def test_an_extra_plain_column_is_read_like_any_other(workshop: tuple[Path, int]) -> None:
    db, wid = workshop
    _add_column(db, "note")
    journey = load_journey(db, wid)
    assert journey is not None
    assert all(tp.note is None for tp in journey.ordered_touchpoints())  # type: ignore[attr-defined]


def test_only_tables_with_rows_get_an_initialiser(
        workshop: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiling a table's initialiser costs ~1 M instructions; an empty table needs none."""
    db, wid = workshop
    made: list[str] = []
    row_class = light_journey.RowReader.row_class

    def counted(reader: Any, table: str, cursor: Any) -> Any:
        made.append(table)
        return row_class(reader, table, cursor)

    monkeypatch.setattr(light_journey.RowReader, "row_class", counted)
    journey = load_journey(db, wid)
    assert journey is not None
    conn = sqlite3.connect(db)
    try:
        tables = [str(r[0]) for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        with_rows = {t for t in tables if conn.execute(f'SELECT 1 FROM "{t}"').fetchone()}
    finally:
        conn.close()
    assert "vote" not in with_rows and "touchpoint" in with_rows  # the template's map
    assert set(made) <= with_rows
    assert {"workshop", "stage", "touchpoint", "painpoint"} <= set(made)
