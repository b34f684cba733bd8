"""The app's first screen without the ORM: Home's list or the start step, then the store.

Why: importing SQLModel and opening the store takes most of a second here, while
the first screen needs a few rows.  ``show_first_screen`` reads them with plain
sqlite3 (``models.db.light``, ``models.db.light_journey``) and pushes Home or the
workshop screen as the app's first frame; the app's worker opens the store behind
it and ``swap_in`` puts the store's journey under the same screen.  Keys and
pastes read in between are held by the app (the ``OPENING`` hold of
``tui.widgets.typeahead``) and given back in order once the store is open, so
nothing typed is lost and nothing is saved without the store.  Anything the
light read does not trust (a server, an older or damaged file, a step whose
view binds ORM tables when drawn, a forced-command or browser seat) keeps the
"loading" frame and the store's path.

The functions take the ``JourneyApp`` (typed ``Any``: this module is imported by
the app and imports nothing of it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.widgets.typeahead import OPENING, held_input, hold, release

if TYPE_CHECKING:
    from models.db.journey import Journey

# Steps whose view draws from light rows, without the ORM: the scope form (shown, bound
# to the table class once the store is open) and the Tracker (rules over attributes).
# The table steps bind their rows' ORM class when drawn; Plan writes the plan.
EARLY_STEPS = ("scope", "tracker")
OPENING_NOTE = "opening the database… keys wait"


def show_first_screen(app: Any) -> bool:
    """Push Home or the start step without the ORM; whether a screen was pushed.

    A server that cannot be reached ends the opening here with the store's
    sentence (``app.loading`` is then False and no worker tries again).
    """
    from models.db.dbfile import StoreError

    try:
        target = _light_target(app)
        if app.start_workshop is None:
            return _home_first(app, target)
        return _workshop_first(app, target)
    except StoreError as exc:  # a server that cannot be reached: said once, not tried again
        held_input(app).drop()
        app.session.show(None)
        app._failed(str(exc))  # noqa: SLF001 - the app's step, as the store's worker calls it
        return False
    except Exception:  # noqa: BLE001 - the store's path opens it and words any problem
        held_input(app).drop()
        app.session.show(None)
        return False


def _light_target(app: Any) -> Path | str:
    """What the first screen reads without the ORM: the database file or the server URL."""
    from models.db.dbfile import default_target, is_url

    target = app.db_path or default_target()
    return str(target) if is_url(str(target)) else Path(target)


def _home_first(app: Any, target: Path | str) -> bool:
    from models.db.light_target import list_workshops

    rows = list_workshops(target)
    if not rows:
        return False
    from tui.screens.home import HomeScreen

    # Home's keys need the store too (``t`` creates from a template, Enter opens):
    # read before it opened, ``t Down Enter`` was dropped or opened the row below.
    hold(app, OPENING)
    app.push_screen(HomeScreen(app.session, early=rows))
    return True


def _workshop_first(app: Any, target: Path | str) -> bool:
    """The start step from light rows (``EARLY_STEPS`` only); keys wait for the store."""
    if app.locked or app.key:
        return False  # a forced-command or browser seat: the store's checks decide
    from models.db.light_target import load_journeys

    found = load_journeys(target, [app.start_workshop])
    journey = found[0] if found else None
    if journey is None:
        return False  # not a file the light read trusts: the store words what is wrong
    from models.live.seat_step import own_step
    from tui.identity import default_user

    step = app.start_step or own_step(journey, app.who or default_user())
    if step not in EARLY_STEPS:
        return False
    from tui.screens.workshop import WorkshopScreen

    hold(app, OPENING)  # from now on keys and pastes wait for the store (``on_event``)
    app.session.show(journey)
    app.sub_title = OPENING_NOTE
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
    release(app, OPENING)  # the held keys and pastes come back, in order
