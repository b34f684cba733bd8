"""The card widget of the Cards screen and the modal form that edits one card.

A hypothesis card is read as a whole ("We believe … will result in … We will
know we succeeded when …"), so each card is one box that wraps its sentence
rather than a table row that cuts it.  The boxes sit in an ``ItemGrid`` that
reflows with the terminal width (one column at narrow widths, two at 80,
three at 120).  Everything shown is built as ``rich.text.Text`` from cleaned
strings: a card that reads ``[bold red]x[/]`` shows exactly that.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.visual import Visual, visualize
from textual.widgets import Static

from models.rules.numbers import fmt_number
from models.vocab import status_label
from tui.safe_text import clean
from tui.widgets.as_tall import as_tall
from tui.widgets.dates import due_label, due_style, fmt_date
from tui.widgets.forms import NOT_SET, FieldSpec

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.db.tables.cards import HypothesisCard

SENTENCE_LIMIT = 700  # a pasted 5,000-character line must not make one card a page long
LINE_LIMIT = 160

CARD_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("experiment", "We believe … (experiment)",
              "What you will change, as a gerund: 'removing the repeat step at …'."),
    FieldSpec("outcome", "… will result in (outcome)", "What gets better for the customer."),
    FieldSpec("signal", "We will know we succeeded when (signal)",
              "A number to check: 'reopen rate falls from 18 % to 10 % within 30 days'."),
    FieldSpec("owner", "Owner", "One person, not a team: who reports back."),
    FieldSpec("deadline", "Deadline", "YYYY-MM-DD.", placeholder=NOT_SET),
    FieldSpec("status", "Status", "proposed, in progress, done or dropped (s cycles it).",
              suggestions=("proposed", "in progress", "done", "dropped")),
    FieldSpec("result_notes", "Result notes", "What happened when you tried it."),
    FieldSpec("result_value", "Result value",
              "The stage KPI measured after the change (a number; the review compares it "
              "with the baseline)."),
    FieldSpec("effect_kind", "Projected effect (business case)",
              "deflection, handle_time or volume: what the fix changes on its pain point.",
              suggestions=("deflection", "handle_time", "volume")),
    FieldSpec("effect_value", "Projected effect, %",
              "e.g. 40 (% of contacts deflected) or -20 (handle time or volume change)."),
)


def para(value: object, style: str = "", limit: int = LINE_LIMIT) -> Text:
    """Wrapping text with control characters neutralised and a length cap (never markup)."""
    text = clean(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return Text(text, style=style, end="")


def projected(kind: str, value: float) -> Text:
    """The card's projected effect (the business case's input) under the sentence whose
    signal checks it, in the words ``show`` and ``card-effect`` use; the kind is data."""
    from models.rules.effects import effect_words

    line = Text("Projected: ", style="bold", end="")
    line.append_text(para(effect_words(kind, value), limit=LINE_LIMIT))
    return line


def card_body(journey: Journey, card: HypothesisCard, on: dt.date) -> Text:
    """Everything a card box shows, flags in words (they must read without colour)."""
    from models.rules.cards import card_flags, card_sentence

    pain = journey.pain_point(card.pain_point_id)
    lines: list[Text] = []
    head = Text(end="")
    head.append("Pain: ", style="dim")
    head.append_text(para(pain.description if pain else "(pain point deleted)", "italic", 120))
    lines.append(head)
    lines.append(para(card_sentence(card), limit=SENTENCE_LIMIT))
    if card.effect_kind and card.effect_value is not None:  # unset: no line, no height
        lines.append(projected(card.effect_kind, card.effect_value))
    who = Text(end="")
    who.append("Owner: ", style="bold")
    who.append_text(para(card.owner, limit=60) if card.owner.strip() else Text("—"))
    lines.append(who)
    due = Text(end="")
    due.append("Deadline: ", style="bold")
    due.append(fmt_date(card.deadline))
    if card.deadline is not None:
        due.append(" ")
        due.append(f"({due_label(card.deadline, card.status, on)})",
                   style=due_style(card.deadline, card.status, on))
    lines.append(due)
    status = Text(end="")
    status.append("Status: ", style="bold")
    status.append(status_label(card.status))
    lines.append(status)
    if card.result_notes.strip() or card.result_value is not None:
        result = Text(end="")
        result.append("Result: ", style="bold")
        result.append_text(para(card.result_notes, limit=300))
        if card.result_value is not None:
            result.append(f" (measured {fmt_number(card.result_value)})")
        lines.append(result)
    flags = card_flags(card)
    if flags:
        lines.append(Text("⚠ " + " · ".join(flags), style="bold yellow", end=""))
    else:
        lines.append(Text("✓ owner, deadline, measurable signal", style="green", end=""))
    return Text("\n", end="").join(lines)


class CardBox(Static, can_focus=True):
    """One hypothesis card; arrow keys move to the neighbouring card, Page Up / Page
    Down by a screen of cards, Home / End to the first / last card of the list."""

    DEFAULT_CSS = """
    CardBox { border: round $primary 60%; padding: 0 1; height: auto; }
    CardBox.-flagged { border: round $warning 70%; }
    CardBox:focus { border: heavy $accent; background: $boost; }
    """
    BINDINGS = [
        Binding("left", "step(-1, 0)", "Left", show=False),
        Binding("right", "step(1, 0)", "Right", show=False),
        Binding("up", "step(0, -1)", "Up", show=False),
        Binding("down", "step(0, 1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,ctrl+home", "page(-1_000_000)", "First card", show=False),
        Binding("end,ctrl+end", "page(1_000_000)", "Last card", show=False),
    ]

    def __init__(self, card_id: int) -> None:
        super().__init__(classes="card")
        self.card_id = card_id
        self.body = Text()

    def show(self, body: Text, title: Text, flagged: bool, visual: Visual | None = None) -> bool:
        """Show a card; ``visual`` is ``body`` made ready for Textual, kept by the view.

        A box whose new card is as tall as its last one is repainted without a
        layout: End and Home give all 48 boxes of the window new cards, and
        laying the whole grid out again was most of what those keys cost.  Returns
        whether the box asked for a layout.
        """
        shown = visual if visual is not None else visualize(self, body)
        same = self.body.plain != "" and as_tall(self, shown)
        self.body = body
        self.update(shown, layout=not same)
        self.border_title = title
        self.set_class(flagged, "-flagged")
        return not same

    def action_step(self, dx: int, dy: int) -> None:
        view = next((a for a in self.ancestors if hasattr(a, "move_card")), None)
        if view is not None:
            view.move_card(self, dx, dy)

    def action_page(self, pages: int) -> None:
        view = next((a for a in self.ancestors if hasattr(a, "page_cards")), None)
        if view is not None:
            view.page_cards(self, pages)
