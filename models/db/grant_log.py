"""Which role a seat's logged grant gave it: what a stored role needs to count.

Why the change log: a seat's row may be written by more than a lead's grant (a hand
with ``sqlite3``, an older journeymap, an observer's presence connection before session
16), while a grant is written by ``presence.grant`` only, and each grant is logged
there.  So a reopen (``access.seat_role``) and every command's role check
(``access.require``) count a stored role only up to the role of the seat's last
logged grant (``access.vouched``).  The ORM read (``presence.logged_role``) and the
plain SQL one of the role checks (``role_rows``) find that line; this rule says what
it grants.
"""

from __future__ import annotations

from typing import Any

from models.vocab import ROLES

ENTITY, FIELD = "participant", "role"  # a grant's line: field ``role`` of a participant


def granted_role(who: Any, new: Any, name: str) -> str | None:
    """The role a seat's last ``role`` line gave it, or None when that line grants nothing.

    A line the seat's own name wrote is its claim, not a grant; a line naming no role
    (written by hand) grants nothing rather than failing the role ranking.
    """
    if who == name or new not in ROLES:
        return None
    return str(new)
