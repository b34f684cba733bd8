"""JSON backup: export -> import -> export is identical apart from ids, for any text."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.db.fields import NAME_KEYS
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask, Vote
from models.db.tables.method import ChannelCost, EscalationLevel
from models.db.tables.seats import Participant
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
from models.export import serialize
from models.export.json_backup import export_json, export_workshop, import_json
from models.export.json_text import dumps
from models.export.serialize import DataError, dict_to_store
from tests.helpers import as_name

NASTY = ("[bold]red[/bold] [/] | pipe | `code` ```fence```\nline two\r\n\ttab "
         "🚀👩‍💻 漢字テキスト שלום عربي [link=http://x]x[/link] \x1b[31m $x$ <b>&amp;")
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                      blacklist_characters="\x00"), max_size=20)
CHOICES = {"kind", "lane", "status", "role", "state", "actor", "emotion", "effect_kind", "source",
           "current_step", "done_step", "timer_step", "gather_step"}
LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                      blacklist_characters="\x00\r\n"), max_size=20)


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def without_import_entry(text: str) -> tuple[str, dict[str, Any]]:
    """A re-export minus the one log entry its own import added (and that entry)."""
    data = json.loads(text)
    added = data["changelog"].pop()
    return dumps(data, indent=2, sort_keys=True) + "\n", added  # as the backup writes it


def rich_workshop(store: Store, text: str = NASTY) -> int:
    """A workshop with every kind of row, made through the store like the app makes them."""
    wid = store.create_workshop(title=f"T {text}", persona=text, scenario=text,
                                evidence_ticket_volume=1240, start_date="2026-03-02",
                                facilitator=text, votes_revealed=True).id
    store.update(Workshop, wid, timer_ends_at="2026-03-02T10:15:00+00:00", timer_step="stages")
    as_is = int(store.create_workshop(title="as-is").id or 0)
    as_is_tp = store.add(Touchpoint(stage_id=store.load(as_is).stages[0].id, name="Phone"))
    store.update(Workshop, wid, state="future", as_is_workshop_id=as_is, jtbd_when=text,
                 jtbd_want=text, jtbd_so_that=text, last_reviewed_at="2026-03-01")
    store.add(ChannelCost(workshop_id=wid, channel=text, cost_per_contact=25.5,
                          handle_minutes=12, confirmed=True))
    store.add(ChannelCost(workshop_id=wid, channel="chat", cost_per_contact=6))
    store.add(EscalationLevel(workshop_id=wid, severity="Sev-1", criteria=text, tier_role=text,
                              response_sla_minutes=15, update_every_minutes=30, channel=text,
                              early_warning=text))
    store.add(EscalationLevel(workshop_id=wid, severity="Sev-2"))
    stages = store.load(wid).stages
    store.update(Stage, stages[0].id, description=text, kpi_baseline=0.35, kpi_target=0.5,
                 kpi_unit="%")
    a = store.add(Touchpoint(stage_id=stages[0].id, name=text, does=text, thinks=text,
                             feels=text, sentiment=-2, owner_team="Support",
                             moment_of_truth=True, actor="bot", emotion="distress",
                             bot_intent=text, bot_escalation_rule=text, bot_context_passed=text,
                             bot_deflection_rate=0.35, as_is_touchpoint_id=as_is_tp.id))
    b = store.add(Touchpoint(stage_id=stages[0].id, name="b", owner_team="Engineering",
                             lane="backstage"))
    store.add(Touchpoint(stage_id=stages[2].id, name="unowned"))
    store.add(Handoff(workshop_id=wid, from_touchpoint_id=a.id, to_touchpoint_id=b.id,
                      from_team="Support", to_team="Engineering", what_is_transferred=text,
                      typical_delay="2 days", customer_informed=True, is_escalation=True,
                      checklist=text))
    pain = store.add(PainPoint(workshop_id=wid, touchpoint_id=a.id, description=text,
                               kind="loop", impact=3, effort=1, ticket_volume=1240, votes=2,
                               five_whys=["why " + text.replace("\n", " ").replace("\r", ""),
                                          "", "because"], root_cause=text, urgent=True,
                               important=True))
    store.add(PainPoint(workshop_id=wid, touchpoint_id=None, description="loose " + text))
    store.add(HypothesisCard(pain_point_id=pain.id, experiment=text, outcome=text, signal=text,
                             owner=as_name(text), deadline="2026-04-01", status="in_progress",
                             result_notes=text, result_value=0.42, effect_kind="deflection",
                             effect_value=40))
    # not "lead": roles never travel with a backup (tests/models/test_trust.py)
    name = as_name(text)  # a name holds no control character (fields.check_name)
    store.add(Participant(workshop_id=wid, name=name, role="participant", current_step="pains"))
    store.add(Participant(workshop_id=wid, name="Bo"))
    store.add(Vote(pain_point_id=pain.id, participant=name))
    store.add(PlanTask(workshop_id=wid, key="baseline", phase="Weeks 1-2", title=text,
                       detail=text, owner=name, start="2026-03-02", deadline="2026-03-15",
                       edited=True))
    store.update(Touchpoint, b.id, feels=text)  # a logged update with old -> new text
    return wid


def test_export_import_export_is_identical_apart_from_ids(store: Store) -> None:
    wid = rich_workshop(store)
    first = export_workshop(store, wid)
    new_id = import_json(store, first, "backup.json")
    assert new_id != wid
    second, added = without_import_entry(export_workshop(store, new_id))
    assert second == first
    assert added["summary"] == "imported from backup.json" and added["who"] == "tester"
    # and a third generation still agrees: nothing drifts with repeated backups
    third, _ = without_import_entry(export_workshop(store, import_json(store, first, "b.json")))
    assert third == first


def test_export_keeps_text_timestamps_and_structure(store: Store) -> None:
    wid = rich_workshop(store)
    text = export_workshop(store, wid)
    assert "🚀" in text and "漢字" in text, "ensure_ascii=False keeps text readable"
    data = json.loads(text)
    original = store.load(wid)
    assert data["workshop"]["persona"] == NASTY
    assert data["workshop"]["created_at"] == serialize.plain(original.workshop.created_at)
    assert data["workshop"]["timer_ends_at"] == "2026-03-02T10:15:00+00:00"
    tp = data["stages"][0]["touchpoints"][0]
    assert tp["pain_points"][0]["card"]["status"] == "in_progress"
    assert tp["pain_points"][0]["dot_votes"][0]["participant"] == as_name(NASTY)
    assert data["pain_points"][0]["description"] == "loose " + NASTY
    assert data["handoffs"][0]["from"] == [0, 0] and data["handoffs"][0]["to"] == [0, 1]
    assert [p["name"] for p in data["participants"]] == [as_name(NASTY), "Bo"]
    assert data["plan_tasks"][0]["edited"] is True
    assert any(e["new"] == NASTY and e["field"] == "feels" for e in data["changelog"])
    assert text == json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    copy = store.load(import_json(store, text, "x.json"))
    assert serialize.plain(copy.workshop.created_at) == data["workshop"]["created_at"]
    assert copy.workshop.start_date == dt.date(2026, 3, 2)
    assert copy.dot_votes == {copy.pain_points[0].id: 1}


def test_export_without_log_is_still_valid(store: Store) -> None:
    wid = rich_workshop(store)
    data = json.loads(export_json(store.load(wid)))
    assert data["changelog"] == []
    assert store.load(import_json(store, json.dumps(data), "nolog.json")).workshop.persona == NASTY


@pytest.mark.parametrize(("text", "message"), [
    ('{"format": "journeymap",\n "version": 1,\n "workshop": {"title": "x",}}',
     r"^bad\.json: is not a journeymap backup: .* stops being JSON at line 3, column \d+$"),
    ("", r"^bad\.json: is not a journeymap backup: .* stops being JSON at line 1, column 1$"),
    ('{"format": "journeymap", "version": 1, "stages": [{"name": "s", "touchpoints": '
     '[{"name": "t", "sentiment": 3}]}]}',
     r"^bad\.json: stages\[0\]\.touchpoints\[0\]\.sentiment: must be between -2 and 2$"),
    ('{"format": "journeymap", "version": 3}', r"^bad\.json: version: is 3, written by a newer"),
    ("[1, 2, 3]", r"^bad\.json: must be a table of keys, not a list$"),
    ("[" * 100_000, r"^bad\.json: is nested too deeply"),
])
def test_broken_json_is_refused_and_database_unchanged(store: Store, db_path: Path, text: str,
                                                      message: str) -> None:
    rich_workshop(store)
    before = dump(db_path)
    with pytest.raises(DataError, match=message):
        import_json(store, text, "bad.json")
    assert dump(db_path) == before


def test_truncated_backup_is_refused_and_database_unchanged(store: Store, db_path: Path) -> None:
    text = export_workshop(store, rich_workshop(store))
    before = dump(db_path)
    with pytest.raises(DataError, match="stops being JSON"):
        import_json(store, text[: len(text) // 2], "half.json")
    assert dump(db_path) == before


def assert_contains(got: Any, given: Any, path: str = "") -> None:
    """Every key and value of ``given`` is in ``got`` (which may hold more, e.g. defaults)."""
    if isinstance(given, dict):
        for key, value in given.items():
            assert key in got, f"{path}.{key} missing"
            assert_contains(got[key], value, f"{path}.{key}")
    elif isinstance(given, list):
        assert len(got) == len(given), path
        for i, (a, b) in enumerate(zip(got, given, strict=True)):
            assert_contains(a, b, f"{path}[{i}]")
    else:
        assert got == given, path


def _text_fields(node: serialize.Node) -> list[str]:
    return [f for f in node.fields if f not in CHOICES and f not in serialize.LIST_FIELDS
            and node.model.model_fields[f].annotation is str]


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_text_in_every_text_field_survives_the_round_trip(store: Store,
                                                              data: st.DataObject) -> None:
    def texts(node: serialize.Node) -> dict[str, str]:
        named = {f for f in _text_fields(node) if (node.model.__name__, f) in NAME_KEYS}
        return {f: data.draw(TEXT.map(as_name) if f in named else TEXT,
                             label=f"{node.model.__name__}.{f}")
                for f in _text_fields(node)}

    when = "2026-03-02T09:00:00+00:00"
    chain = data.draw(st.lists(LINE, max_size=5).filter(lambda w: not w or w[-1].strip()),
                      label="five_whys")
    pain = {**texts(serialize.PAIN), "five_whys": chain, "card": texts(serialize.CARD),
            "dot_votes": [{**texts(serialize.VOTE), "created_at": when}]}
    raw = {"format": "journeymap", "version": serialize.VERSION,
           "workshop": {**texts(serialize.WORKSHOP), "created_at": when, "updated_at": when},
           "stages": [{**texts(serialize.STAGE), "touchpoints": [
               {**texts(serialize.TOUCHPOINT), "pain_points": [pain]},
               texts(serialize.TOUCHPOINT)]}],
           "handoffs": [{"from": [0, 0], "to": [0, 1], **texts(serialize.HANDOFF)}],
           "channel_costs": [texts(serialize.COST)],
           "escalation_levels": [texts(serialize.LEVEL)],
           "plan_tasks": [texts(serialize.PLAN)],
           "participants": [{**texts(serialize.PARTICIPANT), "last_seen": when}],
           "changelog": [{**texts(serialize.LOG), "at": when}]}
    raw["workshop"].pop("lead", None)  # the importer is the lead of a copy (test_trust.py)
    raw["workshop"]["votes_revealed"] = True  # hidden ballots export no voters (test_trust.py)
    first = export_workshop(store, dict_to_store(store, raw, source="gen.json"))
    exported = json.loads(first)
    exported["changelog"].pop()
    assert_contains(exported, raw)  # every generated text came back exactly as given
    second, _ = without_import_entry(
        export_workshop(store, import_json(store, first, "gen.json")))
    assert second == first


def test_export_json_shape_is_stable_for_diffs(store: Store) -> None:
    wid = rich_workshop(store)
    one, two = export_workshop(store, wid), export_workshop(store, wid)
    assert one == two
    lines = one.splitlines()
    assert lines[0] == "{" and lines[1].startswith('  "changelog"')
    assert dt.date.fromisoformat(json.loads(one)["workshop"]["start_date"]) == dt.date(2026, 3, 2)
