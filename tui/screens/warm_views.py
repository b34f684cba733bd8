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
"""

from __future__ import annotations

from functools import partial
from typing import Any

WARM_LAYER = "warm"  # out of the views' own (default) layer's flow: see ``StepSwitcher``
ROUNDS = 10  # looks to wait at most (the size comes with the screen's next layout pass)
TICK_S = 0.02  # between two looks: Textual lays the screen out at most once a frame
_WARMING = "_jm_warming"


def warm(screen: Any, view: Any) -> None:
    """Lay ``view`` (built, hidden) out below the screen's edge; hidden again after.

    It is shown under the others only after the screen's next refresh: a view
    just built takes its first focus then, and only when shown (the focus and the
    held keys belong to the step on screen, ``StepView._first_focus``).
    """
    setattr(view, _WARMING, True)
    screen.call_after_refresh(_show_under, screen, view)


def _show_under(screen: Any, view: Any) -> None:
    if not warming(view) or not view.is_attached:
        return
    view.can_focus_children = False  # Tab never lands in a view nobody sees
    view.styles.layer = WARM_LAYER
    view.styles.offset = (0, screen.size.height)  # laid out below the screen: never drawn
    view.display = True
    screen.set_timer(TICK_S, partial(_settle, screen, view, ROUNDS))


def warming(view: Any) -> bool:
    """Whether ``view`` is being laid out out of sight."""
    return bool(getattr(view, _WARMING, False))


def _settle(screen: Any, view: Any, rounds: int, sized: bool = False) -> None:
    """Cool ``view`` down one look after it has its size (its scroll bars appear then)."""
    if warming(view) and view.is_attached and rounds > 0 and not sized:
        screen.set_timer(TICK_S, partial(_settle, screen, view, rounds - 1, bool(view.size.area)))
        return
    cool(view)


def cool(view: Any) -> None:
    """End the warm-up: back on the views' layer, shown only if it is the step asked for."""
    if not warming(view):
        return
    setattr(view, _WARMING, False)
    if "can_focus_children" in vars(view):
        del view.can_focus_children  # the class's own again
    view.styles.clear_rule("layer")
    view.styles.clear_rule("offset")
    parent = view.parent
    view.display = parent is not None and getattr(parent, "current", None) == view.id
