"""Type-ahead: keys typed right after ``a`` or ``x`` belong to the new field, in order.

Why: Textual hands each key to the widget focused *when the key is read*, not
when it is handled.  A lead who types ``a`` then ``Status page`` in one breath
sends all the keys before the new row exists; they were queued for the table
and, once there, either vanished or ran as commands (``t`` opened the step
timer).  Such a key bubbles up to the app unhandled, after the ``a`` action
has moved the focus to the new field: the app passes it on to that field.
When a one-key dialog answer (``A`` then ``2``) leads to the field only after
the dialog has closed, the keys are *held* until the field has the focus.

A step opened for the first time is mounted after its key was read: in a real
terminal the keys of the same burst (``3`` then ``a`` then ``Status page``)
arrive before the view exists and ran as commands (``p``: previous step).  While
a new view mounts *every* key is held and then given back to the app, in order,
once the view has the focus (``hold(app, every=True)`` / ``release_burst``).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input

_PASSED = "_jm_passed_on"
# Keys a form field handles itself the moment it reads them (Tab, Esc): one that
# reaches the app while such a field has the focus was typed before it had it.
LEAVING_KEYS = ("tab", "shift+tab", "escape")
_HELD = "_jm_held_keys"
_EVERY = "_jm_hold_every"
SAFETY_S = 3.0


def hold(app: Any, *, every: bool = False) -> None:
    """Keep the printable keys that reach ``app`` until ``release`` (a dialog just answered
    with one key and the field it leads to does not exist yet); ``every`` key, Tab, Esc
    and Enter included, while a step view mounts.  Keys already held stay held."""
    if getattr(app, _HELD, None) is None:
        setattr(app, _HELD, [])
    if every:
        token = object()
        setattr(app, _EVERY, token)
        # A hold of every key that nobody released would leave the app deaf: give
        # the keys back after a few seconds whatever happened (a view that failed to
        # mount); a loaded machine can take over a second to mount one.
        def safety() -> None:
            if getattr(app, _EVERY, None) is token:
                release(app)

        app.set_timer(SAFETY_S, safety)


def is_holding(app: Any) -> bool:
    """Whether keys reaching ``app`` are being held (a view mounting, a field on its way)."""
    return getattr(app, _HELD, None) is not None


def held(app: Any, event: events.Key) -> bool:
    """Keep ``event`` (a key just read) when ``app`` is holding keys of its kind."""
    keys: list[events.Key] | None = getattr(app, _HELD, None)
    if keys is None:
        return False
    # a key released from an earlier hold is held again: ``a`` in a released burst
    # starts a new hold before the letters behind it are read
    if not (event.is_printable or getattr(app, _EVERY, False)):
        return False
    keys.append(event)
    return True


def release_burst(app: Any) -> None:
    """``release`` the keys held while a step view mounted (no other hold is touched)."""
    if getattr(app, _EVERY, False):
        release(app)


def release(app: Any, field: Any = None) -> None:
    """Give the held keys to ``field`` in order, or back to the app when there is no field."""
    held: list[events.Key] | None = getattr(app, _HELD, None)
    if held is None:
        return
    delattr(app, _HELD)
    if hasattr(app, _EVERY):
        delattr(app, _EVERY)
    target = field if isinstance(field, Input) else app
    for key in held:
        again = events.Key(key.key, key.character)
        # A message stops bubbling at the pump that made it (here: the view whose
        # callback releases); the app must see it, where the bindings are checked.
        again.set_sender(app)
        # Given back to the app, a key is read afresh: the app forwards a whole burst
        # to the widget focused before the first key (``a``) has moved the focus,
        # so the letters may still need passing on to the new field (``pass_on``).
        setattr(again, _PASSED, target is not app)
        target.post_message(again)


def pass_on(app: Any, event: events.Key) -> bool:
    """Handle a printable key no widget took that belongs to a field; True when it did.

    Called by the app for keys that bubbled all the way up.  A text field
    takes every printable key it is given (and a form field Tab and Esc too),
    so such a key reaching the app while a field has the focus was sent before
    the field had it.  Observers'
    fields are read-only and pass keys on: those are left to the bindings.
    """
    if getattr(app, "read_only", False):
        return False
    leaving = event.key in LEAVING_KEYS
    if not (event.is_printable or leaving):
        return False
    try:
        screen = app.screen
    except Exception:  # noqa: BLE001 - no screen yet: nothing to pass on to
        return False
    focused = screen.focused
    held: list[events.Key] | None = getattr(app, _HELD, None)
    if held is not None:
        held.append(event)
    elif isinstance(focused, Input) and not getattr(event, _PASSED, False) and (
            not leaving or getattr(focused, "handles_leaving_keys", False)):
        again = events.Key(event.key, event.character)
        setattr(again, _PASSED, True)  # passed on once, never twice
        focused.post_message(again)
    else:
        return False
    event.prevent_default()
    event.stop()
    return True
