"""A JSON backup's ``null`` for a column that may be empty means "not given": a card or a plan
task with ``"deadline": null`` has no deadline, and so for every optional column of every
table the backup holds. A column that cannot be empty still refuses null, naming the key."""

from __future__ import annotations

import datetime as dt
import json
import types
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import pytest

from models.db.store import Store
from models.export import form
from models.export.json_backup import export_workshop, import_json
from models.export.serialize import DataError
from models.export.templates import create_from_template
from models.rules.demo import complete_demo
from tests.helpers import run_cli

_NODES = {"workshop": form.WORKSHOP, "stages": form.STAGE, "touchpoints": form.TOUCHPOINT,
          "pain_points": form.PAIN, "card": form.CARD, "dot_votes": form.VOTE,
          "handoffs": form.HANDOFF, **{k: n for k, (n, _) in form.LISTS.items()},
          **form.FULL_LISTS}


def _optional(node: form.Node, key: str) -> bool:
    annotation = node.model.model_fields[key].annotation
    return get_origin(annotation) in (Union, types.UnionType) and type(None) in get_args(
        annotation)


def _null_every_optional(value: Any, node: form.Node | None) -> int:
    """Set every optional column under ``value`` to None (added where omitted); how many."""
    count = 0
    if isinstance(value, list):
        return sum(_null_every_optional(item, node) for item in value)
    if isinstance(value, dict):
        if node is not None:
            for key in node.fields:
                if _optional(node, key):
                    value[key] = None
                    count += 1
        for key, inner in value.items():
            if key in _NODES and isinstance(inner, list | dict):
                count += _null_every_optional(inner, _NODES[key])
    return count


@pytest.fixture
def backup(store: Store) -> dict[str, Any]:
    wid = create_from_template(store, "login-lockout", start_date=dt.date(2024, 2, 29))
    complete_demo(store, wid, dt.date(2024, 3, 20))
    data: dict[str, Any] = json.loads(export_workshop(store, wid))
    return data


def test_a_deadline_of_null_imports_as_no_deadline(store: Store, backup: dict[str, Any],
                                                   tmp_path: Path) -> None:
    cards = [p["card"] for s in backup["stages"] for t in s["touchpoints"]
             for p in t.get("pain_points", []) if "card" in p]
    cards[0]["deadline"] = None
    backup["plan_tasks"][0]["deadline"] = None
    path = tmp_path / "nulls.json"
    path.write_text(json.dumps(backup), encoding="utf-8")
    code, out, err = run_cli(store.path, "import", str(path))
    assert (code, err) == (0, "")
    journey = store.load(int(out.strip()))
    assert sum(c.deadline is None for c in journey.cards) == 1
    assert sum(t.deadline is None for t in journey.plan_tasks) == 1


def test_every_optional_column_given_as_null_imports(store: Store,
                                                     backup: dict[str, Any]) -> None:
    assert _null_every_optional(backup, None) > 20
    wid = import_json(store, json.dumps(backup), "nulls.json")
    assert store.load(wid).workshop.title == backup["workshop"]["title"]


def test_null_for_a_column_that_cannot_be_empty_names_the_key(
        store: Store, backup: dict[str, Any]) -> None:
    backup["stages"][0]["name"] = None
    with pytest.raises(DataError) as caught:
        import_json(store, json.dumps(backup), "nulls.json")
    assert str(caught.value) == "nulls.json: stages[0].name: cannot be empty"
