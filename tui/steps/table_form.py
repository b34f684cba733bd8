"""A step view made of a table of rows and a form for the row under the cursor.

Stages, touchpoints, ownership and pain points all work the same way: move
in the table, press Enter to edit the row in the form, Esc to get back to the
table (leaving a field saves it).  Only the rows, the columns and the actions
differ, so they live in subclasses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from tui.actions import moves_about
from tui.steps.base import StepView, select_key, selected_key, sync_row, sync_table
from tui.steps.columns import FitTable
from tui.widgets.forms import FieldSpec, RecordForm
from tui.widgets.layout_events import QuietContainer, QuietStatic
from tui.widgets.typeahead import FIELD, hold, release

if TYPE_CHECKING:
    from models.db.journey import Journey


class TableFormView(StepView):
    """Rows on the left (or top at 80 columns), the selected row's fields beside them."""

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = ()  # (key, label)
    # free-text columns (key -> weight) that share the table's width; the rest stay whole
    CUT: ClassVar[dict[str, int]] = {}
    FIELDS: ClassVar[tuple[FieldSpec, ...]] = ()
    HEADLINE: ClassVar[str] = ""
    EMPTY: ClassVar[str] = ""

    # A letter typed on the empty table starts the first row (``on_key``); a view whose
    # ``a`` asks a question first (pain points: at which touchpoint) leaves letters be.
    LETTERS_START_ROW: ClassVar[bool] = True

    BINDINGS = [Binding("escape", "back_to_table", "Table", show=False)]

    # The row being edited was deleted by someone else: the table has the focus and
    # keys wait until one of ``PICKS`` (or a click) picks a row (``bind_current``).
    lost = False
    PICKS: ClassVar[frozenset[str]] = frozenset(
        {"up", "down", "pageup", "pagedown", "home", "end", "enter"})

    def on_key(self, event: events.Key) -> None:
        """On an empty table, a letter no footer key uses starts the first row with it.

        A lead on a new map's empty step types the first name ("Login page") before
        pressing ``a``; the letters ran as hidden keys (``L`` activity, ``o`` dot
        voting, ``g`` brought everyone here and logged it, ``a`` added a row that
        got "ge").  The footer's keys (``n``, ``p``, ``a``…) keep their meaning, the
        digits, ``ctrl+p`` and the method views' keys (``E``, ``U``, ``M``, ``T``) too;
        the timer and "bring everyone here" are in the palette.  The letter is not
        handled here: ``action_add`` puts the focus in the new row's name or holds the
        keys until it can, and the app's ``pass_on`` gives the letter to that field
        first, then the rest of the word.

        After the row being edited was deleted by someone else (``lost``), a key that
        would type or edit is dropped until the person picks a row on the table.
        """
        if self.lost and self.screen.focused is not self.table:
            self.lost = False  # the person moved on by themselves (a click, the palette)
        if self.lost:
            if event.key in self.PICKS:
                self.lost = False
            elif event.is_printable or event.key in ("tab", "shift+tab", "backspace",
                                                     "delete"):
                event.stop()
                event.prevent_default()
            return
        letter = event.character
        if (not self.LETTERS_START_ROW or not letter or not letter.isalpha()
                or self.has_rows() or self.screen.focused is not self.table
                or not self.check_action("add", ())):
            return
        if moves_about(event.key):
            return
        bound = self.screen.active_bindings.get(event.key)
        if bound is not None and bound.binding.show and bound.enabled:
            return
        add = getattr(self, "action_add", None)
        if add is not None:
            add()

    def on_mouse_down(self, _event: events.MouseDown) -> None:
        self.lost = False  # a click picks a row, or a field, deliberately

    def compose(self) -> ComposeResult:
        yield QuietStatic(Text(self.HEADLINE, style="bold"), classes="step-title")
        yield from self.compose_top()
        with QuietContainer(classes="split"):
            table: DataTable[Any] = FitTable(cursor_type="row", zebra_stripes=True,
                                             id=f"{self.STEP}-table", cut=self.CUT)
            for key, label in self.COLUMNS:
                table.add_column(label, key=key)
            yield table
            yield QuietStatic(Text(self.EMPTY, style="dim"), classes="empty-note")
            yield RecordForm(self.FIELDS, id=f"{self.STEP}-form")

    def compose_top(self) -> ComposeResult:
        yield from ()

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one(DataTable)

    @property
    def form(self) -> RecordForm:
        return self.query_one(RecordForm)

    # -- subclasses ---------------------------------------------------------------
    def rows(self, journey: Journey) -> list[tuple[str, tuple[Any, ...]]]:
        raise NotImplementedError

    def record(self, key: str | None) -> tuple[type | None, Any]:
        """(model, row) for a table key."""
        raise NotImplementedError

    def refresh_extra(self, journey: Journey) -> None:
        """Redraw anything besides table and form (drawings, flags)."""

    def row_for(self, journey: Journey, model: str, row_id: int,
                field: str) -> tuple[str, tuple[Any, ...]] | None:
        """(key, cells) of the one row an edit of ``field`` changes, or None if it may
        change others too (then every row is rebuilt)."""
        return None

    # -- behaviour ------------------------------------------------------------------
    def refresh_from(self, journey: Journey) -> None:
        rows = self.rows(journey)
        sync_table(self.table, rows)
        self.query_one(".empty-note", Static).display = not rows
        # no form while there is no row: the lead reads which key adds the first one
        self.query_one(".split").set_class(not rows, "-empty")
        self.bind_current()
        self.refresh_extra(journey)

    def patch(self, journey: Journey, model: str, row_id: int, field: str) -> bool:
        row = self.row_for(journey, model, row_id, field)
        if row is None or not sync_row(self.table, *row):
            return False
        self.bind_current()
        self.refresh_extra(journey)
        return True

    def bind_current(self) -> None:
        """Show the row under the cursor in the form.

        When the row whose field has the focus was deleted by another seat, the form
        stops editing it: the text typed is said back (``WorkshopSession.save_field``),
        the focus goes to the table, the cursor on the neighbour, and the keys typed
        on wait for the person to pick a row (``on_key``).  Left in the field, they
        went into the neighbour's row, which nobody chose (qa19).
        """
        model, row = self.record(selected_key(self.table))
        form = self.form
        if getattr(row, "id", None) != form.row_id or model is not form.model:
            self.leave_if_lost(form, form.model, form.row_id)
        form.bind(model, row)

    def leave_if_lost(self, form: RecordForm, model: type | None, row_id: int | None) -> None:
        """Leave ``form`` for the table if a field of it has the focus and the row it
        edits (``model``, ``row_id``) left the snapshot; call it before binding the form
        to another row, whose commit then says the typed text back."""
        focused = self.screen.focused
        if model is None or row_id is None or focused is None \
                or form not in focused.ancestors or not self.session.gone(model, row_id):
            return
        self.lost = True
        self.screen.set_focus(self.table)  # at once: the queued keys follow it
        if not any(widget.dirty for widget in form.fields()[0]):  # else the refusal says it
            from models.db.store_edits import gone

            self.notify(f"{gone(model)} Pick a row to go on.", severity="warning",
                        markup=False)

    def has_rows(self) -> bool:
        return bool(self.table.row_count)

    def current_key(self) -> str | None:
        return selected_key(self.table) if self.ready else None

    def select(self, key: str) -> None:
        select_key(self.table, key)
        self.bind_current()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.bind_current()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.edit_first()

    def edit_first(self, field: str | None = None) -> None:
        if self.form.row_id is None:
            return
        name = field or self.FIELDS[0].name
        target = self.form.field(name)
        # Focus now, not after the queued messages (``Widget.focus`` defers): keys
        # the lead typed right after ``a`` are already queued and must reach the
        # field, not the table's bindings (issue 12, type-ahead).
        if target.focusable:
            self.screen.set_focus(target)
            return
        # The form was disabled (no row) until this very moment and becomes
        # focusable on the next refresh: hold the keys typed meanwhile till then,
        # Esc and Tab too (an Esc read before the text would leave a field not
        # yet entered, and the text would then stay in it).
        hold(self.app, FIELD)

        def enter(tries: int) -> None:
            if not target.focusable and tries:
                self.call_after_refresh(enter, tries - 1)
                return
            self.screen.set_focus(target)
            release(self.app, FIELD)

        self.call_after_refresh(enter, 20)

    def action_back_to_table(self) -> None:
        self.screen.set_focus(self.table)  # at once: the next queued key is for the table

    def focus_default(self) -> None:
        """The table, unless a key typed meanwhile (``a``) already put the focus in here."""
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors:
            self.screen.set_focus(self.table)
