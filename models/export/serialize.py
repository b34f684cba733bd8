"""One plain-dict form of a workshop, shared by TOML templates and the JSON backup.

Why one mechanism: a template is a backup without the people, the plan and
the log.  If the two had separate readers they would drift apart, and a map
saved as a template would stop loading as one.  Here ``journey_to_dict`` writes
the form, ``normalize`` checks every key and value of it *before* anything is
stored, and ``dict_to_store`` inserts it in one write transaction, so a bad file
can never leave half a workshop behind.

The form holds no database ids: stages, touchpoints and pain points are nested
in journey order, and a handoff names its touchpoints as ``[stage index,
touchpoint index]`` (0-based).  No value is ever ``None`` (TOML has no null): an
empty value is an omitted key.  Dates and times are ISO strings, times in UTC.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import SQLModel

from models.db.fields import FieldError, coerce, label
from models.db.journey import Journey
from models.db.tables import (
    ChangeLog,
    Handoff,
    HypothesisCard,
    PainPoint,
    Participant,
    PlanTask,
    Stage,
    Touchpoint,
    Vote,
    Workshop,
)

FORMAT = "journeymap"
VERSION = 1


class DataError(ValueError):
    """A template or backup that does not fit the form; says file, key path and problem."""

    def __init__(self, source: str, key_path: str, problem: str) -> None:
        self.source, self.key_path, self.problem = source, key_path, problem
        where = f"{source}: {key_path}" if key_path else source
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Node:
    """How one table appears in the form: its columns, and the ones a template keeps."""

    model: type[SQLModel]
    fields: tuple[str, ...]
    template_fields: tuple[str, ...]


_SCOPE = ("title", "persona", "scenario", "persona_goal", "business_goal",
          "evidence_ticket_volume", "evidence_resolution_time", "evidence_transfer_rate",
          "evidence_csat", "evidence_notes", "state", "max_handoffs")
_STAGE = ("name", "description", "kpi_name", "kpi_baseline", "kpi_target", "kpi_unit")
_TOUCH = ("name", "channel", "does", "thinks", "feels", "sentiment", "lane", "owner_team",
          "moment_of_truth")
_PAIN = ("description", "kind", "impact", "effort", "ticket_volume")
_DRAFT = ("experiment", "outcome", "signal")
_HANDOFF = ("from_team", "to_team", "what_is_transferred", "typical_delay", "customer_informed")

WORKSHOP = Node(Workshop, tuple(f for f in Workshop.model_fields
                               if f not in ("id", "lead_account")), _SCOPE)
STAGE = Node(Stage, _STAGE, _STAGE)
TOUCHPOINT = Node(Touchpoint, _TOUCH, _TOUCH)
PAIN = Node(PainPoint, (*_PAIN, "votes", "created_at"), _PAIN)
CARD = Node(HypothesisCard, (*_DRAFT, "owner", "deadline", "status", "result_notes",
                             "result_value", "created_at"), _DRAFT)
HANDOFF = Node(Handoff, _HANDOFF, _HANDOFF)
VOTE = Node(Vote, ("participant", "created_at"), ())
PLAN = Node(PlanTask, ("key", "phase", "title", "detail", "owner", "start", "deadline",
                       "status", "edited"), ())
PARTICIPANT = Node(Participant, ("name", "role", "last_seen", "current_step", "following",
                                 "done_step"), ())
LOG = Node(ChangeLog, ("at", "who", "account", "entity", "action", "field", "old", "new",
                       "summary"), ())

# Lists only a full backup carries, and the node of their items.
_FULL_LISTS: dict[str, Node] = {"plan_tasks": PLAN, "participants": PARTICIPANT,
                                "changelog": LOG}


# -- writing ------------------------------------------------------------------------------
def plain(value: Any) -> Any:
    """A value as JSON and TOML can hold it: dates as ISO text, times as aware UTC text."""
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _row(row: SQLModel, node: Node, full: bool) -> dict[str, Any]:
    """The node's columns of one row; ``None`` omitted, and in a template also empty text
    and ``False`` (every flag's default), so a template file holds only what was said."""
    out: dict[str, Any] = {}
    for name in node.fields if full else node.template_fields:
        value = getattr(row, name)
        if value is None or (not full and (value is False or value == "")):
            continue
        out[name] = plain(value)
    return out


def _pain(journey: Journey, pain: PainPoint, full: bool) -> dict[str, Any]:
    out = _row(pain, PAIN, full)
    card = journey.card_for(pain.id)
    if card is not None:
        out["card"] = _row(card, CARD, full)
    if full:
        dots = [v for v in getattr(journey, "dots", []) if v.pain_point_id == pain.id]
        if dots:
            # A secret ballot stays secret in a backup: before the reveal only the number
            # of dots goes out (empty entries), never who voted for what or when.
            revealed = journey.workshop.votes_revealed
            out["dot_votes"] = [_row(v, VOTE, True) if revealed else {} for v in dots]
    return out


def journey_to_dict(journey: Journey, *, full: bool = True,
                    changelog: list[ChangeLog] | None = None) -> dict[str, Any]:
    """The workshop as plain data; ``full=False`` is the template form (no people, log, plan).

    ``changelog`` is passed in because a ``Journey`` snapshot does not carry the log
    (screens never need it); ``export_json.export_workshop`` loads both.
    """
    places: dict[int, list[int]] = {}
    stages: list[dict[str, Any]] = []
    attached: set[int] = set()
    for si, stage in enumerate(journey.stages):
        item = _row(stage, STAGE, full)
        tps = []
        for ti, tp in enumerate(journey.touchpoints.get(stage.id or 0, [])):
            places[tp.id or 0] = [si, ti]
            tp_item = _row(tp, TOUCHPOINT, full)
            pains = [p for p in journey.pain_points if p.touchpoint_id == tp.id]
            attached.update(p.id or 0 for p in pains)
            if pains:
                tp_item["pain_points"] = [_pain(journey, p, full) for p in pains]
            tps.append(tp_item)
        if tps:
            item["touchpoints"] = tps
        stages.append(item)
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION,
                            "workshop": _row(journey.workshop, WORKSHOP, full),
                            "stages": stages}
    loose = [_pain(journey, p, full) for p in journey.pain_points if p.id not in attached]
    if loose:
        data["pain_points"] = loose
    handoffs = []
    for handoff in journey.handoffs:
        ends = places.get(handoff.from_touchpoint_id), places.get(handoff.to_touchpoint_id)
        if ends[0] is not None and ends[1] is not None:
            handoffs.append({"from": ends[0], "to": ends[1], **_row(handoff, HANDOFF, full)})
    if handoffs:
        data["handoffs"] = handoffs
    if full:
        data["plan_tasks"] = [_row(t, PLAN, True) for t in journey.plan_tasks]
        data["participants"] = [_row(p, PARTICIPANT, True) for p in journey.participants]
        data["changelog"] = [_row(c, LOG, True) for c in changelog or []]
    return data


