"""Fresh-eyes QA (session 13): a superscript digit reached ``int()`` in ``pain-volume``.

``journeymap pain-volume 1 '²'`` (or ``'#²'``) answered "invalid literal for int() with
base 10: '²'": ``str.isdigit`` says yes to "²", which ``int`` refuses.  A pain point named
by a character that is no decimal digit now gets the same sentence as any other word.
"""

from __future__ import annotations

import pytest

from models.db.journey import Journey
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Workshop
from models.rules.priority import named_pain, rank_pain_points


@pytest.mark.parametrize("which", ["²", "#²", "①", "#³4"])
def test_a_digit_that_is_not_decimal_gets_the_sentence(which: str) -> None:
    journey = Journey(workshop=Workshop(id=1, title="Lockout"),
                      pain_points=[PainPoint(id=12, workshop_id=1, description="Lost mail",
                                             impact=3, effort=1)])
    with pytest.raises(ValueError, match="neither a rank such as 2 nor a pain point's number"):
        named_pain(rank_pain_points(journey), which, 1)
