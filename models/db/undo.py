"""Undo my last edit: which logged field edit of a seat comes back, and when it may not.

Why from the change log: every field edit is already stored there with the value it
replaced, so undo needs no history of its own.  An undo is itself an ordinary logged
edit whose summary names the change it undid (``UNDID``); the next undo skips both
that change and the undo, so pressing again walks back through the seat's own edits.
It is refused when anyone else changed the field since: undo never overwrites
another person's later edit.
"""

from __future__ import annotations

from sqlmodel import Session, SQLModel, col, select

from models.db.fields import label
from models.db.schema import StoreError
from models.db.tables.every import ALL_TABLES
from models.db.tables.history import ChangeLog

UNDID = "undid change "
# Logged "update"s that are not a column's old value: a place among siblings (1-based)
# and a touchpoint's stage by name.
_NOT_VALUES = frozenset({"position", "stage"})
_MODELS: dict[str, type[SQLModel]] = {
    str(getattr(t, "__tablename__", "")): t for t in ALL_TABLES}


class NothingToUndo(StoreError):
    """This seat has no field edit left to undo in the workshop."""


class UndoRefused(StoreError):
    """Someone else changed the field since: their edit stands."""


def model_of(entry: ChangeLog) -> type[SQLModel] | None:
    """The table a logged field edit changed, when its old value can be put back."""
    model = _MODELS.get(entry.entity)
    if model is None or entry.field in _NOT_VALUES or entry.field not in model.model_fields:
        return None
    return model


def last_edit(s: Session, workshop_id: int, account: str, seat: str | None) -> ChangeLog:
    """The seat's most recent field edit not undone yet (``seat`` None: any name of
    ``account``, as for a command line).  Raises ``NothingToUndo``."""
    query = (select(ChangeLog)
             .where(ChangeLog.workshop_id == workshop_id, ChangeLog.account == account,
                    ChangeLog.action == "update", col(ChangeLog.imported).is_(False),
                    ChangeLog.old != ChangeLog.new)  # None -> "" reads the same: nothing back
             .order_by(col(ChangeLog.id).desc()))
    if seat is not None:
        query = query.where(ChangeLog.who == seat)
    undone: set[int] = set()
    for entry in s.exec(query):
        if entry.summary.startswith(UNDID):
            undone.add(int(entry.summary.removeprefix(UNDID)))
        elif entry.id not in undone and model_of(entry) is not None:
            return entry
    raise NothingToUndo("You have no edit of your own left to undo in this workshop.")


def check_still_yours(s: Session, entry: ChangeLog, current: str, seat: str | None) -> None:
    """Refuse (one sentence) when anyone else changed the field after ``entry``: another
    account, or (``seat`` given) another name of the same account."""
    someone_else = ChangeLog.account != entry.account
    if seat is not None:
        someone_else = someone_else | (ChangeLog.who != seat)
    later = s.exec(select(ChangeLog).where(
        ChangeLog.entity == entry.entity, ChangeLog.entity_id == entry.entity_id,
        ChangeLog.field == entry.field, col(ChangeLog.id) > int(entry.id or 0), someone_else)
        .order_by(col(ChangeLog.id).desc())).first()
    what = label(entry.field)
    if later is not None:
        raise UndoRefused(f"{later.who or later.account} changed {what} since your edit; "
                          "their edit stands, so nothing was undone.")
    if current != entry.new:
        raise UndoRefused(f"{what} was changed since your edit; nothing was undone.")
