"""Show, Hide and Resize sent only to a widget that reads them (issue 18: step switches).

A step switch takes every widget of the view it hides out of the screen's map and
puts every widget of the view it shows in; Textual's layout pass then queues Hide
or Show for each of them, and Resize for each one shown.  A form of fourteen fields
is about thirty widgets (fields and the captions between them), and none of them
reads any of the three: about seventy events per switch, each one a turn of the
widget's message loop (≈ 4 ms of a 27 ms switch at 100 touchpoints).

``QuietLayout`` refuses them through Textual's documented hook,
``check_message_enabled``, unless the widget reads them: a handler of its own (a
``_on_``/``on_`` method or an ``@on`` handler anywhere in its classes below
``Widget``), or what ``Widget`` itself does with them: on Hide, a focused widget
gives up the focus and the scroll bars shown are told (they let go of a mouse
grab).  Textual's own Show just passes Show on to the scroll bars, which read none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.containers import Container
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

_LAYOUT_EVENTS = (events.Show, events.Hide, events.Resize)

# A mixin, not a ``Widget`` subclass: Textual gives every ``Widget`` subclass its own
# ``can_focus``, reactives and CSS names, which would shadow those of the widget
# class mixed with (an ``Input`` would stop taking the focus).
if TYPE_CHECKING:
    _Mixin = Widget
else:
    _Mixin = object


_HANDLED: dict[tuple[type, type], bool] = {}


def _handled(cls: type, kind: type[Message]) -> bool:
    """Whether a class below ``Widget`` in ``cls``'s MRO handles ``kind`` (kept per class)."""
    known = _HANDLED.get((cls, kind))
    if known is None:
        name = kind.handler_name
        known = _HANDLED[cls, kind] = any(
            f"_{name}" in vars(base) or name in vars(base)
            or any(issubclass(kind, handled)
                   for handled in vars(base).get("_decorated_handlers") or {})
            for base in cls.__mro__ if base is not Widget and issubclass(base, Widget))
    return known


class QuietLayout(_Mixin):
    """Mixed into a widget class (first): Show, Hide and Resize are sent only when read."""

    def check_message_enabled(self, message: Message) -> bool:
        kind = type(message)
        if kind in _LAYOUT_EVENTS and not _handled(type(self), kind) and not (
                kind is events.Hide and (self.has_focus or self.show_vertical_scrollbar
                                         or self.show_horizontal_scrollbar)):
            return False
        return super().check_message_enabled(message)


class QuietStatic(QuietLayout, Static):
    """A view's words (a title, a note): drawn, never told it was shown or resized."""


class QuietContainer(QuietLayout, Container):
    """A container that exists for layout only (the table and form side by side)."""
