"""Who is at this terminal: the participant name when ``--as`` is not given.

One function shared by the CLI (attribution of CLI edits) and the app's seat, so
a person is the same name in the change log whichever way they edited.  Over SSH
the login is the SSH user, which is what a team box with one account per person
wants; a shared guest account sets ``JOURNEYMAP_USER`` or passes ``--as``.
"""

from __future__ import annotations

import os


def default_user() -> str:
    """``JOURNEYMAP_USER``, else the login name, else "someone" (no passwd entry)."""
    for var in ("JOURNEYMAP_USER", "LOGNAME", "USER"):
        if os.environ.get(var):
            return os.environ[var]
    import getpass  # the last resort only: every command imports this module

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no passwd entry in a container
        return "someone"


# A browser seat (``journeymap serve``): textual-serve runs one command for every tab, so
# the seat's invitation reaches the app process in its environment, which only the
# server's own account can read (``ps`` shows a command line to everyone).
SEAT_TOKEN_ENV = "JOURNEYMAP_SEAT_TOKEN"
SEAT_ORIGIN_ENV = "JOURNEYMAP_SEAT_ORIGIN"
