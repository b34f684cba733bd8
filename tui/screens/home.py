"""Home: the workshops in the database; new (from a template or blank), open, copy, delete.

An empty database gets a friendly start screen instead of an empty table,
because the first thing a new lead sees decides whether they carry on.  A list
that cannot be read (the team server is away) says so in its place instead, and
is read again every few seconds until it can be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Static
from textual.worker import Worker, WorkerState

from models.vocab import LABELS
from tui.actions import bindings, palette_help
from tui.dialogs.common import ConfirmScreen
from tui.dialogs.templates import TemplateScreen
from tui.safe_text import marked_title, safe, short
from tui.session.workshop import OpenWorkshop, WorkshopSession, succeeded
from tui.steps.base import select_key, selected_key, sync_table
from tui.steps.columns import FitTable, kept
from tui.store_thread import run_in_thread
from tui.widgets.footer import CalmFooter
from tui.widgets.header import CalmHeader

# How often Home asks again for a list it could not read.  While a seat's listener
# knows the server is away, asking costs nothing (the store says so at once).
RETRY_S = 2.0
TITLE_CELLS = 30  # one pasted 5,000-character title must not widen the column
# Home's columns: key, label, weight (a free-text column shares the width by it), drop
# (the highest goes first when the columns do not fit; 0 stays) and the least cells a
# free-text column is worth showing in (a fixed column needs its whole width).
COLUMNS: tuple[tuple[str, str, int, int, int], ...] = (
    ("id", "ID", 0, 0, 0), ("title", "Title", 3, 0, TITLE_CELLS),
    ("review", "Last review", 0, 3, 0),
    ("persona", "Persona", 1, 5, 12), ("scenario", "Scenario", 2, 4, 16),
    ("step", "Step", 0, 0, 0), ("updated", "Updated", 0, 0, 0))
WELCOME = (
    "Welcome to journeymap.\n\n"
    "A journey map follows one persona through one support scenario, stage by stage, "
    "and ends with ranked pain points, hypothesis cards and a 60-day plan.\n\n"
    "  t   start from a template (a complete starting map you adapt)\n"
    "  b   start a blank workshop (six default support stages)\n"
    "  ctrl+p   every action by name\n"
)


def local_time(when: dt.datetime | None) -> str:
    if when is None:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def _cut(text: Text) -> Text:
    """A free-text cell that ends in "…" when its column is narrower than the text."""
    text.no_wrap, text.overflow = True, "ellipsis"
    return text


def review_cell(workshop: Any) -> Text:
    """When the map was last reviewed, and "DUE" in words when its monthly review is late.

    The early list (read before the storage layer loads) carries the same dates, so
    the store's list a moment later leaves every row as it is.
    """
    from models.rules.clock import today
    from models.rules.staleness import review_status, review_words

    status = review_status(workshop, today())
    return Text(review_words(status), style="bold red" if status.due else "")


class HomeScreen(Screen[None]):
    """The workshop portfolio of this database."""

    BINDINGS = [*bindings("screen"), *bindings("home")]

    def __init__(self, session: WorkshopSession, early: list[Any] | None = None,
                 back_from: int | None = None) -> None:
        super().__init__()
        self.session = session
        # the workshop the lead comes back from: its row is selected, not the first
        # (in a portfolio of hundreds, the place in the list is kept)
        self._back_from = back_from
        # rows read without the ORM while the store opens (``models.db.light``); None after
        self.early = early
        self._retry: Timer | None = None  # runs while the list could not be read
        self._asking: Worker[Any] | None = None  # the retry's read, off the screen's thread
        self._rows: list[tuple[str, tuple[Text, ...]]] = []  # every column's cells, by key
        self._names: list[tuple[int, str, str]] = []  # id, title, what it maps: the palette's
        self._told: set[int] = set()  # the damaged maps whose sentence was said

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Observers open and read; creating, copying and deleting keys are hidden."""
        if action == "delete":
            return not self.session.read_only
        return self.session.action_allowed(action)

    def compose(self) -> ComposeResult:
        yield CalmHeader()  # the "saved" time repaints in place (no layout pass)
        yield Static(Text("Workshops", style="bold"), classes="step-title")
        yield FitTable(cursor_type="row", zebra_stripes=True, id="workshops",
                       cut={key: weight for key, _, weight, _, _ in COLUMNS if weight})
        yield Static(Text(WELCOME), id="welcome")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.title = "journeymap"
        self.load()

    def load(self) -> None:
        from models.db.schema import StoreError

        store = self.session.store
        if store is not None:
            self.early = None
            try:
                workshops, unreadable = store.list_readable()
            except StoreError as exc:
                self._unlisted(str(exc))
                return
        else:
            workshops, unreadable = self.early or [], []
        self._show(workshops, unreadable)

    def _show(self, workshops: list[Any], unreadable: list[Any] | None = None) -> None:
        """The rows; a damaged map is a row too (to open for its sentence, or delete),
        and its sentence is said once as a notice."""
        unreadable = unreadable or []
        if self._retry is not None:
            self._retry.stop()
            self._retry = None
            self.query_one("#welcome", Static).update(Text(WELCOME))
        self._rows = [(str(w.id), (Text(str(w.id)), _cut(marked_title(w, TITLE_CELLS)),
                                   review_cell(w), _cut(safe(w.persona, limit=24)),
                                   _cut(safe(w.scenario, limit=30)),
                                   Text(LABELS.get(w.current_step, w.current_step)),
                                   Text(local_time(w.updated_at))))
                      for w in workshops]
        self._rows += [(str(u.workshop_id), (Text(str(u.workshop_id)),
                                             _cut(safe(u.title, limit=TITLE_CELLS)), Text(""),
                                             Text(""), Text(""),
                                             Text("cannot be read", style="bold red"), Text("")))
                       for u in unreadable]
        self._names = [(int(w.id), short(w.title or w.scenario or f"Workshop {w.id}", 60),
                        f"{short(w.persona, 40)} · {short(w.scenario, 60)}") for w in workshops]
        for u in unreadable:
            if u.workshop_id not in self._told:
                self._told.add(u.workshop_id)
                self.notify(u.sentence, severity="warning", markup=False)
        table = self.query_one(DataTable)
        self._fit_columns(table)
        table.display = bool(self._rows)
        self.query_one("#welcome").display = not self._rows
        if self._back_from is not None:
            select_key(table, str(self._back_from))
            self._back_from = None
        if self._rows:
            table.focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_columns(self.query_one(DataTable))

    def _fit_columns(self, table: DataTable[Any]) -> None:
        """Show the columns that fit the screen's width (``columns.kept``), then the rows.

        A vertical scroll bar's width is always kept free, so a list that grows
        past the screen does not push the last column off the edge.
        """
        pad = 2 * table.cell_padding
        room = (self.size.width or self.app.size.width) - table.styles.scrollbar_size_vertical
        least = []
        for index, (_, label, weight, _, fewest) in enumerate(COLUMNS):
            natural = max([cell_len(label)] + [cell_len(cells[index].plain)
                                               for _, cells in self._rows])
            least.append(pad + (min(natural, max(fewest, cell_len(label))) if weight
                                else natural))
        shown = kept(room, least, [drop for _, _, _, drop, _ in COLUMNS])
        keys = [key for (key, *_), on in zip(COLUMNS, shown, strict=True) if on]
        chosen = None  # the highlighted workshop stays highlighted when the columns change
        if [str(column.key.value) for column in table.ordered_columns] != keys:
            chosen = selected_key(table) if table.row_count else None
            table.clear(columns=True)
            table._jm_order = []  # type: ignore[attr-defined]  # sync_table: rebuild the rows
            for (key, label, *_), on in zip(COLUMNS, shown, strict=True):
                if on:
                    table.add_column(label, key=key)
        sync_table(table, [(key, tuple(cell for cell, on in zip(cells, shown, strict=True)
                                       if on)) for key, cells in self._rows])
        order = [key for key, _ in self._rows]
        if chosen in order:
            table.move_cursor(row=order.index(chosen), animate=False)

    def _unlisted(self, why: str) -> None:
        """The list could not be read: say why where it would be, and ask again soon."""
        self.notify(short(why, 300), severity="error", markup=False)
        self.query_one(DataTable).display = False
        welcome = self.query_one("#welcome", Static)
        welcome.update(Text(why))
        welcome.display = True
        if self._retry is None:
            self._retry = self.set_interval(RETRY_S, self._ask_again, name="home-retry")

    def _ask_again(self) -> None:
        """Read the list in a thread: on a network that drops packets a connect waits
        its timeout, and the screen must not.  A failed try just waits for the next."""
        store = self.session.store
        if store is None or (self._asking is not None and self._asking.is_running):
            return
        self._asking = run_in_thread(self, store, store.list_readable,
                                     group="home-retry", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is self._asking and event.state is WorkerState.SUCCESS \
                and self._retry is not None:
            self._show(*(event.worker.result or ([], [])))

    def refresh_from(self, journey: Any) -> None:
        self.load()

    def _selected(self) -> int | None:
        table = self.query_one(DataTable)
        key = selected_key(table) if table.display else None
        return int(key) if key else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        wid = self._selected()
        if wid is not None:
            self.post_message(OpenWorkshop(wid))

    def action_new_blank(self) -> None:
        store = self.session.store
        if store is None:
            return
        workshop = self.session.run_store(lambda: store.create_workshop(title="Untitled workshop"))
        if workshop is not None:
            self.session.mark_saved()
            self.post_message(OpenWorkshop(int(workshop.id or 0), "scope"))

    def action_new_template(self) -> None:
        try:
            from models.export.templates import list_templates

            templates = list_templates()
        except Exception as exc:  # noqa: BLE001 - a broken template file: say which
            self.notify(f"Templates could not be read: {short(exc, 200)}", severity="error",
                        markup=False)
            return
        if not templates:
            self.notify("No templates are installed; press b for a blank workshop.",
                        markup=False)
            return

        def done(name: str | None) -> None:
            store = self.session.store
            if not name or store is None:
                return
            from models.export.templates import create_from_template

            wid = self.session.run_store(lambda: create_from_template(store, name))
            if wid is not None:
                self.session.mark_saved()
                self.post_message(OpenWorkshop(int(wid), "scope"))

        self.app.push_screen(TemplateScreen(templates), done)

    def action_duplicate(self) -> None:
        wid, store = self._selected(), self.session.store
        if wid is None or store is None:
            return

        def copy() -> int:
            from models.export.serialize import dict_to_store, journey_to_dict

            journey = store.load(wid)
            data = journey_to_dict(journey, full=False)
            title = journey.workshop.title or journey.workshop.scenario or "workshop"
            data["workshop"]["title"] = f"Copy of {title}"[:200]
            return dict_to_store(store, data, source=f"workshop {wid}",
                                 summary=f"duplicated workshop {wid}")

        new_id = self.session.run_store(copy)
        if new_id is not None:
            self.session.mark_saved()
            self.notify("Workshop duplicated (scope, stages, touchpoints, pain points).",
                        markup=False)
            self.load()

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The keys the footer has no room for at 80 columns, and every workshop by its
        title (a portfolio of hundreds is found by typing, not by scrolling)."""
        if self.session.action_allowed("future") and self._selected() is not None:
            yield SystemCommand("Future state: open or make the to-be copy",
                                palette_help("future", "F"), self.action_future)
        for wid, title, what in self._names:
            yield SystemCommand(f"Open {title}", f"Workshop {wid}: {what}",
                                lambda wid=wid: self.post_message(OpenWorkshop(wid)),
                                discover=False)  # found by typing, not listed unasked

    def action_future(self) -> None:
        """The to-be copy of the selected map (its future state), opened at Touchpoints;
        made first only when the map has none (``open_or_make_future_copy``)."""
        wid, store = self._selected(), self.session.store
        if wid is None or store is None:
            return
        from models.export.future_copy import future_notice, open_or_make_future_copy

        found = self.session.run_store(lambda: open_or_make_future_copy(store, wid))
        if found is not None:
            if found[1]:
                self.session.mark_saved()
            self.notify(future_notice(*found), markup=False)
            self.post_message(OpenWorkshop(found[0], "touchpoints"))

    def action_delete(self) -> None:
        wid, store = self._selected(), self.session.store
        if wid is None or store is None:
            return
        from models.db.access import require

        title = self.session.run_store(lambda: store.title_of(wid))  # a damaged map's too
        if title is None:
            return
        if self.session.run_store(lambda: require(store, wid, store.account, "delete")) is None:
            return  # not a lead of it: the refusal was shown as one sentence
        question = Text("Delete the workshop ")
        question.append(safe(short(title or str(wid), 60), "bold"))
        question.append(" and everything in it?")

        def done(yes: bool | None) -> None:
            if yes and self.session.run_store(succeeded(lambda: store.delete_workshop(wid))):
                self.notify("Workshop deleted.", markup=False)
                self.load()

        self.app.push_screen(ConfirmScreen(question, "This cannot be undone."), done)
