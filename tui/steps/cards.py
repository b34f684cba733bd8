"""Cards: one hypothesis card per pain point chosen for action, in rank order.

The room turns its ranked pain points into accountable experiments here.  ``c``
drafts a card for the top-ranked pain point that has none (``models.rules.cards``
pre-fills it from the pain point and the stage KPI so nobody starts from an
empty form), ``a`` lets the lead choose which one, Enter edits, ``s`` cycles
the status and ``d`` deletes after asking.  Cards without an owner, a
deadline or a number to check say so in words on the card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import ItemGrid, VerticalScroll
from textual.widgets import Static

from models.rules.counts import plural
from models.rules.numbers import fmt_number
from models.vocab import TICKET_METRIC_WORDS, status_label
from tui.actions import bindings
from tui.dialogs.common import ConfirmScreen, PickScreen
from tui.dialogs.row_editor import CardEditor
from tui.safe_text import safe, short
from tui.steps.card_window import CARD_WINDOW, MIN_CARD_WIDTH, CardWindow
from tui.steps.output_base import OutputView
from tui.widgets.card_grid import CARD_FIELDS, CardBox, para
from tui.widgets.dates import next_status

if TYPE_CHECKING:
    from models.db.journey import Journey
    from tui.session.workshop import WorkshopSession


class CardsView(CardWindow, OutputView):
    """The card grid; keyboard only (arrows between cards, Enter to edit)."""

    STEP = "cards"
    TITLE = "Cards"
    DEFAULT_CSS = """
    CardsView #cards-summary { padding: 0 1; height: auto; }
    CardsView #cards-scroll { height: 1fr; }
    CardsView ItemGrid { grid-gutter: 0 1; padding: 0 1; }
    CardsView .empty-note { padding: 1 2; height: auto; }
    """
    BINDINGS = [
        *OutputView.BINDINGS,
        *bindings("cards"),
    ]

    def __init__(self, session: WorkshopSession, **kwargs: Any) -> None:
        super().__init__(session, **kwargs)
        self.boxes = []
        self.pool = []
        self.card_ids = []
        self.window_start = 0
        self.ranks = {}
        self._bodies = {}
        self._bodies_of = ()

    def compose(self) -> ComposeResult:
        yield Static(Text("Cards · We believe … will result in … We will know we succeeded "
                          "when …", style="bold"), classes="step-title")
        yield Static(id="cards-summary")
        with VerticalScroll(id="cards-scroll"):
            yield Static(id="cards-empty", classes="empty-note")
            yield ItemGrid(id="cards-grid", min_column_width=MIN_CARD_WIDTH)

    # -- drawing ------------------------------------------------------------------
    def refresh_from(self, journey: Journey) -> None:
        from models.rules.cards import card_flags, ordered_cards
        from models.rules.priority import rank_pain_points

        ranked = {r.pain.id: r for r in rank_pain_points(journey)}
        cards = ordered_cards(journey)
        self.card_ids = [int(c.id or 0) for c in cards]
        self.ranks = {int(pain_id or 0): r.rank for pain_id, r in ranked.items()}
        self._show_window(journey, self.focused_card())
        flagged = sum(bool(card_flags(card)) for card in cards)
        without = [r for r in ranked.values() if journey.card_for(r.pain.id) is None]
        summary = Text(end="")
        summary.append(f"{plural(len(cards), 'card')} for {plural(len(ranked), 'pain point')}")
        if flagged:
            summary.append(f" · {flagged} flagged (⚠)", style="yellow")
        if without:
            summary.append(f" · {plural(len(without), 'pain point')} without a card: "
                           "c = card for the top one, a = choose", style="dim")
        self.query_one("#cards-summary", Static).update(summary)
        empty = self.query_one("#cards-empty", Static)
        empty.display = not cards
        if not cards:
            empty.update(Text("No cards yet. Press c to draft a card for the top-ranked pain "
                              "point (add pain points in step 5 first)." if not ranked else
                              "No cards yet. Press c to draft a card for the top-ranked pain "
                              "point, or a to choose one.", style="dim"))

    def focus_default(self) -> None:
        if self.focused_card() is None:
            self.focus_card(None)

    def focused_card(self) -> int | None:
        focused = self.screen.focused
        return focused.card_id if isinstance(focused, CardBox) else None

    def focus_card(self, card_id: int | None) -> None:
        """Focus a card (the first shown when ``card_id`` is None or gone), mounting it."""
        ids = self.card_ids
        if not ids:  # keep the focus inside the view so its keys (c, a, x) still work
            self.query_one("#cards-scroll", VerticalScroll).focus()
            return
        if card_id not in ids:
            card_id = self.boxes[0].card_id if self.boxes else ids[0]
        box = next((b for b in self.boxes if b.card_id == card_id), None)
        if box is not None:
            self._focus(box)
            return
        self.window_start = ids.index(card_id) - CARD_WINDOW // 2
        self._show_window(self.journey, card_id)

    def move_card(self, box: CardBox, dx: int, dy: int) -> None:
        """Arrow keys: left/right to the neighbour, up/down a row of the reflowed grid."""
        ids = self.card_ids
        if box.card_id not in ids:
            return
        index = ids.index(box.card_id) + dx + dy * self._columns()
        if 0 <= index < len(ids):
            self.focus_card(ids[index])
        elif dy and ids:
            self.query_one("#cards-scroll", VerticalScroll).scroll_to(
                y=0 if dy < 0 else None, animate=False)

    def page_cards(self, box: CardBox, pages: int) -> None:
        """Page Up / Page Down: as many cards as the view shows; Home / End (a page
        count past either end): the first or the last card of the whole list."""
        ids = self.card_ids
        if box.card_id not in ids:
            return
        scroll = self.query_one("#cards-scroll", VerticalScroll)
        rows = max(1, scroll.size.height // max(1, box.outer_size.height))
        index = ids.index(box.card_id) + pages * rows * self._columns()
        self.focus_card(ids[max(0, min(len(ids) - 1, index))])

    # -- actions ------------------------------------------------------------------
    def has_rows(self) -> bool:
        return bool(self.card_ids)

    def _current(self) -> Any:
        card_id = self.focused_card()
        journey = self.session.journey
        if card_id is None or journey is None:
            return None
        return next((c for c in journey.cards if c.id == card_id), None)

    def _create(self, pain_id: int) -> None:
        from models.rules.cards import create_card

        store = self.session.store
        if store is None:
            return
        card = self.session.mutate(lambda: create_card(store, pain_id))
        if card is not None:
            self.call_after_refresh(self.focus_card, card.id)
            self.notify("Card drafted from the pain point: press Enter to edit it.",
                        markup=False)

    def _without_card(self) -> list[Any]:
        from models.rules.priority import rank_pain_points

        journey = self.journey
        return [r for r in rank_pain_points(journey) if journey.card_for(r.pain.id) is None]

    def action_create_top(self) -> None:
        todo = self._without_card()
        if not todo:
            self.notify("Every pain point has a card." if self.journey.pain_points else
                        "No pain points yet: add them in step 5 (key 5).", markup=False)
            return
        self._create(int(todo[0].pain.id or 0))

    def action_create_pick(self) -> None:
        todo = self._without_card()
        if not todo:
            self.action_create_top()
            return
        options = [(safe(f"#{r.rank} {r.pain.description} — {r.reason}", limit=90),
                    int(r.pain.id or 0)) for r in todo]

        def chosen(pain_id: int | None) -> None:
            if pain_id:
                self._create(pain_id)

        self.app.push_screen(PickScreen("Draft a card for which pain point?", options), chosen)

    def action_edit(self) -> None:
        from models.db.tables.cards import HypothesisCard

        card = self._current()
        if card is None:
            return
        def title(row: Any) -> Text:
            heading = Text("Edit card: ", style="bold")
            heading.append_text(para(row.experiment or "(no experiment yet)", limit=70))
            return heading

        card_id = int(card.id or 0)
        editor = CardEditor(self.session, HypothesisCard, card_id, CARD_FIELDS, title,
                            on_tie=lambda: self._tie(card_id))
        self.app.push_screen(editor, lambda _: self.draw(self.journey, again=True))

    def action_cycle_status(self) -> None:
        from models.db.tables.cards import HypothesisCard

        card = self._current()
        if card is None:
            return
        new = next_status(card.status)
        if self.session.save_field(HypothesisCard, int(card.id or 0), "status", new):
            self.notify(f"Status: {status_label(new)}", markup=False, timeout=2)

    def action_delete(self) -> None:

        card = self._current()
        store = self.session.store
        if card is None or store is None:
            return
        question = Text("Delete the card ")
        question.append(safe(short(card.experiment or "(empty card)", 60), "bold"))
        question.append("?")

        def done(yes: bool | None) -> None:
            if yes:
                self.session.mutate(lambda: _deleted(store, card.id))
                self.call_after_refresh(self.focus_card, None)

        self.app.push_screen(ConfirmScreen(
            question, "The pain point stays; c drafts a fresh card for it."), done)

    def action_tie_signal(self) -> None:
        """Tie the focused card's signal to a ticket metric and a target.

        The same ``links.link_card`` as ``journeymap tickets link-card``; the verdict
        (met / not yet / no data) is said at once from the readings.
        """
        card = self._current()
        if card is not None:
            self._tie(int(card.id or 0))

    def _tie(self, card_id: int) -> None:
        from models.rules import measures
        from models.tickets import links, readings
        from tui.dialogs.card_signal import CardSignalDialog, SignalRequest

        store, journey = self.session.store, self.session.journey
        if not self.session.action_allowed("tie_signal") or store is None or journey is None \
                or journey.workshop.id is None:
            return
        card = next((c for c in journey.cards if c.id == card_id), None)
        if card is None:
            return
        if not journey.readings:
            self.notify("No ticket data yet: import an export on the Data screen (T, then i).",
                        markup=False)
            return
        wid = journey.workshop.id
        metrics = [(name, f"{name} — {TICKET_METRIC_WORDS.get(name, name)}")
                   for name in readings.METRICS]
        groups = [("all", "all tickets")]
        for kind in readings.GROUP_KINDS:
            values = sorted({r.group_value for r in measures.current(journey)
                             if r.group_kind == kind}, key=lambda v: (v.casefold(), v))
            groups += [(f"{kind}={value}", f"{kind} = {value}") for value in values]
        verdict = measures.judge(journey, card)
        now = f"{verdict.status} ({verdict.text})" if verdict is not None else ""
        target = ""
        if card.signal_target is not None:
            target = (f"{card.signal_target:+.0%}" if card.signal_relative
                      else f"={fmt_number(card.signal_target)}")

        def tie(request: SignalRequest | None) -> None:
            if request is None:
                return
            row = self.session.mutate(lambda: links.link_card(
                store, wid, card_id, metric=request.metric, group=request.group,
                target=request.target))
            fresh = self.session.journey
            if row is None or fresh is None:
                return
            tied = next((c for c in fresh.cards if c.id == card_id), row)
            said = measures.judge(fresh, tied)
            self.notify(short(f"Signal tied: {request.metric} of {request.group}, target "
                              f"{request.target}"
                              + (f": {said.status} ({said.text})" if said else "") + ".",
                              300), markup=False)

        title = card.experiment.strip() or "this card"
        self.app.push_screen(CardSignalDialog(title, metrics, groups, metric=card.signal_metric,
                                              group=card.signal_group, target=target, now=now),
                             tie)


def _deleted(store: Any, card_id: int) -> bool:
    """Delete a card; True so ``mutate`` counts it as a saved edit."""
    from models.db.tables.cards import HypothesisCard

    store.delete(HypothesisCard, card_id)
    return True

