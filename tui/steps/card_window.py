"""The Cards view's window: which cards have a box, and drawing them into it.

Only a window of the cards has widgets (a 10,000-touchpoint map has 2,500 cards),
so Page Down, End and Home move the window and give its boxes other cards.  Kept
apart from the view's actions so each file says one thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import ItemGrid
from textual.visual import Visual, visualize
from textual.widget import Widget

from models.rules.clock import today
from models.vocab import status_label
from tui.widgets.card_grid import CardBox, card_body

if TYPE_CHECKING:
    from models.db.journey import Journey
    from tui.session.workshop import WorkshopSession

MIN_CARD_WIDTH = 36
CARD_WINDOW = 48  # cards with a mounted box at a time: several screens at any size
KEPT_BODIES = 4 * CARD_WINDOW  # drawn cards kept for the same map state (Home after End)


# A mixin, not a ``Widget`` subclass (see ``tui.widgets.layout_events``): Textual gives
# every ``Widget`` subclass its own ``can_focus``, reactives and CSS names, which would
# shadow the view's.
if TYPE_CHECKING:
    _Mixin = Widget
else:
    _Mixin = object


class CardWindow(_Mixin):
    """The window part of ``CardsView`` (a mixin: the view sets these attributes)."""

    session: WorkshopSession
    boxes: list[CardBox]  # the window of the cards, in order
    pool: list[CardBox]  # every mounted box: the window's, then hidden ones
    card_ids: list[int]  # every card, in rank order
    window_start: int
    ranks: dict[int, int]  # pain point id → rank, from the last full draw
    # card id → (body, its visual with the heights it was measured at), for this state
    _bodies: dict[int, tuple[Text, Visual]]
    _bodies_of: tuple[object, ...]

    def _show_window(self, journey: Journey, keep: int | None) -> None:
        """Put the window's cards in its boxes and draw them, focusing card ``keep``.

        Moving the window draws only its cards: the ranks come from the last full
        draw, since the map did not change.
        """
        from models.rules.cards import card_flags

        target, laid_out = self._mount_window(self.window_start, keep)
        by_id = {int(c.id or 0): c for c in journey.cards}
        on = today()
        stamp = (self.session.revision, id(journey), on)
        if self._bodies_of != stamp:
            self._bodies.clear()
            self._bodies_of = stamp
        for box in self.boxes:
            card = by_id.get(box.card_id)
            if card is None:
                continue
            rank = self.ranks.get(card.pain_point_id)
            title = Text(f" #{rank} " if rank is not None else " unranked ", style="bold")
            title.append(f"· {status_label(card.status)} ")
            body = self._bodies.pop(box.card_id, None)
            if body is None:
                text = card_body(journey, card, on)
                body = (text, visualize(box, text))
            self._bodies[box.card_id] = body  # the most recently shown last
            laid_out |= box.show(body[0], title, bool(card_flags(card)), body[1])
        while len(self._bodies) > KEPT_BODIES:
            del self._bodies[next(iter(self._bodies))]
        if target is not None:
            self._focus(target, settled=not laid_out)

    def _focus(self, target: Widget, *, settled: bool = True) -> None:
        """Focus ``target``, scrolling it into view at once when the grid is laid out.

        Textual scrolls a focused widget into view only after the next screen
        update, so a key that moved the focus off the screen sent two: the
        focus moved, then the scroll.  ``settled``: no box changed its size, so
        the box is where the last layout put it and the scroll can be worked out now.
        """
        if not isinstance(target, CardBox):
            target.focus()
            return
        target.focus(scroll_visible=False)
        if settled and target.region:
            self._into_view(target)
        else:  # a box mounted or resized: where it lands is known after the layout
            self.call_after_refresh(self._into_view, target, later=True)

    def _into_view(self, box: CardBox, *, later: bool = False) -> None:
        """Scroll ``box`` into view as Textual does for a focused widget (its focus is
        set by a callback, so it is not yet the screen's now).  ``later``: after a
        layout, when the focus must be the box's; the scroll waits for one more screen
        update, as the scroll area's own size is set only then."""
        screen = self.screen
        if (screen.focused is box or not later) and not screen.can_view_entire(box):
            screen.scroll_to_center(box, animate=False, origin_visible=True,
                                    immediate=not later)

    def _columns(self) -> int:
        grid = self.query_one("#cards-grid", ItemGrid)
        return max(1, (grid.content_size.width + 1) // (MIN_CARD_WIDTH + 1))

    def _mount_window(self, start: int, keep: int | None) -> tuple[Widget | None, bool]:
        """Give a window of cards from ``start`` a box (a no-op if they have one);
        returns what to focus, card ``keep`` (or the first) if the focus was among the
        cards, and whether boxes were shown or hidden.

        Only a window of the cards has widgets: 2,500 mounted boxes cost a seat
        hundreds of megabytes and every layout walks them.  The window starts on a
        grid row (a multiple of the columns), so the reflowed grid keeps its rows.
        When the window moves, its boxes take the new cards in place: removing and
        mounting 48 widgets was a pause a person saw at every 24th card.  Every
        window of a list has the same size (``CARD_WINDOW`` and up to a row less one
        card), so the last one starts on a grid row too and a move keeps the grid's
        rows and the boxes' places: at three columns End and Home made a window one
        card longer and mounted the whole window again.  A window of another size
        (fewer cards, other columns) shows or hides the difference.
        """
        ids = self.card_ids
        columns = self._columns()
        size = CARD_WINDOW + max(0, len(ids) - CARD_WINDOW) % columns
        last = max(0, len(ids) - size)  # a multiple of the columns
        start = max(0, min(start, last))
        start -= start % columns
        wanted = ids[start:start + size]
        self.window_start = start
        if [b.card_id for b in self.boxes] == wanted:
            return None, False
        refocus = keep is not None or self.has_focus_within
        grid = self.query_one("#cards-grid", ItemGrid)
        changed = len(self.boxes) != len(wanted)
        pool = self.pool
        if len(pool) < len(wanted):  # the list, not a DOM query, is the truth
            extra = [CardBox(0) for _ in range(len(wanted) - len(pool))]
            pool.extend(extra)
            grid.mount_all(extra)
        for box, card_id in zip(pool, wanted, strict=False):
            box.card_id = card_id
            box.display = True
        if len(pool) > len(ids) and len(ids) <= CARD_WINDOW:  # fewer cards: no spare boxes
            grid.remove_children(pool[len(wanted):])
            del pool[len(wanted):]
        for box in pool[len(wanted):]:  # the last window (started on a grid row) is shorter
            box.display = False
        boxes = self.boxes = pool[:len(wanted)]
        if not refocus:
            return None, changed
        return next((b for b in boxes if b.card_id == keep), boxes[0] if boxes else grid), changed
