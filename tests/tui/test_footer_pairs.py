"""The footer reads a pair of opposite keys as one: "+/- Sentiment", never "+ Sentiment +".

Before, the sentiment keys were two footer keys, each its key then its words: "+ Sentiment +
- Sentiment -" at 120 columns (at 80 only "+ Sentiment +" fitted), which reads as one garbled
phrase.  They are now shown together, in half the room, and each part still clicks its own
key: "+/" is ``+``, "- Sentiment" is ``-``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ready
from tui.app.launch import build_app
from tui.widgets.footer import CalmFooter


def _footer_line(app: Any) -> str:
    lines = screen_text_lines(app)
    return lines[-1]


def screen_text_lines(app: Any) -> list[str]:
    """The screen's rows as text (the footer is the last)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]  # noqa: SLF001


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_sentiment_keys_read_as_one_pair(db_path: Path, wid: int,
                                                   size: tuple[int, int]) -> None:
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        line = _footer_line(app)
        assert "+/- Sentiment" in line, line
        assert "Sentiment +" not in line and "Sentiment -" not in line, line


async def test_each_part_of_the_pair_clicks_its_own_key(db_path: Path, wid: int,
                                                        monkeypatch: Any) -> None:
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    pressed: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        monkeypatch.setattr(app, "simulate_key", pressed.append)
        footer = app.screen.query_one(CalmFooter)
        keys = {k.key: region for k, region in footer.placed()}
        plus, minus = keys["plus"], keys["minus"]
        assert plus.right == minus.x  # "+/" then "- Sentiment", no gap
        await pilot.click(offset=plus.offset)
        await pilot.click(offset=minus.offset)
    assert pressed == ["plus", "minus"]


async def test_a_pair_is_shown_whole_or_not_at_all(db_path: Path, wid: int) -> None:
    """At a width where only one of the two fits, neither is shown (both stay under ``?``)."""
    from textual.binding import Binding

    from tui.widgets.footer import choose, join_pairs, joined

    shown = {"plus": "+", "minus": "-", "n": "n"}
    plus = Binding("plus", "nudge(1)", "Sentiment +")
    minus = Binding("minus", "nudge(-1)", "Sentiment -")
    nxt = Binding("n", "next_step", "Next")
    entries = join_pairs([(nxt, True, ""), (plus, True, ""), (minus, True, "")],
                         lambda b: shown[b.key])
    assert [e[0].description for e in entries] == ["Next", "", "Sentiment"]
    assert entries[1][0].key_display == "+/"
    assert entries[1][2] == "Sentiment +" and entries[2][2] == "Sentiment -"  # tooltips

    def width(binding: Binding) -> int:  # "n Next ", "+/", "- Sentiment "
        if joined(binding):
            return len(binding.key_display or "")
        return len(shown[binding.key]) + 1 + len(binding.description) + 1

    assert [e[0].action for e in choose(entries, 7 + 2 + 12, width)] == [
        "next_step", "nudge(1)", "nudge(-1)"]
    assert [e[0].action for e in choose(entries, 7 + 2 + 11, width)] == ["next_step"]
