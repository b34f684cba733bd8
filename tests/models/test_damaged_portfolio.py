"""One damaged map never blocks the rest of the file: it is listed apart with its sentence,
its lead can delete it, and every other map is listed, imported into and deleted.

Session 14 left a damaged ``workshop`` row refusing ``list``, Home, ``import`` and
``delete`` for the whole file (``docs/qa-session13-broken.md``, "Left out").
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.db.access import AccessError, current_account, require, require_portfolio
from models.db.store import Store
from tests.models.bad_values import (
    DAMAGE,
    beside_a_sound_map,
    damage_id,
    full_file,
    led_by_me,
    spoil,
)

WORKSHOP_ROW = [d for d in DAMAGE if d[1] == "workshop"]
ONE_PER_TABLE = list({(t, c): (k, t, c, v) for k, t, c, v in DAMAGE}.values())


@pytest.mark.parametrize("entry", WORKSHOP_ROW, ids=damage_id)
def test_the_list_names_a_damaged_workshop_row_apart_and_lists_the_others(
        tmp_path: Path, entry: tuple[str, str, str, str]) -> None:
    path, column = tmp_path / "j.db", entry[2]
    wid, other = beside_a_sound_map(path, entry)
    with Store(path, who="tester") as store:
        workshops, unreadable = store.list_readable()
    assert [w.id for w in workshops] == [other]
    assert [u.workshop_id for u in unreadable] == [wid]
    assert f"workshop {wid}'s {column.replace('_', ' ')} holds " in unreadable[0].sentence


@pytest.mark.parametrize("entry", ONE_PER_TABLE, ids=damage_id)
def test_a_lead_deletes_a_damaged_map_and_the_other_stays(
        tmp_path: Path, entry: tuple[str, str, str, str]) -> None:
    path = tmp_path / "j.db"
    wid, other = beside_a_sound_map(path, entry)
    with Store(path, who="tester") as store:
        assert require(store, wid, current_account(), "delete") == "lead"
        store.delete_workshop(wid)
        assert [w.id for w in store.list_workshops()] == [other]
        assert store.load(other).workshop.title == "Sound map"
        assert [e.workshop_id for e in store.audit()] == [wid]


@pytest.mark.parametrize("entry", WORKSHOP_ROW, ids=damage_id)
def test_an_import_s_role_check_reads_past_a_damaged_workshop_row(
        tmp_path: Path, entry: tuple[str, str, str, str]) -> None:
    _, table, column, literal = entry
    path = tmp_path / "j.db"
    led_by_me(path)
    spoil(path, table, column, literal)
    with Store(path, who="tester") as store:
        require_portfolio(store, current_account(), "import")  # the creator: no refusal


def test_a_damaged_role_grants_nothing(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    wid = full_file(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE workshop SET lead_account = 'someone-else', updated_at = 'x'")
        conn.execute("UPDATE participant SET role = 'boss', account = ?", (current_account(),))
    conn.close()
    with Store(path, who="tester") as store, pytest.raises(AccessError):
        require(store, wid, current_account(), "delete")


TEXT_LITERALS = st.sampled_from(["'garbage'", "X'FF00FE'", "CAST(X'FF41' AS TEXT)", "99",
                                 "-1", "''", "'nope'", "3.5", "9999"])
WORKSHOP_COLUMNS = st.sampled_from([
    "title", "persona", "scenario", "current_step", "state", "start_date", "created_at",
    "updated_at", "last_reviewed_at", "timer_ends_at", "step_minutes",
    "votes_per_participant", "as_is_workshop_id"])


@settings(deadline=None, max_examples=30,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=WORKSHOP_COLUMNS, literal=TEXT_LITERALS)
def test_any_damage_to_a_workshop_row_leaves_the_other_maps_listed(
        tmp_path_factory: pytest.TempPathFactory, column: str, literal: str) -> None:
    path = tmp_path_factory.mktemp("h") / "j.db"
    wid, other = beside_a_sound_map(path)
    spoil(path, "workshop", column, literal)
    with Store(path, who="tester") as store:
        workshops, unreadable = store.list_readable()
        assert other in [w.id for w in workshops]
        assert {w.id for w in workshops} | {u.workshop_id for u in unreadable} == {wid, other}
        for u in unreadable:
            assert u.sentence.startswith(f"Workshop {u.workshop_id}")
        store.delete_workshop(wid)
        assert [w.id for w in store.list_readable()[0]] == [other]


@pytest.mark.both_engines
def test_on_either_engine_a_damaged_map_is_listed_apart_and_deleted(db_path: Path) -> None:
    from sqlalchemy import text

    with Store(db_path, who="tester") as store:
        bad = int(store.create_workshop(title="Bad").id)  # type: ignore[arg-type]
        good = int(store.create_workshop(title="Good").id)  # type: ignore[arg-type]
        with store.engine.begin() as conn:  # a word a server's column takes, journeymap not
            conn.execute(text(f"UPDATE workshop SET current_step = 'nope' WHERE id = {bad}"))
        workshops, unreadable = store.list_readable()
        assert [w.id for w in workshops] == [good]
        assert [(u.workshop_id, u.title) for u in unreadable] == [(bad, "Bad")]
        require_portfolio(store, store.account, "import")
        assert require(store, bad, store.account, "delete") == "lead"
        store.delete_workshop(bad)
        assert store.list_readable() == (workshops, [])