# -- checking -----------------------------------------------------------------------------
class _Checker:
    """Walks a dict, checking keys, types and values; keeps the source for messages."""

    def __init__(self, source: str) -> None:
        self.source = source

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
        """Checked plain values of a table's columns; unknown keys are errors."""
        out: dict[str, Any] = {}
        for key, value in data.items():
            where = f"{path}.{key}" if path else key
            if key in extra:
                continue
            if key not in node.fields:
                known = ", ".join(node.fields + extra)
                raise self.fail(where, f"unknown key; the keys here are: {known}")
            out[key] = plain(self.value(node.model, key, value, where))
        return out

    def value(self, model: type[SQLModel], key: str, value: Any, where: str) -> Any:
        wanted = _type_problem(model, key, value)
        if wanted:
            raise self.fail(where, wanted)
        try:
            return coerce(model, key, value)
        except FieldError as exc:
            raise self.fail(where, _problem(key, str(exc))) from exc


def _kind(value: Any) -> str:
    names = {bool: "true/false", int: "a whole number", float: "a number", str: "text",
             list: "a list", dict: "a table", dt.date: "a date", dt.datetime: "a date and time"}
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
               "handoffs", *_FULL_LISTS)
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
    for key, node in _FULL_LISTS.items():
        if key in top:
            out[key] = [check.fields(item, node, f"{key}[{i}]")
                        for i, item in enumerate(check.items(top[key], key))]
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
    if "card" in data:
        out["card"] = check.fields(check.table(data["card"], f"{path}.card"), CARD,
                                   f"{path}.card")
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
    return out


