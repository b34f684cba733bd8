"""The light Journey (plain sqlite3, no SQLModel) is the ORM's Journey, field for field.

``models.db.light_journey`` exists so that ``export`` and the app's first screen
need not import SQLAlchemy; it is only worth having if every rule and output
sees exactly what ``Store.load`` gives them.  So the comparison here is of
every column of every row, value and type, on workshops that fill every table,
and of the Markdown document built from each.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.db.journey import Journey
from models.db.light_journey import load_journey, load_journeys
from models.db.store import Store
from models.db.tables.cards import PainPoint, Vote
from models.db.tables.seats import Participant
from models.db.tables.tickets import Reading, TicketSource
from models.db.tables.workshop import Touchpoint
from models.export.markdown import to_markdown
from models.export.templates import create_from_template, list_templates
from models.rules.demo import complete_demo

TODAY = dt.date(2024, 3, 20)


def _rows(value: Any) -> Any:
    """A Journey field as plain data: rows become {column: (value, type)}."""
    if isinstance(value, list):
        return [_rows(v) for v in value]
    if isinstance(value, dict):
        return {k: _rows(v) for k, v in value.items()}
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    elif hasattr(value, "__dict__"):
        value = {k: v for k, v in vars(value).items() if not k.startswith("_")}
    else:
        return (value, type(value))
    return {k: (v, type(v)) for k, v in value.items()}


def assert_same(light: Journey, orm: Journey) -> None:
    fields = [name for name in vars(Journey(workshop=light.workshop)) if not name.startswith("_")]
    assert len(fields) == 14
    for name in fields:
        assert _rows(getattr(light, name)) == _rows(getattr(orm, name)), name


def _full_workshop(store: Store, template: str) -> int:
    """A template run through the demo, plus what the demo leaves empty."""
    wid = create_from_template(store, template, start_date=dt.date(2024, 2, 29))
    complete_demo(store, wid, TODAY)
    journey = store.load(wid)
    with store.write() as s:
        s.add(Participant(workshop_id=wid, name="Ana", role="participant"))
        if journey.pain_points:
            s.add(Vote(pain_point_id=journey.pain_points[0].id, participant="Ana"))
            s.add(Vote(pain_point_id=journey.pain_points[0].id, participant="Bo"))
        s.add(PainPoint(workshop_id=wid, touchpoint_id=None, description="unplaced",
                        kind="loop", impact=2, effort=1))
        source = TicketSource(workshop_id=wid, file_name="t.csv", product="P", rows=3,
                              tickets=3, periods="2024-01..2024-01")
        s.add(source)
        s.flush()
        s.add(Reading(source_id=source.id, workshop_id=wid, period="2024-01", tickets=3,
                      fcr_rate=0.5, fcr_is_proxy=True, ttr_median_hours=3, reopened=None,
                      csat_mean=4.25, unavailable='{"csat": "no column"}'))
    return wid


@pytest.mark.parametrize("template", [t.name for t in list_templates()])
def test_light_journey_equals_store_load(db_path: Path, template: str) -> None:
    with Store(db_path, who="tester") as store:
        wid = _full_workshop(store, template)
        orm = store.load(wid)
    light = load_journey(db_path, wid)
    assert light is not None
    assert_same(light, orm)
    assert to_markdown(light, today=TODAY) == to_markdown(orm, today=TODAY)


def test_load_journeys_is_load_many(db_path: Path) -> None:
    with Store(db_path, who="tester") as store:
        ids = [_full_workshop(store, t.name) for t in list_templates()[:3]]
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
