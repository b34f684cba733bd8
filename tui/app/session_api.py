"""The workshop session's state and edits, readable as the app's own attributes.

Why: pairing, the step views, tests and the benches talk to "the app" (``app.store``,
``app.journey``, ``app.save_field`` …) while the work is done by the
``WorkshopSession``; this base class of ``JourneyApp`` is that pass-through, kept
apart from the app's screens, keys and start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.db.store import Store
    from tui.session.workshop import WorkshopSession

R = TypeVar("R")


class SessionAttributes:
    """``store``, ``journey``, ``role``… and the edit calls, answered by ``self.session``."""

    session: WorkshopSession

    @property
    def store(self) -> Store | None:
        return self.session.store

    @store.setter
    def store(self, store: Store | None) -> None:
        self.session.store = store

    @property
    def journey(self) -> Journey | None:
        return self.session.journey

    @journey.setter
    def journey(self, journey: Journey | None) -> None:
        self.session.show(journey)  # what was derived from the one it replaces goes too

    @property
    def journey_rev(self) -> int:
        return self.session.revision

    @property
    def role(self) -> str:
        return self.session.role

    @role.setter
    def role(self, role: str) -> None:
        self.session.role = role

    @property
    def saved_at(self) -> dt.datetime | None:
        return self.session.saved_at

    @property
    def read_only(self) -> bool:
        """An observer's seat: asked for (``--role observer``) or decided by the seat."""
        return self.session.read_only

    def action_allowed(self, action: str) -> bool:
        """Whether a view's or screen's key may run here (``check_action`` of those nodes)."""
        return self.session.action_allowed(action)

    def run_store(self, call: Callable[[], R]) -> R | None:
        return self.session.run_store(call)

    def save_field(self, model: type, row_id: int, field: str, text: Any) -> bool:
        return self.session.save_field(model, row_id, field, text)

    def mutate(self, call: Callable[[], R]) -> R | None:
        return self.session.mutate(call)

    def mark_saved(self) -> None:
        self.session.mark_saved()

    def reload_journey(self) -> None:
        self.session.reload()
