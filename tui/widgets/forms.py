"""A form of labelled fields bound to one database row, with autosave.

Why a form widget of its own: every step edits rows the same way — a field is
committed when it is left (blur) or Enter is pressed, through the app's
``save_field`` (which goes through ``Store.update``), and a value the store
rejects keeps the typed text in the field with a notification instead of
silently reverting it.  Each input remembers which row it was showing and the
text it showed, so a rebind to another row first commits a pending edit to the
row it belongs to, and a field left untouched is never written back (a value
displayed with control characters neutralised must not overwrite the original).
A form keeps the row's table class and id, never the row: a view hidden while
another seat's edit replaces the snapshot would otherwise keep the old snapshot
alive through it (a workshop row reaches the whole map) until shown again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from textual import events
from textual.app import ComposeResult
from textual.containers import ScrollableContainer, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.style import Style
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Label

from tui.actions import UNDO_KEY
from tui.dialogs.conflict import take_over
from tui.safe_text import display
from tui.widgets.clean_input import CleanShownInput
from tui.widgets.layout_events import QuietLayout
from tui.widgets.still_typing import TYPING, StillTyping
from tui.widgets.typeahead import LEAVING_KEYS

# The dim text of an empty date field: an example date looked like a value the
# room had agreed (and, months later, like a date already past).
NOT_SET = "not set · YYYY-MM-DD"


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form: column name, label, a hint from the method, suggestions."""

    name: str
    label: str
    hint: str = ""
    kind: str = "text"  # "text" or "bool"
    suggestions: tuple[str, ...] = ()
    placeholder: str = ""
    percent: bool = False  # a share stored as 0..1, shown and typed as "40 %"

    def shown(self, value: Any) -> str:
        """The stored value as the field shows it: a share as the percentage people say
        (saving reads "40 %" back as 0.4), a vocabulary key as its spoken form."""
        if self.percent and isinstance(value, float):
            return f"{display(round(value * 100, 10))} %"
        return self.spoken(display(value))

    def spoken(self, text: str) -> str:
        """A stored vocabulary key as the field offers it: ``dead_end`` is shown as the
        suggestion ``dead end`` (what the hint says and what saving accepts), so the
        field does not show a form nobody typed."""
        if "_" in text and text not in self.suggestions:
            said = text.replace("_", " ")
            if said in self.suggestions:
                return said
        return text


class Saver(Protocol):
    def save_field(self, model: type, row_id: int, field: str, text: Any) -> bool: ...


