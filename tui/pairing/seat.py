"""Taking the app's seat in a workshop: the name, the role, and the stores it writes through.

Kept apart from the polling loop (``tui.pairing.controller``): this runs once per
workshop opened.  An observer's edits go through a read-only store and its
presence through a store that may write participant rows only
(``models.live.presence``); a returning observer who opened without ``--role``
finds that out only here, so the app's store is swapped for a read-only one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.live.presence import Seat


def default_name() -> str:
    """The seat name when none was given (the same rule as the CLI)."""
    from tui.identity import default_user

    return default_user()


def take_seat(app: Any, workshop_id: int) -> Seat:
    """Join ``workshop_id`` as the app's person; raises whatever the join refuses."""
    from models.db.store import Store
    from models.live import presence

    store = app.store
    assert store is not None
    if not store.who:  # built without a name (tests, demo): the login, like `open`
        store.who = app.who = default_name()
    presence_store = store
    if store.read_only:
        presence_store = presence.presence_store(store.path, store.who)
    presence_store.key = app.key
    participant = presence.join(presence_store, workshop_id, store.who, app.role or None,
                                step=None, cap=app.cap, grant=app.grant, key=app.key,
                                origin=app.origin)
    if participant.role == "observer" and not store.read_only:
        # a returning observer without --role: the edit store must refuse too
        store.close()
        store = app.store = Store(store.path, who=store.who, read_only=True)
        presence_store = presence.presence_store(store.path, store.who)
    store.key = presence_store.key = app.key
    return presence.Seat(store=store, presence=presence_store, participant=participant)
