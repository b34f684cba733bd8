"""Edits typed while the team server is away: kept in the seat, saved once it is back.

Kept apart from ``tui.session.workshop`` (mixed into ``WorkshopSession``) because the rules
are their own: a typed field the server was not there for is kept rather than
lost, saved oldest first once the server is back, and saved only over the value it
was typed on; when another seat changed that field meanwhile the lead is asked,
as for a live edit (keep mine, take theirs, or decide later).  No Textual here:
the question itself is the app's (``SessionHooks.conflict``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from models.db.store import Store

R = TypeVar("R")


@dataclass(frozen=True)
class WaitingEdit:
    """A field's typed value the team server was away for, to be saved once it is back."""

    model: type
    row_id: int
    name: str
    text: Any
    # The value on screen when the typing began: saved only over it (``Store.update``'s
    # ``expect``), else the lead is asked; None once the lead said "keep mine".
    expect: dict[str, Any] | None = None


class KeptEdits:
    """The kept edits of a ``WorkshopSession`` (which holds the fields declared here)."""

    store: Store | None
    waiting: list[WaitingEdit]
    asking: WaitingEdit | None
    later: WaitingEdit | None
    hooks: Any

    if TYPE_CHECKING:
        def run_store(self, call: Callable[[], R],
                      keep: type[Exception] | tuple[type[Exception], ...] | None = None
                      ) -> R | None: ...

        def _patch(self, model: type, row_id: int, name: str, row: Any) -> None: ...

        def reload(self) -> None: ...

    def _keep(self, edit: WaitingEdit, said: str) -> None:
        """Keep ``edit`` for the server (a newer value of the same field replaces it)."""
        key = (edit.model, edit.row_id, edit.name)
        self.waiting = [w for w in self.waiting if (w.model, w.row_id, w.name) != key]
        self.waiting.append(edit)
        if said:
            self.hooks.notify(said, severity="warning", markup=False)
        self.hooks.waiting()

    def save_waiting(self, by_itself: bool = False) -> bool:
        """Save the kept edits, oldest first; True when none is left waiting.

        Called when the server is back (pairing, ``by_itself``) and before any newer
        edit.  One the store now refuses for its value (the row was deleted meanwhile)
        is said in one sentence and dropped; the first the server is still away for
        stops the run, and so does one whose field another seat changed meanwhile:
        the lead is asked, as for a live edit, and the ones behind it wait.
        """
        store = self.store
        if store is None or not self.waiting or self.asking is not None:
            return not self.waiting
        if by_itself and self.waiting[0] is self.later:
            return False
        from models.db.server import ServerAway
        from models.db.store_edits import ChangedMeanwhile

        landed = 0
        while self.waiting:
            edit = self.waiting[0]
            try:
                row = self.run_store(partial(store.update, edit.model, edit.row_id,
                                             expect=edit.expect, **{edit.name: edit.text}),
                                     keep=(ServerAway, ChangedMeanwhile))
            except ServerAway:
                break
            except ChangedMeanwhile as changed:
                self._ask(edit, changed)
                break
            self.waiting.pop(0)
            if row is not None:
                landed += 1
                self._patch(edit.model, edit.row_id, edit.name, row)
        if landed:
            self.hooks.notify(f"Saved {landed} edit{'s' if landed > 1 else ''} kept while "
                              "the server was away.", markup=False)
        self.hooks.waiting()
        return not self.waiting

    def _ask(self, edit: WaitingEdit, changed: Exception) -> None:
        """Ask the lead about ``edit``: keep mine (written over theirs), take theirs
        (the kept edit goes), or later (it stays kept)."""
        self.asking, self.later = edit, None

        def answered(answer: str | None) -> None:
            self.asking = None
            at = next((i for i, kept in enumerate(self.waiting) if kept is edit), None)
            if at is None:
                return
            if answer == "mine":
                self.waiting[at] = replace(edit, expect=None)
            elif answer == "theirs":
                self.waiting.pop(at)
                self.reload()
            else:
                self.later = edit
                self.hooks.waiting()
                return
            self.save_waiting()
            self.hooks.waiting()

        self.hooks.conflict(edit, changed, answered)
