"""Tracker: every card and plan task of this workshop, grouped by owner.

This is the screen owners come back to after the session: who does what by
when, and what is late.  Rows come from ``models.tracker`` (the same rule as
the CLI and the export) with "today" from ``tui.output_base``; overdue items
say "OVERDUE n days" in words, so they stand out without colour too.  ``s``
cycles the status of the selected item, ``o`` shows only what is overdue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from tui.output_base import (
    OutputView,
    due_label,
    due_style,
    next_status,
    plural,
    status_label,
    today,
)
from tui.safe_text import safe
from tui.step_base import register_step, selected_key, sync_table

if TYPE_CHECKING:
    from models.journey import Journey
    from models.tracker import TrackerItem

KIND_LABEL = {"card": "card", "task": "plan"}
COLUMNS = (("kind", "Kind"), ("title", "What"), ("deadline", "Deadline"),
           ("status", "Status"), ("due", "Days left"))


def item_key(item: TrackerItem) -> str:
    return f"{item.kind}:{item.item_id}"


class TrackerView(OutputView):
    """Owner groups (header rows) with their items; one key changes a status."""

    STEP = "tracker"
    TITLE = "Tracker"
    DEFAULT_CSS = """
    TrackerView #tracker-summary { padding: 0 1; height: auto; }
    TrackerView DataTable { height: 1fr; }
    TrackerView .empty-note { padding: 1 2; height: auto; }
    """
    BINDINGS = [
        *OutputView.BINDINGS,
        Binding("s", "cycle_status", "Status"),
        Binding("o", "toggle_overdue", "Overdue only"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.overdue_only = False
        self.items: dict[str, TrackerItem] = {}
        self._drawn_limit = 0

    def compose(self) -> ComposeResult:
        yield Static(Text("Tracker · who does what by when, grouped by owner", style="bold"),
                     classes="step-title")
        yield Static(id="tracker-summary")
        yield DataTable(cursor_type="row", id="tracker-table")
        yield Static(id="tracker-empty", classes="empty-note")

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#tracker-table", DataTable)

    def _set_columns(self) -> None:
        table = self.table
        table.clear(columns=True)
        # make sync_table rebuild the rows rather than patch cells of the old columns
        table._jm_order = []  # type: ignore[attr-defined]
        for key, label in COLUMNS:
            table.add_column(label, key=key)

    def _title_limit(self) -> int:
        width = self.size.width or 80
        return max(24, width - 50)

    def refresh_from(self, journey: Journey) -> None:
        from models.tracker import group_by_owner, tracker_items

        on = today()
        items = tracker_items([journey], on)
        self.items = {item_key(i): i for i in items}
        shown = [i for i in items if i.overdue] if self.overdue_only else items
        limit = self._title_limit()
        if limit != self._drawn_limit:
            self._set_columns()  # DataTable columns only ever grow: start afresh on resize
            self._drawn_limit = limit
        rows: list[tuple[str, tuple[Any, ...]]] = []
        for owner, group in group_by_owner(shown).items():
            late = sum(1 for i in group if i.overdue)
            rows.append((f"owner:{owner}", (
                Text("▸", style="bold"), safe(owner, "bold", limit=limit), Text(""),
                Text(plural(len(group), "item"), style="dim"),
                Text(f"{late} OVERDUE" if late else "", style="bold red"))))
            for item in group:
                style = "bold" if item.overdue else ("dim" if item.status in ("done", "dropped")
                                                     else "")
                rows.append((item_key(item), (
                    Text(KIND_LABEL.get(item.kind, item.kind), style="dim"),
                    safe("  " + item.title, style, limit=limit),
                    Text(item.deadline.isoformat() if item.deadline else "—"),
                    Text(status_label(item.status)),
                    Text(due_label(item.deadline, item.status, on),
                         style=due_style(item.deadline, item.status, on)))))
        sync_table(self.table, rows)
        late_all = sum(1 for i in items if i.overdue)
        unowned = sum(1 for i in items if not i.owner)
        summary = Text(end="")
        summary.append(f"{plural(len(items), 'item')}")
        if late_all:
            summary.append(f" · {late_all} OVERDUE", style="bold red")
        if unowned:
            summary.append(f" · {unowned} without owner", style="yellow")
        summary.append(f" · today {on.isoformat()}", style="dim")
        if self.overdue_only:
            summary.append(" · showing overdue only (o = all)", style="bold")
        self.query_one("#tracker-summary", Static).update(summary)
        empty = self.query_one("#tracker-empty", Static)
        empty.display = not rows
        if not rows:
            empty.update(Text("Nothing is overdue. Press o to show every item." if items and
                              self.overdue_only else
                              "Nothing to track yet: draft cards (Cards step) and generate the "
                              "plan (Plan step); their owners and deadlines show up here.",
                              style="dim"))

    def on_resize(self) -> None:
        # the title column's width follows the terminal's
        if self.japp.journey is not None and self._title_limit() != self._drawn_limit:
            self.refresh_from(self.japp.journey)

    def focus_default(self) -> None:
        self.table.focus()

    def selected_item(self) -> TrackerItem | None:
        key = selected_key(self.table)
        return self.items.get(key) if key else None

    def action_cycle_status(self) -> None:
        from models.tables import HypothesisCard, PlanTask

        item = self.selected_item()
        if item is None:
            self.notify("Select a card or plan task (not an owner heading) to change its "
                        "status.", markup=False)
            return
        model = HypothesisCard if item.kind == "card" else PlanTask
        new = next_status(item.status)
        if self.japp.save_field(model, item.item_id, "status", new):
            self.notify(f"Status: {status_label(new)}", markup=False, timeout=2)

    def action_toggle_overdue(self) -> None:
        self.overdue_only = not self.overdue_only
        if self.japp.journey is not None:
            self.refresh_from(self.japp.journey)


register_step("tracker", TrackerView)
