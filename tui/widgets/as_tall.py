"""Whether new content fits a widget's current height: a repaint, not a layout.

A Textual ``Static.update`` lays the whole screen out again unless told the size
stays; on a big map that layout is most of what a key costs (the Cards window's
48 boxes, the Plan's detail under a 5,000-row timeline).  Measured as Textual
measures it, with the widget's own styles, so the answer is Textual's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.visual import Visual
    from textual.widget import Widget


def as_tall(widget: Widget, visual: Visual) -> bool:
    """True when ``visual`` takes exactly the rows ``widget``'s content has now (False
    for a widget not laid out yet)."""
    width, height = widget.content_size
    rules = cast("RulesMap", widget.styles)  # what Textual itself passes
    return bool(width) and visual.get_height(rules, width) == height
