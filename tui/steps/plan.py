"""Plan: the 60-day plan as a timeline, and the monthly leadership review under it.

The plan is generated from the map (``models.rules.plan``) the first time the step
is opened, so a lead sees real dates at once; ``r`` regenerates it after the
map changed and keeps every task a person edited (editing here saves with
``edited=True``).  The review's fourth question ranks the other journeys of
the database, so the portfolio is loaded in a thread worker and the answers
appear when it is ready; the first three answers need only this workshop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.visual import visualize
from textual.widgets import Static

from models.rules.clock import today
from models.rules.counts import plural
from models.rules.plan_day import plan_day_one
from models.rules.safe_dates import shift
from models.vocab import status_label
from tui.actions import bindings
from tui.dialogs.row_editor import RowEditor
from tui.safe_text import clean
from tui.steps.output_base import OutputView
from tui.steps.scope import START_FIELD
from tui.store_thread import run_in_thread
from tui.widgets.as_tall import as_tall
from tui.widgets.dates import fmt_date, next_status
from tui.widgets.forms import FieldSpec
from tui.widgets.plan_timeline import PLAN_DAYS, PlanTimeline

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.db.tables.cards import PlanTask
    from tui.session.workshop import WorkshopSession

PLAN_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "Task", "What gets done; editing keeps this task when the plan is "
              "regenerated."),
    FieldSpec("owner", "Owner", "One person who reports on it at the leadership review."),
    FieldSpec("start", "Start", "YYYY-MM-DD."),
    FieldSpec("deadline", "Deadline", "YYYY-MM-DD (a working day)."),
    FieldSpec("status", "Status", "proposed, in progress, done or dropped.",
              suggestions=("proposed", "in progress", "done", "dropped")),
    FieldSpec("detail", "Detail", "What exactly, for whom."),
)


class PlanView(OutputView):
    """Timeline on top, the selected task's detail, then the leadership review."""

    STEP = "plan"
    TITLE = "Plan"
    DEFAULT_CSS = """
    PlanView #plan-scroll { height: 1fr; }
    PlanView #plan-summary, PlanView #plan-detail, PlanView #review {
        padding: 0 1; height: auto;
    }
    PlanView #plan-detail { margin: 1 0 0 0; }
    PlanView .review-q { padding: 0 1; height: auto; text-style: bold; }
    PlanView .review-a { padding: 0 1 0 4; height: auto; }
    PlanView #review-title { padding: 0 1; height: 1; margin: 1 0 0 0;
                             background: $panel; }
    """
    BINDINGS = [
        *OutputView.BINDINGS,
        *bindings("plan"),
    ]

    def __init__(self, session: WorkshopSession, **kwargs: Any) -> None:
        super().__init__(session, **kwargs)
        self._auto_generated = False
        self._portfolio_asked = False
        self.others: list[Journey] | None = None  # the rest of the portfolio, once loaded

    def compose(self) -> ComposeResult:
        yield Static(Text("Plan · the 60-day plan from the start date, then the leadership "
                          "review", style="bold"), classes="step-title")
        yield Static(id="plan-summary")
        with VerticalScroll(id="plan-scroll"):
            yield PlanTimeline(id="timeline")
            yield Static(id="plan-detail")
            yield Static(Text("Leadership review · the four monthly questions", style="bold"),
                         id="review-title")
            yield Static(Text("Loading the portfolio…", style="dim"), id="review")
            for i in range(1, 5):
                yield Static(id=f"review-q{i}", classes="review-q")
                yield Static(id=f"review-a{i}", classes="review-a")

    def on_mount(self) -> None:
        super().on_mount()
        if self.display:  # not for a view built hidden at idle: when shown (``shown``)
            self._ask_portfolio()

    def _ask_portfolio(self) -> None:
        if self._portfolio_asked:
            return
        self._portfolio_asked = True
        store = self.session.store
        if store is not None:
            run_in_thread(self, store, self._load_portfolio, exclusive=True, group="portfolio",
                          description="load the portfolio for the leadership review")

    def shown(self) -> None:
        """The portfolio and, with no plan yet, the plan: only once the room sees the step.

        A view built hidden at idle must not write a plan nobody asked for, nor
        read every workshop of the file on each seat as it opens.
        """
        self._ask_portfolio()
        journey = self.session.journey
        if journey is not None and not journey.plan_tasks and not self._auto_generated:
            self.draw(journey, again=True)

    @property
    def timeline(self) -> PlanTimeline:
        return self.query_one(PlanTimeline)

    # -- drawing ------------------------------------------------------------------
    def refresh_from(self, journey: Journey) -> None:
        on = today()
        design = self.session.design_note(journey)  # a to-be has no plan of its own
        tasks = [] if design else sorted(journey.plan_tasks,
                                         key=lambda t: (t.position, t.id or 0))
        start = plan_day_one(journey.workshop.start_date, tasks) or on
        self.timeline.set_tasks(tasks, start, on)
        summary = Text(end="")
        if design:
            summary.append(design)
        elif tasks:
            day60 = shift(start, PLAN_DAYS - 1)
            edited = sum(1 for t in tasks if t.edited)
            summary.append(f"{fmt_date(start)} → {fmt_date(day60)} (day 60)"
                           f" · {plural(len(tasks), 'task')}")
            if edited:
                summary.append(f" · {edited} edited (kept when regenerating)", style="dim")
        elif self.session.store is not None and self.session.store.read_only:
            summary.append("No plan yet; the lead generates it (this seat is read-only).",
                           style="dim")
        else:
            summary.append("Generating the plan from the map…", style="dim")
            if not self._auto_generated and self.display:
                self._auto_generated = True
                self.call_after_refresh(self._generate, False)
        self.query_one("#plan-summary", Static).update(summary)
        self._show_detail()
        self._show_review(journey)

    def _show_detail(self) -> None:
        task = self.timeline.selected()
        detail = Text(end="")
        if task is not None:
            detail.append(clean(task.title) or "untitled task", style="bold")
            detail.append(f"  ({status_label(task.status)})\n", style="dim")
            detail.append(clean(task.detail, keep_newlines=True) or "No detail.")
        shown = self.query_one("#plan-detail", Static)
        visual = visualize(shown, detail)
        shown.update(visual, layout=not as_tall(shown, visual))  # a cursor move's detail

    def _show_review(self, journey: Journey) -> None:
        if self.others is None:
            return
        from models.rules.review import leadership_review

        portfolio = [journey, *[j for j in self.others if j.workshop.id != journey.workshop.id]]
        for i, answer in enumerate(leadership_review(journey, portfolio), start=1):
            self.query_one(f"#review-q{i}", Static).update(Text(f"{i}. {answer.question}"))
            self.query_one(f"#review-a{i}", Static).update(Text(clean(answer.answer)))
        self.query_one("#review", Static).display = False

    def _load_portfolio(self) -> None:
        """Thread worker: every other workshop of the database, for question 4.

        Only the workshop's id is kept here, not the map: this thread waits in
        ``call_from_thread`` while the screen's thread may be generating the plan and
        reloading, and a map held here was a second whole map at the seat's peak.
        """
        store = self.session.store
        journey = self.session.journey
        if store is None or journey is None:
            return
        skip = journey.workshop.id
        del journey
        try:  # a damaged map is left out of question 4, said once, not the review refused
            others, refused = store.load_readable(skip=skip)
            for sentence in refused:
                self.app.call_from_thread(self.notify, f"Left out of the review: {sentence}",
                                          severity="warning", markup=False)
        except Exception as exc:  # noqa: BLE001 - shown as one sentence, not a traceback
            message = f"The other workshops could not be loaded: {clean(exc)[:200]}"
            self.app.call_from_thread(self.query_one("#review", Static).update,
                                      Text(message, style="yellow"))
            return
        self.app.call_from_thread(self._portfolio_loaded, others)

    def _portfolio_loaded(self, others: list[Journey]) -> None:
        self.others = others
        if self.session.journey is not None:
            self._show_review(self.session.journey)

    def on_plan_timeline_selected(self, event: PlanTimeline.Selected) -> None:
        event.stop()
        self._show_detail()

    def focus_default(self) -> None:
        self.timeline.focus()

    # -- actions --------------------------------------------------------------------
    def _generate(self, announce: bool) -> None:
        from models.rules.plan import regenerate_plan

        store, journey = self.session.store, self.session.journey
        if store is None or journey is None or journey.workshop.id is None:
            return
        if store.read_only:
            self.notify("This seat is read-only: the lead regenerates the plan.", markup=False)
            return
        design = self.session.design_note(journey)
        if design:
            self.notify(design, markup=False)
            return
        wid, start = journey.workshop.id, journey.workshop.start_date or today()
        # generated from the map on screen, not read again; and no reference kept here:
        # the reload after it lets go of that map before reading the new one
        del journey
        session = self.session

        def generate() -> list[PlanTask]:
            return regenerate_plan(store, wid, start, session.journey)

        if announce:
            tasks = session.mutate(generate)
        else:  # generated on first visit: not a person's edit, so no "saved" stamp
            tasks = session.run_store(generate)
            if tasks is None:
                session.reload()  # the store may know better than the map on screen
            else:
                session.plan_written(tasks)
        if tasks is not None and announce:
            kept = sum(1 for t in tasks if t.edited)
            self.notify(f"Plan regenerated from the map; {plural(kept, 'edited task')} kept "
                        "as they were.", markup=False)

    def has_rows(self) -> bool:
        return bool(self.timeline.tasks)

    def action_regenerate(self) -> None:
        self._generate(True)

    def action_edit(self) -> None:
        from models.db.tables.cards import PlanTask

        task = self.timeline.selected()
        if task is None or task.id is None:
            return
        heading = Text("Edit plan task: ", style="bold")
        heading.append(clean(task.title)[:70])
        self.app.push_screen(RowEditor(self.session, PlanTask, task.id, PLAN_FIELDS, heading,
                                       mark_edited=True),
                             lambda _: self.draw(self.journey, again=True))

    def action_start_date(self) -> None:
        """Set day 1 of the plan here; a new date regenerates the plan (edited tasks kept)."""
        from models.db.tables.workshop import Workshop

        workshop = self.journey.workshop
        before = workshop.start_date
        heading = Text("Plan start date", style="bold")

        def closed(_: None) -> None:
            if self.journey.workshop.start_date != before:
                self._generate(True)
            else:
                self.draw(self.journey, again=True)

        self.app.push_screen(RowEditor(self.session, Workshop, int(workshop.id or 0),
                                       (START_FIELD,), heading), closed)

    def action_cycle_status(self) -> None:
        from models.db.tables.cards import PlanTask

        task = self.timeline.selected()
        if task is None or task.id is None:
            return
        new = next_status(task.status)
        if self.session.save_field(PlanTask, task.id, "status", new):
            self.notify(f"Status: {status_label(new)}", markup=False, timeout=2)
