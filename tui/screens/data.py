"""The Data screen: ticket imports, the latest metrics, and each KPI's history as a trend.

Reached from the workshop screen (key ``T`` or the palette).  Everyone can look; only a
lead or participant can import (the ``import`` action is an editing action in
``tui.actions``, so an observer has neither the key nor the palette entry).  Figures come
from ``models.rules.measures``; an unavailable one says "n/a" and the reason is listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Sparkline, Static, TabbedContent, TabPane

from models.tickets.hours import stored
from tui.actions import bindings
from tui.dialogs.ticket_import import ImportRequest, TicketImportDialog
from tui.session import WorkshopSession
from tui.widgets.footer import CalmFooter

if TYPE_CHECKING:
    from models.db.journey import Journey

KPIS: tuple[tuple[str, str], ...] = (
    ("tickets", "Tickets"), ("fcr_rate", "FCR"), ("reopen_rate", "Reopen rate"),
    ("reopened", "Reopened"), ("ttr_median_hours", "TTR median"),
    ("ttr_p90_hours", "TTR p90"), ("first_response_median_hours", "First response"),
    ("csat_mean", "CSAT"), ("reassigned_rate", "Reassigned"), ("sla_met_rate", "SLA met"),
    ("backlog_open", "Backlog"),
)


class DataScreen(Screen[None]):
    """Sources, the KPI history table with a trend column, and the highlighted KPI's
    sparkline; ``i`` imports a file, ``escape`` goes back to the workshop."""

    BINDINGS = bindings("data")
    DEFAULT_CSS = """
    DataScreen #sources { height: auto; max-height: 5; padding: 0 1; }
    DataScreen TabbedContent { height: 1fr; }
    DataScreen TabPane { padding: 0; }
    DataScreen #kpis { height: 1fr; min-height: 6; }
    DataScreen #latest { height: 1fr; }
    DataScreen #trend-label { height: 1; padding: 0 1; }
    DataScreen Sparkline { height: 3; margin: 0 1; }
    DataScreen #reasons { height: auto; max-height: 4; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, session: WorkshopSession) -> None:
        super().__init__()
        self.session = session
        self.rows: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="sources")
        with TabbedContent():
            with TabPane("History", id="history"):
                yield DataTable(id="kpis", cursor_type="row", zebra_stripes=True)
                yield Static(id="trend-label")
                yield Sparkline([], id="trend")
                with VerticalScroll(id="reasons"):
                    yield Static(id="reason-text")
            with TabPane("Latest by category", id="by-category"):
                yield DataTable(id="latest", cursor_type="row", zebra_stripes=True)
        yield CalmFooter()

    def on_mount(self) -> None:
        self.title = "Ticket data"
        table = self.query_one("#kpis", DataTable)
        for label in ("KPI (all tickets)", "Trend", "First", "Latest", "n"):
            table.add_column(label)
        latest = self.query_one("#latest", DataTable)
        for label in ("Category", "Tickets", "FCR", "Reopen", "TTR med", "CSAT", "Reassign"):
            latest.add_column(label)
        self.draw()
        table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.session.action_allowed(action)

    def draw(self) -> None:
        from models.rules import measures

        journey = self.session.journey
        if journey is None:
            return
        self.query_one("#sources", Static).update(self._sources(journey))
        table = self.query_one("#kpis", DataTable)
        table.clear()
        self.rows = []
        reasons: list[str] = []
        for metric, label in KPIS:
            history = measures.series(journey, metric)
            if not history:
                continue
            first, last = history[0], history[-1]
            trend = measures.sparkline([m.value for _, m in history])
            if last[1].value is None and last[1].reason:
                reasons.append(f"{label}: not available, {last[1].reason}")
            n = last[1].provenance.rsplit("n=", 1)[-1].split(",")[0] if last[1].provenance else ""
            if metric == "fcr_rate" and any(r.fcr_is_proxy for r in journey.readings):
                label = "FCR (proxy)"
            table.add_row(Text(label), Text(trend),
                          Text(f"{first[0]} {measures.format_value(metric, first[1].value)}"),
                          Text(f"{last[0]} {measures.format_value(metric, last[1].value)}"),
                          Text(n), key=metric)
            self.rows.append(metric)
        self.query_one("#reason-text", Static).update(Text("\n".join(reasons)))
        self._trend(self.rows[0] if self.rows else "")
        self._latest(journey)

    def _latest(self, journey: Journey) -> None:
        """The latest import's whole span by category (what ``tickets show`` prints)."""
        from models.rules.measures import format_value
        from models.tickets import storage

        table = self.query_one("#latest", DataTable)
        table.clear()
        if not journey.readings:
            return
        try:
            rows = storage.table_rows(journey.readings, journey.ticket_sources, by="category")
        except ValueError:
            return
        for r in rows:
            name = "all" if r.group_kind == "all" else (r.group_value or "(none)")
            table.add_row(Text(name), *(Text(format_value(m, getattr(r, m))) for m in (
                "tickets", "fcr_rate", "reopen_rate", "ttr_median_hours", "csat_mean",
                "reassigned_rate")))

    def _sources(self, journey: Journey) -> Text:
        if not journey.ticket_sources:
            hint = "" if self.session.read_only else " Press i to import a ticket export."
            return Text(f"No ticket data yet.{hint}", style="dim")
        out = Text()
        for src in journey.ticket_sources[-3:]:
            when = src.imported_at.strftime("%Y-%m-%d") if src.imported_at else ""
            out.append(f"{src.file_name}", style="bold")
            out.append(f"  {src.product}, {src.tickets:,} tickets, {src.periods}, "
                       f"imported {when}\n")
        older = len(journey.ticket_sources) - 3
        if older > 0:
            out.append(f"and {older} earlier import(s)\n", style="dim")
        schedule = stored(journey.workshop.business_hours)
        if schedule is not None:
            out.append(f"Business hours: {schedule.summary()}\n", style="dim")
        out.rstrip()
        return out

    def _trend(self, metric: str) -> None:
        from models.rules import measures

        journey = self.session.journey
        label = self.query_one("#trend-label", Static)
        spark = self.query_one("#trend", Sparkline)
        if journey is None or not metric:
            label.update("")
            spark.data = []
            return
        history = measures.series(journey, metric)
        values = [m.value for _, m in history if m.value is not None]
        name = dict(KPIS).get(metric, metric)
        span = f"{history[0][0]}..{history[-1][0]}" if history else ""
        label.update(Text(f"{name} by month, {span} ({len(values)} reading(s))"))
        spark.data = values

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value:
            self._trend(str(event.row_key.value))

    def action_close(self) -> None:
        self.dismiss()

    def action_import(self) -> None:
        self.app.push_screen(TicketImportDialog(), self._imported)

    def _imported(self, request: ImportRequest | None) -> None:
        store, journey = self.session.store, self.session.journey
        if request is None or store is None or journey is None or journey.workshop.id is None:
            return
        from models.tickets import storage

        wid = journey.workshop.id
        result = self.session.mutate(lambda: storage.import_file(
            store, wid, request.path, source=request.source, mapping=request.mapping))
        if result is not None:
            self.session.hooks.notify(f"Imported {result.imported.tickets:,} tickets "
                                      f"({', '.join(result.periods)}).", markup=False)
        self.draw()
