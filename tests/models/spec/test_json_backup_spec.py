"""What a lead gets back from a JSON backup (models/export/serialize.py, json_backup.py): every
field of every row of the form, set to a value that is not its default, restores exactly;
what the import deliberately changes (the importer leads, roles, the as-is link, the log entry)
is the only difference; and a broken backup is one sentence naming file and place."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from models.db import fields
from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from models.export.form import (
    CARD,
    COST,
    HANDOFF,
    LEVEL,
    LIST_FIELDS,
    LOG,
    PAIN,
    PARTICIPANT,
    PLAN,
    STAGE,
    TOUCHPOINT,
    VOTE,
    WORKSHOP,
    DataError,
    Node,
)
from models.export.json_backup import export_json, export_workshop, import_json
from models.export.serialize import dict_to_store, journey_to_dict
from tests.helpers import as_name


def _value(node: Node, name: str, n: int) -> Any:
    """A valid value of a field that is not its default (and differs row by row).

    Text keeps its newline, quotes, backslash and markup, except in a name column
    (``fields.NAME_KEYS``), which refuses a control character: there the same text
    without its newline."""
    annotation = str(node.model.model_fields[name].annotation)
    if name == "source":
        return "added"
    if name in fields._CHOICES:
        return fields._CHOICES[name][-1]
    if name in LIST_FIELDS:
        return [f"why {n}", "because, then; \"so\""]
    if "bool" in annotation:
        return True
    if "datetime.datetime" in annotation:
        return f"2026-03-0{n}T14:05:06+00:00"
    if "datetime.date" in annotation:
        return f"2026-04-0{n}"
    if "int" in annotation:
        return fields._RANGES.get(name, (0, 0))[0] + n
    if "float" in annotation:
        return 0.25 * n
    text = f'{name} {n}: "a, b; c" \\ 東京 <b>\n second line'
    return as_name(text) if (node.model.__name__, name) in fields.NAME_KEYS else text


def _row(node: Node, n: int = 1, **given: Any) -> dict[str, Any]:
    return {**{f: _value(node, f, n) for f in node.fields}, **given}


def _full_backup(store: Store) -> dict[str, Any]:
    as_is = store.create_workshop(title="As is")
    as_is_tp = store.add(Touchpoint(stage_id=store.load(as_is.id or 0).stages[0].id,
                                    name="Old page"))
    tp = {**_row(TOUCHPOINT), "as_is_touchpoint_id": as_is_tp.id}
    other_tp = _row(TOUCHPOINT, 2)
    del other_tp["as_is_touchpoint_id"]  # a link is kept only into the as-is: tested below
    pain = {**_row(PAIN), "card": _row(CARD),
            "dot_votes": [_row(VOTE, 1, participant=store.who), _row(VOTE, 2)]}
    return {
        "format": "journeymap", "version": 2,
        "workshop": _row(WORKSHOP, lead=store.who, as_is_workshop_id=as_is.id),
        "stages": [{**_row(STAGE), "touchpoints": [{**tp, "pain_points": [pain]},
                                                   other_tp]},
                   _row(STAGE, 2)],
        "pain_points": [{**_row(PAIN, 2), "card": _row(CARD, 2)}],
        "handoffs": [{"from": [0, 0], "to": [0, 1], **_row(HANDOFF)}],
        "channel_costs": [_row(COST, 1, channel="Phone"), _row(COST, 2, channel="Chat")],
        "escalation_levels": [_row(LEVEL), _row(LEVEL, 2)],
        "plan_tasks": [_row(PLAN), _row(PLAN, 2)],
        "participants": [_row(PARTICIPANT, 1, name=store.who, role="lead"),
                         _row(PARTICIPANT, 2, name="Bo", role="participant")],
        "changelog": [_row(LOG), _row(LOG, 2)],
    }


def test_a_backup_restores_every_field_of_every_row(store: Store) -> None:
    data = _full_backup(store)
    wid = dict_to_store(store, copy.deepcopy(data), source="full.json")
    back = journey_to_dict(store.load(wid), full=True, changelog=store.changes(wid))
    added = back["changelog"].pop()
    assert added["summary"] == "imported from full.json" and added["action"] == "create"
    assert back == data


def test_the_json_text_is_sorted_indented_utf8_and_ends_with_a_newline(store: Store) -> None:
    wid = dict_to_store(store, _full_backup(store), source="full.json")
    text = export_workshop(store, wid)
    assert text.endswith("}\n") and "東京" in text and "\\u" not in text
    assert text.startswith('{\n  "changelog": [\n')
    assert json.loads(text) == journey_to_dict(store.load(wid), full=True,
                                               changelog=store.changes(wid))
    keys = list(json.loads(text))
    assert keys == sorted(keys)


def test_a_backup_read_back_in_is_the_same_backup(store: Store) -> None:
    wid = dict_to_store(store, _full_backup(store), source="full.json")
    first = export_workshop(store, wid)
    again = json.loads(export_workshop(store, import_json(store, first, "b.json")))
    again["changelog"].pop()
    expected = json.loads(first)
    assert again == expected


def test_the_importer_leads_the_copy_and_everyone_else_participates(store: Store) -> None:
    data = _full_backup(store)
    data["workshop"]["lead"] = "Mallory"
    data["participants"][1]["role"] = "lead"
    wid = dict_to_store(store, data, source="x.json")
    journey = store.load(wid)
    assert journey.workshop.lead == store.who
    assert {p.name: p.role for p in journey.participants} == {store.who: "lead",
                                                             "Bo": "participant"}
    assert all(entry.imported for entry in store.changes(wid)[:-1])


def test_before_the_reveal_a_backup_holds_how_many_dots_not_whose(store: Store) -> None:
    data = _full_backup(store)
    data["workshop"]["votes_revealed"] = False
    wid = dict_to_store(store, data, source="x.json")
    pain = journey_to_dict(store.load(wid))["stages"][0]["touchpoints"][0]["pain_points"][0]
    assert pain["dot_votes"] == [{}, {}]


def test_an_as_is_link_is_kept_only_to_a_current_workshop_here(store: Store) -> None:
    data = _full_backup(store)
    data["workshop"]["as_is_workshop_id"] = 999
    wid = dict_to_store(store, data, source="x.json")
    back = journey_to_dict(store.load(wid))
    assert "as_is_workshop_id" not in back["workshop"]
    assert "as_is_touchpoint_id" not in back["stages"][0]["touchpoints"][0]
    future = store.create_workshop(title="Future", state="future")
    data = _full_backup(store)
    data["workshop"]["as_is_workshop_id"] = future.id
    assert "as_is_workshop_id" not in journey_to_dict(
        store.load(dict_to_store(store, data, source="y.json")))["workshop"]


@pytest.mark.parametrize(("text", "message"), [
    ('{"format": "journeymap",\n "version": 1,,}',
     "b.json: is not a journeymap backup: a backup is the JSON file that `export ID --format "
     "json` writes, and this one stops being JSON at line 2, column 15"),
    ("[" * 100_000, "b.json: is nested too deeply to be a journeymap backup"),
    ('{"format": "journeymap", "version": 1, "workshop": {"max_handoffs": 1' + "0" * 5000 + "}}",
     "b.json: workshop.max_handoffs: must be between 0 and 999"),
    ('{"format": "journeymap", "version": 1, "workshop": {"max_handoffs": -1' + "0" * 50 + "}}",
     "b.json: workshop.max_handoffs: must be between 0 and 999"),
])
def test_a_broken_backup_is_one_sentence_and_changes_nothing(store: Store, text: str,
                                                             message: str) -> None:
    before = len(store.list_workshops())
    with pytest.raises(DataError) as caught:
        import_json(store, text, "b.json")
    assert str(caught.value).startswith(message)
    assert len(store.list_workshops()) == before


def _baseline_backup(literal: str) -> str:
    return ('{"format": "journeymap", "version": 1, "stages": [{"name": "Notice", '
            '"kpi_baseline": ' + literal + "}]}")


@pytest.mark.parametrize("digits", [40, 41, 120, 300])
def test_a_long_whole_number_in_a_number_field_is_kept_as_written(store: Store,
                                                                  digits: int) -> None:
    wid = import_json(store, _baseline_backup("-1" + "0" * (digits - 1)), "b.json")
    assert store.load(wid).stages[0].kpi_baseline == -float(10 ** (digits - 1))


@pytest.mark.parametrize("digits", [400, 401, 5000])
def test_a_whole_number_too_long_for_any_field_is_refused_by_key(store: Store,
                                                                 digits: int) -> None:
    with pytest.raises(DataError) as caught:
        import_json(store, _baseline_backup("1" * digits), "b.json")
    assert str(caught.value) == "b.json: stages[0].kpi_baseline: must be a finite number"


def test_export_json_without_a_log_still_restores(store: Store) -> None:
    wid = dict_to_store(store, _full_backup(store), source="full.json")
    text = export_json(store.load(wid))
    assert json.loads(text)["changelog"] == []
    new = import_json(store, text, "nolog.json")
    assert [c.summary for c in store.changes(new)] == ["imported from nolog.json"]


def test_a_touchpoint_link_into_another_workshop_than_the_as_is_is_dropped(
        store: Store) -> None:
    other = store.create_workshop(title="Other")
    other_tp = store.add(Touchpoint(stage_id=store.load(other.id or 0).stages[0].id,
                                    name="Elsewhere"))
    data = _full_backup(store)
    data["stages"][0]["touchpoints"][0]["as_is_touchpoint_id"] = other_tp.id
    data["stages"][0]["touchpoints"][1]["as_is_touchpoint_id"] = 10**6
    wid = dict_to_store(store, data, source="x.json")
    tps = journey_to_dict(store.load(wid))["stages"][0]["touchpoints"]
    assert "as_is_touchpoint_id" not in tps[0] and "as_is_touchpoint_id" not in tps[1]
    assert "as_is_workshop_id" in journey_to_dict(store.load(wid))["workshop"]
