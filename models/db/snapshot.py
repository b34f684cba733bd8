"""What a delete takes with it, written down so that undo can put all of it back.

Why from the schema's own foreign keys: the database cascades a delete (a stage's
touchpoints, their handoffs, a pain point's card and dots) and nulls the links that
pointed at it (a pain point's touchpoint), so the same foreign keys say exactly what
to record; a table added later is covered without a list to keep in step.

The snapshot is JSON in the delete's own log line (``ChangeLog.old``, never shown for
a delete), rows with their ids: ids are never handed out twice (``no_id_reuse``), so
the same id is still free and forms or confirmations holding it name the same row
again.  Restoring checks everything first and refuses in one sentence when another
seat's change since would clash; the caller's transaction then writes all or nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, select

from models.db.schema import StoreError
from models.db.tables.every import ALL_TABLES
from models.vocab import row_kind

MODELS: dict[str, type[SQLModel]] = {
    str(getattr(t, "__tablename__", "")): t for t in ALL_TABLES}
# Creation order: a parent's table comes before its children's, as inserts need.
_ORDER = {name: i for i, name in enumerate(MODELS)}


class Clash(StoreError):
    """Another seat changed something since that the restore would overwrite or need."""


@dataclass
class Snapshot:
    """The deleted row first, then everything its delete cascaded to, and the links
    (table, row id, column, value) the delete set to NULL in rows it left standing."""

    rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    links: list[tuple[str, int, str, int]] = field(default_factory=list)

    def to_text(self) -> str:
        return json.dumps({"rows": self.rows, "links": self.links}, ensure_ascii=False,
                          separators=(",", ":"))

    @classmethod
    def from_text(cls, text: str) -> Snapshot | None:
        """The snapshot in a delete's log line, or None (a line written before undo
        could bring deletes back, or not a snapshot at all)."""
        try:
            data = json.loads(text)
            rows = [(str(t), dict(r)) for t, r in data["rows"]]
            links = [(str(t), int(i), str(c), int(v)) for t, i, c, v in data["links"]]
        except (ValueError, TypeError, KeyError):
            return None
        return cls(rows, links) if rows else None

    def taken_along(self) -> dict[str, int]:
        """How many rows of each kind went with the deleted one: {"vote": 2}."""
        counts: dict[str, int] = {}
        for table, _data in self.rows[1:]:
            counts[row_kind(table)] = counts.get(row_kind(table), 0) + 1
        return counts


def take(s: Session, row: SQLModel) -> Snapshot:
    """Everything deleting ``row`` would remove or unlink, read inside ``s``.

    Level by level (the row, its children, theirs): one query per foreign key and level,
    not per row, so a stage with many touchpoints costs what a stage with one does."""
    snap = Snapshot()
    seen: set[tuple[str, int]] = set()
    level: dict[str, list[SQLModel]] = {str(getattr(row, "__tablename__", "")): [row]}
    while level:
        below: dict[str, list[SQLModel]] = {}
        for table, rows in level.items():
            ids = []
            for one in rows:
                key = (table, int(getattr(one, "id", 0) or 0))
                if key not in seen:
                    seen.add(key)
                    ids.append(key[1])
                    snap.rows.append((table, one.model_dump(mode="json")))
            if ids:
                _children(s, table, ids, below, snap)
        level = below
    snap.links = [link for link in snap.links if (link[0], link[1]) not in seen]
    return snap


def _children(s: Session, table: str, ids: list[int], below: dict[str, list[SQLModel]],
              snap: Snapshot) -> None:
    """The rows whose foreign key points at ``ids`` of ``table``: cascaded ones go to
    ``below``, nulled ones become links of ``snap``."""
    for child_table, child in MODELS.items():
        for fk in child.__table__.foreign_keys:  # type: ignore[attr-defined]
            if fk.column.table.name != table or fk.ondelete not in ("CASCADE", "SET NULL"):
                continue
            column = getattr(child, fk.parent.name)
            for other in s.exec(select(child).where(col(column).in_(ids))):
                if fk.ondelete == "CASCADE":
                    below.setdefault(child_table, []).append(other)
                else:
                    snap.links.append((child_table, int(getattr(other, "id", 0) or 0),
                                       fk.parent.name, int(getattr(other, fk.parent.name))))


def restore(s: Session, snap: Snapshot, parent: str | None) -> SQLModel:
    """Put every row and link of ``snap`` back inside ``s``; returns the deleted row.

    ``parent`` is the column that groups the row with its siblings when it has a place
    among them (a stage's workshop, a touchpoint's stage): rows added or moved since
    make room, so it comes back where it was.  Raises ``Clash`` before writing anything
    when a row it needs is gone, a link was made elsewhere, or a row took its place.
    """
    present = {(table, int(data["id"])) for table, data in snap.rows}
    for table, data in snap.rows:
        _check_row(s, table, data, present)
    standing = _standing_links(s, snap)
    top_table, top_data = snap.rows[0]
    if parent is not None:
        _make_room(s, MODELS[top_table], parent, top_data)
    restored: list[SQLModel] = []
    try:
        for table, data in sorted(snap.rows, key=lambda r: (_ORDER[r[0]], r[1]["id"])):
            row = MODELS[table].model_validate(data)
            s.add(row)
            s.flush()
            restored.append(row)
    except IntegrityError:
        raise Clash(f"Another {row_kind(top_table)} took its place since; "
                    "nothing was undone.") from None
    for row, column, value in standing:
        setattr(row, column, value)
    return next(r for r in restored if getattr(r, "__tablename__", "") == top_table
                and r.id == top_data["id"])  # type: ignore[attr-defined]


def _check_row(s: Session, table: str, data: dict[str, Any],
               present: set[tuple[str, int]]) -> None:
    model = MODELS[table]
    if s.get(model, data["id"]) is not None:
        raise Clash(f"That {row_kind(table)} is already back; nothing was undone.")
    for fk in model.__table__.foreign_keys:  # type: ignore[attr-defined]
        target = data.get(fk.parent.name)
        target_table = fk.column.table.name
        if target is None or (target_table, int(target)) in present:
            continue
        if s.get(MODELS[target_table], target) is None:
            raise Clash(f"The {row_kind(target_table)} that {row_kind(table)} belonged to was "
                        "deleted since; nothing was undone.")


def _standing_links(s: Session, snap: Snapshot) -> list[tuple[SQLModel, str, int]]:
    """The rows whose link the delete cleared and that still stand unlinked."""
    standing = []
    for table, row_id, column, value in snap.links:
        row = s.get(MODELS[table], row_id)
        if row is None:
            continue  # deleted since: nothing left to link
        if getattr(row, column) is not None:
            raise Clash(f"The {row_kind(table)}{_name(row)} was linked elsewhere since; "
                        "nothing was undone.")
        standing.append((row, column, value))
    return standing


def _make_room(s: Session, model: type[SQLModel], parent: str, data: dict[str, Any]) -> None:
    """Shift the siblings from the row's old place on, if one of them now holds it."""
    position = int(data.get("position") or 0)
    siblings = list(s.exec(select(model).where(getattr(model, parent) == data[parent])))
    if any(getattr(sib, "position", None) == position for sib in siblings):
        for sib in siblings:
            if int(getattr(sib, "position", 0)) >= position:
                sib.position = int(getattr(sib, "position", 0)) + 1  # type: ignore[attr-defined]


def _name(row: SQLModel) -> str:
    text = str(getattr(row, "name", "") or getattr(row, "description", "") or "")
    return f" “{text[:40]}”" if text else ""
