"""The contract every step view follows, and the registry of views per step.

A step view is a widget shown under the step bar.  The workshop screen calls
``draw(journey)`` whenever the journey changed (an edit here, or a reload after
another seat's edit), which calls the view's ``refresh_from`` when there is
something new to show; a view must keep its cursor, scroll and
focus and must not overwrite a field that is being typed in.  Each view
receives the ``WorkshopSession`` it reads and edits through; its keys come
from the actions table (``tui.actions``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.containers import Vertical
from textual.widgets import DataTable

from models.rules.clock import today
from tui.actions import bindings, needs_row
from tui.session.revisions import touches
from tui.widgets.fast_table import LazyRow
from tui.widgets.layout_events import QuietLayout
from tui.widgets.typeahead import VIEW, release

if TYPE_CHECKING:
    from models.db.journey import Journey
    from tui.session.workshop import WorkshopSession


class StepView(QuietLayout, Vertical):
    """Base class of the views shown for one step under the step bar."""

    STEP: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""
    # What the view draws from: kinds of rows ("Stage", every field) and fields of a kind
    # ("Touchpoint.name"); a revision that changed only other rows or fields is not drawn
    # again (``tui.session.revisions.touches``).  None: it may show anything.
    SHOWS: ClassVar[frozenset[str] | None] = None

    drawn: tuple[Any, ...] = ()  # what ``draw`` last drew (see there)
    # Children composed (``on_mount`` ran).  A view is in the DOM as soon as it is
    # mounted but composed a moment later; keys in a burst can ask it to draw in between.
    ready: bool = False
    # Whether the view showed a row when last drawn: the keys that act on one
    # (``Action.row``) are offered only then, and the footer is told when it changes.
    with_rows: bool = True
    BINDINGS = bindings("step")

    def __init__(self, session: WorkshopSession, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The session decides (observers: no edit keys, hidden from footer and palette),
        and a key for the row under the cursor waits for a row: on an empty table it
        would do nothing, silently."""
        if needs_row(action) and not self.with_rows:
            return False
        return self.session.action_allowed(action)

    def action_leave_field(self) -> None:
        """Esc leaves the field (which saves it) so step keys work again; never discards."""
        self.screen.set_focus(None)

    @property
    def journey(self) -> Journey:
        return self.session.journey  # type: ignore[return-value]

    @property
    def going(self) -> bool:
        """Whether the view is being removed (quit, another screen): its children may
        already be gone, so nothing may be drawn or focused in it."""
        return self._closing or self._closed or self._pruning or not self.is_attached

    def on_mount(self) -> None:
        # Views are mounted lazily; their children exist only now, so draw here.
        self.ready = True
        if self.going:
            return  # built at idle as the app closed: its children are already gone
        if self.session.journey is not None:
            self.draw(self.session.journey)
        self.call_after_refresh(self._first_focus)

    def _first_focus(self) -> None:
        """Focus where work starts, then hand over the keys read while mounting.

        Not for a view built hidden at idle (``WorkshopScreen._build_next``): the
        focus and the held keys belong to the step on screen.
        """
        if not self.display:
            return
        if self.session.journey is not None:
            self.focus_default()
        release(self.app, VIEW)

    def draw(self, journey: Journey, *, again: bool = False) -> None:
        """``refresh_from`` unless this view already shows this very state (or is going).

        Kept views are shown again on every step switch; redrawing a 2,000-row
        table that nothing changed costs far more than the switch itself.  The
        stamp is the app's journey revision (bumped on every reload or patch),
        the snapshot object, the day (Tracker and Plan count days) and the
        terminal size (column widths follow it); ``again`` redraws all the same
        (a dialog closed over the view).  Revisions that changed only rows this
        view does not show (``SHOWS``) need no redraw either.

        Every redraw passes here, so a view being torn down draws nothing: at quit
        Textual removes a view's children before the view, and a reload or a
        dialog's callback landing in between found them gone.
        """
        if not self.ready or self.going:
            return  # composing: ``on_mount`` draws the session's journey then
        stamp = (self.session.revision, id(journey), today(), self.app.size)
        if not again and (self.drawn == stamp or self._unseen(stamp)):
            self.drawn = stamp
            return
        patch = self.session.last_patch
        if not (self.drawn and patch and patch[0] == stamp[0] == self.drawn[0] + 1
                and self.drawn[1:] == stamp[1:] and self.patch(journey, *patch[1:])):
            self.refresh_from(journey)
        self.drawn = stamp
        self.rows_shown()

    def _unseen(self, stamp: tuple[Any, ...]) -> bool:
        """Whether every change since the last draw, same snapshot, day and size, was to
        rows or fields this view does not show (``SHOWS``): then what it drew still holds."""
        if self.SHOWS is None or not self.drawn or self.drawn[1:] != stamp[1:]:
            return False
        touched = self.session.touched_since(self.drawn[0])
        return touched is not None and not touches(touched, self.SHOWS)

    def rows_shown(self) -> None:
        """After the rows changed: tell the footer, keys panel and palette when the view got
        its first row or lost its last (``check_action`` offers the row keys only then)."""
        if self.has_rows() != self.with_rows:
            self.with_rows = not self.with_rows
            self.refresh_bindings()

    def shown(self) -> None:
        """Put on screen again (a step switch): work worth doing only when the room sees it."""

    def patch(self, journey: Journey, model: str, row_id: int, field: str) -> bool:
        """Redraw what one edited field changes, if this view can tell; False = redraw all.

        Called instead of ``refresh_from`` when the only change since the last draw
        is that one field (``WorkshopSession.save_field``).
        """
        return False

    def refresh_from(self, journey: Journey) -> None:
        """Redraw from ``journey`` keeping cursor, scroll and the field being edited."""

    def has_rows(self) -> bool:
        """Whether a key for the row under the cursor has a row to act on (after a draw)."""
        return True

    def focus_default(self) -> None:
        """Put the keyboard focus where work on this step starts."""
        for widget in self.query("DataTable, Input"):
            if widget.focusable:
                widget.focus()
                return


