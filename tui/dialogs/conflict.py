"""Two people edited the same field: keep mine or take theirs.

Live refresh never overwrites a field someone is typing in (``RecordForm.bind``
skips a focused input with unsaved text).  So when that person leaves the field,
the database may hold a newer value than the one they started from.  The form's
autosave asks ``take_over`` first: it compares the value the field showed when
the edit began (``FieldInput.shown``) with the value in the database *now*; if
someone else changed it meanwhile, a dialog shows both and the person chooses.
Until they choose, the typed text stays in the field and is protected from
reloads (``FieldInput.resolving``); Esc keeps typing, nothing is lost.
"""

from __future__ import annotations

from typing import Any, Protocol

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.safe_text import clean


class EditedField(Protocol):
    """The field input being left (``tui.widgets.forms.FieldInput``)."""

    model: type | None
    row_id: int | None
    spec: Any  # a FieldSpec: ``spec.shown(value)`` is the value as the field shows it
    value: str
    shown: str
    resolving: bool
    cursor_position: int

    def focus(self) -> Any: ...


class EditForm(Protocol):
    """The form the field belongs to (``tui.widgets.forms.RecordForm``)."""

    @property
    def app(self) -> Any: ...

    def saver(self) -> Any: ...

PREVIEW = 200
_GONE = object()


def current_value(store: Any, model: type, row_id: int, field: str) -> Any:
    """The field's value in the database right now, or ``_GONE`` if the row is gone."""
    with store.read() as s:
        row = s.get(model, row_id)
        return _GONE if row is None else getattr(row, field)


def last_editor(store: Any, model: type, row_id: int, field: str) -> str:
    """Who last changed this field, per the change log ("" if unknown)."""
    from sqlmodel import select

    from models.db.tables.history import ChangeLog

    with store.read() as s:  # the name alone: a hand-written time beside it is no matter
        who = s.exec(select(ChangeLog.who).where(
            ChangeLog.entity == model.__tablename__,  # type: ignore[attr-defined]
            ChangeLog.entity_id == row_id, ChangeLog.field == field)
            .order_by(ChangeLog.id.desc())).first()  # type: ignore[union-attr]
    return who if isinstance(who, str) else ""


def _preview(value: str) -> Text:
    text = clean(value)
    if len(text) > PREVIEW:
        text = text[: PREVIEW - 1] + "…"
    return Text(text) if text else Text("(empty)", style="dim")


class ConflictScreen(ModalScreen[str | None]):
    """Show mine and theirs; answer "mine", "theirs" or None (keep editing)."""

    DEFAULT_CSS = "ConflictScreen { align: center middle; }"

    BINDINGS = [Binding("m", "answer('mine')", "Keep mine"),
                Binding("t", "answer('theirs')", "Take theirs"),
                Binding("escape", "answer(None)", "Keep editing")]

    def __init__(self, label: str, mine: str, theirs: str, who: str,
                 kept: bool = False) -> None:
        super().__init__()
        self.label, self.mine, self.theirs, self.who = label, mine, theirs, who
        # An edit kept while the server was away (``tui.session.kept``): it was typed
        # then, and Esc leaves it kept, to be asked again at the next saved field.
        self.kept = kept

    def compose(self) -> ComposeResult:
        title = Text(end="")
        title.append(clean(self.who) or "Someone else", style="bold")
        title.append(" changed ")
        title.append(clean(self.label), style="bold")
        title.append(" while the server was away." if self.kept else " while you were typing.")
        with Vertical(classes="dialog"):
            yield Static(title, classes="dialog-title")
            yield Label(Text("Yours:", style="bold"))
            yield Static(_preview(self.mine), id="conflict-mine", classes="dialog-detail")
            yield Label(Text("Theirs (saved now):", style="bold"))
            yield Static(_preview(self.theirs), id="conflict-theirs", classes="dialog-detail")
            yield Static(Text("m = keep mine (write it over theirs)   t = take theirs\n" + (
                "Esc = decide later (kept, not saved yet)" if self.kept else "Esc = keep editing"),
                style="dim"))

    def action_answer(self, value: str | None) -> None:
        self.dismiss(value)


def take_over(form: EditForm, widget: EditedField) -> bool:
    """True when the field changed in the database meanwhile and a dialog now decides."""
    app: Any = form.app
    store = getattr(app, "store", None)
    model, row_id, field = widget.model, widget.row_id, widget.spec.name
    if store is None or store.read_only or model is None or row_id is None:
        return False
    try:
        value = current_value(store, model, row_id, field)
    except Exception:  # noqa: BLE001 - cannot tell: let the save itself report
        return False
    if value is _GONE:
        return False  # the save says "no longer exists" in one sentence
    # compared as the field shows a value ("dead end" for dead_end, "40 %" for 0.4), or
    # the field's own spoken form reads as someone else's edit
    theirs, typed = widget.spec.shown(value), widget.value
    if theirs == widget.shown or theirs == typed:
        return False
    widget.resolving = True
    try:
        who = last_editor(store, model, row_id, field)
    except Exception:  # noqa: BLE001 - the name is a nicety
        who = ""

    def chosen(answer: str | None) -> None:
        widget.resolving = False
        still_here = widget.model is model and widget.row_id == row_id
        if answer == "mine":
            if form.saver().save_field(model, row_id, field, typed) and still_here:
                widget.shown = typed
        elif answer == "theirs":
            if still_here and widget.value == typed:
                widget.value = theirs
                widget.cursor_position = len(theirs)
            if still_here:
                widget.shown = theirs
            reload = getattr(app, "reload_journey", None)
            if reload is not None:
                reload()
        elif still_here:
            widget.shown = theirs  # keep editing: the next leave compares with theirs
            widget.focus()

    app.push_screen(ConflictScreen(widget.spec.label, typed, theirs, who), chosen)
    return True
