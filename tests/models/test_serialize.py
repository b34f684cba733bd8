"""The shared plain-dict form: what it holds, how it refuses bad data, that storing is atomic."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import models.export.serialize as serialize
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, Vote
from models.db.tables.seats import Participant
from models.db.tables.workshop import Stage, Touchpoint
from models.export.serialize import DataError, dict_to_store, journey_to_dict, normalize


def dump(path: Path) -> list[str]:
    """Every row of the database file as SQL text: equal dumps mean an unchanged database."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def minimal(**workshop: Any) -> dict[str, Any]:
    return {"format": "journeymap", "version": 1, "workshop": {"title": "T", **workshop},
            "stages": [{"name": "Contact", "touchpoints": [
                {"name": "Chat", "owner_team": "Support", "sentiment": -1,
                 "pain_points": [{"description": "waits", "impact": 3, "effort": 1,
                                  "card": {"experiment": "e", "outcome": "o", "signal": "s"}}]},
                {"name": "Escalate", "owner_team": "Engineering"}]}],
            "handoffs": [{"from": [0, 0], "to": [0, 1], "what_is_transferred": "logs"}]}


def walk(value: Any, path: str = "") -> list[str]:
    """Paths of values that are not plain JSON/TOML data (or are None)."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in walk(v, f"{path}.{k}")] + (
            [path] if not all(isinstance(k, str) for k in value) else [])
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in walk(v, f"{path}[{i}]")]
    return [] if isinstance(value, str | int | float | bool) else [path]


def test_journey_to_dict_is_plain_data_without_none(store: Store) -> None:
    wid = dict_to_store(store, minimal(start_date="2026-03-02"), source="t.json")
    store.update(Stage, store.load(wid).stages[0].id, kpi_baseline=None)
    data = journey_to_dict(store.load(wid), full=True)
    assert walk(data) == []
    assert "kpi_baseline" not in data["stages"][0]
    assert data["workshop"]["start_date"] == "2026-03-02"
    assert data["workshop"]["created_at"].endswith("+00:00")
    assert data["format"] == "journeymap" and data["version"] == serialize.VERSION


def test_template_form_leaves_out_people_log_plan_and_card_progress(store: Store) -> None:
    wid = dict_to_store(store, minimal(facilitator="Ann"), source="t.json")
    journey = store.load(wid)
    pain = journey.pain_points[0]
    card = journey.card_for(pain.id)
    assert card is not None
    store.update(HypothesisCard, card.id, owner="Bo", deadline="2026-04-01", status="done")
    store.add(Participant(workshop_id=wid, name="Cy"))
    store.add(Vote(pain_point_id=pain.id, participant="Cy"))
    data = journey_to_dict(store.load(wid), full=False)
    assert not {"plan_tasks", "participants", "changelog"} & set(data)
    assert "facilitator" not in data["workshop"] and "created_at" not in data["workshop"]
    tp = data["stages"][0]["touchpoints"][0]
    assert tp["pain_points"][0]["card"] == {"experiment": "e", "outcome": "o", "signal": "s"}
    assert "dot_votes" not in tp["pain_points"][0]
    full = journey_to_dict(store.load(wid), full=True, changelog=store.changes(wid))
    assert full["participants"][0]["name"] == "Cy"
    assert full["stages"][0]["touchpoints"][0]["pain_points"][0]["card"]["owner"] == "Bo"
    assert full["changelog"], "the full form carries the log it was given"


def test_handoffs_reference_touchpoints_by_position(store: Store) -> None:
    wid = dict_to_store(store, minimal(), source="t.json")
    journey = store.load(wid)
    handoff = journey.handoffs[0]
    first, second = journey.ordered_touchpoints()
    assert (handoff.from_touchpoint_id, handoff.to_touchpoint_id) == (first.id, second.id)
    assert journey_to_dict(journey)["handoffs"][0]["from"] == [0, 0]


def test_pain_point_without_touchpoint_survives(store: Store) -> None:
    data = minimal()
    data["pain_points"] = [{"description": "nobody owns the survey", "kind": "dead end"}]
    wid = dict_to_store(store, data, source="t.json")
    loose = [p for p in store.load(wid).pain_points if p.touchpoint_id is None]
    assert [(p.description, p.kind) for p in loose] == [("nobody owns the survey", "dead_end")]
    assert journey_to_dict(store.load(wid))["pain_points"][0]["kind"] == "dead_end"


def test_import_logs_its_source_and_makes_the_importer_lead(store: Store) -> None:
    wid = dict_to_store(store, minimal(), source="billing.json")
    assert store.get_workshop(wid).lead == "tester"
    assert store.changes(wid)[-1].summary == "imported from billing.json"


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["stages"][0]["touchpoints"][0].__setitem__("sentiment", 5),
     "b.toml: stages[0].touchpoints[0].sentiment: must be between -2 and 2"),
    (lambda d: d["stages"][0]["touchpoints"][0].__setitem__("sentimnet", 1),
     "b.toml: stages[0].touchpoints[0].sentimnet: unknown key"),
    (lambda d: d["stages"][0]["touchpoints"][0].__setitem__("sentiment", "-1"),
     "b.toml: stages[0].touchpoints[0].sentiment: must be a whole number, not text"),
    (lambda d: d["stages"][0]["touchpoints"][0]["pain_points"][0].__setitem__("kind", "maze"),
     "b.toml: stages[0].touchpoints[0].pain_points[0].kind: must be one of: loop, branch"),
    (lambda d: d["stages"][0]["touchpoints"][0]["pain_points"][0]["card"].__setitem__(
        "deadline", "next week"),
     "b.toml: stages[0].touchpoints[0].pain_points[0].card.deadline: must be a date"),
    (lambda d: d["stages"][0].__setitem__("kpi_target", True),
     "b.toml: stages[0].kpi_target: must be a number, not true/false"),
    (lambda d: d["stages"][0].__setitem__("touchpoints", {"name": "x"}),
     "b.toml: stages[0].touchpoints: must be a list of tables, not a table"),
    (lambda d: d["workshop"].__setitem__("moment_of_truth", True),
     "b.toml: workshop.moment_of_truth: unknown key"),
    (lambda d: d["handoffs"][0].__setitem__("to", [0, 7]),
     "b.toml: handoffs[0].to: touchpoint index 7 does not exist in stage 0"),
    (lambda d: d["handoffs"][0].pop("from"), "b.toml: handoffs[0].from: is missing"),
    (lambda d: d.__setitem__("version", 99), "b.toml: version: is 99, written by a newer"),
    (lambda d: d.pop("format"), "b.toml: format: must be \"journeymap\""),
    (lambda d: d.__setitem__("participants", [{"name": "A"}, {"name": "A"}]),
     "b.toml: participants[1].name: 'A' is listed twice"),
    (lambda d: d["workshop"].__setitem__("evidence_ticket_volume", -4),
     "b.toml: workshop.evidence_ticket_volume: must be between 0 and"),
])
def test_bad_data_is_named_by_file_and_key_path(mutate: Any, message: str) -> None:
    data = minimal()
    mutate(data)
    with pytest.raises(DataError) as info:
        normalize(data, source="b.toml")
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value) and "pydantic" not in str(info.value).lower()


def test_top_level_must_be_a_table() -> None:
    with pytest.raises(DataError, match=r"^x.json: must be a table of keys, not a list$"):
        normalize([1, 2], source="x.json")


def test_normalize_returns_canonical_plain_values() -> None:
    data = minimal(start_date=dt.date(2026, 3, 2), state="Future")
    data["stages"][0]["kpi_baseline"] = 12
    clean = normalize(data, source="t.toml")
    assert clean["workshop"]["start_date"] == "2026-03-02"
    assert clean["workshop"]["state"] == "future"
    assert clean["stages"][0]["kpi_baseline"] == 12.0
    assert normalize(clean, source="t.toml") == clean


def test_invalid_data_leaves_database_unchanged(store: Store, db_path: Path) -> None:
    dict_to_store(store, minimal(), source="ok.json")
    before = dump(db_path)
    data = minimal()
    data["stages"].append({"name": "Later", "touchpoints": [{"name": "x", "lane": "sideways"}]})
    with pytest.raises(DataError, match=r"stages\[1\]\.touchpoints\[0\]\.lane"):
        dict_to_store(store, data, source="bad.json")
    assert dump(db_path) == before


def test_failure_while_inserting_rolls_everything_back(store: Store, db_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Validation passed, then the database fails half-way: not one row may remain."""
    before = dump(db_path)
    real = serialize.insert_rows

    def failing(s: Any, model: Any, rows: Any) -> Any:
        if model is HypothesisCard:
            raise RuntimeError("disk on fire")
        return real(s, model, rows)

    monkeypatch.setattr(serialize, "insert_rows", failing)
    with pytest.raises(RuntimeError):
        dict_to_store(store, minimal(), source="t.json")
    assert dump(db_path) == before
    assert store.list_workshops() == []


def test_stored_rows_have_python_types(store: Store) -> None:
    data = minimal(start_date="2026-03-02")
    data["stages"][0]["touchpoints"][0]["pain_points"][0]["card"]["deadline"] = "2026-05-01"
    wid = dict_to_store(store, data, source="t.json")
    journey = store.load(wid)
    assert journey.workshop.start_date == dt.date(2026, 3, 2)
    assert journey.cards[0].deadline == dt.date(2026, 5, 1)
    tp = journey.ordered_touchpoints()[0]
    assert isinstance(tp, Touchpoint) and tp.sentiment == -1
    assert isinstance(journey.pain_points[0], PainPoint) and journey.pain_points[0].impact == 3
