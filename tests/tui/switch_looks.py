"""Set-up and looks the step-switch tests share: a built workshop, every view shown once,
and what the screen draws.

``count_lines`` counts the lines each widget class draws afresh (not from its cache), so
a test can say a switch redrew only what changed; ``count_rows`` counts the table views'
row rebuilds; ``screen_lines`` is the screen as text and style (a snapshot without the
SVG) to compare two switches.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from models.db.store import Store
from tests.helpers import build_workshop, ready, until
from tui.screens.workshop import WorkshopScreen
from tui.steps.base import StepView


def built_workshop(db: Path) -> int:
    with Store(db, who="lea") as store:
        return build_workshop(store)


async def views_built(pilot: Any) -> bool:
    """Every step view built at idle (or False after the bounded wait)."""
    app = pilot.app
    return await until([pilot], lambda: isinstance(app.screen, WorkshopScreen)
                       and app.screen.prebuilt
                       and all(v.ready for v in app.screen.query(StepView)), rounds=400)


async def settled(pilot: Any) -> None:
    """Built, and every view shown once (their sizes settle on a first show)."""
    await ready(pilot)
    assert await views_built(pilot)
    for key in ("3", "5", "4", "2", "3"):
        await pilot.press("escape", key)
        await ready(pilot)


def count_lines(monkeypatch: Any) -> Counter[str]:
    """Lines each widget class draws afresh (not taken from its cache of drawn lines)."""
    from textual._styles_cache import StylesCache
    from textual.widget import Widget

    drawn: Counter[str] = Counter()
    drawing: list[str] = []
    real_lines, real_line = Widget.render_lines, StylesCache.render_line

    def render_lines(self: Widget, crop: Any) -> Any:
        drawing.append(type(self).__name__)
        try:
            return real_lines(self, crop)
        finally:
            drawing.pop()

    def render_line(self: StylesCache, *args: Any, **kwargs: Any) -> Any:
        drawn[drawing[-1] if drawing else "?"] += 1
        return real_line(self, *args, **kwargs)

    monkeypatch.setattr(Widget, "render_lines", render_lines)
    monkeypatch.setattr(StylesCache, "render_line", render_line)
    return drawn


def count_rows(monkeypatch: Any, *views: type) -> Counter[str]:
    """How often each of ``views`` built all its rows (``rows``), by class name."""
    built: Counter[str] = Counter()
    for view in views:
        def rows(self: Any, journey: Any, real: Any = view.rows) -> Any:  # type: ignore[attr-defined]
            built[type(self).__name__] += 1
            return real(self, journey)

        monkeypatch.setattr(view, "rows", rows)
    return built


def screen_lines(app: Any) -> list[str]:
    """The screen as drawn: text and style of every segment (a snapshot without the SVG)."""
    return ["".join(f"[{segment.style}]{segment.text}" for segment in strip)
            for strip in app.screen._compositor.render_strips()]
