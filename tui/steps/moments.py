"""The Moments of truth view: flagged touchpoints, peaks and valleys, who owns them.

A valley with no owner and no card is where the map found a problem nobody is
fixing (``models.rules.moments``); the urgent × important triage of the pain
points sits under it, beside the impact × effort ranking of step 5.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.safe_text import clean
from tui.steps.base import StepView
from tui.widgets.long_text import LongText
from tui.widgets.step_bar import SentimentLine

if TYPE_CHECKING:
    from models.db.journey import Journey


def moments_text(journey: Journey) -> Text:
    from models.export.method_text import triage_block
    from models.rules.moments import moments_of_truth

    text = Text()
    moments = moments_of_truth(journey)
    if not moments:
        text.append("No moment of truth flagged and no peak or valley on the line yet.\n",
                    style="dim")
    for moment in moments:
        mark = "▲" if moment.shape == "peak" else "▼" if moment.shape == "valley" else "★"
        style = "green" if not moment.gaps else "yellow"
        text.append(f"{mark} ", style=style)
        text.append(clean(moment.text) + "\n", style=style)
    triage = triage_block(journey)
    if triage.lines:
        text.append("\n" + triage.heading + "\n", style="bold")
        for line in triage.lines:
            text.append("• " + clean(line) + "\n")
    return text


class MomentsView(StepView):
    """The sentiment line with the moments of truth listed under it.

    The list is a ``LongText``: on a big map it holds thousands of lines, and only
    the ones on screen are drawn.
    """

    STEP = "moments"
    TITLE = "Moments of truth"

    def compose(self) -> ComposeResult:
        yield Static(Text("Moments of truth — peaks, valleys, owners and cards",
                          style="bold"), classes="step-title")
        yield SentimentLine(id="moments-line")
        yield LongText(id="moments-body")

    def refresh_from(self, journey: Journey) -> None:
        self.query_one(SentimentLine).set_sections(
            [(st.name, [tp.sentiment for tp in journey.touchpoints.get(st.id or 0, [])])
             for st in journey.stages])
        self.query_one("#moments-body", LongText).update(moments_text(journey))

    def focus_default(self) -> None:
        self.query_one("#moments-body").focus()
