"""A step view built at idle is laid out once, out of sight, before anyone asks for it.

Why: a view built hidden (``WorkshopScreen._build_next``) has never had a size.
Its first visit gave every widget its first size, and each new size asked
Textual for another layout pass of the whole screen; its scroll bars were
created then, and laid out in a pass of their own: three passes where a switch
between kept views takes one, about a third of the visit.  So once a view is
built, it is shown for a moment on a layer of its own (``warm``, declared by
``StepSwitcher``: the view on screen keeps its layout) and moved below the
screen's bottom edge, at the size it will have, its children out of the focus
chain; it is hidden again once a layout pass gave none of its widgets a new
size.  Below the edge nothing of it is drawn (a layer under the view on screen
showed through its gaps; ``visibility: hidden`` is not laid out at all), and a
key that asks for it meanwhile shows it at once (``cool``).

When it ends is decided by what the screen did, never by a clock: the first
pass sizes the view, and its widgets answer their new sizes (a table fits its
columns and gets scroll bars, a form its captions' lines) by asking for more.
Ending it one timer tick after the view had a size ended it, under load, before
those answers were laid out: the first visit then laid the screen out twice.
So after each pass (``screen_layout_refresh_signal``) every widget of the view
first handles what it was sent (a callback queued behind it, as Pilot's pause
does), then the screen is asked for one more pass; the warm-up ends after a
pass in which no widget of the view changed size.  A safety net, not the rule:
no pass for ``STALL_S`` (a message never handled) asks for one, then ends it.

Keys and workers come first (``room_busy``): a warm-up is idle work, and one under
way shared the interpreter with the key just read or with a worker thread (Tracker
"all workshops" read the portfolio twice as slowly).  So a warm-up is not begun
while keys are on their way or a worker runs, one under way ``stop``s when a key
is read (``WorkshopScreen`` hears it from the held input) and at its next look
when a worker runs; a view stopped is hidden at once and laid out again from the
start, at idle (``laid_out`` is false again).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

WARM_LAYER = "warm"  # out of the views' own (default) layer's flow: see ``StepSwitcher``
ROUNDS = 10  # layout passes to wait at most (a view settles in two or three)
STALL_S = 5.0  # no pass for this long: ask for one anyway, then end the warm-up
_WARMING = "_jm_warming"  # the warm-up under way (a ``Warmup``; None: none)
_LAID_OUT = "_jm_laid_out"


def room_busy(app: Any) -> bool:
    """Whether idle work must wait: keys on their way (held, or on their trip to a
    widget) or a worker still running (its thread shares the interpreter)."""
    held = getattr(app, "held_input", None)
    return bool(held is not None and held.busy) or any(
        not worker.is_finished for worker in app.workers)


def warm(screen: Any, view: Any) -> None:
    """Lay ``view`` (built, hidden) out below the screen's edge; hidden again after.

    It is shown under the others only after the screen's next refresh: a view
    just built takes its first focus then, and only when shown (the focus and the
    held keys belong to the step on screen, ``StepView._first_focus``).
    """
    token = Warmup(screen, view)
    setattr(view, _WARMING, token)
    setattr(view, _LAID_OUT, True)
    screen.call_after_refresh(_show_under, screen, view, token)


def laid_out(view: Any) -> bool:
    """Whether ``view`` was laid out once (warmed, or shown): no first layout left."""
    return bool(getattr(view, _LAID_OUT, False))


def mark_laid_out(view: Any) -> None:
    """``view`` was laid out on screen (shown as the step): nothing to warm."""
    setattr(view, _LAID_OUT, True)


def _show_under(screen: Any, view: Any, token: Warmup) -> None:
    if getattr(view, _WARMING, None) is not token or not view.is_attached:
        return
    if room_busy(screen.app):
        stop(view)  # a key or a worker came between: laid out later, at idle
        return
    view.can_focus_children = False  # Tab never lands in a view nobody sees
    view.styles.layer = WARM_LAYER
    view.styles.offset = (0, screen.size.height)  # laid out below the screen: never drawn
    view.display = True
    screen.screen_layout_refresh_signal.subscribe(view, token.passed, immediate=True)


def warming(view: Any) -> bool:
    """Whether ``view`` is being laid out out of sight."""
    return getattr(view, _WARMING, None) is not None


def sizes(view: Any) -> tuple[object, ...]:
    """What a layout pass gives the view's widgets: each one's size, the size of
    what it scrolls over and of the room it has."""
    return tuple((node, node.size, node.virtual_size, node.container_size)
                 for node in view.walk_children(with_self=True) if node.display)


class Warmup:
    """One warm-up under way: the sizes after the last pass, and which pass it was."""

    def __init__(self, screen: Any, view: Any) -> None:
        self.screen = screen
        self.view = view
        self.seen: tuple[object, ...] | None = None  # sizes after the last pass
        self.passes = 0

    def current(self) -> bool:
        return getattr(self.view, _WARMING, None) is self

    def passed(self, _screen: object) -> None:
        """After a layout pass of the screen: done if it changed no size of the view."""
        if not self.current():
            return
        if room_busy(self.screen.app):
            stop(self.view)
            return
        now = sizes(self.view)
        settled = now == self.seen and bool(self.view.size.area)
        self.seen = now
        self.passes += 1
        if settled or self.passes >= ROUNDS or not self.view.is_attached:
            cool(self.view)
            return
        at = self.passes
        _when_handled([self.screen, *self.view.walk_children(with_self=True)],
                      lambda: self.look_again(at))
        self.screen.set_timer(STALL_S, lambda: self._stalled(at, asked=False))

    def _stalled(self, at: int, *, asked: bool) -> None:
        """No pass since pass ``at`` (a message never handled, a pass never run): a
        safety net only; ask for the pass, and if none comes either, end here."""
        if not self.current() or self.passes != at:
            return
        if asked:
            cool(self.view)
            return
        self.look_again(at)
        self.screen.set_timer(STALL_S, lambda: self._stalled(at, asked=True))

    def look_again(self, at: int) -> None:
        """What the pass sent is handled: one more pass, unless one came meanwhile."""
        if not self.current() or self.passes != at:
            return
        if room_busy(self.screen.app):
            stop(self.view)  # a worker began meanwhile: laid out later, at idle
            return
        self.screen.refresh(layout=True)


def _when_handled(nodes: list[Any], then: Callable[[], None]) -> None:
    """Call ``then`` once each of ``nodes`` has handled the messages queued for it now."""
    left = 0

    def one_done() -> None:
        nonlocal left
        left -= 1
        if left == 0:
            then()

    for node in nodes:
        if node.call_later(one_done):
            left += 1
    if not left:
        then()


def stop(view: Any) -> None:
    """A warm-up under way yields: ``view`` is hidden now and laid out again at idle."""
    if warming(view):
        cool(view)
        setattr(view, _LAID_OUT, False)


def cool(view: Any) -> None:
    """End the warm-up: back on the views' layer, shown only if it is the step asked for."""
    if not warming(view):
        return
    setattr(view, _WARMING, None)
    screen = view.screen if view.is_attached else None
    if screen is not None:
        screen.screen_layout_refresh_signal.unsubscribe(view)
    if "can_focus_children" in vars(view):
        del view.can_focus_children  # the class's own again
    view.styles.clear_rule("layer")
    view.styles.clear_rule("offset")
    parent = view.parent
    view.display = parent is not None and getattr(parent, "current", None) == view.id
