"""The Data screen: ticket imports, the latest metrics, and each KPI's history as a trend.

Reached from the workshop screen (key ``T`` or the palette).  Everyone can look; only a
lead or participant can import, map a category (``m``) or fill the map from the data
(``a``): those are editing actions in ``tui.actions``, so an observer has neither the keys
nor the palette entries.  They call the same ``models.tickets.storage`` functions as
``journeymap tickets import|map|apply``.  Figures come from ``models.rules.measures``; an
unavailable one says "n/a" and the reason is listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Sparkline, Static, TabbedContent, TabPane
from textual.worker import Worker

from models.rules.counts import plural
from models.rules.months import said
from models.tickets.hours import stored
from models.vocab import KPI_ROWS
from tui.actions import bindings
from tui.dialogs.common import ConfirmScreen, PickScreen
from tui.dialogs.import_run import ImportRun
from tui.dialogs.ticket_import import TicketImportDialog
from tui.dialogs.ticket_map import CategoryMapDialog, MapRequest
from tui.safe_text import safe, short
from tui.session.workshop import WorkshopSession
from tui.widgets.footer import CalmFooter

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.db.store import Store
    from models.rules.measures import Measured

# the screen's short labels of the one list of KPI rows (the Markdown has the long ones)
KPIS: tuple[tuple[str, str], ...] = tuple((metric, short) for metric, short, _ in KPI_ROWS)


class DataScreen(Screen[None]):
    """Sources, the KPI history table with a trend column, and the highlighted KPI's
    sparkline; ``i`` imports a file, ``escape`` goes back to the workshop."""

    BINDINGS = [*bindings("screen"), *bindings("data")]
    DEFAULT_CSS = """
    DataScreen #sources { height: auto; max-height: 5; padding: 0 1; }
    DataScreen TabbedContent { height: 1fr; }
    DataScreen TabPane { padding: 0; }
    DataScreen #kpis { height: 1fr; min-height: 6; }
    DataScreen #latest { height: 1fr; }
    DataScreen #mapping { height: 1fr; }
    DataScreen #trend-label { height: 1; padding: 0 1; }
    DataScreen Sparkline { height: 3; margin: 0 1; }
    DataScreen #reasons { height: auto; max-height: 4; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, session: WorkshopSession) -> None:
        super().__init__()
        self.session = session
        self.rows: list[str] = []
        self.imports = ImportRun(self, session)

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
            with TabPane("Mapping", id="tab-mapping"):
                yield DataTable(id="mapping", cursor_type="row", zebra_stripes=True)
        yield CalmFooter()

    def on_mount(self) -> None:
        self.title = "Ticket data"
        table = self.query_one("#kpis", DataTable)
        for label in ("KPI (all tickets)", "Trend", "First", "Latest", "n"):
            table.add_column(label)
        latest = self.query_one("#latest", DataTable)
        for label in ("Category", "Tickets", "FCR", "Reopen", "TTR med", "CSAT", "Reassign"):
            latest.add_column(label)
        mapping = self.query_one("#mapping", DataTable)
        for key, label in (("category", "Category"), ("latest", "Latest month"),
                           ("stage", "Stage"), ("pain", "Pain point")):
            mapping.add_column(label, key=key)
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
        partial, _ = measures.coverage(journey)
        for metric, label in KPIS:
            history = measures.series(journey, metric)
            if not history:
                continue
            first, last = history[0], history[-1]
            trend = measures.sparkline([m.value for _, m in history])
            if last[1].value is None and last[1].reason:
                reasons.append(f"{label}: not available, {last[1].reason}")
            n = "" if last[1].n is None else f"{last[1].n:,}"
            if metric == "fcr_rate" and any(r.fcr_is_proxy for r in journey.readings):
                label = "FCR (proxy)"
            cells = [f"{month}{'*' if month in partial else ''} "
                     f"{measures.format_value(metric, figure.value)}"
                     for month, figure in (first, last)]
            table.add_row(Text(label), Text(trend), Text(cells[0]), Text(cells[1]), Text(n),
                          key=metric)
            self.rows.append(metric)
        notes = [f"* {said(month, cut)} (a partial month)"
                 for month, cut in sorted(partial.items())]
        if self.rows:
            notes.append("n: tickets behind each latest figure (CSAT: answered surveys, "
                         "TTR: resolved)")
        self.query_one("#reason-text", Static).update(Text("\n".join([*notes, *reasons])))
        self._trend(self.rows[0] if self.rows else "")
        self._latest(journey)
        self._mapping(journey)

    def _mapping(self, journey: Journey) -> None:
        """Each category of the readings with its latest month and what it is mapped to."""
        from models.rules import measures

        table = self.query_one("#mapping", DataTable)
        table.clear()
        links = measures.links(journey)
        stages = {s.id: s.name for s in journey.stages}
        pains = {p.id: p for p in journey.pain_points}
        for name, month, figure in measures.categories(journey):
            link = links.get(name, {})
            pain = pains.get(link.get("pain"))
            table.add_row(safe(name or "(none)", limit=40),
                          Text(f"{month}: {measures.format_value('tickets', figure.value)}"),
                          safe(stages.get(link.get("stage"), "—"), limit=30),
                          safe(f"#{pain.id} {pain.description}" if pain else "—", limit=40),
                          key=name)

    def _latest(self, journey: Journey) -> None:
        """The latest import's whole span by category, or its totals when the export has no
        category column (what ``tickets show`` prints)."""
        from models.rules.measures import format_value
        from models.tickets import show

        table = self.query_one("#latest", DataTable)
        table.clear()
        if not journey.readings:
            return
        try:
            rows = show.table_rows(journey.readings, journey.ticket_sources)
        except ValueError:
            return
        for r in rows:
            name = "all" if r.group_kind == "all" else (r.group_value or "(none)")
            table.add_row(safe(name, limit=40), *(Text(format_value(m, getattr(r, m))) for m in (
                "tickets", "fcr_rate", "reopen_rate", "ttr_median_hours", "csat_mean",
                "reassigned_rate")))

    def _sources(self, journey: Journey) -> Text:
        if not journey.ticket_sources:
            hint = "" if self.session.read_only else " Press i to import a ticket export."
            return Text(f"No ticket data yet.{hint}", style="dim")
        out = Text()
        for src in journey.ticket_sources[-3:]:
            when = src.imported_at.strftime("%Y-%m-%d") if src.imported_at else ""
            out.append_text(safe(src.file_name, "bold"))
            # the zone its times without one were read in ("" before schema 14)
            zone = f", times in {src.zone}" if src.zone else ""
            out.append(f"  {src.product}, {src.tickets:,} tickets, {src.periods}, "
                       f"imported {when}{zone}\n")
        older = len(journey.ticket_sources) - 3
        if older > 0:
            out.append(f"and {plural(older, 'earlier import')}\n", style="dim")
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
        label.update(Text(f"{name} by month, {span} ({plural(len(values), 'reading')})"))
        spark.data = values

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "kpis" and event.row_key.value:
            self._trend(str(event.row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row of the Mapping tab maps that category (as ``m`` does)."""
        if event.data_table.id == "mapping" and self.session.action_allowed("map_category"):
            event.stop()
            self.action_map_category()

    def action_close(self) -> None:
        self.dismiss()

    def action_import(self) -> None:
        self.app.push_screen(TicketImportDialog(), self.imports.start)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if self.imports.finished(event):
            self.draw()

    # -- tying the data to the map (same functions as ``journeymap tickets map|apply``) ----
    def _editable(self) -> tuple[Store, int] | None:
        store, journey = self.session.store, self.session.journey
        if store is None or journey is None or journey.workshop.id is None:
            return None
        if not journey.ticket_sources:
            self.notify("No ticket data yet: press i to import an export first.",
                        markup=False)
            return None
        return store, journey.workshop.id

    def action_map_category(self) -> None:
        """The highlighted category of the Mapping tab, or a choice of the categories."""
        from models.rules import measures

        journey = self.session.journey
        if journey is None or self._editable() is None:
            return
        table = self.query_one("#mapping", DataTable)
        direct = table.has_focus and table.row_count > 0
        self._show_mapping()
        rows = measures.categories(journey)
        if direct:
            name = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
            picked = next((row for row in rows if row[0] == name), None)
            if picked is not None:
                self._map_dialog(*picked)
                return
        options = [(safe(f"{short(name or '(none)', 50)} — "  # the count stays: it is chosen by
                         f"{measures.format_value('tickets', f.value)} tickets in {month}"),
                    (name, month, f))
                   for name, month, f in rows]

        def chosen(row: tuple[str, str, Measured] | None) -> None:
            if row is not None:
                self._map_dialog(*row)

        self.app.push_screen(PickScreen("Map which ticket category?", options), chosen)

    def _map_dialog(self, name: str, month: str, figure: Measured) -> None:
        from models.rules import measures

        journey = self.session.journey
        if journey is None:
            return
        link = measures.links(journey).get(name, {})
        stage = next((s.name for s in journey.stages if s.id == link.get("stage")), "")
        pain = next((f"#{p.id} {p.description}" for p in journey.pain_points
                     if p.id == link.get("pain")), "")
        detail = f"{measures.format_value('tickets', figure.value)} tickets in {month}"
        dialog = CategoryMapDialog(
            name, detail, [s.name for s in journey.stages],
            [(int(p.id or 0), f"{p.description} ("
              + (f"{p.ticket_volume:,}/month" if p.ticket_volume is not None
                 else "volume not recorded") + ")")
             for p in journey.pain_points], current_stage=stage, current_pain=pain)
        self.app.push_screen(dialog, self._mapped)

    def _mapped(self, request: MapRequest | None) -> None:
        target = self._editable()
        if request is None or target is None:
            return
        from models.tickets import links

        store, wid = target
        said = self.session.mutate(lambda: links.set_link(
            store, wid, request.category, stage=request.stage, pain_id=request.pain_id,
            unmap_stage=request.unmap_stage, unmap_pain=request.unmap_pain))
        if said is not None:
            self.notify(f"Mapped {short(said, 200)}.", markup=False)
        self.draw()
        table = self._show_mapping()
        try:
            table.move_cursor(row=table.get_row_index(request.category))
        except KeyError:
            pass

    def _show_mapping(self) -> DataTable[Any]:
        """The Mapping tab with its table focused (a focused widget elsewhere would pull
        the tabs back to its own pane)."""
        self.query_one(TabbedContent).active = "tab-mapping"
        table = self.query_one("#mapping", DataTable)
        table.focus()
        return table

    def action_fill(self) -> None:
        """Fill what is empty; when nothing is, offer to replace what was typed."""
        target = self._editable()
        if target is None:
            return
        from models.tickets import baselines

        store, wid = target
        applied = self.session.mutate(lambda: baselines.apply_to_map(store, wid))
        self.draw()
        if applied is None:
            return
        if applied.filled or applied.kept:
            self._said(applied.filled, applied.kept)
            return
        question = Text("Nothing empty to fill. Replace the typed evidence and KPI baselines "
                        "with the ticket data?")
        detail = Text("The scope's evidence (tickets per month, resolution time, transfer "
                      "rate, CSAT) and the baselines of stages with mapped categories are "
                      "replaced; each figure keeps its file, period and n.")

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            done = self.session.mutate(lambda: baselines.apply_to_map(store, wid,
                                                                    overwrite=True))
            self.draw()
            if done is not None:
                self._said(done.filled or ["nothing in the ticket data to fill the map with"],
                           done.kept)

        self.app.push_screen(ConfirmScreen(question, detail), answer)

    def _said(self, lines: list[str], kept: list[str]) -> None:
        """The figures filled, then those left because a seat set them meanwhile."""
        shown = [short(line, 160) for line in lines[:6]]
        more = f"\n… and {len(lines) - 6} more" if len(lines) > 6 else ""
        left = "".join(f"\nKept: {short(line, 160)}" for line in kept)
        head = ("Filled from the ticket data:\n" + "\n".join(shown) + more if lines else
                "Nothing filled from the ticket data.")
        self.notify(head + left, markup=False, timeout=8)
