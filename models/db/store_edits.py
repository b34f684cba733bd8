"""Every change to a workshop: create and delete workshops, add, update, delete and move
rows, each logged with who did it.

Why a module of its own: every edit goes through ``add`` / ``update`` / ``delete`` /
``move`` so that validation (``models.db.fields``) and attribution (``ChangeLog``) happen
in one place for the TUI, the CLI and imports alike; the engine and the write transaction
itself stay in ``models.db.store``.  ``Edits`` is mixed into ``Store``, which provides
``write`` and the identity of the person (``who``, ``account``, ``key``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import bindparam, delete, func, update
from sqlmodel import Session, SQLModel, select

from models.db import server, snapshot
from models.db.bad_cells import named, runner
from models.db.fields import FieldError, check_row, coerce
from models.db.schema import StoreError
from models.db.store_reads import NotFound
from models.db.tables.base import utcnow
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask, Vote
from models.db.tables.history import AuditEntry, ChangeLog
from models.db.tables.method import EscalationLevel
from models.db.tables.seats import Participant
from models.db.tables.workshop import DEFAULT_STAGES, Stage, Touchpoint, Workshop
from models.db.undo import moved_from
from models.vocab import STEPS

T = TypeVar("T", bound=SQLModel)

# Where each kind of row hangs, for ordering siblings and finding its workshop.
PARENT: dict[type[SQLModel], str] = {Stage: "workshop_id", Touchpoint: "stage_id",
                                      PlanTask: "workshop_id", EscalationLevel: "workshop_id"}
# Built once: a switch's write is then one cached statement on the write connection.
_REMEMBER_STEP = (update(Workshop).where(Workshop.id == bindparam("wid"))
                  .values(current_step=bindparam("step"), updated_at=bindparam("at")))


class ChangedMeanwhile(StoreError):
    """A field someone else changed after this seat's edit of it began (``update``'s
    ``expect``): the value there now and who wrote it, for the seat to ask about."""

    def __init__(self, field: str, theirs: Any, who: str) -> None:
        super().__init__(f"Not saved: {who or 'someone else'} changed "
                         f"{field.replace('_', ' ')} meanwhile.")
        self.field, self.theirs, self.who = field, theirs, who


class Edits:
    """The store's edits (mixed into ``models.db.store.Store``)."""

    who: str
    account: str
    uid: int | None
    key: str
    on_server: bool

    if TYPE_CHECKING:
        def write(self) -> AbstractContextManager[Session]: ...

        @property
        def where(self) -> str: ...

    def create_workshop(self, *, default_stages: bool = True, **fields: Any) -> Workshop:
        """A new workshop; its creator is its lead.  Default stages unless told otherwise."""
        values = {k: coerce(Workshop, k, v) for k, v in fields.items()}
        values.setdefault("lead", self.who)
        values.setdefault("lead_account", self.account)
        values.setdefault("lead_uid", self.uid)
        with self.write() as s:
            workshop = Workshop(**values)
            s.add(workshop)
            s.flush()
            if default_stages:
                for pos, (name, kpi) in enumerate(DEFAULT_STAGES):
                    s.add(Stage(workshop_id=workshop.id, position=pos, name=name, kpi_name=kpi))
            self._log(s, workshop.id, "workshop", workshop.id, "create",
                      summary=f"created workshop {workshop.title or workshop.scenario}")
            return workshop

    def delete_workshop(self, workshop_id: int) -> None:
        """Delete a workshop and, through the database's cascades, everything in it.

        Read and deleted in SQL, not through the ORM: a map damaged by hand (a date
        that does not parse in its own row or any other) is still the lead's to
        delete, and its converters would refuse it first."""
        sqlite, mark = not self.on_server, "%s" if self.on_server else "?"
        with self.write() as s:
            run = runner(s)
            if run(f"SELECT 1 FROM workshop WHERE id = {mark}", (workshop_id,)).fetchone() \
                    is None:
                raise NotFound(f"There is no workshop {workshop_id} in {self.where}.")
            s.add(AuditEntry(action="delete", workshop_id=workshop_id,
                             title=named(run, workshop_id, sqlite=sqlite, mark=mark),
                             who=self.who, account=self.attribution))
            self.changed(s, workshop_id, "workshop:delete")
            s.flush()
            s.execute(delete(Workshop).where(Workshop.id == workshop_id))  # type: ignore[arg-type]


    @property
    def attribution(self) -> str:
        """The account as written in the logs: the OS login, and the key through ``seat``."""
        return f"{self.account} key {self.key}" if self.key else self.account


    # -- generic edits ----------------------------------------------------------
    def add(self, row: T) -> T:
        """Insert a validated row at the end of its siblings; logged as a create."""
        for name in type(row).model_fields:
            if name != "id" and getattr(row, name) is not None:
                setattr(row, name, coerce(type(row), name, getattr(row, name)))
        check_row(row)
        with self.write() as s:
            parent = PARENT.get(type(row))
            if parent is not None and not row.position:  # type: ignore[attr-defined]
                row.position = self._next_position(s, type(row), parent,  # type: ignore[attr-defined]
                                                   getattr(row, parent))
            s.add(row)
            s.flush()
            wid = self._workshop_id(s, row)
            self._touch(s, wid)
            self._log(s, wid, row.__tablename__, row.id, "create",  # type: ignore[attr-defined]
                      summary=f"added {_describe(row)}")
            return row

    def add_all(self, rows: list[T]) -> list[T]:
        """Insert validated rows that carry their position, in one flush; each is logged
        as a create, as ``add`` logs it.

        Why: a generated plan is one row per card, and ``add`` flushes and touches the
        workshop per row: the Plan's first visit on a map of 2,500 cards spent two
        seconds of the screen's thread in 2,506 flushes."""
        for row in rows:
            for name in type(row).model_fields:
                if name != "id" and getattr(row, name) is not None:
                    setattr(row, name, coerce(type(row), name, getattr(row, name)))
            check_row(row)
        with self.write() as s:
            s.add_all(rows)
            s.flush()
            touched: set[int] = set()
            for row in rows:
                wid = self._workshop_id(s, row)
                if wid not in touched:
                    self._touch(s, wid)
                    touched.add(wid)
                self._log(s, wid, row.__tablename__, row.id, "create",  # type: ignore[attr-defined]
                          summary=f"added {_describe(row)}")
            return rows

    def update(self, model: type[T], row_id: int, *, log: bool = True,
               announce: bool = True, expect: dict[str, Any] | None = None,
               **changes: Any) -> T:
        """Change fields of one row; each changed field is logged with old -> new.

        ``log=False`` is for presence (heartbeats, current step, follow, done):
        those change every few seconds per seat and would drown the attribution
        log, and an observer's presence connection may write only the
        participant table (see ``models.live.presence``).  ``announce=False``
        keeps a seat's bare "still here" off a server's notification channel when
        nothing but ``last_seen`` moved: six seats beating every 3 s would
        otherwise wake every other seat twice a second for nothing to show.
        ``expect`` (field -> the value an edit began from) writes only over that
        value, checked in the same transaction: a seat saving what was typed while
        the server was away must not overwrite another seat's newer value unasked.
        """
        values = {k: coerce(model, k, v) for k, v in changes.items()}
        with self.write() as s:
            found = _unless_changed(s, model, row_id, expect, values) if expect else None
            return self._set(s, model, row_id, values, log=log, announce=announce,
                             found=found)

    def _set(self, s: Session, model: type[T], row_id: int, values: dict[str, Any], *,
             log: bool = True, announce: bool = True, summary: str = "",
             found: T | None = None) -> T:
        """Set validated ``values`` on one row inside ``s``, logging each field that moved
        (``found``: the row, already read in this transaction; not read again)."""
        row = found if found is not None else s.get(model, row_id)
        if row is None:
            raise gone(model)
        wid = self._workshop_id(s, row)
        moved: set[str] = set()
        for key, new in values.items():
            old = getattr(row, key)
            if old == new:
                continue
            moved.add(key)
            setattr(row, key, new)
            if log:
                self._log(s, wid, row.__tablename__, row_id, "update",  # type: ignore[attr-defined]
                          field=key, old=_text(old), new=_text(new), summary=summary)
        check_row(row)
        if model is not Participant:
            self._touch(s, wid)
        elif announce or moved - {"last_seen"}:
            self.changed(s, wid, "presence", presence=True)
        return row

    def remember_step(self, workshop_id: int, step: str) -> str:
        """Store ``step`` as the one the workshop re-opens at (returned): one UPDATE.

        Every step switch writes it (issue 18): through ``update`` that was an ORM read,
        a compare and a flush inside the switch.  The effects are ``update(...,
        log=False)``'s: the workshop counts as changed (Home lists it first), nothing
        is logged, a workshop deleted meanwhile is one sentence.
        """
        if step not in STEPS:
            raise FieldError(f"current step must be one of: {', '.join(STEPS)}.")
        with self.write() as s:  # the statement on the connection: no ORM evaluation
            done = s.connection().execute(_REMEMBER_STEP, {"wid": workshop_id, "step": step,
                                                            "at": utcnow()})
            if not done.rowcount:
                raise gone(Workshop)
        return step

    def delete(self, model: type[SQLModel], row_id: int) -> None:
        """Delete one row; a row already gone raises ``NotFound`` (ids are never reused,
        so the id a confirmation was prepared with names that row or nothing)."""
        with self.write() as s:
            row = s.get(model, row_id)
            if row is None:
                raise gone(model)
            self._delete(s, row)

    def _delete(self, s: Session, row: SQLModel, summary: str = "") -> None:
        """Delete ``row`` inside ``s``, its log line holding the snapshot undo needs."""
        wid = self._workshop_id(s, row)
        self._log(s, wid, row.__tablename__, row.id, "delete",  # type: ignore[attr-defined]
                  old=snapshot.take(s, row).to_text(),
                  summary=summary or f"deleted {_describe(row)}")
        s.delete(row)
        self._touch(s, wid)

    def move(self, model: type[SQLModel], row_id: int, delta: int) -> None:
        """Move a stage, touchpoint or plan task ``delta`` places among its siblings."""
        with self.write() as s:
            row = s.get(model, row_id)
            if row is None:
                raise gone(model)
            self._move(s, row, delta)

    @staticmethod
    def _siblings(s: Session, row: SQLModel) -> list[SQLModel]:
        """``row`` and the rows it is ordered among, in their order."""
        model = type(row)
        parent = PARENT[model]
        return list(s.exec(select(model).where(
            getattr(model, parent) == getattr(row, parent))
            .order_by(model.position, model.id)))  # type: ignore[attr-defined]

    def _place(self, s: Session, row: SQLModel) -> int:
        """``row``'s place (1-based) among its siblings."""
        return next(i for i, sib in enumerate(self._siblings(s, row))
                    if sib.id == row.id) + 1  # type: ignore[attr-defined]

    def _move(self, s: Session, row: SQLModel, delta: int, summary: str = "") -> None:
        """Move ``row`` ``delta`` places among its siblings inside ``s``, logged."""
        siblings = self._siblings(s, row)
        index = next(i for i, sib in enumerate(siblings) if sib.id == row.id)  # type: ignore[attr-defined]
        target = max(0, min(len(siblings) - 1, index + delta))
        if target == index:
            return
        siblings.insert(target, siblings.pop(index))
        for pos, sib in enumerate(siblings):
            sib.position = pos  # type: ignore[attr-defined]
        wid = self._workshop_id(s, row)
        self._log(s, wid, row.__tablename__, row.id, "update", field="position",  # type: ignore[attr-defined]
                  old=str(index + 1), new=str(target + 1), summary=summary)
        self._touch(s, wid)

    def move_touchpoint(self, touchpoint_id: int, stage_id: int) -> None:
        """Move a touchpoint to the end of another stage of the same workshop."""
        with self.write() as s:
            tp = s.get(Touchpoint, touchpoint_id)
            stage = s.get(Stage, stage_id)
            if tp is None or stage is None:
                raise NotFound("That touchpoint or stage no longer exists.")
            self._to_stage(s, tp, stage)

    def _to_stage(self, s: Session, tp: Touchpoint, stage: Stage, summary: str = "",
                  place: int | None = None) -> None:
        """Move ``tp`` to ``stage`` inside ``s``: to its end, or (``place``, 1-based) to
        that place, the rows from there on one down.  Logged by stage names, with the
        place it left in the summary (``undo.moved_from``) so an undo puts it back there."""
        old_stage = s.get(Stage, tp.stage_id)
        if old_stage is None or old_stage.workshop_id != stage.workshop_id:
            raise StoreError("A touchpoint can only move to a stage of the same workshop.")
        left = self._place(s, tp)
        tp.stage_id = int(stage.id or 0)
        if place is None:
            tp.position = self._next_position(s, Touchpoint, "stage_id", tp.stage_id)
        else:
            others = [t for t in self._siblings(s, tp) if t.id != tp.id]
            others.insert(max(0, min(place - 1, len(others))), tp)
            for pos, row in enumerate(others):
                row.position = pos  # type: ignore[attr-defined]
        self._log(s, stage.workshop_id, "touchpoint", tp.id, "update",
                  field="stage", old=old_stage.name, new=stage.name,
                  summary=summary or moved_from(_describe(tp), left))
        self._touch(s, stage.workshop_id)

    # -- helpers ------------------------------------------------------------------
    @staticmethod
    def _next_position(s: Session, model: type[SQLModel], parent: str, parent_id: int) -> int:
        top = s.exec(select(func.max(model.position))  # type: ignore[attr-defined]
                     .where(getattr(model, parent) == parent_id)).one()
        return 0 if top is None else int(top) + 1

    @staticmethod
    def _workshop_id(s: Session, row: SQLModel) -> int:
        if isinstance(row, Workshop):
            return int(row.id or 0)
        if isinstance(row, Touchpoint):
            stage = s.get(Stage, row.stage_id)
            return int(stage.workshop_id) if stage else 0
        if isinstance(row, HypothesisCard):
            pain = s.get(PainPoint, row.pain_point_id)
            return int(pain.workshop_id) if pain else 0
        if isinstance(row, Vote):
            pain = s.get(PainPoint, row.pain_point_id)
            return int(pain.workshop_id) if pain else 0
        return int(getattr(row, "workshop_id", 0) or 0)

    def _touch(self, s: Session, workshop_id: int) -> None:
        workshop = s.get(Workshop, workshop_id)
        if workshop is not None:
            workshop.updated_at = utcnow()

    def changed(self, s: Session, workshop_id: int | None, kind: str, *,
                presence: bool = False) -> None:
        """Tell other seats on a server what this transaction changed (once committed).

        A file needs nothing: ``PRAGMA data_version`` moves by itself.
        """
        if self.on_server and workshop_id:
            server.notify(s, workshop_id, kind, presence=presence)

    def _log(self, s: Session, workshop_id: int | None, entity: str, entity_id: int | None,
             action: str, *, field: str = "", old: str = "", new: str = "",
             summary: str = "") -> None:
        if not workshop_id:
            return
        self.changed(s, workshop_id, f"{entity}:{action}")
        s.add(ChangeLog(workshop_id=workshop_id, who=self.who, account=self.attribution,
                        entity=entity,
                        entity_id=entity_id, action=action, field=field, old=old, new=new,
                        summary=summary))



