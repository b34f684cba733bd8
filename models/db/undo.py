"""Undo my last change: which logged change of a seat comes back, and when it may not.

Why from the change log: every change is already stored there, a field edit with the
value it replaced, a delete with a snapshot of everything it took (``models.db.snapshot``),
an add and a move with the row and the place, so undo needs no history of its own.  An
undo is itself an ordinary logged change whose summary names the change it undid
(``UNDID``); the next undo skips both that change and the undo, so pressing again walks
back through the seat's own changes.  It is refused when anyone else changed the same
thing since: undo never overwrites another person's later edit.
"""

from __future__ import annotations

from sqlmodel import Session, SQLModel, and_, col, or_, select

from models.db.fields import label
from models.db.schema import StoreError
from models.db.snapshot import MODELS, Snapshot
from models.db.tables.history import ChangeLog
from models.vocab import row_kind

UNDID = "undid change "
# A touchpoint's stage move names the place it left in its summary, last, after the
# touchpoint's name: "touchpoint Opens chat moved from place 2" (the log keeps stage
# names in old/new, so undo puts it back where it was; older lines say nothing).
MOVED_FROM = " moved from place "
# Logged "update"s that are not a column's old value: a place among siblings (1-based)
# and a touchpoint's stage by name.
MOVES = frozenset({"position", "stage"})
# The rows of the map a person adds and deletes one at a time (``Store.add`` /
# ``Store.delete``): the workshop itself, imports and seats have commands of their own.
ROWS = frozenset({"stage", "touchpoint", "handoff", "painpoint", "hypothesiscard",
                  "plantask", "channelcost", "escalationlevel"})


class NothingToUndo(StoreError):
    """This seat has no change left to undo in the workshop."""


class UndoRefused(StoreError):
    """Someone else changed the same thing since: their change stands."""


def undone_id(entry: ChangeLog) -> int | None:
    """The id of the change ``entry`` undid, or None when ``entry`` is no undo."""
    said = entry.summary.removeprefix(UNDID)
    return int(said) if said != entry.summary and said.isdecimal() else None


def moved_from(subject: str, place: int) -> str:
    """The summary of a stage move that left ``place`` (1-based) in its old stage."""
    return f"{subject}{MOVED_FROM}{place}"


def old_place(entry: ChangeLog) -> int | None:
    """The place a stage move left (``moved_from``); None for a line logged without it."""
    _subject, said, place = entry.summary.rpartition(MOVED_FROM)
    return int(place) if said and place.isdigit() else None


def undone_changes(s: Session, changes: list[ChangeLog]) -> dict[int, ChangeLog]:
    """The changes the undos among ``changes`` took back, by id (one query): a log shown
    from a date, or only its newest lines, names them too."""
    ids = {i for i in map(undone_id, changes) if i is not None}
    if not ids:
        return {}
    return {int(c.id or 0): c for c in s.exec(select(ChangeLog).where(col(ChangeLog.id).in_(ids)))}


def model_of(entry: ChangeLog) -> type[SQLModel] | None:
    """The table a logged field edit changed, when its old value can be put back."""
    model = MODELS.get(entry.entity)
    if model is None or entry.field in MOVES or entry.field not in model.model_fields:
        return None
    return model


def undoable(entry: ChangeLog) -> bool:
    """Whether undo knows how to take ``entry`` back."""
    if entry.action == "update":
        return model_of(entry) is not None or (
            entry.field in MOVES and entry.entity in ROWS)
    if entry.entity not in ROWS or entry.entity_id is None:
        return False
    return entry.action == "create" or (
        entry.action == "delete" and Snapshot.from_text(entry.old) is not None)


def last_edit(s: Session, workshop_id: int, account: str, seat: str | None) -> ChangeLog:
    """The seat's most recent change not undone yet (``seat`` None: any name of
    ``account``, as for a command line).  Raises ``NothingToUndo``."""
    query = (select(ChangeLog)
             .where(ChangeLog.workshop_id == workshop_id, ChangeLog.account == account,
                    col(ChangeLog.imported).is_(False),
                    or_(col(ChangeLog.action).in_(("create", "delete")),
                        # None -> "" reads the same: nothing to put back
                        and_(ChangeLog.action == "update", ChangeLog.old != ChangeLog.new)))
             .order_by(col(ChangeLog.id).desc()))
    if seat is not None:
        query = query.where(ChangeLog.who == seat)
    undone: set[int] = set()
    for entry in s.exec(query):
        taken_back = undone_id(entry)
        if taken_back is not None:
            undone.add(taken_back)
        elif entry.id not in undone and undoable(entry):
            return entry
    raise NothingToUndo("You have no change of your own left to undo in this workshop.")


def later_by_someone_else(s: Session, entry: ChangeLog, seat: str | None, *,
                          field: str | None = None) -> ChangeLog | None:
    """The newest change to the same row (``field``: to that field) after ``entry`` by
    another account, or (``seat`` given) by another name of the same account."""
    someone_else = ChangeLog.account != entry.account
    if seat is not None:
        someone_else = someone_else | (ChangeLog.who != seat)
    query = select(ChangeLog).where(
        ChangeLog.entity == entry.entity, ChangeLog.entity_id == entry.entity_id,
        col(ChangeLog.id) > int(entry.id or 0), someone_else)
    if field is not None:
        query = query.where(ChangeLog.field == field)
    return s.exec(query.order_by(col(ChangeLog.id).desc())).first()


def check_still_yours(s: Session, entry: ChangeLog, current: str, seat: str | None) -> None:
    """Refuse (one sentence) when anyone else changed the field after ``entry`` or it no
    longer holds what the edit wrote."""
    later = later_by_someone_else(s, entry, seat, field=entry.field)
    what = label(entry.field)
    if later is not None:
        raise UndoRefused(f"{later.who or later.account} changed {what} since your edit; "
                          "their edit stands, so nothing was undone.")
    if current != entry.new:
        raise UndoRefused(f"{what} was changed since your edit; nothing was undone.")


def check_add_untouched(s: Session, entry: ChangeLog, seat: str | None,
                        snap: Snapshot) -> None:
    """Refuse to remove an added row once someone else changed it or anything hangs on
    it now (a card, a handoff, a dot, a linked pain point): removing it would take
    their work too."""
    later = later_by_someone_else(s, entry, seat)
    what = row_kind(entry.entity)
    if later is not None:
        raise UndoRefused(f"{later.who or later.account} changed the {what} you added "
                          "since; their edit stands, so nothing was undone.")
    hanging = [row_kind(table) for table, _data in snap.rows[1:]] + [
        row_kind(table) for table, *_rest in snap.links]
    if hanging:
        raise UndoRefused(f"The {what} you added has a {hanging[0]} on it now; "
                          "nothing was undone.")
