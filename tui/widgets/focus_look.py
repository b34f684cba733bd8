"""A table hidden while focused keeps its focused look until it is seen again (issue 18).

Why: a step switch moves the focus from the table of the view it hides to the
table of the view it shows.  Textual restyles a widget whose focus changes (the
stylesheet applied again to the table, its ten component classes and its scroll
bars) and repaints it, so every switch restyled two tables and redrew every line
of the one shown and of its scroll bar (about a third of a switch at 100
touchpoints).  Yet the table shown comes back focused, looking exactly as it did
when it was hidden, and the table hidden is not seen at all.

So a table that loses the focus while it is not displayed (its view hidden) keeps
its styles and drawn lines, and owes its unfocused look; given the focus back, it
owes nothing and is neither restyled nor redrawn.  Shown again without the focus
(a view whose work starts in a field), the look is put right before the screen
is drawn (``settle``, which the step switch calls once it has placed the focus),
or at the latest when the table is shown.  A restyle for any other reason (a new
theme) gives the table the look of its state at that time: it then owes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakSet

from textual import events
from textual.widget import Widget

_OWING: WeakSet[Widget] = WeakSet()


def _displayed(widget: Widget) -> bool:
    """Whether the widget and every ancestor are displayed (it could be on screen)."""
    return all(node.display for node in widget.ancestors_with_self)


if TYPE_CHECKING:
    _Mixin = Widget
else:  # not a DOM class: Textual finds a widget's CSS type names by its first DOM base
    _Mixin = object


class KeptFocusLook(_Mixin):
    """Mixin (before the widget class): no restyle, no repaint for a focus change unseen."""

    _look_owed = False

    def _owe(self, owed: bool) -> None:
        self._look_owed = owed
        if owed:
            _OWING.add(self)
        else:
            _OWING.discard(self)

    def watch_has_focus(self, has_focus: bool) -> None:
        if not has_focus and not _displayed(self):
            self._owe(True)  # styled as focused, unseen: put right when seen unfocused
            return
        if has_focus and self._look_owed:
            self._owe(False)  # focused again: the styles it kept are the focused ones
            return
        super().watch_has_focus(has_focus)

    def _on_focus(self, event: events.Focus) -> None:
        """Widget's own handler, without the repaint when the focused look was kept."""
        event.prevent_default()
        kept = self._look_owed
        self.has_focus = True
        if not kept:
            self.refresh()
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        """Widget's own handler, without the repaint of a table nobody sees."""
        event.prevent_default()
        self.has_focus = False
        if not self._look_owed:
            self.refresh()
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    def _on_show(self, event: events.Show) -> None:
        self.settle_look()

    def restyled(self) -> None:
        """Call from ``notify_style_update``: the styles are those of its state now."""
        self._owe(False)

    def settle_look(self) -> None:
        """Take the unfocused look owed, if the table is displayed and not focused."""
        if self._look_owed and _displayed(self) and self.screen.focused is not self:
            self._owe(False)
            Widget.watch_has_focus(self, False)
            self.refresh()


def settle(screen: Any) -> None:
    """Put right, before the screen is drawn, the look of tables shown without the focus."""
    for widget in list(_OWING):
        if widget.is_attached and widget.screen is screen:
            widget.settle_look()  # type: ignore[attr-defined]
