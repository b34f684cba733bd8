"""A modal form that edits one card or plan task, with the app's autosave rules.

Why modal: the Cards grid and the Plan timeline need the whole height at
80x24, so a row's fields open over them and close with Esc.  Fields are saved
when left or on Enter (``tui.widgets.forms.RecordForm``); a value the store rejects
(a bad date) stays typed in its field with a notification, and Esc then asks
for a second press before the typed text is dropped.  Plan tasks are saved
together with ``edited=True`` so that regenerating the plan keeps them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static

from tui.dialogs.held import HeldDialog
from tui.widgets.forms import FieldInput, FieldSpec, RecordForm
from tui.widgets.new_row import select_all

if TYPE_CHECKING:
    from models.db.journey import Journey
    from tui.session.workshop import WorkshopSession


class EditedForm(RecordForm):
    """A RecordForm whose every save also sets ``edited=True`` (plan tasks)."""

    def __init__(self, session: WorkshopSession, specs: Sequence[FieldSpec],
                 **kwargs: Any) -> None:
        super().__init__(specs, **kwargs)
        self.session = session

    def save_field(self, model: type, row_id: int, field: str, text: Any) -> bool:
        store = self.session.store
        if store is None:
            return False
        row = self.session.run_store(lambda: store.update(model, row_id, **{field: text,
                                                                            "edited": True}))
        if row is None:
            return False
        self.session.mark_saved()
        self.session.reload()
        return True


class RowEditor(HeldDialog[None]):
    """The fields of one row; each is saved when left or on Enter (Esc closes)."""

    BINDINGS = [Binding("escape", "close", "Close")]
    # No first focus from Textual: it scrolls the form to centre the field before the
    # form is laid out, which left the first field's label above the view at 80x24.
    # ``enter`` focuses the first field once the dialog is laid out.
    AUTO_FOCUS = ""
    HINT = "Tab = next field (saves)   Esc = close"
    DEFAULT_CSS = """
    RowEditor > .dialog { height: 90%; width: 90; }
    RowEditor RecordForm { height: 1fr; }
    """

    def __init__(self, session: WorkshopSession, model: type, row_id: int,
                 specs: Sequence[FieldSpec], heading: Text | Callable[[Any], Text], *,
                 mark_edited: bool = False) -> None:
        super().__init__()
        self.session = session
        self.model = model
        self.row_id = row_id
        self.specs = tuple(specs)
        self.heading = heading
        self.mark_edited = mark_edited
        self._warned = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading if isinstance(self.heading, Text) else "",
                         classes="dialog-title")
            if self.mark_edited:
                yield EditedForm(self.session, self.specs, id="row-form")
            else:
                yield RecordForm(self.specs, saver=self.session, id="row-form")
            yield Label(Text(self.HINT, style="dim"))

    @property
    def form(self) -> RecordForm:
        return self.query_one(RecordForm)

    def on_mount(self) -> None:
        self._bind()

    def enter(self) -> None:
        """Enter the first field like Tab does: its whole text selected, typing replaces it
        (the keys typed since the dialog was opened come back after this)."""
        field = self.form.field(self.specs[0].name)
        self.set_focus(field, scroll_visible=False)  # the form opens at its top, label and all
        # After the field's own focus handling, which selects with the cursor at the end.
        self.call_after_refresh(select_all, field)

    def _bind(self) -> None:
        row = self.session.find(self.model, self.row_id)
        self.form.bind(self.model, row)
        if callable(self.heading) and row is not None:
            # The heading follows the row: a rewritten card shows its new title.
            self.query_one(".dialog-title", Static).update(self.heading(row))

    def refresh_from(self, journey: Journey) -> None:
        """Called by the app after a save: rebind, and redraw the screen underneath."""
        self._bind()
        if len(self.app.screen_stack) > 1:
            refresh = getattr(self.app.screen_stack[-2], "refresh_from", None)
            if refresh is not None:
                refresh(journey)

    def action_close(self) -> None:
        form = self.form
        form.commit_pending()
        pending = [w for w in form.query(FieldInput) if w.dirty]
        if pending and not self._warned:
            self._warned = True
            self.notify("A value was not saved (see the message): fix it, or press Esc again "
                        "to close and drop the typed text.", severity="warning", markup=False)
            return
        self.dismiss(None)


class CardEditor(RowEditor):
    """A card's fields, plus ctrl+t: tie its signal to ticket data without leaving.

    ``on_tie`` is the Cards view's own action (the same dialog and ``links.link_card``
    as its ``m`` key); the field being typed is saved first.
    """

    BINDINGS = [Binding("ctrl+t", "tie_signal", "Tie signal to ticket data")]
    HINT = "Tab = next field (saves)   ctrl+t = tie signal   Esc = close"  # fits 80x24

    def __init__(self, session: WorkshopSession, model: type, row_id: int,
                 specs: Sequence[FieldSpec], heading: Text | Callable[[Any], Text], *,
                 on_tie: Callable[[], None]) -> None:
        super().__init__(session, model, row_id, specs, heading)
        self.on_tie = on_tie

    def action_tie_signal(self) -> None:
        self.form.commit_pending()
        self.on_tie()
