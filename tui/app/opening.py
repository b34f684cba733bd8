"""Opening the store behind the first screen, then showing what it opened (or why not).

Why a module of its own: start-up is the app's most order-sensitive job.  The
first frame is drawn without the ORM (``tui.app.early``); a worker thread then
imports SQLModel, opens the ``Store`` and loads the start workshop (``open_orm``),
and the UI thread either swaps the store's journey in under the early screen,
opens the workshop at the step a key asked for meanwhile, or shows Home
(``opened``); a store that cannot open is said in one sentence (``failed``).
The functions take the ``JourneyApp`` (typed ``Any``: the app imports this module).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import Static

from models.vocab import STEPS
from tui.app import idle_gc
from tui.app.early import swap_in
from tui.safe_text import short
from tui.widgets.header import seat_note
from tui.widgets.typeahead import OPENING, held_input, is_holding, release

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.db.store import Store

EARLY_PAINT_WAIT_S = 1.0  # at most this long the storage import waits for the early screen


def pending_target(start: str, pending: str | None) -> str:
    """The step to open at: ``start`` moved by the last step key pressed while loading."""
    if pending in STEPS:
        return pending
    index = STEPS.index(start) if start in STEPS else 0
    if pending == "+1":
        return STEPS[min(len(STEPS) - 1, index + 1)]
    if pending == "-1":
        return STEPS[max(0, index - 1)]
    return start


def open_store(app: Any) -> None:
    """Import the models and open the database (the app's worker thread).

    Before that, what the first screen needs is read with plain sqlite3 and
    shown (Home's list, or the workshop's scope step): SQLModel's import and
    the store's opening then happen behind a screen that already has the data.
    """
    # SQLModel's import holds the interpreter in 5 ms slices for about a third of a
    # second: started before the first screen is painted, it would halve its speed.
    app.early_listed.wait(EARLY_PAINT_WAIT_S)
    from models.db.dbfile import StoreError  # stdlib only (the ORM comes next)

    try:
        store, journey = app._open_orm()  # noqa: SLF001 - the app's step, patched by tests
    except (StoreError, OSError, ValueError) as exc:
        app.call_from_thread(app._failed, str(exc))  # noqa: SLF001
        return
    except Exception as exc:  # noqa: BLE001 - broken install: say so, don't crash
        app.call_from_thread(app._failed, f"journeymap cannot start: {exc}")  # noqa: SLF001
        return
    finally:
        gc.enable()  # paused for start-up by ``run_app``: from here on, edits make garbage
    app.call_from_thread(app._opened, store, journey)  # noqa: SLF001


def open_orm(app: Any) -> tuple[Store, Journey | None]:
    """SQLModel, the store and the start workshop through it (worker thread)."""
    from models.db.dbfile import cannot_write
    from models.db.store import Store

    # an observer, or a file this account may not write: a reader that writes nowhere
    read_only = app.role == "observer" or cannot_write(app.db_path)
    store = Store(app.db_path, who=app.who, read_only=read_only)
    store.key = app.key
    journey = store.load(app.start_workshop) if app.start_workshop else None
    import tui.screens.data  # noqa: F401 - warm the screen modules off the UI thread
    import tui.screens.home  # noqa: F401
    import tui.screens.workshop  # noqa: F401
    from tui.steps.registry import load_all

    load_all()
    # The imports and the first load leave ~250k long-lived objects; without
    # freezing them a full GC pass (~150 ms on a big map) lands on some keypress.
    # No collect() first: it found nothing to free here and cost ~55 ms before
    # the workshop could show.
    gc.freeze()
    return store, journey


def failed(app: Any, message: str) -> None:
    """The store did not open: leave the early screen and say why, in one sentence."""
    app.loading = False
    app.pending_step = None
    if is_holding(app, OPENING):  # the early workshop: nothing can be saved
        held_input(app).drop()
        app.session.show(None)
        while len(app.screen_stack) > 1:
            app.pop_screen()
    app.sub_title = "not opened"
    app.query_one("#loading", Static).update(
        Text(f"{short(message, 300)}\n\nPress ctrl+q to quit.", style="bold"))


def opened(app: Any, store: Store, journey: Journey | None) -> None:
    """The store is open: Home, the store's journey under the early screen, or the
    workshop at the step a key asked for while loading."""
    app.store = store
    app.loading = False
    app.sub_title = seat_note(app.role)
    idle_gc.hold(app)  # the heap is frozen (``open_orm``): full passes wait for idle
    if journey is None:
        top = app.screen_stack[-1] if app.screen_stack else None  # none: shutting down
        early = top if getattr(top, "early", None) is not None else None
        if early is None:
            app.show_home()
        else:  # the early Home: now from the store
            early.load()
        app.call_after_refresh(release, app, OPENING)  # the keys read meanwhile, in order
        return
    if is_holding(app, OPENING):  # the early workshop screen is up
        swap_in(app, journey)
        return
    pending, app.pending_step = app.pending_step, None
    if pending is None:
        app._show_journey(journey, app.start_step)  # noqa: SLF001
    else:  # a step key was pressed while loading: open there, as if pressed now
        from models.live.seat_step import own_step
        from tui.identity import default_user

        start = app.start_step or own_step(journey, app.who or default_user())
        app._show_journey(journey, pending_target(start, pending), save=True)  # noqa: SLF001