def sync_table(table: DataTable[Any], rows: list[tuple[str, tuple[Any, ...]]]) -> None:
    """Make ``table`` show ``rows`` (key, cells) touching as little as possible.

    Same keys in the same order: only changed cells are updated (an edit in a
    2,000-row table costs one cell, not a rebuild).  Otherwise the rows are
    rebuilt and the cursor is put back on the row it was on (by key).
    """
    cache: dict[str, tuple[Any, ...]] = getattr(table, "_jm_rows", {})
    order: list[str] = getattr(table, "_jm_order", [])
    keys = [key for key, _ in rows]
    columns = list(table.columns)
    if keys == order and len(table.rows) == len(keys):
        # An unchanged row keeps the cells the table shows: the equal copy just made
        # goes (kept, every row of a 10,000-row table was in memory twice).
        shown: dict[str, tuple[Any, ...]] = {}
        for key, cells in rows:
            old = cache.get(key)
            if old is not None and (old is cells or old == cells):
                shown[key] = old
            else:
                _update_row(table, columns, key, old, cells)
                shown[key] = cells
        table._jm_rows = shown  # type: ignore[attr-defined]
        return
    current: str | None = None
    if table.row_count and order:
        current = order[min(table.cursor_row, len(order) - 1)]
    old_row = table.cursor_row
    table.clear()
    add_keyed_rows = getattr(table, "add_keyed_rows", None)
    if add_keyed_rows is not None:
        add_keyed_rows(rows)
    else:
        for key, cells in rows:
            table.add_row(*cells, key=key)
    table._jm_rows = dict(rows)  # type: ignore[attr-defined]
    table._jm_order = keys  # type: ignore[attr-defined]
    if rows:
        target = keys.index(current) if current in keys else min(old_row, len(keys) - 1)
        table.move_cursor(row=max(0, target), animate=False)


def sync_row(table: DataTable[Any], key: str, cells: tuple[Any, ...]) -> bool:
    """Show ``cells`` in the row ``key`` (only the cells that changed); False if no such row."""
    cache: dict[str, tuple[Any, ...]] = getattr(table, "_jm_rows", {})
    if key not in cache:
        return False
    _update_row(table, list(table.columns), key, cache[key], cells)
    cache[key] = cells
    return True


def _update_row(table: DataTable[Any], columns: list[Any], key: str,
                old: tuple[Any, ...] | None, cells: tuple[Any, ...]) -> None:
    if old is cells or old == cells:  # lazy rows compare by their plain text
        return
    if isinstance(old, LazyRow):
        old = old.cells()  # a changed row: only now are its cells needed
    if isinstance(cells, LazyRow):
        cells = cells.cells()
    for i, cell in enumerate(cells):
        if old is None or i >= len(old) or _plain(old[i]) != _plain(cell):
            # a cell wider than its column's widest grows the column's natural width even
            # while the column is cut (``FitTable``): a wider terminal then shows more of it
            column = table.columns[columns[i]]
            wider = _width(cell) > column.content_width
            table.update_cell(key, columns[i], cell, update_width=wider)


def _width(cell: Any) -> int:
    """Terminal cells the widest line of ``cell`` takes (a column must grow to show it)."""
    text = cell.plain if isinstance(cell, Text) else str(cell)
    return max((cell_len(line) for line in text.splitlines()), default=0)


def _plain(cell: Any) -> Any:
    return (cell.plain, str(cell.style)) if isinstance(cell, Text) else cell


def selected_key(table: DataTable[Any]) -> str | None:
    """Key of the row under the cursor, or None for an empty table."""
    order: list[str] = getattr(table, "_jm_order", [])
    if not table.row_count or not order:
        return None
    return order[min(table.cursor_row, len(order) - 1)]


def select_key(table: DataTable[Any], key: str) -> None:
    order: list[str] = getattr(table, "_jm_order", [])
    if key in order:
        table.move_cursor(row=order.index(key), animate=False)
