"""The light Journey (plain sqlite3, no SQLModel) is the ORM's Journey, field for field.

``models.db.light_journey`` exists so that ``export`` and the app's first screen
need not import SQLAlchemy; it is only worth having if every rule and output
sees exactly what ``Store.load`` gives them.  So the comparison here is of
every column of every row, value and type, on workshops that fill every table,
and of the Markdown document built from each.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.db.light_journey import load_journey, load_journeys
from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from models.export.markdown import to_markdown
from models.export.templates import create_from_template, list_templates
from tests.models.light_compare import TODAY, assert_same, full_workshop


@pytest.mark.parametrize("template", [t.name for t in list_templates()])
def test_light_journey_equals_store_load(db_path: Path, template: str) -> None:
    with Store(db_path, who="tester") as store:
        wid = full_workshop(store, template)
        orm = store.load(wid)
    light = load_journey(db_path, wid)
    assert light is not None
    assert_same(light, orm)
    assert to_markdown(light, today=TODAY) == to_markdown(orm, today=TODAY)


def test_load_journeys_is_load_many(db_path: Path) -> None:
    with Store(db_path, who="tester") as store:
        ids = [full_workshop(store, t.name) for t in list_templates()[:3]]
        orm = store.load_many(ids[::-1])
    light = load_journeys(db_path, ids[::-1])
    assert light is not None
    assert [j.workshop.id for j in light] == ids[::-1]
    for one, other in zip(light, orm, strict=True):
        assert_same(one, other)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text())
def test_user_text_comes_back_exactly(tmp_path: Path, text: str) -> None:
    db = tmp_path / f"t{abs(hash(text))}.db"
    with Store(db, who="tester") as store:
        wid = create_from_template(store, "login-lockout")
        stage = store.load(wid).stages[0]
        with store.write() as s:
            s.add(Touchpoint(stage_id=stage.id, position=99, name=text, does=text))
        orm = store.load(wid)
    light = load_journey(db, wid)
    assert light is not None
    assert_same(light, orm)


def test_unknown_workshop_and_other_files_answer_none(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    assert load_journey(db, 1) is None  # no file: the store path says so in its words
    with Store(db, who="tester") as store:
        wid = create_from_template(store, "login-lockout")
    assert load_journey(db, wid + 1) is None
    assert load_journeys(db, [wid, wid + 1]) is None
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE x (a)").connection.close()
    assert load_journey(foreign, 1) is None
    assert load_journey("postgresql://u@h/db", 1) is None  # type: ignore[arg-type]
