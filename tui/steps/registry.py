"""Which view shows which step: the one explicit table ``{step: View}``.

The workshop screen asks here when a step is first visited.  Listing the views
by hand (rather than modules registering themselves on import) means a newcomer
finds "the Stages step" in one line, and a missing view is a failing import,
not a silently empty screen.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.steps.base import StepView


class _Views(Mapping[str, "type[StepView]"]):
    """``{step: View}`` from "module:Class" places; a view's module is imported when asked.

    Why not import them all here: ``journeymap open`` shows the scope step first
    (from plain sqlite3, before the store opens), and importing the other views
    cost it about 70 ms of CPU; the app imports the rest off the UI thread once
    the store is open (``load_all``).
    """

    def __init__(self, places: dict[str, str]) -> None:
        self._places = places

    def __getitem__(self, step: str) -> type[StepView]:
        module, _, name = self._places[step].partition(":")
        view: type[StepView] = getattr(import_module(module), name)
        return view

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)


_STEP_PLACES = {
    "scope": "tui.steps.scope:ScopeView",
    "stages": "tui.steps.stages:StagesView",
    "touchpoints": "tui.steps.touchpoints:TouchpointsView",
    "ownership": "tui.steps.ownership:OwnershipView",
    "pains": "tui.steps.pains:PainsView",
    "cards": "tui.steps.cards:CardsView",
    "tracker": "tui.steps.tracker:TrackerView",
    "plan": "tui.steps.plan:PlanView",
}
# The method's views beside the steps (``models.vocab.METHOD_VIEWS``): reached from the
# palette and shift-keys, never numbered, so steps 1-8 keep their keys.
_METHOD_PLACES = {
    "escalation": "tui.steps.escalation:EscalationView",
    "future": "tui.steps.future:FutureView",
    "moments": "tui.steps.moments:MomentsView",
}
STEP_VIEWS: Mapping[str, type[StepView]] = _Views(_STEP_PLACES)
METHOD_VIEWS: Mapping[str, type[StepView]] = _Views(_METHOD_PLACES)
VIEWS: Mapping[str, type[StepView]] = _Views({**_STEP_PLACES, **_METHOD_PLACES})


def load_all() -> None:
    """Import every view now (a worker thread, so no first visit waits for an import)."""
    for step in VIEWS:
        VIEWS[step]
