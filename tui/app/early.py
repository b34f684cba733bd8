"""The app's first screen without the ORM: Home's list or the scope step, then the store.

Why: importing SQLModel and opening the store takes most of a second here, while
the first screen needs a few rows.  ``show_first_screen`` reads them with plain
sqlite3 (``models.db.light``, ``models.db.light_journey``) and pushes Home or the
workshop screen as the app's first frame; the app's worker opens the store behind
it and ``swap_in`` puts the store's journey under the same screen.  Keys and
pastes read in between are held by the app (``held_while_opening``) and given
back in order once the store is open, so nothing typed is lost and nothing is
saved without the store.  Anything the light read does not trust (a server, an
older or damaged file, a step whose view binds ORM tables when drawn, a
forced-command or browser seat) keeps the "loading" frame and the store's path.

The functions take the ``JourneyApp`` (typed ``Any``: this module is imported by
the app and imports nothing of it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events

from tui.widgets.typeahead import is_holding

if TYPE_CHECKING:
    from models.db.journey import Journey

EARLY_STEPS = ("scope",)  # steps whose view draws from light rows, without the ORM
OPENING = "opening the database… keys wait"


def held_while_opening(event: events.Event) -> bool:
    """A key (but ctrl+q) or paste read from the terminal: it waits for the store."""
    if isinstance(event, events.Key):
        return not (event.is_forwarded or getattr(event, "_jm_replayed", False)
                    or event.key == "ctrl+q")
    return isinstance(event, events.Paste) and not event.is_forwarded


def show_first_screen(app: Any) -> bool:
    """Push Home or the start step from plain sqlite3; whether a screen was pushed."""
    try:
        target = _light_target(app)
        if target is None:
            return False
        if app.start_workshop is None:
            return _home_first(app, target)
        return _workshop_first(app, target)
    except Exception:  # noqa: BLE001 - the store's path opens it and words any problem
        app.early_input = None
        app.session.show(None)
        return False


def _light_target(app: Any) -> Path | None:
    """The local database file the first screen may read without the ORM, or None."""
    from models.db.dbfile import default_target, is_url

    target = app.db_path or default_target()
    return None if is_url(target) else Path(target).expanduser()


def _home_first(app: Any, target: Path) -> bool:
    from models.db.light import list_workshops

    rows = list_workshops(target)
    if not rows:
        return False
    from tui.screens.home import HomeScreen

    app.push_screen(HomeScreen(app.session, early=rows))
    return True


def _workshop_first(app: Any, target: Path) -> bool:
    """The start step from light rows (``EARLY_STEPS`` only); keys wait for the store."""
    if app.locked or app.key:
        return False  # a forced-command or browser seat: the store's checks decide
    from models.db.light_journey import load_journey

    journey = load_journey(target, app.start_workshop)
    if journey is None:
        return False  # not a file the light read trusts: the store words what is wrong
    from models.live.seat_step import own_step
    from tui.identity import default_user

    step = app.start_step or own_step(journey, app.who or default_user())
    if step not in EARLY_STEPS:
        return False
    from tui.screens.workshop import WorkshopScreen

    app.early_input = []  # from now on keys and pastes wait for the store (``on_event``)
    app.session.show(journey)
    app.sub_title = OPENING
    app.push_screen(WorkshopScreen(app.session, step))
    return True


def swap_in(app: Any, journey: Journey) -> None:
    """The store's journey under the early workshop screen, then the held input."""
    app.session.show(journey)
    refresh = getattr(app.screen, "refresh_from", None)
    if refresh is not None:
        refresh(journey)
    app.pairing.show(journey)
    app.refresh_bindings()
    _give_back_input(app)


_REPLAYED = "_jm_replayed"
HOLD_POLL_S = 0.02  # how often held-back keys look whether the type-ahead hold has ended


def _give_back_input(app: Any) -> None:
    """Replay the keys and pastes held while the store opened, in order, one per frame.

    One per frame, as typed: a whole burst given back at once reaches the fields
    before the focus moves that its Tabs ask for.  Keys still arriving meanwhile
    join the end of the queue (``held_while_opening`` keeps holding until it is
    empty), so a person typing through the moment the store opens keeps their
    order.  A paste is given back as the keys of its first line (what a one-line
    field keeps of it).
    """
    from textual.keys import _character_to_key

    queue: list[events.Event] = app.early_input or []
    if not queue:
        app.early_input = None
        return
    if is_holding(app):  # a view mounting or a field on its way holds keys: wait for it
        app.set_timer(HOLD_POLL_S, lambda: _give_back_input(app))
        return
    event = queue.pop(0)
    if isinstance(event, events.Paste):
        line = event.text.splitlines()[0] if event.text else ""
        keys = [events.Key(_character_to_key(c), c) for c in line if c.isprintable()]
        queue[:0] = keys
        app.call_after_refresh(_give_back_input, app)
        return
    key = events.Key(event.key, event.character)  # type: ignore[attr-defined]
    setattr(key, _REPLAYED, True)
    key.set_sender(app)
    app.post_message(key)
    app.call_after_refresh(_give_back_input, app)
