"""A row deleted by another seat under a form being typed in: what the typing seat sees.

Shared by the deleted-row tests of the table forms (fix19) and of the handoff form on
Ownership (fix20).
"""

from __future__ import annotations

from typing import Any

from tests.helpers import ready


def keep_toasts(app: Any) -> Any:
    """``app`` with its toasts kept for an hour: the tests read them after several awaits.

    Textual drops a toast after ``NOTIFICATION_TIMEOUT`` (5 s); under a loaded machine
    (load 18 in session 18's layer run) a reload, a settle and the keys took longer, and
    the refusal had expired before the test read it.
    """
    app.NOTIFICATION_TIMEOUT = 3600
    return app


async def reload_and_type(pilot: Any, *keys: str) -> list[str]:
    """Reload as the pairing poll does after the delete, press ``keys``: the messages shown."""
    app = pilot.app
    app.session.reload()
    await ready(pilot)
    await pilot.press(*keys)
    await ready(pilot)
    return [str(n.message) for n in app._notifications]


def said_back(messages: list[str], typed: str) -> bool:
    """Whether one message quotes ``typed`` and says the row was deleted by someone else."""
    return any(typed in m and "deleted by someone else" in m for m in messages)
