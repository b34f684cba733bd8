"""What the pairing actions and panels read from the pairing controller.

A ``Protocol`` so the presence bar, the activity panel and the one-shot
actions can be typed without importing ``tui.pairing.controller`` (which
imports them): the controller satisfies it, and no import cycle is needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from models.db.tables.seats import Participant
    from models.live.presence import Seat


class PairingState(Protocol):
    """The seat in the open workshop and the helpers around it."""

    app: Any
    seat: Seat | None
    workshop_id: int | None
    active_ids: Any
    lost: str  # one sentence while the server cannot be reached, "" otherwise
    seen_gather_at: dt.datetime | None
    now: Callable[[], dt.datetime]

    def me(self) -> Participant | None: ...

    def screen_step(self) -> str: ...

    def refresh_presence(self) -> None: ...

    def apply_follow(self) -> None: ...

    def tick(self) -> None: ...

    def _reload_participants(self) -> None: ...
