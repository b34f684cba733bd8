"""Values that used to crash a seat or change silently: refused with file and key, or kept.

Decisions (docs/reliability.md): dates must lie between 1970-01-01 and 2199-12-31
wherever they enter (typed, JSON, TOML); a NUL character or an unpaired surrogate
in text is refused with the key named, never dropped; a huge number or deep nesting
is one sentence naming the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.db.fields import FieldError, coerce
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Workshop
from models.export.json_backup import export_workshop, import_json
from models.export.serialize import DataError
from models.export.templates import load_template


@pytest.mark.parametrize(("model", "field", "value"), [
    (Workshop, "start_date", "9999-12-31"), (Workshop, "start_date", "0001-01-01"),
    (HypothesisCard, "deadline", "2200-01-01"), (PlanTask, "start", "1969-12-31"),
    (Workshop, "timer_ends_at", "0001-01-01T00:00:00+05:00"),
    (Workshop, "timer_ends_at", "9999-12-31T23:59:59-05:00"),
])
def test_a_date_outside_the_range_is_refused_naming_the_range(model: type, field: str,
                                                              value: str) -> None:
    with pytest.raises(FieldError, match="must be between 1970-01-01 and 2199-12-31"):
        coerce(model, field, value)


def test_dates_at_the_edges_of_the_range_are_kept() -> None:
    assert str(coerce(Workshop, "start_date", "1970-01-01")) == "1970-01-01"
    assert str(coerce(PlanTask, "deadline", "2199-12-31")) == "2199-12-31"


@pytest.mark.parametrize("text", ["a\x00b", "\x00"])
def test_typed_text_with_a_nul_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(FieldError, match="^description contains a NUL character"):
        coerce(PainPoint, "description", text)


def _backup(store: Store) -> dict:
    wid = int(store.create_workshop(title="Lockout", persona="Admin").id or 0)
    store.add(PainPoint(workshop_id=wid, description="loop"))
    return json.loads(export_workshop(store, wid))


def _one_sentence(exc: BaseException, *needles: str) -> None:
    text = str(exc)
    assert "\n" not in text and "Traceback" not in text
    for needle in needles:
        assert needle in text, text


@pytest.mark.parametrize(("key", "raw", "needle"), [
    ("timer_ends_at", '"0001-01-01T00:00:00+05:00"', "between 1970-01-01 and 2199-12-31"),
    ("start_date", '"9999-12-31"', "between 1970-01-01 and 2199-12-31"),
    ("title", '"a\\u0000b"', "NUL character"),
    ("title", '"\\ud800"', "unpaired surrogate"),
    ("evidence_ticket_volume", "9" * 5000, "must be between"),
    ("title", "9" * 5000, "must be text"),
])
def test_a_bad_value_in_json_is_one_sentence_with_file_and_key(store: Store, key: str, raw: str,
                                                               needle: str) -> None:
    data = _backup(store)
    data["workshop"][key] = "@@"
    text = json.dumps(data).replace('"@@"', raw)
    before = len(store.list_workshops())
    with pytest.raises(DataError) as info:
        import_json(store, text, "backup.json")
    _one_sentence(info.value, "backup.json", f"workshop.{key}", needle)
    assert len(store.list_workshops()) == before


def test_a_json_round_trip_is_exact_for_awkward_text(store: Store) -> None:
    data = _backup(store)
    data["workshop"]["title"] = "tab\there \u202e 😀 \x01 [b] \\ \"q\""
    wid = import_json(store, json.dumps(data), "b.json")
    again = json.loads(export_workshop(store, wid))
    assert again["workshop"]["title"] == data["workshop"]["title"]


def _template(tmp_path: Path, extra: str) -> Path:
    text = Path("workshop_templates/billing-dispute.toml").read_text(encoding="utf-8")
    path = tmp_path / "t.toml"
    path.write_text(text.replace("[workshop]\n", "[workshop]\n" + extra + "\n", 1),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("extra", "needle"), [
    ("timer_ends_at = 0001-01-01T00:00:00+05:00", "between 1970-01-01 and 2199-12-31"),
    ('timer_ends_at = "0001-01-01T00:00:00+05:00"', "between 1970-01-01 and 2199-12-31"),
    ("start_date = 9999-12-31", "between 1970-01-01 and 2199-12-31"),
    ('facilitator = "a\\u0000b"', "NUL character"),
])
def test_a_bad_value_in_toml_is_one_sentence_with_file_and_key(tmp_path: Path, extra: str,
                                                               needle: str) -> None:
    path = _template(tmp_path, extra)
    with pytest.raises(DataError) as info:
        load_template(path)
    key = extra.split(" ", 1)[0]
    _one_sentence(info.value, str(path), f"workshop.{key}", needle)


def test_toml_nested_5000_deep_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_template(path)
    _one_sentence(info.value, str(path), "nested too deeply")


def test_json_nested_5000_deep_is_one_sentence(store: Store) -> None:
    with pytest.raises(DataError) as info:
        import_json(store, "[" * 5000 + "]" * 5000, "deep.json")
    _one_sentence(info.value, "deep.json")