_NAMES = {"PainPoint": "pain point", "HypothesisCard": "hypothesis card",
          "PlanTask": "plan task", "ChangeLog": "change"}


def gone(model: type[SQLModel]) -> NotFound:
    """The one sentence for an edit or delete prepared against a row that is gone."""
    name = _NAMES.get(model.__name__, model.__name__.lower())
    return NotFound(f"That {name} was deleted by someone else.")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _describe(row: SQLModel) -> str:
    name = (getattr(row, "name", "") or getattr(row, "description", "")
            or getattr(row, "title", "") or getattr(row, "experiment", ""))
    kind = type(row).__name__.lower()
    return f"{kind} {str(name)[:60]}".strip()


def _unless_changed(s: Session, model: type[T], row_id: int, expect: dict[str, Any],
                    values: dict[str, Any]) -> T | None:
    """The row, unless a field no longer holds its ``expect`` value (and does not already
    hold the new one: two seats that typed the same need no answer): ``ChangedMeanwhile``."""
    row = s.get(model, row_id)
    if row is None:
        return None  # ``_set`` says the row is gone
    for key, was in expect.items():
        now = getattr(row, key)
        if now == was or (key in values and now == values[key]):
            continue
        entry = s.exec(select(ChangeLog).where(
            ChangeLog.entity == row.__tablename__,  # type: ignore[attr-defined]
            ChangeLog.entity_id == row_id, ChangeLog.field == key)
            .order_by(ChangeLog.id.desc())).first()  # type: ignore[union-attr]
        raise ChangedMeanwhile(key, now, entry.who if entry is not None else "")
    return row
