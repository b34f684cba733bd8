"""The app's first screen without the ORM: Home's list or the start step, then the store.

Why: importing SQLModel and opening the store takes most of a second here, while
the first screen needs a few rows.  ``read_first`` reads them with plain
sqlite3 (``models.db.light``, ``models.db.light_journey``) and ``show_first`` pushes Home or the
workshop screen as the app's first frame; the app's worker opens the store behind
it and ``swap_in`` puts the store's journey under the same screen.  Keys and
pastes read in between are held by the app (the ``OPENING`` hold of
``tui.widgets.typeahead``) and given back in order once the store is open, so
nothing typed is lost and nothing is saved without the store.  Anything the
light read does not trust (an older or damaged file, a step whose view binds
ORM tables when drawn, a forced-command or browser seat) keeps the "loading"
frame and the store's path.  A server is read in a thread behind a first frame
that names it (``on_server``): on a network that drops packets the connect
waits its whole timeout, and the lead must see at once what it is waiting for.

The functions take the ``JourneyApp`` (typed ``Any``: this module is imported by
the app and imports nothing of it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.widgets.typeahead import OPENING, hold, release

if TYPE_CHECKING:
    from models.db.journey import Journey

# Steps whose view draws from light rows, without the ORM: the scope form (shown, bound
# to the table class once the store is open) and the Tracker (rules over attributes).
# The table steps bind their rows' ORM class when drawn; Plan writes the plan.
EARLY_STEPS = ("scope", "tracker")
OPENING_NOTE = "opening the database… keys wait"


def read_first(app: Any) -> tuple[str, Any]:
    """What the first screen shows, read without the ORM; safe off the UI thread.

    ``("home", rows)``, ``("workshop", (journey, step))``, ``("", None)`` for the
    store's path (it opens and words anything the light read does not trust), or
    ``("failed", sentence)`` for a server that cannot be reached: said once, not
    tried again.
    """
    from models.db.dbfile import StoreError

    link, app.first_link = app.first_link, None  # ``open``'s check's connection: used once
    try:
        target = link or _light_target(app)
        if app.start_workshop is None:
            return _home_rows(target)
        return _workshop_read(app, target)
    except StoreError as exc:
        return "failed", str(exc)
    except Exception:  # noqa: BLE001 - the store's path opens it and words any problem
        return "", None
    finally:
        if link is not None:
            link.close()


def show_first(app: Any, read: tuple[str, Any]) -> bool:
    """Push what ``read_first`` read (UI thread); whether a screen was pushed.

    A server that cannot be reached ends the opening here with the store's
    sentence (``app.loading`` is then False and no worker tries again).
    """
    kind, found = read
    if kind == "home":
        from tui.screens.home import HomeScreen

        # Home's keys need the store too (``t`` creates from a template, Enter opens):
        # read before it opened, ``t Down Enter`` was dropped or opened the row below.
        hold(app, OPENING)
        app.push_screen(HomeScreen(app.session, early=found))
        return True
    if kind == "workshop":
        from tui.screens.workshop import WorkshopScreen

        journey, step = found
        hold(app, OPENING)  # from now on keys and pastes wait for the store (``on_event``)
        app.session.show(journey)
        app.sub_title = OPENING_NOTE
        app.push_screen(WorkshopScreen(app.session, step))
        return True
    app.session.show(None)
    # What was typed while a server was connecting goes to the "loading" frame: the
    # store's path, or the refusal, where a step key does nothing and ctrl+q quits.
    release(app, OPENING)
    if kind == "failed":
        app._failed(found)  # noqa: SLF001 - the app's step, as the store's worker calls it
    return False


def _light_target(app: Any) -> Path | str:
    """What the first screen reads without the ORM: the database file or the server URL."""
    from models.db.dbfile import default_target, is_url

    target = app.db_path or default_target()
    return str(target) if is_url(str(target)) else Path(target)


def on_server(app: Any) -> str:
    """The server's host:port when the app's ``--db`` is a server ("" for a file).

    A connect to it can wait the whole timeout on a network that drops packets,
    so the app names the server on its first frame and reads in a thread.
    """
    target = _light_target(app)
    if isinstance(target, Path):
        return ""
    from models.db.server_link import address

    return address(target)


def _home_rows(target: Any) -> tuple[str, Any]:
    from models.db.light_target import list_workshops

    rows = list_workshops(target)
    return ("home", rows) if rows else ("", None)


def _workshop_read(app: Any, target: Any) -> tuple[str, Any]:
    """The start step's journey from light rows (``EARLY_STEPS`` only)."""
    if app.locked or app.key:
        return "", None  # a forced-command or browser seat: the store's checks decide
    from models.db.light_target import load_journeys

    found = load_journeys(target, [app.start_workshop])
    journey = found[0] if found else None
    if journey is None:
        return "", None  # not a file the light read trusts: the store words what is wrong
    from models.live.seat_step import own_step
    from tui.identity import default_user

    step = app.start_step or own_step(journey, app.who or default_user())
    return ("workshop", (journey, step)) if step in EARLY_STEPS else ("", None)


def swap_in(app: Any, journey: Journey) -> None:
    """The store's journey under the early workshop screen, then the held input."""
    app.session.show(journey)
    refresh = getattr(app.screen, "refresh_from", None)
    if refresh is not None:
        refresh(journey)
    app.pairing.show(journey)
    app.refresh_bindings()
    release(app, OPENING)  # the held keys and pastes come back, in order
