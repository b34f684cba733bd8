"""A value no journeymap wrote is one sentence from the store and the light read alike.

The sentence names the workshop, the row in a lead's words, the column and the way
back (the JSON backup); the light read answers None for the same file, so an export
never shows as sound what the store refuses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db import light, light_journey, light_target
from models.db.bad_cells import DamagedWorkshop, first_bad_cell
from models.db.store import Store
from models.vocab import ROW_KINDS
from tests.models.bad_values import DAMAGE, damage_id, full_file, spoil


@pytest.mark.parametrize("entry", DAMAGE, ids=damage_id)
def test_a_bad_value_is_refused_in_one_sentence_by_both_reads(
        tmp_path: Path, entry: tuple[str, str, str, str]) -> None:
    _, table, column, literal = entry
    path = tmp_path / "j.db"
    wid = full_file(path)
    row_id = spoil(path, table, column, literal)
    store = Store(path, who="tester")
    try:
        for read in (lambda: store.load(wid), lambda: store.load_many([wid])):
            with pytest.raises(DamagedWorkshop) as info:
                read()
            message = str(info.value)
            assert message.startswith(f"Workshop {wid} ")
            assert f"{ROW_KINDS[table]} {row_id}'s {column.replace('_', ' ')} holds " in message
            assert "import BACKUP.json" in message and "\n" not in message
    finally:
        store.close()
    assert light_journey.load_journey(path, wid) is None


def test_a_sound_file_with_every_table_has_no_bad_cell(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    wid = full_file(path)
    store = Store(path, who="tester")
    try:
        assert store.load(wid).workshop.id == wid
        with store.read() as s:
            conn = s.connection()
            assert first_bad_cell(lambda sql, p: conn.exec_driver_sql(sql, p), [wid]) is None
    finally:
        store.close()
    assert light_journey.load_journey(path, wid) is not None


def test_a_bad_value_in_another_workshop_leaves_this_one_readable(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    wid = full_file(path)
    store = Store(path, who="tester")
    try:
        other = store.create_workshop(title="other").id
    finally:
        store.close()
    spoil(path, "hypothesiscard", "deadline", "'garbage'")
    store = Store(path, who="tester")
    try:
        assert store.load(other).workshop.id == other
        with pytest.raises(DamagedWorkshop):
            store.load(wid)
    finally:
        store.close()
    assert light_journey.load_journey(path, other) is not None


@pytest.mark.parametrize("entry", [d for d in DAMAGE if d[1] == "workshop"], ids=damage_id)
def test_a_bad_workshop_row_is_refused_by_the_list_and_by_home_s_light_list(
        tmp_path: Path, entry: tuple[str, str, str, str]) -> None:
    _, table, column, literal = entry
    path = tmp_path / "j.db"
    wid = full_file(path)
    spoil(path, table, column, literal)
    store = Store(path, who="tester")
    try:
        for read in (store.list_workshops, lambda: store.get_workshop(wid)):
            with pytest.raises(DamagedWorkshop, match=f"workshop {wid}'s "
                               f"{column.replace('_', ' ')} holds "):
                read()
    finally:
        store.close()
    assert light.list_workshops(path) is None


@pytest.mark.both_engines
@pytest.mark.parametrize(("table", "column", "literal"), [
    ("painpoint", "kind", "'nope'"), ("hypothesiscard", "status", "'nope'"),
    ("touchpoint", "sentiment", "99"), ("workshop", "current_step", "'nope'")],
    ids=lambda v: str(v))
def test_a_word_or_number_a_server_takes_is_refused_there_too(
        db_path: Path, table: str, column: str, literal: str) -> None:
    from sqlalchemy import text

    from models.export.templates import create_from_template

    with Store(db_path, who="tester") as store:
        wid = create_from_template(store, "login-lockout")
        with store.engine.begin() as conn:
            conn.execute(text(f'UPDATE {table} SET "{column}" = {literal} WHERE id = '
                              f"(SELECT min(id) FROM {table})"))
        with pytest.raises(DamagedWorkshop, match=f"{column.replace('_', ' ')} holds "):
            store.load(wid)
    assert light_target.load_journeys(db_path, [wid]) is None  # a server's light read too


def test_a_to_be_copy_naming_its_as_is_rows_is_sound(tmp_path: Path) -> None:
    from models.export.future_copy import create_future_copy
    from tests.helpers import build_workshop

    path = tmp_path / "j.db"
    with Store(path, who="tester") as store:
        to_be = create_future_copy(store, build_workshop(store))
        loaded = store.load(to_be)  # its workshop and touchpoints name the as-is map's rows
        assert loaded.workshop.as_is_workshop_id is not None
        assert any(t.as_is_touchpoint_id for ts in loaded.touchpoints.values() for t in ts)
    assert light_journey.load_journey(path, to_be) is not None
