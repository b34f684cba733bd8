"""The pain point ranking, computed once per revision of the open journey.

Why: ``rank_pain_points`` walks every pain point and formats a reason for each;
the Pain points view needs it for the table *and* the matrix, and a redraw of
either after an unrelated change (a step switch, a presence tick) must not pay
for it again.  The app bumps ``journey_rev`` on every reload and every in-place
patch of the snapshot, so (revision, snapshot object) identifies exactly one
state of the data; the snapshot itself is kept so its id cannot be reused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.rules.priority import RankedPain

_CACHE_ATTR = "_jm_ranked"


def ranked_pains(app: Any, journey: Journey) -> list[RankedPain]:
    """``rank_pain_points(journey)``, reused while ``app.journey_rev`` and the snapshot hold."""
    from models.rules import priority

    rev = getattr(app, "journey_rev", None)
    hit: tuple[Any, Journey, list[RankedPain]] | None = getattr(app, _CACHE_ATTR, None)
    if rev is not None and hit is not None and hit[0] == rev and hit[1] is journey:
        return hit[2]
    ranked = priority.rank_pain_points(journey)
    if rev is not None:
        setattr(app, _CACHE_ATTR, (rev, journey, ranked))
    return ranked
