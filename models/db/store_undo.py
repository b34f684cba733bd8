"""Undo my last change, as the store does it: one transaction, logged like any change.

Why a mixin of its own: choosing the change and deciding whether it may come back is
``models.db.undo``; putting back what a delete took is ``models.db.snapshot``; this
module joins them to the store's own add, delete and move inside one write, so an
undo is attributed, announced to the other seats and refused whole, never half done.

The clash checks and the restore are one step for every other seat on a server too:
under READ COMMITTED another seat's re-link committed between them would be
overwritten, but every write transaction first takes the server's write lock
(``models.db.server``), as ``BEGIN IMMEDIATE`` does on a file, so that seat waits
and its change lands after the undo, or came before and the check refuses
(``tests/models/test_undo_on_server.py``).  Row locks would add nothing for
journeymap's own writers and cannot lock a row that is not there yet (a new card in
the deleted one's place); SERIALIZABLE would make every edit retry.
"""

from __future__ import annotations

from sqlmodel import Session, select

from models.db import snapshot, undo
from models.db.fields import coerce
from models.db.store_edits import PARENT, Edits, _text, gone
from models.db.tables.history import ChangeLog
from models.db.tables.workshop import Stage, Touchpoint


class Undoing(Edits):
    """``Store.undo_last`` (mixed into ``models.db.store.Store``)."""

    def undo_last(self, workshop_id: int, *, seat: str | None = None) -> ChangeLog:
        """Take back this account's (``seat``: this seated name's) most recent change and
        return it: a field edit's old value, a deleted row with all it took along, an
        added row removed, a moved row back in its place.  Refused in one sentence when
        someone else changed the same thing since (``models.db.undo``)."""
        with self.write() as s:
            entry = undo.last_edit(s, workshop_id, self.attribution, seat)
            said = f"{undo.UNDID}{entry.id}"
            if entry.action == "delete":
                self._undo_delete(s, entry, said)
            elif entry.action == "create":
                self._undo_add(s, entry, seat, said)
            elif entry.field in undo.MOVES:
                self._undo_move(s, entry, seat, said)
            else:
                self._undo_field(s, entry, seat, said)
            return entry

    def _undo_field(self, s: Session, entry: ChangeLog, seat: str | None, said: str) -> None:
        model = undo.model_of(entry)
        assert model is not None  # last_edit returns restorable edits only
        row = s.get(model, entry.entity_id)
        if row is None:
            raise gone(model)
        undo.check_still_yours(s, entry, _text(getattr(row, entry.field)), seat)
        value = coerce(model, entry.field, entry.old)
        self._set(s, model, int(entry.entity_id or 0), {entry.field: value}, summary=said)

    def _undo_delete(self, s: Session, entry: ChangeLog, said: str) -> None:
        snap = snapshot.Snapshot.from_text(entry.old)
        assert snap is not None  # last_edit returns deletes with a snapshot only
        model = snapshot.MODELS[entry.entity]
        try:
            row = snapshot.restore(s, snap, PARENT.get(model))
        except snapshot.Clash as exc:
            raise undo.UndoRefused(str(exc)) from None
        wid = self._workshop_id(s, row)
        self._log(s, wid, entry.entity, entry.entity_id, "create", summary=said)
        self._touch(s, wid)

    def _undo_add(self, s: Session, entry: ChangeLog, seat: str | None, said: str) -> None:
        model = snapshot.MODELS[entry.entity]
        row = s.get(model, entry.entity_id)
        if row is None:
            raise gone(model)
        undo.check_add_untouched(s, entry, seat, snapshot.take(s, row))
        self._delete(s, row, summary=said)

    def _undo_move(self, s: Session, entry: ChangeLog, seat: str | None, said: str) -> None:
        model = snapshot.MODELS[entry.entity]
        row = s.get(model, entry.entity_id)
        if row is None:
            raise gone(model)
        later = undo.later_by_someone_else(s, entry, seat, field=entry.field)
        if later is not None:
            raise undo.UndoRefused(f"{later.who or later.account} moved it since your move; "
                                   "their move stands, so nothing was undone.")
        if isinstance(row, Touchpoint) and entry.field == "stage":
            self._back_to_stage(s, entry, row, said)
            return
        place = self._place(s, row)
        if str(place) != entry.new:
            raise undo.UndoRefused("The order was changed since your move; nothing was undone.")
        self._move(s, row, int(entry.old) - place, summary=said)

    def _back_to_stage(self, s: Session, entry: ChangeLog, tp: Touchpoint, said: str) -> None:
        """A stage move is logged by stage names: the touchpoint goes back to the one
        stage of its workshop with the old name, refused when that is not one stage, at
        the place it left (at the end for a line logged before places were kept)."""
        now = s.get(Stage, tp.stage_id)
        if now is None or now.name != entry.new:
            raise undo.UndoRefused("That touchpoint's stage was changed since your move; "
                                   "nothing was undone.")
        named = list(s.exec(select(Stage).where(Stage.workshop_id == now.workshop_id,
                                                Stage.name == entry.old)))
        if len(named) != 1:
            raise undo.UndoRefused(f"There is no longer one stage named “{entry.old[:40]}”; "
                                   "nothing was undone.")
        self._to_stage(s, tp, named[0], summary=said, place=undo.old_place(entry))
