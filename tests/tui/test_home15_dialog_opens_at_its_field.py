"""A dialog opens with its focused field in view (session 13 newcomer walk: at 80x24 the
card editor opened scrolled, the first field's label "We believe …" above the view, and
the field showed the end of its text, "bot on the phrases customers actually use…",
not its start)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.helpers import settle
from tests.tui.template_map import template_workshop
from tui.app.launch import build_app
from tui.widgets.forms import RecordForm

pytestmark = pytest.mark.usefixtures("pinned_clock")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_card_editor_opens_at_its_first_field(db_path: Path,
                                                         size: tuple[int, int]) -> None:
    wid = template_workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("escape", "6")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen.query_one(RecordForm)
        field = app.screen.focused
        assert isinstance(field, Input) and field.value
        assert form.scroll_y == 0, form.scroll_y
        assert field.region.y >= form.region.y
        assert field.scroll_x == 0, field.scroll_x  # the start of its text is shown
        assert field.selection.start != field.selection.end  # typing replaces it
