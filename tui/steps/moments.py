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
from tui.widgets.long_text import Line, LongText
from tui.widgets.step_bar import SentimentLine

if TYPE_CHECKING:
    from models.db.journey import Journey


def moments_lines(journey: Journey) -> list[Line]:
    """Every moment of truth, then the triage, one ``Line`` per line.

    Kept as lines so the view lays out only the ones on screen (``LongText``).
    """
    from models.export.method_text import triage_block
    from models.rules.moments import moments_of_truth

    moments = moments_of_truth(journey)
    lines = [] if moments else [
        Line("No moment of truth flagged and no peak or valley on the line yet.", "dim")]
    for moment in moments:
        mark = "▲" if moment.shape == "peak" else "▼" if moment.shape == "valley" else "★"
        style = "green" if not moment.gaps else "yellow"
        lines.append(Line(f"{mark} {clean(moment.text)}", style))
    triage = triage_block(journey)
    if triage.lines:
        lines += [Line(""), Line(triage.heading, "bold")]
        lines += [Line("• " + clean(line)) for line in triage.lines]
    return lines


class MomentsView(StepView):
    """The sentiment line with the moments of truth listed under it.

    The list is a ``LongText``: on a big map it holds thousands of lines, and only
    the ones on screen are drawn.
    """

    STEP = "moments"
    TITLE = "Moments of truth"
    # The sentiment line by stage, each moment's touchpoint (name, flag, owner,
    # sentiment), the cards at its pain points (whether there is one) and the triage
    # of the pains: not the plan, the workshop or a card's own fields.
    SHOWS = frozenset({"Stage", "Touchpoint", "PainPoint", "HypothesisCard.pain_point_id"})

    def compose(self) -> ComposeResult:
        yield Static(Text("Moments of truth — peaks, valleys, owners and cards",
                          style="bold"), classes="step-title")
        yield SentimentLine(id="moments-line")
        yield LongText(id="moments-body")

    def refresh_from(self, journey: Journey) -> None:
        self.query_one(SentimentLine).set_sections(
            [(st.name, [tp.sentiment for tp in journey.touchpoints.get(st.id or 0, [])])
             for st in journey.stages])
        self.query_one("#moments-body", LongText).update(moments_lines(journey))

    def focus_default(self) -> None:
        self.query_one("#moments-body").focus()