class FieldInput(QuietLayout, CleanShownInput):
    """An Input that knows the row and field it edits and the text it displayed."""

    handles_leaving_keys = True  # Tab and Esc act when read (``tui.widgets.typeahead``)
    # Textual's Input sets its virtual size to the text's length on every change,
    # and the widget-wide reactive asks for a layout pass of the whole screen
    # (≈ 7 ms with a 14-field form) each time a cursor move shows a row whose text
    # is longer or shorter.  A field's box does not depend on its text (fixed
    # height, width of the form), so the new size needs a repaint only: the
    # horizontal scrolling inside the field reads it directly.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0))

    def __init__(self, spec: FieldSpec, **kwargs: Any) -> None:
        suggester = SuggestFromList(spec.suggestions, case_sensitive=False) \
            if spec.suggestions else None
        # select_on_focus: a field entered with Tab, Enter or an arrow has its whole
        # text selected so typing replaces it, as in a spreadsheet; a click still
        # places the cursor (the mouse-down that follows the focus collapses the
        # selection).  No field takes the focus by itself when a screen opens, so
        # a stray key never lands in a selected value.
        super().__init__(placeholder=spec.placeholder, suggester=suggester,
                         id=f"f-{spec.name}", select_on_focus=True, **kwargs)
        self.spec = spec
        self.model: type | None = None
        self.row_id: int | None = None
        self.shown = ""  # also the value the edit began from (conflict check on leave)
        self.resolving = False  # a keep mine / take theirs dialog is open for this field

    def show(self, text: str) -> None:
        """Display a row's ``text`` (not typing): no ``Changed`` message (nobody listens,
        and each would bubble up through form, view, screen and app on every cursor
        move) and no suggestion looked up in a worker of its own until the field is
        entered (an unfocused field never shows one)."""
        suggester, self.suggester = self.suggester, None
        try:
            with self.prevent(Input.Changed):
                self.value = text
                self.cursor_position = len(text)
        finally:
            self.suggester = suggester

    def _on_focus(self, _event: events.Focus) -> None:
        # Runs besides Input's own ``_on_focus`` (Textual calls the handler of every
        # class in the MRO): the suggestion ``show`` skipped, for the text shown.
        if self.suggester is not None and self.value:
            self.run_worker(self.suggester._get_suggestion(self, self.value))  # noqa: SLF001
        self.call_later(self._show_caption)

    def _show_caption(self) -> None:
        """Scroll the form so the caption above this field shows whole, label included.

        Textual scrolls a focused widget into view, not the words above it: going
        up with shift+Tab, a field at the top edge of the form would hide its label
        (the last line of the caption above it, ``FieldCaption``)."""
        form = self.parent
        if not isinstance(form, ScrollableContainer):
            return
        siblings = form.children
        at = siblings.index(self)
        caption = siblings[at - 1] if at else None
        if isinstance(caption, FieldCaption):
            form.scroll_to_region(caption.virtual_region.union(self.virtual_region),
                                  animate=False)

    def on_still_typing(self, event: StillTyping) -> None:
        """The caption above says "typing…" while keys sent at once are still typed in."""
        siblings = self.parent.children if self.parent is not None else []
        at = siblings.index(self) if self in siblings else 0
        if at and isinstance(caption := siblings[at - 1], FieldCaption):
            caption.typing = event.queued

    def set_suggestions(self, words: Sequence[str]) -> None:
        self.suggester = SuggestFromList(list(words), case_sensitive=False) if words else None

    @property
    def dirty(self) -> bool:
        return self.row_id is not None and self.value != self.shown

    # -- read-only for observers --------------------------------------------------------
    # Textual 8's Input has no ``read_only``; every edit (typing, paste, cut,
    # delete keys) ends in ``replace``, so refusing there makes the field
    # read-only while it still shows, scrolls and copies its text.  Keys it does
    # not take go on to the screen: an observer's "2" in a field changes step.
    @property
    def read_only(self) -> bool:
        return bool(getattr(self.app, "read_only", False))

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return False if self.read_only else super().check_consume_key(key, character)

    async def _on_key(self, event: Any) -> None:
        # Textual runs ``_on_key`` of every class in the MRO; prevent_default skips
        # Input's, which would stop the key here instead of letting bindings see it.
        if self.read_only:
            event.prevent_default()
            return
        if self.screen.focused is not self:
            # Queued for this field before Tab or Esc moved the focus on: the key is
            # the next field's (or a step key), never more text for this one.
            event.prevent_default()
            event.stop()
            self.app.post_message(events.Key(event.key, event.character))
            return
        if event.key == UNDO_KEY and self.dirty:
            # Typing not saved yet: the key takes it back, as in any text field.  With
            # nothing typed it goes on to the screen, which undoes this seat's last
            # saved edit (``WorkshopScreen.action_undo``).
            event.prevent_default()
            event.stop()
            self.show(self.shown)
            return
        if event.key in LEAVING_KEYS:
            # Move the focus now, not once the key has bubbled up to the bindings:
            # the keys typed behind it are already queued here (issue 12).
            event.prevent_default()
            event.stop()
            await self.app._check_bindings(event.key)  # noqa: SLF001 - the bindings, at once

    def replace(self, text: str, start: int, end: int) -> None:
        if not self.read_only:
            super().replace(text, start, end)


class FieldCheck(QuietLayout, Checkbox):
    """A Checkbox bound to one boolean column; toggling saves at once.

    Drawn ``[x]`` / ``[ ]``: Textual's ``▐X▌`` shows the same X on and off and
    tells them apart by colour only, which a monochrome terminal, a
    colour-blind lead or a screen shared over a projector loses.
    """

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec.label, id=f"f-{spec.name}")
        self.spec = spec
        self.model: type | None = None
        self.row_id: int | None = None
        self.shown = False  # the row's value when bound or last saved

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble(("[x]" if self.value else "[ ]", style))

    def toggle(self) -> FieldCheck:
        """Observers cannot tick a box (space, Enter and clicks all come here)."""
        if not getattr(self.app, "read_only", False):
            super().toggle()
        return self


class FieldCaption(QuietLayout, Label):
    """The words between two fields: the hint under the one above, the label of the next.

    Why one widget for both: a step switch shows and hides every widget of two views
    and a first visit lays each one out, so a field drawn as label + input + hint
    (three widgets) made a 14-field form 42 widgets (issue 18).  Drawn here, a field
    is its input plus at most one caption, and the screen looks the same: the label
    bold, the hint in the theme's muted text colour (``$text-muted``, which a style
    in the text itself cannot name, hence the component class read when drawn).
    A ``Label``, as the field's label was, but as wide as the form so a hint wraps.
    """

    COMPONENT_CLASSES = {"field-caption--hint"}
    DEFAULT_CSS = """
    FieldCaption { width: 1fr; margin: 0 0 0 1; }
    FieldCaption > .field-caption--hint { color: $text-muted; }
    """
    typing: Reactive[bool] = Reactive(False)  # keys sent at once still going into the field

    def __init__(self, hint: str, label: str) -> None:
        super().__init__()
        self.hint = hint
        self.label = label

    def render(self) -> Content:
        parts: list[str | tuple[str, str | Style]] = []
        if self.hint:
            parts.append((self.hint, self.get_visual_style("field-caption--hint")))
        if self.hint and self.label:
            parts.append("\n")
        if self.label:
            parts.append((self.label, "bold"))
        if self.typing:
            parts.append((f" · {TYPING}", self.get_visual_style("field-caption--hint")))
        return Content.assemble(*parts)


