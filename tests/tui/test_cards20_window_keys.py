"""Cards End / Home / Page Down and the Plan's cursor on a big map (issue 18, over ssh).

At 10,000 touchpoints End and Home gave all 48 boxes of the Cards window new
cards: every body was built again, every box laid out again, and the scroll to
the focused card came one screen update after the focus (two updates a key over
ssh).  A Plan cursor move redrew every row of the timeline on screen.  Counts and
positions only: what a key shows must not change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.containers import VerticalScroll
from textual.screen import Screen

import tui.steps.card_window as cards_step
from models.db.store import Store
from models.db.tables.cards import HypothesisCard
from models.rules.plan import regenerate_plan
from tests.tui.card_map import seat
from tests.tui.views import all_built
from tui.widgets.card_grid import CardBox
from tui.widgets.plan_timeline import PlanTimeline


@contextmanager
def _counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Screen updates, card bodies built and card boxes asking for a layout."""
    counts = {"updates": 0, "bodies": 0, "box layouts": 0}
    update, body, refresh = Screen._compositor_refresh, cards_step.card_body, CardBox.refresh

    def updating(self: Screen[Any]) -> None:
        counts["updates"] += 1
        update(self)

    def building(*args: Any) -> Any:
        counts["bodies"] += 1
        return body(*args)

    def refreshing(self: CardBox, *regions: Any, **kwargs: Any) -> Any:
        counts["box layouts"] += bool(kwargs.get("layout"))
        return refresh(self, *regions, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Screen, "_compositor_refresh", updating)
        patch.setattr(cards_step, "card_body", building)
        patch.setattr(CardBox, "refresh", refreshing)
        yield counts


async def _key(pilot: Any, key: str) -> None:
    await pilot.press(key)
    await pilot.pause()


def _box_shown(app: Any) -> CardBox:
    focused = app.screen.focused
    assert isinstance(focused, CardBox)
    scroll = app.screen.query_one("#cards-scroll", VerticalScroll)
    assert scroll.can_view_entire(focused), "the focused card is not wholly on screen"
    return focused


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_cards_end_and_home_reuse_the_boxes_sizes_and_bodies_in_one_update(
        big_map: tuple[Path, int], size: tuple[int, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    async with seat(big_map, "cards", size) as (app, pilot):
        assert await all_built(pilot)  # the views built at idle update the screen too
        view = app.screen.query_one("#step-cards")
        order = list(view.card_ids)
        await _key(pilot, "end")  # the last window's bodies are built once
        await _key(pilot, "home")
        with _counting(monkeypatch) as counts:
            await _key(pilot, "end")
            assert _box_shown(app).card_id == order[-1]
            assert counts == {"updates": 1, "bodies": 0, "box layouts": 0}, counts
            await _key(pilot, "home")
            assert _box_shown(app).card_id == order[0]
            assert counts == {"updates": 2, "bodies": 0, "box layouts": 0}, counts
            await _key(pilot, "pagedown")
            assert order.index(_box_shown(app).card_id) > 1
            assert counts["updates"] == 3, "Page Down: the focus and the scroll apart"
        assert all(box.body.plain.startswith("Pain: ") for box in view.boxes)


async def test_cards_a_changed_card_is_drawn_again_at_its_new_height(
        big_map: tuple[Path, int]) -> None:
    """The kept bodies are the map state's: a card edited since shows its new text, and
    a box whose card grew is laid out again (its text is not cut)."""
    async with seat(big_map, "cards", (80, 24)) as (app, pilot):
        view = app.screen.query_one("#step-cards")
        await _key(pilot, "end")
        await _key(pilot, "home")
        first, last = view.card_ids[0], view.card_ids[-1]
        long = "moving the reset link " * 12 + "END-OF-TEXT"
        for card in (first, last):
            assert app.session.save_field(HypothesisCard, card, "experiment", long)
        await pilot.pause()
        await _key(pilot, "end")
        box = _box_shown(app)
        assert box.card_id == last and "END-OF-TEXT" in box.body.plain
        assert box.content_size.height == box.visual.get_height(box.styles,
                                                                 box.content_size.width)
        await _key(pilot, "home")
        box = _box_shown(app)
        assert box.card_id == first and "END-OF-TEXT" in box.body.plain
        assert box.content_size.height == box.visual.get_height(box.styles,
                                                                 box.content_size.width)


async def test_plan_cursor_move_redraws_the_two_tasks_rows_only(
        big_map: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = big_map
    with Store(db, who="lea") as store:
        regenerate_plan(store, wid)
    async with seat(big_map, "plan", (80, 24)) as (app, pilot):
        timeline = app.screen.query_one(PlanTimeline)
        timeline.focus()
        await pilot.pause()
        drawn: list[int] = []
        line = PlanTimeline.render_line

        def counting(self: PlanTimeline, y: int) -> Any:
            drawn.append(y)
            return line(self, y)

        monkeypatch.setattr(PlanTimeline, "render_line", counting)
        await _key(pilot, "down")
        assert timeline.cursor == 1
        assert sorted(set(drawn)) == [2, 3, 4, 5], drawn
        drawn.clear()
        await _key(pilot, "pagedown")
        scroll = app.screen.query_one("#plan-scroll")
        row = timeline.virtual_region.y + 2 + 2 * timeline.cursor
        assert scroll.scroll_offset.y <= row < scroll.scroll_offset.y + scroll.size.height
        assert "▶" in timeline.render_line(2 + 2 * timeline.cursor).text
