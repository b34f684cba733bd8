"""The Future state view: as-is against to-be, both sentiment lines, the business case.

A drawing over ``models.export.method_text`` (the same sentences and
formulas as ``journeymap report --business-case`` and the export).  ``f``
makes the to-be copy of a current-state map and opens it, so the room edits
the future journey with the same five steps.  ``c`` sets a channel's cost per
contact and handle minutes where the case says they are missing (the same row
as ``journeymap costs``), so the numbers are filled in while the room is there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from models.db.bad_cells import DamagedWorkshop
from models.rules.numbers import fmt_number
from tui.actions import bindings
from tui.dialogs.common import PickScreen
from tui.dialogs.row_editor import RowEditor
from tui.safe_text import clean
from tui.session.workshop import OpenWorkshop
from tui.steps.base import StepView
from tui.widgets.forms import FieldSpec
from tui.widgets.long_text import Line, LongText

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.rules.future_state import Comparison
    from tui.session.workshop import WorkshopSession

BARS = {-2: "▁", -1: "▂", 0: "▄", 1: "▆", 2: "█"}
COST_FIELDS = (
    FieldSpec("cost_per_contact", "Cost per contact",
              "What one contact on this channel costs, in your currency."),
    FieldSpec("handle_minutes", "Agent minutes per contact", "For the agent hours a fix saves."),
    FieldSpec("confirmed", "Confirmed by the lead (not a default)", "", kind="bool"),
)
BAR_STYLE = {-2: "red", -1: "red", 0: "yellow", 1: "green", 2: "green"}


def sentiment_bars(comparison: Comparison) -> Text:
    """Two aligned lines of bars, one column per touchpoint; a gap where a side has none."""
    from models.export.method_text import sentiment_rows

    names, before, after = sentiment_rows(comparison)
    text = Text(no_wrap=True, overflow="ellipsis")
    for label, values in (("As-is ", before), ("To-be ", after)):
        text.append(label, style="bold")
        for value in values:
            if value is None:
                text.append("· ", style="dim")
            else:
                text.append(BARS.get(value, "?") + " ", style=BAR_STYLE.get(value, ""))
        text.append("\n")
    text.append("      " + " ".join(f"{i + 1}"[-1] for i in range(len(names))), style="dim")
    return text


def body_lines(journey: Journey, portfolio: list[Journey]) -> list[Line]:
    """The comparison and the business case, one ``Line`` per line.

    Kept as lines so the view draws only the ones on screen (``LongText``): the case
    lists every card, ~27,500 lines on a 10,000-touchpoint map, and drawn as one
    ``Static`` every line stayed in memory as a drawn row (~150 MB of a seat); as a
    ``Text`` each, +17 MB.
    """
    from models.export.method_text import business_case_blocks

    lines: list[Line] = []
    for block in business_case_blocks(journey, portfolio):
        lines.append(Line(clean(block.heading), "bold"))
        for line in block.lines:
            style = "yellow" if "not available" in line.casefold() else ""
            lines.append(Line("• " + clean(line), style))
    return lines


class FutureView(StepView):
    """As-is vs to-be with both sentiment lines, then costs, cards and totals with formulas."""

    STEP = "future"
    TITLE = "Future state"
    BINDINGS = bindings("future")

    def __init__(self, session: WorkshopSession, **kwargs: Any) -> None:
        super().__init__(session, **kwargs)
        self.left_out: set[int] = set()  # linked maps a hand-written value made unreadable

    def compose(self) -> ComposeResult:
        yield Static(Text("Future state — as-is vs to-be and the business case (f: to-be "
                          "copy, c: costs)", style="bold"), classes="step-title")
        yield Static(id="future-lines")
        yield LongText(id="future-body")

    def _portfolio(self, journey: Journey) -> list[Journey]:
        """This map and the maps linked to it (its as-is, or its to-be copies)."""
        store = self.session.store
        if store is None:
            return [journey]
        wid = journey.workshop.id
        listed, unreadable = store.list_readable()
        linked = [w.id for w in listed
                  if w.id is not None and w.id != wid
                  and (w.id == journey.workshop.as_is_workshop_id or w.as_is_workshop_id == wid)]
        said = [(u.workshop_id, u.sentence) for u in unreadable
                if u.workshop_id == journey.workshop.as_is_workshop_id]
        found = [journey]
        for i in linked:
            try:
                found.append(store.load(i))
            except DamagedWorkshop as exc:
                said.append((i, str(exc)))
        for i, sentence in said:  # the comparison goes on without it, said once
            if i not in self.left_out:
                self.left_out.add(i)
                self.notify(f"Left out: {sentence}", severity="warning", markup=False)
        return found

    def refresh_from(self, journey: Journey) -> None:
        from models.export.method_text import comparison_for

        portfolio = self._portfolio(journey)
        comparison = comparison_for(journey, portfolio)
        lines = self.query_one("#future-lines", Static)
        if comparison.available:
            lines.update(sentiment_bars(comparison))
        else:
            lines.update(Text(f"Sentiment lines not available ({clean(comparison.reason)}).",
                              style="dim"))
        self.query_one("#future-body", LongText).update(body_lines(journey, portfolio))

    def focus_default(self) -> None:
        self.query_one("#future-body").focus()

    def _channels(self) -> list[str]:
        """The map's channels in map order (first spelling), then channels only costed."""
        names: dict[str, str] = {}
        for tp in self.journey.ordered_touchpoints():
            if tp.channel.strip():
                names.setdefault(tp.channel.strip().casefold(), tp.channel.strip())
        for row in self.journey.channel_costs:
            names.setdefault(row.channel.strip().casefold(), row.channel.strip())
        return list(names.values())

    def action_set_cost(self) -> None:
        """Pick a channel, then edit its cost row (made empty first if it has none)."""
        from models.db.tables.method import ChannelCost
        from models.rules.costs import save_channel_cost

        store = self.session.store
        channels = self._channels()
        if store is None or not channels:
            self.notify("No channels on the map yet: give the touchpoints a channel.",
                        markup=False)
            return
        options = []
        for name in channels:
            row = self.journey.channel_cost(name)
            cost = "not set" if row is None or row.cost_per_contact is None else \
                fmt_number(row.cost_per_contact)
            options.append((Text(f"{clean(name)}: {cost}"), name))

        def picked(name: str | None) -> None:
            if name is None:
                return
            row = self.journey.channel_cost(name)
            row_id = row.id if row is not None else self.session.mutate(
                lambda: save_channel_cost(store, self.journey, name).id)
            if row_id is None:
                return
            heading = Text("Cost per contact: ", style="bold")
            heading.append(clean(name))
            self.app.push_screen(RowEditor(self.session, ChannelCost, int(row_id), COST_FIELDS,
                                           heading), lambda _: self.refresh_from(self.journey))

        self.app.push_screen(PickScreen("Cost per contact of which channel?", options,
                                        digits=True), picked)

    def action_make_future(self) -> None:
        """Open the linked to-be copy at Touchpoints, making it first if there is none."""
        from models.export.future_copy import future_notice, open_or_make_future_copy

        store, wid = self.session.store, self.journey.workshop.id
        if store is None or wid is None:
            return
        found = self.session.mutate(lambda: open_or_make_future_copy(store, int(wid)))
        if found is not None:
            self.notify(future_notice(*found), markup=False)
            self.post_message(OpenWorkshop(found[0], "touchpoints"))
