"""Cards, Tracker and Plan: placeholders until their screens are registered.

Another engineer builds these three screens; each placeholder says what will be
there so the step bar is complete today.  Registering a real view with
``tui.steps.base.register_step("cards", CardsView)`` replaces the placeholder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.steps.base import STEP_VIEWS, StepView, register_step

if TYPE_CHECKING:
    from models.db.journey import Journey


class LaterView(StepView):
    """A screen that is not built yet: what it will show, and what there is already."""

    WHAT: ClassVar[str] = ""

    def compose(self) -> ComposeResult:
        yield Static(Text(self.TITLE, style="bold"), classes="step-title")
        yield Static(Text(self.WHAT), classes="later")
        yield Static(id="later-count", classes="later")

    def count(self, journey: Journey) -> str:
        return ""

    def refresh_from(self, journey: Journey) -> None:
        self.query_one("#later-count", Static).update(Text(self.count(journey), style="dim"))


class CardsLater(LaterView):
    STEP, TITLE = "cards", "Cards — hypothesis cards (coming next)"
    WHAT = ("One card per pain point worth fixing, pre-filled from the pain point and the stage "
            "KPI: \"We believe [experiment] will result in [outcome]. We will know we succeeded "
            "when [signal].\" Each card gets an owner and a deadline; cards without them are "
            "flagged.")

    def count(self, journey: Journey) -> str:
        return f"{len(journey.cards)} cards for {len(journey.pain_points)} pain points so far."


class TrackerLater(LaterView):
    STEP, TITLE = "tracker", "Tracker — who does what by when (coming next)"
    WHAT = ("Every card and plan task with owner, deadline and status, grouped by owner, with "
            "overdue items marked.")


class PlanLater(LaterView):
    STEP, TITLE = "plan", "Plan — the 60-day plan (coming next)"
    WHAT = ("Weeks 1-2 baseline the KPIs and assign owners; weeks 3-4 fix the top-ranked card; "
            "weeks 5-6 measure its signal; weeks 7-8 standardise and publish the SOPs; day 60 "
            "the leadership review — as real calendar dates from the start date.")

    def count(self, journey: Journey) -> str:
        return f"{len(journey.plan_tasks)} plan tasks so far."


for _view in (CardsLater, TrackerLater, PlanLater):
    if _view.STEP not in STEP_VIEWS:  # a real screen registered earlier wins
        register_step(_view.STEP, _view)
