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
    from models.db.tables.seats import Participant
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


def follow_role(app: Any, seat: Seat, me: Participant) -> bool:
    """The seat's stored role changed while it is open: True when its store was swapped
    (lowered to observer, or a lead's grant raised it)."""
    return lower_to_observer(app, seat, me.role) or raise_from_observer(app, seat, me)


def lower_to_observer(app: Any, seat: Seat, role: str) -> bool:
    """A lead made this open seat an observer (``role`` is its stored role now): True when
    the app's store was swapped for a read-only one, as ``take_seat`` does at launch.

    The store was opened for writing when the seat joined, and nothing else closes it: a
    participant a lead lowered in the room went on changing the map (qa19).  Presence
    moves to a store that may write participant rows only.
    """
    from models.db.store import Store
    from models.live import presence
    from tui.widgets.header import seat_note

    old = app.store
    if role != "observer" or old is None or old.read_only:
        return False
    store = Store(old.path, who=old.who, read_only=True)
    present = presence.presence_store(old.path, old.who)
    store.key = present.key = old.key
    seat.store, seat.presence = store, present
    app.store = store
    old.close()
    app.role = "observer"
    app.sub_title = seat_note("observer")
    app.refresh_bindings()  # the footer drops the editing keys now, not at the next step
    app.notify("A lead made you an observer here: follow along; nothing you do changes "
               "the map now.", severity="warning", markup=False)
    return True


def raise_from_observer(app: Any, seat: Seat, me: Participant) -> bool:
    """A lead raised this open observer seat (``me`` is its stored row now): True when
    the read-only store was swapped for one that writes, as a participant's at launch.

    What a reopen would give, no more: ``--role`` and a ``seat`` line's or invitation's
    role still only lower, a file this account may not write stays read, and the role
    must be a lead's logged grant (``presence.granted``), never the seat's own claim.
    """
    from models.db.access import lower
    from models.db.dbfile import cannot_write
    from models.db.store import Store
    from models.live import presence
    from tui.widgets.header import seat_note

    old = app.store
    if me.role == "observer" or old is None or not old.read_only:
        return False
    role = lower(lower(lower(me.role, app.grant), app.cap), app.asked_role)
    if role == "observer" or cannot_write(old.path) \
            or not presence.granted(old, me.workshop_id, me):
        return False
    store = Store(old.path, who=old.who)
    store.key = old.key
    if seat.presence is not old:
        seat.presence.close()
    seat.store = seat.presence = store
    app.store = store
    old.close()
    app.role = role
    app.sub_title = seat_note(role)
    app.refresh_bindings()  # the footer shows the editing keys again now
    app.notify(f"A lead made you a {role} here: what you change is saved to the map now.",
               severity="information", markup=False)
    return True
