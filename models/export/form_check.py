"""Checking a workshop in plain-dict form before anything of it is stored.

Every key, type and value is checked and the canonical plain form returned, or a
``DataError`` names the file, the key path and the problem: a bad template or
backup is refused whole, never half-loaded.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import SQLModel

from models.db.fields import FieldError, check_row, coerce, label, whys
from models.db.tables.cards import HypothesisCard
from models.export import ticket_form
from models.export.form import (
    CARD,
    FORMAT,
    FULL_LISTS,
    HANDOFF,
    LIST_FIELDS,
    LISTS,
    PAIN,
    STAGE,
    TOUCHPOINT,
    UNKNOWN_VOLUME,
    VERSION,
    VOTE,
    WORKSHOP,
    DataError,
    Node,
    build,
    plain,
)


class _Checker:
    """Walks a dict, checking keys, types and values; keeps the source for messages."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.zero_volume_unknown = False  # set for a form older than ``UNKNOWN_VOLUME``

    def fail(self, path: str, problem: str) -> DataError:
        return DataError(self.source, path, problem)

    def table(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, f"must be a table of keys, not {_kind(value)}")
        return value

    def items(self, value: Any, path: str) -> list[dict[str, Any]]:
        if not isinstance(value, list):
            raise self.fail(path, f"must be a list of tables, not {_kind(value)}")
        return [self.table(item, f"{path}[{i}]") for i, item in enumerate(value)]

    def fields(self, data: dict[str, Any], node: Node, path: str,
               extra: tuple[str, ...] = ()) -> dict[str, Any]:
        """Checked plain values of a table's columns; unknown keys are errors. A JSON
        ``null`` says "not given" (``"deadline": null``: no deadline): the column is left
        out as if the key were, or refused when the column cannot be empty."""
        out: dict[str, Any] = {}
        for key, value in data.items():
            where = f"{path}.{key}" if path else key
            if key in extra:
                continue
            if key not in node.fields:
                known = ", ".join(node.fields + extra)
                raise self.fail(where, f"unknown key; the keys here are: {known}")
            checked = self.value(node.model, key, value, where)
            if value is not None:
                out[key] = plain(checked)
        return out

    def value(self, model: type[SQLModel], key: str, value: Any, where: str) -> Any:
        if key in LIST_FIELDS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise self.fail(where, f"must be a list of text (in quotes), not {_kind(value)}")
            try:
                return whys(coerce(model, key, value))
            except FieldError as exc:
                raise self.fail(where, _problem(key, str(exc))) from exc
        wanted = "" if value is None else _type_problem(model, key, value)
        if wanted:
            raise self.fail(where, wanted)
        try:
            return coerce(model, key, value)
        except FieldError as exc:
            raise self.fail(where, _problem(key, str(exc))) from exc


def _kind(value: Any) -> str:
    names = {type(None): "null", bool: "true/false", int: "a whole number", float: "a number",
             str: "text", list: "a list", dict: "a table", dt.date: "a date",
             dt.datetime: "a date and time"}
    return names.get(type(value), type(value).__name__)


def _type_problem(model: type[SQLModel], key: str, value: Any) -> str:
    """Files must say what they mean: ``"3"`` is not a sentiment, ``1`` is not yes."""
    text = str(model.model_fields[key].annotation)
    if "bool" in text:
        ok, want = isinstance(value, bool), "true or false"
    elif "datetime.datetime" in text:
        ok, want = isinstance(value, str | dt.datetime), "a date and time like 2026-03-02T14:00"
    elif "datetime.date" in text:
        ok, want = isinstance(value, str | dt.date), "a date like 2026-03-02"
    elif "int" in text:
        ok, want = isinstance(value, int) and not isinstance(value, bool), "a whole number"
    elif "float" in text:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        want = "a number"
    else:
        ok, want = isinstance(value, str), "text (in quotes)"
    return "" if ok else f"must be {want}, not {_kind(value)}"


def _problem(key: str, message: str) -> str:
    """``sentiment must be between -2 and 2.`` -> ``must be between -2 and 2``."""
    message = message.rstrip(".")
    prefix = label(key) + " "
    return message[len(prefix):] if message.startswith(prefix) else message


