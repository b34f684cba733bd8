"""Type-ahead: keys typed right after ``a`` or ``x`` belong to the new field, in order.

Why: Textual hands each key to the widget focused *when the key is read*, not
when it is handled.  A lead who types ``a`` then ``Status page`` in one breath
sends all the keys before the new row exists; they were queued for the table
and, once there, either vanished or ran as commands (``t`` opened the step
timer).  Two cases are covered here:

* the focus has already moved to a text field when a queued key is handled by
  the table (or the screen): the key is passed on to that field;
* an action that reaches its field only later (``x`` switches to Pain points
  first) *holds* the screen: printable keys are kept until ``release`` hands
  them to the field, in the order they were typed.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input

_HELD = "_jm_typeahead"


def hold(screen: Any) -> None:
    """Keep the printable keys that reach ``screen`` until ``release``."""
    setattr(screen, _HELD, [])


def release(screen: Any, field: Any) -> None:
    """Give the held keys to ``field`` (an input) in order; stop holding."""
    held: list[events.Key] = getattr(screen, _HELD, None) or []
    if hasattr(screen, _HELD):
        delattr(screen, _HELD)
    if isinstance(field, Input):
        for key in held:
            again = events.Key(key.key, key.character)
            setattr(again, _HELD, True)
            field.post_message(again)


def pass_on(app: Any, event: events.Key) -> bool:
    """Handle a printable key no widget took that belongs to a field; True when it did.

    Called by the app for keys that bubbled all the way up.  A text field
    takes every printable key it is given, so a printable key reaching the app
    while a field has the focus was sent before the field had it.  Observers'
    fields are read-only and pass keys on: those are left to the bindings.
    """
    if not event.is_printable or getattr(app, "read_only", False):
        return False
    try:
        screen = app.screen
    except Exception:  # noqa: BLE001 - no screen yet: nothing to pass on to
        return False
    held: list[events.Key] | None = getattr(screen, _HELD, None)
    focused = screen.focused
    if held is not None:
        held.append(event)
    elif isinstance(focused, Input) and not getattr(event, _HELD, False):
        again = events.Key(event.key, event.character)
        setattr(again, _HELD, True)  # passed on once, never twice
        focused.post_message(again)
    else:
        return False
    event.prevent_default()
    event.stop()
    return True
