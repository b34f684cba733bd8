"""Which view shows which step: the one explicit table ``{step: View}``.

The workshop screen asks here when a step is first visited.  Listing the views
by hand (rather than modules registering themselves on import) means a newcomer
finds "the Stages step" in one line, and a missing view is a failing import,
not a silently empty screen.
"""

from __future__ import annotations

from tui.steps.base import StepView
from tui.steps.cards import CardsView
from tui.steps.escalation import EscalationView
from tui.steps.future import FutureView
from tui.steps.moments import MomentsView
from tui.steps.ownership import OwnershipView
from tui.steps.pains import PainsView
from tui.steps.plan import PlanView
from tui.steps.scope import ScopeView
from tui.steps.stages import StagesView
from tui.steps.touchpoints import TouchpointsView
from tui.steps.tracker import TrackerView

STEP_VIEWS: dict[str, type[StepView]] = {
    "scope": ScopeView,
    "stages": StagesView,
    "touchpoints": TouchpointsView,
    "ownership": OwnershipView,
    "pains": PainsView,
    "cards": CardsView,
    "tracker": TrackerView,
    "plan": PlanView,
}
# The method's views beside the steps (``models.vocab.METHOD_VIEWS``): reached from the
# palette and shift-keys, never numbered, so steps 1-8 keep their keys.
METHOD_VIEWS: dict[str, type[StepView]] = {
    "escalation": EscalationView,
    "future": FutureView,
    "moments": MomentsView,
}
VIEWS: dict[str, type[StepView]] = {**STEP_VIEWS, **METHOD_VIEWS}