def captions(specs: Sequence[FieldSpec]) -> list[tuple[str, str]]:
    """(hint above, label below) of the caption before each field, then after the last.

    A check box says its own label; a field without a hint leaves only the next
    label.  ``("", "")`` means no caption there.
    """
    out: list[tuple[str, str]] = []
    hint = ""
    for spec in specs:
        out.append((hint, spec.label if spec.kind != "bool" else ""))
        hint = spec.hint
    out.append((hint, ""))
    return out


class FormSubmitted(Message):
    """Enter was pressed in a field and the value was saved (screens may move on)."""

    def __init__(self, form: Any, field: str) -> None:
        super().__init__()
        self.form = form
        self.field = field


class RecordForm(QuietLayout, VerticalScroll):
    """Labelled inputs for one row; commit on blur or Enter, never lose typed text."""

    DEFAULT_CSS = """
    RecordForm { height: 1fr; }
    """

    can_focus = False  # the fields take focus; the form itself is only a scroller

    def __init__(self, specs: Sequence[FieldSpec], *, saver: Saver | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.specs = list(specs)
        self._saver = saver
        self.model: type | None = None
        self.row_id: int | None = None  # the row shown (None: none, the form is disabled)
        self._found: tuple[list[FieldInput], list[FieldCheck]] | None = None

    def compose(self) -> ComposeResult:
        for spec, (hint, label) in zip([*self.specs, None], captions(self.specs), strict=True):
            if hint or label:
                yield FieldCaption(hint, label)
            if spec is not None:
                yield FieldCheck(spec) if spec.kind == "bool" else FieldInput(spec)

    def field(self, name: str) -> FieldInput | FieldCheck:
        found = self.query_one(f"#f-{name}")
        assert isinstance(found, (FieldInput, FieldCheck)), name
        return found

    def fields(self) -> tuple[list[FieldInput], list[FieldCheck]]:
        """(text fields, check boxes), found once they are mounted.

        Why: they are composed with the form and never change, and every cursor move
        and edit binds the form; a CSS query over it each time was a visible part of
        a key (issue 18)."""
        if self._found is None or not (self._found[0] or self._found[1]):
            self._found = list(self.query(FieldInput)), list(self.query(FieldCheck))
        return self._found

    def bind(self, model: type | None, row: Any) -> None:
        """Show ``row``; a focused field still being typed in is left alone."""
        row_id = getattr(row, "id", None)
        same = row is not None and self.row_id is not None and model is self.model \
            and row_id == self.row_id
        self.model, self.row_id = model, row_id
        self.disabled = row is None
        inputs, checks = self.fields()
        for widget in inputs:
            if not same and widget.dirty:
                self._commit(widget)
            if same and (widget.has_focus or widget.resolving) and widget.dirty:
                continue
            text = widget.spec.shown(getattr(row, widget.spec.name, "")) \
                if row is not None else ""
            widget.model, widget.row_id, widget.shown = model, row_id, text
            if widget.value != text:
                widget.show(text)
        for check in checks:
            value = bool(getattr(row, check.spec.name, False)) if row is not None else False
            check.model, check.row_id, check.shown = model, row_id, value
            if check.value != value:
                with check.prevent(Checkbox.Changed):
                    check.value = value

    def saver(self) -> Saver:
        """Who stores a field: the one given (a session), a subclass's own, else the app."""
        if self._saver is not None:
            return self._saver
        return self if hasattr(self, "save_field") else self.app  # type: ignore[return-value]

    def commit_pending(self) -> None:
        for widget in self.query(FieldInput):
            if widget.dirty:
                self._commit(widget)

    def _commit(self, widget: FieldInput) -> bool:
        if widget.model is None or widget.row_id is None or not widget.dirty:
            return True
        if widget.resolving:
            return False
        if take_over(self, widget):  # changed by someone else meanwhile: they choose
            return False
        saver = self.saver()
        typed = widget.value
        if saver.save_field(widget.model, widget.row_id, widget.spec.name, typed):
            widget.shown = typed
            return True
        return False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, FieldInput):
            event.stop()
            if self._commit(event.input):
                self.post_message(FormSubmitted(self, event.input.spec.name))

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if isinstance(event.input, FieldInput):
            self._commit(event.input)
            event.input.cursor_position = 0  # a long text shows its start once left

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        check = event.checkbox
        if isinstance(check, FieldCheck) and check.model is not None and check.row_id is not None:
            event.stop()
            if check.shown == event.value:
                return
            if self.saver().save_field(check.model, check.row_id, check.spec.name, event.value):
                check.shown = event.value

