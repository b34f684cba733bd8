"""A step view built at idle is laid out once, out of sight, before anyone asks for it.

Why: a view built hidden (``WorkshopScreen._build_next``) has never had a size.
Its first visit gave every widget its first size, and each new size asked
Textual for another layout pass of the whole screen; its scroll bars were
created then, and laid out in a pass of their own: three passes where a switch
between kept views takes one, about a third of the visit.  So once a view is
built, it is shown for a moment on a layer of its own (``warm``, declared by
``StepSwitcher``: the view on screen keeps its layout) and moved below the
screen's bottom edge, at the size it will have, its children out of the focus
chain; once it has its size and one more look has passed (its scroll bars), it
is hidden again.  Below the edge nothing of it is drawn (a layer under the view
on screen showed through its gaps; ``visibility: hidden`` is not laid out at
all), and a key that asks for it meanwhile shows it at once (``cool``).

Keys and workers come first (``room_busy``): a warm-up is idle work, and one under
way shared the interpreter with the key just read or with a worker thread (Tracker
"all workshops" read the portfolio twice as slowly).  So a warm-up is not begun
while keys are on their way or a worker runs, one under way ``stop``s when a key
is read (``WorkshopScreen`` hears it from the held input) and at its next look
when a worker runs; a view stopped is hidden at once and laid out again from the
start, at idle (``laid_out`` is false again).
"""

from __future__ import annotations

from functools import partial
from typing import Any

WARM_LAYER = "warm"  # out of the views' own (default) layer's flow: see ``StepSwitcher``
ROUNDS = 10  # looks to wait at most (the size comes with the screen's next layout pass)
TICK_S = 0.02  # between two looks: Textual lays the screen out at most once a frame
_WARMING = "_jm_warming"  # the token of the warm-up under way (None: none)
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
    token = object()
    setattr(view, _WARMING, token)
    setattr(view, _LAID_OUT, True)
    screen.call_after_refresh(_show_under, screen, view, token)


def laid_out(view: Any) -> bool:
    """Whether ``view`` was laid out once (warmed, or shown): no first layout left."""
    return bool(getattr(view, _LAID_OUT, False))


def mark_laid_out(view: Any) -> None:
    """``view`` was laid out on screen (shown as the step): nothing to warm."""
    setattr(view, _LAID_OUT, True)


def _show_under(screen: Any, view: Any, token: object) -> None:
    if getattr(view, _WARMING, None) is not token or not view.is_attached:
        return
    if room_busy(screen.app):
        stop(view)  # a key or a worker came between: laid out later, at idle
        return
    view.can_focus_children = False  # Tab never lands in a view nobody sees
    view.styles.layer = WARM_LAYER
    view.styles.offset = (0, screen.size.height)  # laid out below the screen: never drawn
    view.display = True
    screen.set_timer(TICK_S, partial(_settle, screen, view, token, ROUNDS))


def warming(view: Any) -> bool:
    """Whether ``view`` is being laid out out of sight."""
    return getattr(view, _WARMING, None) is not None


def _settle(screen: Any, view: Any, token: object, rounds: int, sized: bool = False) -> None:
    """Cool ``view`` down one look after it has its size (its scroll bars appear then)."""
    if getattr(view, _WARMING, None) is not token:
        return  # stopped (or cooled) meanwhile: this warm-up is over
    if room_busy(screen.app):
        stop(view)
        return
    if view.is_attached and rounds > 0 and not sized:
        screen.set_timer(TICK_S, partial(_settle, screen, view, token, rounds - 1,
                                         bool(view.size.area)))
        return
    cool(view)


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
    if "can_focus_children" in vars(view):
        del view.can_focus_children  # the class's own again
    view.styles.clear_rule("layer")
    view.styles.clear_rule("offset")
    parent = view.parent
    view.display = parent is not None and getattr(parent, "current", None) == view.id