def normalize(data: Any, *, source: str) -> dict[str, Any]:
    """Check every key, type and value; return the canonical plain form or raise DataError."""
    check = _Checker(source)
    top = check.table(data, "")
    allowed = ("format", "version", "template", "workshop", "stages", "pain_points",
               "handoffs", *LISTS, *FULL_LISTS, ticket_form.KEY)
    for key in top:
        if key not in allowed:
            raise check.fail(key, "unknown key; the keys here are: " + ", ".join(allowed))
    if top.get("format") != FORMAT:
        raise check.fail("format", f'must be "{FORMAT}" (is this a journeymap file?)')
    version = top.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise check.fail("version", "must be a whole number such as 1")
    if version > VERSION:
        raise check.fail("version", f"is {version}, written by a newer journeymap; this one "
                         f"reads up to {VERSION}. Upgrade journeymap to load it")
    out: dict[str, Any] = {"format": FORMAT, "version": version}
    check.zero_volume_unknown = version < UNKNOWN_VOLUME
    if "template" in top:
        meta = check.table(top["template"], "template")
        for key, value in meta.items():
            if key not in ("name", "title", "description", "category"):
                raise check.fail(f"template.{key}",
                                 "unknown key; the keys here are: name, title, description, "
                                 "category")
            if not isinstance(value, str):
                raise check.fail(f"template.{key}", f"must be text (in quotes), not {_kind(value)}")
        out["template"] = dict(meta)
    out["workshop"] = check.fields(check.table(top.get("workshop", {}), "workshop"),
                                   WORKSHOP, "workshop")
    out["stages"] = [_stage(check, item, f"stages[{i}]")
                     for i, item in enumerate(check.items(top.get("stages", []), "stages"))]
    if "pain_points" in top:
        out["pain_points"] = [_pain_in(check, p, f"pain_points[{i}]") for i, p in
                              enumerate(check.items(top["pain_points"], "pain_points"))]
    if "handoffs" in top:
        out["handoffs"] = [_handoff(check, h, f"handoffs[{i}]", out["stages"])
                           for i, h in enumerate(check.items(top["handoffs"], "handoffs"))]
    lists = {**{k: n for k, (n, _) in LISTS.items()}, **FULL_LISTS}
    for key, node in lists.items():
        if key in top:
            out[key] = [check.fields(item, node, f"{key}[{i}]")
                        for i, item in enumerate(check.items(top[key], key))]
    channels = [c.get("channel", "").strip().casefold() for c in out.get("channel_costs", [])]
    for i, channel in enumerate(channels):
        if channel in channels[:i]:
            raise check.fail(f"channel_costs[{i}].channel", f"{channel!r} is listed twice")
    if ticket_form.KEY in top:
        out[ticket_form.KEY] = ticket_form.check(source, top[ticket_form.KEY], check.fields)
    names = [p.get("name", "") for p in out.get("participants", [])]
    for i, name in enumerate(names):
        if name in names[:i]:
            raise check.fail(f"participants[{i}].name", f"{name!r} is listed twice")
    return out


def _stage(check: _Checker, data: dict[str, Any], path: str) -> dict[str, Any]:
    out = check.fields(data, STAGE, path, extra=("touchpoints",))
    if "touchpoints" in data:
        tps = check.items(data["touchpoints"], f"{path}.touchpoints")
        out["touchpoints"] = []
        for i, tp in enumerate(tps):
            where = f"{path}.touchpoints[{i}]"
            item = check.fields(tp, TOUCHPOINT, where, extra=("pain_points",))
            if "pain_points" in tp:
                item["pain_points"] = [
                    _pain_in(check, p, f"{where}.pain_points[{j}]")
                    for j, p in enumerate(check.items(tp["pain_points"], f"{where}.pain_points"))]
            out["touchpoints"].append(item)
    return out


def _pain_in(check: _Checker, data: dict[str, Any], path: str) -> dict[str, Any]:
    out = check.fields(data, PAIN, path, extra=("card", "dot_votes"))
    if check.zero_volume_unknown and out.get("ticket_volume") == 0:
        del out["ticket_volume"]  # an older form's 0 meant "not recorded", as schema 13 reads it
    if "card" in data:
        out["card"] = check.fields(check.table(data["card"], f"{path}.card"), CARD,
                                   f"{path}.card")
        try:
            check_row(build(HypothesisCard, out["card"]))
        except FieldError as exc:
            raise check.fail(f"{path}.card.effect_value",
                             _problem("effect_value", str(exc))) from exc
    if "dot_votes" in data:
        out["dot_votes"] = [check.fields(v, VOTE, f"{path}.dot_votes[{i}]") for i, v in
                            enumerate(check.items(data["dot_votes"], f"{path}.dot_votes"))]
    return out


def _handoff(check: _Checker, data: dict[str, Any], path: str,
             stages: list[dict[str, Any]]) -> dict[str, Any]:
    out = check.fields(data, HANDOFF, path, extra=("from", "to"))
    for end in ("from", "to"):
        where = f"{path}.{end}"
        if end not in data:
            raise check.fail(where, "is missing; give [stage index, touchpoint index], from 0")
        ref = data[end]
        if (not isinstance(ref, list) or len(ref) != 2
                or not all(isinstance(n, int) and not isinstance(n, bool) for n in ref)):
            raise check.fail(where, "must be [stage index, touchpoint index], e.g. [0, 1]")
        si, ti = ref
        if not 0 <= si < len(stages):
            raise check.fail(where, f"stage index {si} does not exist "
                             f"(there are {len(stages)} stages, counted from 0)")
        count = len(stages[si].get("touchpoints", []))
        if not 0 <= ti < count:
            raise check.fail(where, f"touchpoint index {ti} does not exist in stage {si} "
                             f"(it has {count}, counted from 0)")
        out[end] = [si, ti]
        if end == "to" and out["to"] == out["from"]:
            raise check.fail(where, "is the touchpoint the handoff comes from; a handoff goes "
                             "from one touchpoint to another")
    return out
