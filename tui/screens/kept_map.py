"""The workshop screen's compositor: the map a layout pass builds is kept (issue 18).

Textual's compositor keeps a map of where every shown widget is.  A layout pass
arranges the whole screen and builds that map, but Textual marks it stale as soon
as a widget outside it is repainted (the step view just hidden, its table losing
the focus), and keeps it marked stale after the next layout pass too.  The next
question "where is this widget?" (a footer key measuring its width, a widget
taking its new size) then arranged the whole screen again: two extra passes
over every widget of every shown view, on each step switch.

Here a layout pass marks its own map as current, and a repaint marks the map
stale only when the repainted widget could be missing from it (displayed, with
every ancestor displayed); a widget under a hidden view is not in the map and
will not be until a layout pass puts it there.  A layout pass compares its new map
with the one the last pass built (what the terminal shows), never with one arranged
in between.  Textual is pinned (``<8.3``):
this relies on two private members of its ``Compositor``, held by
``tests/tui/test_switch_cost.py`` (the kept map equals a fresh arrangement).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual._compositor import Compositor, CompositorMap, ReflowResult

if TYPE_CHECKING:
    from textual.geometry import Size
    from textual.widget import Widget


class KeptMapCompositor(Compositor):
    """A ``Compositor`` that does not arrange the screen twice for one layout."""

    _laid_out: CompositorMap | None = None  # the map the last layout pass built

    def reflow(self, parent: Widget, size: Size) -> ReflowResult:
        """Arrange the screen, compared with the last layout pass; the map is current.

        Textual compares the new map with its full map to find what moved (marked for
        the screen update, sent Show, Hide and Resize).  A full map arranged again
        between two layout passes ("where is this widget?" asked after a step switch
        began) already holds the views switched: the pass found nothing moved, and a
        line of the view hidden stayed on the terminal.  The last pass's map is what
        the terminal shows, so the new one is compared with that.
        """
        if self._laid_out is not None:
            self._full_map = self._laid_out
        result = super().reflow(parent, size)
        self._laid_out = self._full_map
        self._full_map_invalidated = False
        return result

    def update_widgets(self, widgets: set[Widget]) -> None:
        """Mark repaints; the map goes stale only for a widget that may be new to it."""
        was_stale = self._full_map_invalidated
        super().update_widgets(widgets)
        if not was_stale and self._full_map_invalidated:
            kept = self._full_map
            if all(widget in kept or not _displayed(widget) for widget in widgets):
                self._full_map_invalidated = False


def _displayed(widget: Widget) -> bool:
    """Whether the widget and every ancestor are displayed (could be in the map)."""
    return all(node.display for node in widget.ancestors_with_self)