# -- storing ------------------------------------------------------------------------------
def _build(model: type[SQLModel], values: dict[str, Any], **links: Any) -> Any:
    """A row from checked plain values (coerced again to their Python types)."""
    typed = {k: coerce(model, k, v) for k, v in values.items() if not isinstance(v, list | dict)}
    return model(**typed, **links)


def dict_to_store(store: Any, data: Any, *, source: str, summary: str | None = None) -> int:
    """Check everything, then insert the whole workshop in one transaction; its new id.

    A ``DataError`` is raised before the transaction starts, and any database error
    rolls the transaction back, so a failed import leaves the file as it was.
    """
    clean = normalize(data, source=source)
    scope = dict(clean["workshop"])
    # Roles never travel with a file: the importer is the lead of the copy, everyone
    # listed in it a participant, and its history is marked as imported.
    scope["lead"] = store.who
    scope["lead_account"] = getattr(store, "account", "")
    if "template" in clean and "template" not in scope:
        scope["template"] = clean["template"].get("name", "")
    with store.write() as s:
        workshop = _build(Workshop, scope)
        s.add(workshop)
        s.flush()
        wid = workshop.id
        tp_ids: dict[tuple[int, int], int] = {}
        pains: list[tuple[dict[str, Any], int | None]] = []
        for si, stage_data in enumerate(clean["stages"]):
            stage = _build(Stage, stage_data, workshop_id=wid, position=si)
            s.add(stage)
            s.flush()
            for ti, tp_data in enumerate(stage_data.get("touchpoints", [])):
                tp = _build(Touchpoint, tp_data, stage_id=stage.id, position=ti)
                s.add(tp)
                s.flush()
                tp_ids[si, ti] = tp.id
                pains.extend((p, tp.id) for p in tp_data.get("pain_points", []))
        pains.extend((p, None) for p in clean.get("pain_points", []))
        for pain_data, tp_id in pains:
            pain = _build(PainPoint, pain_data, workshop_id=wid, touchpoint_id=tp_id)
            s.add(pain)
            s.flush()
            if "card" in pain_data:
                s.add(_build(HypothesisCard, pain_data["card"], pain_point_id=pain.id))
            for vote in pain_data.get("dot_votes", []):
                s.add(_build(Vote, vote, pain_point_id=pain.id))
        for h in clean.get("handoffs", []):
            s.add(_build(Handoff, h, workshop_id=wid, from_touchpoint_id=tp_ids[tuple(h["from"])],
                         to_touchpoint_id=tp_ids[tuple(h["to"])]))
        for pos, task in enumerate(clean.get("plan_tasks", [])):
            s.add(_build(PlanTask, task, workshop_id=wid, position=pos))
        for person in clean.get("participants", []):
            mine = person.get("name") == store.who
            s.add(_build(Participant, {**person, "role": "lead" if mine else "participant"},
                         workshop_id=wid, account=getattr(store, "account", "") if mine else ""))
        for entry in clean.get("changelog", []):
            s.add(_build(ChangeLog, entry, workshop_id=wid, imported=True))
        s.add(ChangeLog(workshop_id=wid, who=store.who, account=getattr(store, "attribution", ""),
                        entity="workshop", entity_id=wid,
                        action="create", summary=summary or f"imported from {source}"))
        return int(wid or 0)
