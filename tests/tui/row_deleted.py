"""A row deleted by another seat under a form being typed in: what the typing seat sees.

Shared by the deleted-row tests of the table forms (fix19) and of the handoff form on
Ownership (fix20).
"""

from __future__ import annotations

from typing import Any

from tests.helpers import ready


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
