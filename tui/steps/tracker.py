"""Tracker: every card, plan task and SLA commitment of this workshop - or all - by owner.

This is the screen owners come back to after the session: who does what by
when, and what is late.  Rows come from ``models.rules.tracker`` (the same rule as
the CLI and the export) with "today" from ``models.rules.clock``; overdue items
say "OVERDUE n days" in words, so they stand out without colour too.  ``s``
cycles the status of the selected item, ``o`` shows only what is overdue, and
``w`` switches to every workshop in the database (a lead's Monday view, like
``journeymap tracker`` without an ID).  Those are loaded in a worker thread so
the screen never waits on a big database; each new revision of the open
workshop (an edit here or by another seat) loads them again.  Each escalation
level's SLA commitment (``models.rules.commitments``) sits in its tier's group,
"standing", with what it lacks in capitals (NO OWNER, NO RESPONSE SLA).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from models.rules.clock import today
from models.rules.counts import plural
from models.vocab import CLOSED_STATUSES, status_label
from tui.actions import bindings
from tui.dialogs.common import PickScreen
from tui.safe_text import clean
from tui.session.workshop import OpenWorkshop
from tui.steps.base import StepView, selected_key, sync_table
from tui.steps.columns import CutRow, FitTable, cut
from tui.steps.output_base import OutputView
from tui.store_thread import run_in_thread
from tui.widgets.dates import due_label, due_style, next_status

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.rules.tracker import TrackerItem
    from tui.session.workshop import WorkshopSession

KIND_LABEL = {"card": "card", "task": "plan", "sla": "SLA"}
STEP_OF_KIND = {"card": "cards", "task": "plan"}  # where Enter takes an item (else here)
COLUMNS = (("kind", "Kind"), ("title", "What"), ("deadline", "Deadline"),
           ("status", "Status"), ("due", "Days left"))
WORKSHOP_COLUMN = ("workshop", "Workshop")
OWNER_COLUMN = ("owner", "Owner")
TITLES = {False: "Tracker · who does what by when, grouped by owner",
          True: "Tracker · who does what by when, sorted by due date (d = by owner)"}
# The free-text columns share what the others leave (``FitTable``): the deadline, the
# status and the days left ("OVERDUE by 34 days") always stay whole.
SHARED = {"title": 3, "workshop": 1, "owner": 1}


def item_key(item: TrackerItem) -> str:
    return f"{item.kind}:{item.item_id}"


class TrackerView(OutputView, inherit_bindings=False):
    """Owner groups (header rows) with their items; one key changes a status."""

    STEP = "tracker"
    TITLE = "Tracker"
    DEFAULT_CSS = """
    TrackerView #tracker-summary { padding: 0 1; height: auto; }
    TrackerView DataTable { height: 1fr; }
    TrackerView .empty-note { padding: 1 2; height: auto; }
    """
    # Its own keys before ``x`` Export, which every other step's footer shows: at 80
    # columns x gives way (Textual puts a base class's keys first, hence all listed here).
    BINDINGS = [*bindings("tracker"), *OutputView.BINDINGS, *StepView.BINDINGS]

    def __init__(self, session: WorkshopSession, **kwargs: Any) -> None:
        super().__init__(session, **kwargs)
        self.overdue_only = False
        self.all_workshops = False
        self.due_first = False  # one list by due date (``d``), else grouped by owner
        self.owner = ""  # one owner's items only (``u``); "" = everyone
        self.items: dict[str, TrackerItem] = {}
        self.all_items: list[TrackerItem] | None = None  # None: not loaded (yet)
        self.all_failed = ""  # why the last read of every workshop failed ("" if it did not)
        self.workshop_count = 0
        self._load_gen = 0  # a worker's result counts only if no newer load started
        self._this_items: list[TrackerItem] = []
        self._design = ""  # a to-be design's sentence (``session.design_note``)
        self._drawn_scope: tuple[bool, bool] | None = None  # what the columns were made for

    def compose(self) -> ComposeResult:
        yield Static(Text(TITLES[False], style="bold"), classes="step-title",
                     id="tracker-title")
        yield Static(id="tracker-summary")
        yield FitTable(cursor_type="row", id="tracker-table", cut=SHARED)
        yield Static(id="tracker-empty", classes="empty-note")

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#tracker-table", DataTable)

    def _set_columns(self) -> None:
        table = self.table
        table.clear(columns=True)
        # make sync_table rebuild the rows rather than patch cells of the old columns
        table._jm_order = []  # type: ignore[attr-defined]
        columns = list(COLUMNS)
        if self.due_first:  # no owner headings: each row says whose it is
            columns.insert(2, OWNER_COLUMN)
        if self.all_workshops:
            columns.insert(1, WORKSHOP_COLUMN)
        for key, label in columns:
            table.add_column(label, key=key)

    def refresh_from(self, journey: Journey) -> None:
        """New data: this workshop's items now, every workshop's from a worker."""
        from models.rules.commitments import tracked_items

        self._design = self.session.design_note(journey)  # a to-be tracks nothing itself
        self._this_items = [] if self._design else tracked_items([journey], today())
        if self.all_workshops:
            self.load_all()
        self.render_items()

    def load_all(self) -> None:
        """Read every workshop in a thread; the newest request wins."""
        self._load_gen += 1
        self.all_failed = ""
        gen, store, on = self._load_gen, self.session.store, today()
        if store is None:
            return

        def work() -> None:
            from models.db.light_target import load_journeys
            from models.db.schema import StoreError
            from models.rules.commitments import tracked_items
            from models.rules.live_maps import live

            try:
                # a sound file or current server is read without the ORM (a third of the CPU)
                refused: list[str] = []
                journeys = load_journeys(store.light_source(), None)
                if journeys is None:  # the store's path leaves a damaged map out, saying why
                    journeys, refused = store.load_readable()
                for sentence in refused:
                    self.app.call_from_thread(self.notify, f"Left out of all workshops: {sentence}",
                                              severity="warning", markup=False)
                journeys = live(journeys)  # a to-be copy is a design, not work to track
                items = tracked_items(journeys, on)
            except (StoreError, OSError) as exc:
                self.app.call_from_thread(self._load_failed, gen, str(exc))
                return
            self.app.call_from_thread(self._loaded, gen, items, len(journeys))

        run_in_thread(self, store, work, group="tracker-all", exit_on_error=False)

    def _loaded(self, gen: int, items: list[TrackerItem], workshops: int) -> None:
        if gen != self._load_gen or not self.is_attached:
            return  # a newer load is on its way
        self.all_items, self.workshop_count = items, workshops
        self.render_items()

    def _load_failed(self, gen: int, message: str) -> None:
        if gen == self._load_gen:
            self.notify(f"Could not read every workshop: {message}", severity="error",
                        markup=False)
            self.all_failed = message
            if self.is_attached:
                self.render_items()

    def render_items(self) -> None:
        """Draw the items of the current scope (this workshop / all workshops)."""
        from models.rules.commitments import item_due
        from models.rules.tracker import UNASSIGNED, by_due, group_by_owner, of_owner

        on = today()
        loading = self.all_workshops and self.all_items is None
        items = (self.all_items or []) if self.all_workshops else self._this_items
        self.items = {item_key(i): i for i in items}
        shown = [i for i in items if i.overdue] if self.overdue_only else items
        if self.owner:
            shown = of_owner(shown, self.owner)
        if (self.all_workshops, self.due_first) != self._drawn_scope:
            self._set_columns()  # the Workshop or the Owner column comes or goes
            self.query_one("#tracker-title", Static).update(
                Text(TITLES[self.due_first], style="bold"))
            self._drawn_scope = (self.all_workshops, self.due_first)
        many = self.all_workshops
        # Plain texts and styles, made into cells only for the rows drawn (``CutRow``): a
        # portfolio's 2,000 items built as ``Text`` cost ~70 ms before the first paint.
        # A workshop's title, an owner, a template's card title and a deadline repeat
        # across items: each is cleaned and measured once (a pasted 10,000-character
        # title cost ~2 ms per item of its workshop).
        cuts: dict[str, str] = {}
        dues: dict[tuple[Any, str], tuple[str, str]] = {}

        def once(text: str) -> str:
            done = cuts.get(text)
            if done is None:
                done = cuts[text] = cut(text)
            return done

        def due_of(item: TrackerItem) -> tuple[str, str]:
            key = (item.deadline, item.status)
            done = dues.get(key)
            if done is None:
                done = dues[key] = (due_label(item.deadline, item.status, on),
                                    due_style(item.deadline, item.status, on))
            return done

        def item_row(item: TrackerItem) -> tuple[str, CutRow]:
            title = ("bold" if item.overdue else
                     "dim" if item.status in ("done", "dropped") else "")
            due, due_look = ((item_due(item), "bold yellow" if item.flag else "dim")
                             if item.kind == "sla" else due_of(item))
            texts: tuple[str, ...] = (
                KIND_LABEL.get(item.kind, item.kind), once("  " + item.title),
                item.deadline.isoformat() if item.deadline else "—",
                status_label(item.status) + (f" · signal {item.signal}" if item.signal else ""),
                due)
            styles: tuple[str, ...] = ("dim", title, "", "", due_look)
            if self.due_first:
                texts = (*texts[:2], once(item.owner or UNASSIGNED), *texts[2:])
                styles = (*styles[:2], "", *styles[2:])
            if many:
                texts = (texts[0], once(item.workshop_title), *texts[1:])
                styles = (styles[0], "", *styles[1:])
            return item_key(item), CutRow(texts, styles)

        rows: list[tuple[str, Any]] = []
        if self.due_first:
            rows = [item_row(item) for item in by_due(shown)]
        for owner, group in ({} if self.due_first else group_by_owner(shown)).items():
            late = sum(1 for i in group if i.overdue)
            texts: tuple[str, ...] = ("▸", once(owner), "", plural(len(group), "item"),
                                      f"{late:,} OVERDUE" if late else "")
            styles: tuple[str, ...] = ("bold", "bold", "", "dim", "bold red")
            if many:
                texts, styles = (texts[0], "", *texts[1:]), (styles[0], "", *styles[1:])
            rows.append((f"owner:{owner}", CutRow(texts, styles)))
            rows.extend(item_row(item) for item in group)
        sync_table(self.table, rows)
        self.rows_shown()
        late_all = sum(1 for i in items if i.overdue)
        slas = [i for i in items if i.kind == "sla"]
        unowned = sum(1 for i in items if not i.owner and i.kind != "sla")
        summary = Text(end="")
        if loading:  # no count until every workshop was read: a failed read counts nothing
            summary.append("items not available" if self.all_failed else "items being read…")
        else:
            summary.append(f"{plural(len(items) - len(slas), 'item')}")
        if late_all:
            summary.append(f" · {late_all:,} OVERDUE", style="bold red")
        if unowned:
            summary.append(f" · {unowned:,} without owner", style="yellow")
        if slas:
            flagged = sum(1 for i in slas if i.flag)
            summary.append(f" · {plural(len(slas), 'SLA commitment')}")
            summary.append(f", {flagged:,} flagged" if flagged else "",
                           style="bold yellow")
        summary.append(f" · today {on.isoformat()}", style="dim")
        if self.all_workshops:
            count = "" if loading else f"{plural(self.workshop_count, 'workshop')}, "
            summary.append(f" · all workshops ({count}w = this one)", style="bold")
        elif self.session.action_allowed("toggle_scope"):  # a guest seat sees one workshop
            summary.append(" · w = all workshops", style="dim")
        if self.overdue_only:
            summary.append(" · showing overdue only (o = all)", style="bold")
        if self.owner:
            summary.append(f" · {self._whose()} items only (u = everyone)", style="bold")
        self.query_one("#tracker-summary", Static).update(summary)
        empty = self.query_one("#tracker-empty", Static)
        empty.display = not rows
        if not rows:
            empty.update(Text(f"Every workshop's items are not available: {self.all_failed}"
                              if loading and self.all_failed else
                              "Reading every workshop…" if loading else
                              self._design if self._design and not self.all_workshops else
                              "Nothing is overdue. Press o to show every item." if items and
                              self.overdue_only and not self.owner else
                              f"Nothing of {self._whose()} is overdue. Press o to show "
                              "every item." if items and self.overdue_only else
                              f"Nothing of {self._whose()} here. Press u for everyone's."
                              if items and self.owner else
                              "Nothing to track yet: draft cards (Cards step) and generate the "
                              "plan (Plan step); their owners and deadlines show up here.",
                              style="dim"))

    def focus_default(self) -> None:
        self.table.focus()

    def has_rows(self) -> bool:
        return bool(self.table.row_count)

    def selected_item(self) -> TrackerItem | None:
        key = selected_key(self.table)
        return self.items.get(key) if key else None

    def action_cycle_status(self) -> None:
        from models.db.tables.cards import HypothesisCard, PlanTask

        item = self.selected_item()
        if item is None:
            self.notify("Select a card or plan task (not an owner heading) to change its "
                        "status.", markup=False)
            return
        if item.kind == "sla":
            self.notify("An SLA commitment stands until the matrix changes: edit its owner "
                        "and times in the Escalation view (E).", markup=False)
            return
        model = HypothesisCard if item.kind == "card" else PlanTask
        new = next_status(item.status)
        if self.session.save_field(model, item.item_id, "status", new):
            if self.all_workshops:
                # another workshop's item is not in the open snapshot: show the new
                # status now; the reload that follows confirms it from the database
                item.status = new
                item.overdue = (item.deadline is not None and item.deadline < today()
                                and new not in CLOSED_STATUSES)
                self.render_items()
            self.notify(f"Status: {status_label(new)}", markup=False, timeout=2)

    async def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on an item (the table's own Enter binding comes before the view's)."""
        event.stop()
        if self.check_action("open_item", ()):
            await self.action_open_item()

    async def action_open_item(self) -> None:
        """Go where the selected item lives: its workshop's Cards or Plan step.

        The Monday view lists every workshop's late work; the way to one used to be
        Home, that workshop among hundreds, then its step.  An item of this workshop
        is a step switch on this screen (its built views are kept); another's opens
        that workshop.  An SLA commitment lives in the Tracker itself.
        """
        item = self.selected_item()
        if item is None:
            return
        step = STEP_OF_KIND.get(item.kind, self.STEP)
        if item.workshop_id == self.journey.workshop.id:
            await self.run_action(f"screen.goto('{step}')")
        else:
            self.post_message(OpenWorkshop(item.workshop_id, step))

    # The state each toggle key sets; its two bindings (``tui.actions``) carry the value.
    TOGGLES: ClassVar[dict[str, str]] = {"toggle_sort": "due_first",
                                         "toggle_overdue": "overdue_only",
                                         "toggle_scope": "all_workshops"}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Of a toggle's two bindings only the one that changes something is active, so
        the footer names what pressing the key gives ("By owner" once by due date)."""
        state = self.TOGGLES.get(action)
        if state is not None and parameters and parameters[0] == getattr(self, state):
            return False
        return super().check_action(action, parameters)

    def action_toggle_overdue(self, on: bool) -> None:
        self.overdue_only = on
        self.refresh_bindings()
        self.render_items()

    def _whose(self) -> str:
        """The chosen owner as the summary says it: "Priya's", "the unassigned"; its
        control characters as marks (an older file's owner can hold an escape sequence)."""
        from models.rules.tracker import UNASSIGNED

        return "the unassigned" if self.owner == UNASSIGNED else f"{clean(self.owner)}'s"

    def action_toggle_sort(self, due: bool) -> None:
        """One list by due date (``journeymap tracker --sort due``) ⇄ grouped by owner."""
        self.due_first = due
        self.refresh_bindings()
        self.render_items()

    def action_pick_owner(self) -> None:
        """Only one owner's items (``--owner NAME``): everyone first, then the owners in
        the order of their groups, the current choice highlighted."""
        from models.rules.tracker import group_by_owner

        items = (self.all_items or []) if self.all_workshops else self._this_items
        owners = list(group_by_owner(items))
        options = [(Text("Everyone"), ""), *((Text(clean(name)), name) for name in owners)]
        at = owners.index(self.owner) + 1 if self.owner in owners else 0

        def chosen(owner: str | None) -> None:
            if owner is not None and self.is_attached:
                self.owner = owner
                self.render_items()

        self.app.push_screen(PickScreen("Whose items?", options, highlight=at, digits=True),
                             chosen)

    def action_toggle_scope(self, every: bool) -> None:
        """This workshop / every workshop in the database."""
        self.all_workshops = every
        self.refresh_bindings()
        if self.all_workshops:
            self.all_items = None
            self.load_all()
        self.render_items()
