"""Ticket sources and their readings in the backup form (full backups only, never templates).

Why a module of its own: the readings are measurements of one team's tickets, not part of a
reusable map, and their links point at stages and pain points by database id.  In the form
those ids become positions (stage index in journey order, pain point index in the order the
form lists pain points), and are turned back into the new ids on restore, so a backup
restored into another file keeps every link and every figure, ``None`` included (the form
writes an unavailable metric as an omitted key and its reason under ``unavailable``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from models.db.bulk import insert_rows
from models.db.journey import Journey
from models.db.tables.tickets import Reading, TicketSource
from models.export.form import DataError, Node, build, fields_of, plain

SOURCE = Node(TicketSource, ("file_name", "product", "rows", "tickets", "periods", "notes",
                             "data_until", "data_from", "zone", "imported_at", "imported_by"), ())
# ``unavailable`` ({metric: reason}) and ``counts`` ({metric: n}) are JSON text in the table
# and tables in the form.
_TABLES = ("unavailable", "counts")
READING = Node(Reading, tuple(f for f in Reading.model_fields
                              if f not in ("id", "source_id", "workshop_id", *_TABLES)), ())
KEY = "ticket_sources"


def to_form(journey: Journey, pain_order: list[int]) -> list[dict[str, Any]]:
    """The workshop's sources, each with its column mapping, links and readings."""
    stage_pos = {s.id: i for i, s in enumerate(journey.stages)}
    pain_pos = {pid: i for i, pid in enumerate(pain_order)}
    out = []
    for src in journey.ticket_sources:
        item: dict[str, Any] = {k: plain(getattr(src, k)) for k in SOURCE.fields}
        item["columns"] = json.loads(src.columns or "{}")
        links: dict[str, dict[str, int]] = {}
        for category, link in json.loads(src.links or "{}").items():
            moved = {}
            if link.get("stage") in stage_pos:
                moved["stage"] = stage_pos[link["stage"]]
            if link.get("pain") in pain_pos:
                moved["pain"] = pain_pos[link["pain"]]
            links[category] = moved
        item["links"] = links
        item["readings"] = [
            {**{k: getattr(r, k) for k in READING.fields if getattr(r, k) is not None},
             **{k: json.loads(getattr(r, k, None) or "{}") for k in _TABLES}}
            for r in journey.readings if r.source_id == src.id]
        out.append(item)
    return out


# Checks a table's keys and values against a node, naming the key path (form_check's).
FieldCheck = Callable[..., dict[str, Any]]


def check(source: str, value: Any, fields: FieldCheck) -> list[dict[str, Any]]:
    """The sources as stored data, or a ``DataError`` naming the key path.

    ``fields`` checks a table's keys, types and values as for every other table of the
    form (``form_check``), so "rows": "many" is named like any other wrong number."""
    if not isinstance(value, list):
        raise DataError(source, KEY, "must be a list of tables")
    out = []
    for i, item in enumerate(value):
        path = f"{KEY}[{i}]"
        if not isinstance(item, dict):
            raise DataError(source, path, "must be a table of keys")
        # backups write an unknown date (data_until) as null: the key is left out
        given = {k: v for k, v in item.items() if v is not None}
        checked = fields(given, SOURCE, path, ("columns", "links", "readings"))
        for key in ("columns", "links"):
            if not isinstance(item.get(key, {}), dict):
                raise DataError(source, f"{path}.{key}", "must be a table")
        for category, link in item.get("links", {}).items():
            where = f"{path}.links.{category}"
            if not isinstance(link, dict):
                raise DataError(source, where, "must be a table")
            for end in ("stage", "pain"):
                if end in link and (not isinstance(link[end], int)
                                    or isinstance(link[end], bool)):
                    raise DataError(source, f"{where}.{end}", "must be a whole number")
        readings = item.get("readings", [])
        if not isinstance(readings, list):
            raise DataError(source, f"{path}.readings", "must be a list of tables")
        checked_readings = []
        for j, reading in enumerate(readings):
            where = f"{path}.readings[{j}]"
            if not isinstance(reading, dict):
                raise DataError(source, where, "must be a table of keys")
            for key in reading:
                if key not in (*READING.fields, *_TABLES):
                    raise DataError(source, f"{where}.{key}", "unknown key")
                if key in _TABLES and not isinstance(reading[key], dict):
                    raise DataError(source, f"{where}.{key}", "must be a table")
            values = fields(reading, READING, where, _TABLES)
            checked_readings.append({**values, **{k: reading[k] for k in _TABLES
                                                  if k in reading}})
        out.append({**checked, **{k: item[k] for k in ("columns", "links") if k in item},
                    "readings": checked_readings})
    return out


def store(s: Any, sources: list[dict[str, Any]], workshop_id: int, stage_ids: list[int],
          pain_ids: list[int]) -> None:
    """Insert the checked sources and readings, turning positions back into ids."""
    for item in sources:
        links = {}
        for category, link in item.get("links", {}).items():
            moved = {}
            if isinstance(link.get("stage"), int) and 0 <= link["stage"] < len(stage_ids):
                moved["stage"] = stage_ids[link["stage"]]
            if isinstance(link.get("pain"), int) and 0 <= link["pain"] < len(pain_ids):
                moved["pain"] = pain_ids[link["pain"]]
            links[category] = moved
        fields = {k: v for k, v in item.items() if k in SOURCE.fields}
        src = build(TicketSource, fields, workshop_id=workshop_id,
                    columns=json.dumps(item.get("columns", {}), ensure_ascii=False),
                    links=json.dumps(links, ensure_ascii=False))
        s.add(src)
        s.flush()
        insert_rows(s, Reading, [
            fields_of(Reading, {k: v for k, v in reading.items() if k not in _TABLES},
                      source_id=src.id, workshop_id=workshop_id,
                      **{k: json.dumps(reading.get(k, {}), ensure_ascii=False, sort_keys=True)
                         for k in _TABLES})
            for reading in item.get("readings", [])])
