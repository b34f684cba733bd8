"""Full garbage collections when the room is idle, never inside a key (issue 18).

Why: Python starts a full collection (all generations) from inside whatever
allocates at the time, once ten second-generation passes have run since the
last one and enough objects survived them.  ``gc.freeze()`` after the load
(``opening.open_orm``) and after the views are built at idle keeps the
long-lived heap out of it, but what is drawn afterwards is not: each of
Textual's drawn lines keeps seven small caches, and at 2,000 touchpoints the
objects the first visits left (≈ 60,000) made a 20-70 ms full pass land in the
fourth first visit of every ``bench/steps.py`` run.  So while a store is open
Python's own full passes wait ``HELD`` times longer (a room that never pauses
still gets one), and the app runs the one that is due once the room is idle: no
key read for ``IDLE_S``, none held, no worker running, no message queued for the
app or any widget of its screen, and then only after the screen's next refresh
(Textual runs those callbacks once nothing is left to lay out or paint): under
load a key's handling can outlast ``IDLE_S``.  What it
frees and when is otherwise Python's: the same passes, moved out of the keys.
"""

from __future__ import annotations

import gc
from functools import partial
from time import monotonic
from typing import Any

from tui.screens.warm_views import room_busy
from tui.widgets.typeahead import held_input

HELD = 20  # Python's full passes wait this many times as many second-generation passes
IDLE_S = 2.0  # no key read for this long: the room is talking, not typing
LOOK_S = 0.25  # between two looks at whether a full pass is due and the room idle
_LAST_READ = "_jm_last_read"  # when the app last read a key, paste or click
_HOLDS = "_jm_holds_gc"  # the app holds full passes (``hold``)

_python_threshold: list[int] = []  # Python's own, while held
_holders = [0]  # apps holding (two seats may run in one process: the tests)
_collecting = [False]
_ASKED = "_jm_gc_asked"  # a full pass waits for the screen's next refresh


def hold(app: Any) -> None:
    """From now on ``app``'s full collections wait for the room to be idle."""
    if getattr(app, _HOLDS, False):
        return
    setattr(app, _HOLDS, True)
    if _holders[0] == 0:
        young, middle, full = gc.get_threshold()
        _python_threshold[:] = [full]
        gc.set_threshold(young, middle, full * HELD)
    _holders[0] += 1
    setattr(app, _LAST_READ, monotonic())
    held_input(app).read.subscribe(app, partial(_read, app), immediate=True)
    app.set_interval(LOOK_S, partial(look, app), name="idle-gc")


def release(app: Any) -> None:
    """``app`` is gone: Python's own schedule again once no app holds."""
    if not getattr(app, _HOLDS, False) or _holders[0] == 0:
        return
    setattr(app, _HOLDS, False)
    _holders[0] -= 1
    if _holders[0] == 0 and _python_threshold:
        young, middle, _full = gc.get_threshold()
        gc.set_threshold(young, middle, _python_threshold.pop())


def due() -> bool:
    """Whether Python would have started a full pass by now (its own count)."""
    full = _python_threshold[0] if _python_threshold else gc.get_threshold()[2]
    return gc.get_count()[2] >= full


def collecting() -> bool:
    """Whether the full pass under way is the app's own, at idle."""
    return _collecting[0]


def _idle(app: Any) -> bool:
    return (due() and not room_busy(app)
            and monotonic() - getattr(app, _LAST_READ, 0.0) >= IDLE_S and _nothing_queued(app))


def _nothing_queued(app: Any) -> bool:
    """Whether the app and every widget of its screen have handled all they were sent
    (under load a key's handling outlasts ``IDLE_S``: its messages are still queued)."""
    nodes = [app, *app.screen.walk_children(with_self=True)] if app.screen_stack else [app]
    return all(node._message_queue.empty() for node in nodes)  # noqa: SLF001


def look(app: Any) -> None:
    """If a full pass is due and the room idle, run it after the screen's next refresh
    (the app's timer, every ``LOOK_S``)."""
    if getattr(app, _ASKED, False) or not _idle(app) or not app.screen_stack:
        return
    setattr(app, _ASKED, True)
    app.screen.call_after_refresh(_collect, app, getattr(app, _LAST_READ, 0.0))


def _collect(app: Any, read: float) -> None:
    setattr(app, _ASKED, False)
    if getattr(app, _LAST_READ, 0.0) != read or not _idle(app):
        return  # a key came meanwhile: at the next idle moment
    _collecting[0] = True
    try:
        gc.collect()
    finally:
        _collecting[0] = False


def _read(app: Any, _event: object) -> None:
    setattr(app, _LAST_READ, monotonic())
