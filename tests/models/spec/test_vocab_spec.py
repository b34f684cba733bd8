"""Step numbers and step names as people type them (models/vocab.py)."""

from __future__ import annotations

import pytest

from models.vocab import resolve_step, step_number


def test_the_five_workshop_steps_are_numbered_and_the_outputs_are_not() -> None:
    assert [step_number(s) for s in ("scope", "stages", "touchpoints", "ownership",
                                     "pains")] == ["1", "2", "3", "4", "5"]
    assert [step_number(s) for s in ("cards", "tracker", "plan")] == ["", "", ""]


@pytest.mark.parametrize(("typed", "step"), [
    ("pains", "pains"), ("Pain points", "pains"), ("pain-points", "pains"),
    ("PAIN_POINTS", "pains"), ("  pain   points ", "pains"), ("Touchpoints", "touchpoints"),
    ("pain point", "pains"), ("Pain-Point", "pains"), ("owner", "ownership"),
    ("touch", "touchpoints"), ("6", "cards"), ("8", "plan"), ("9", None),
    ("", None), (None, None), ("lunch", None),
])
def test_a_step_is_found_by_key_label_or_usual_spelling(typed: str | None,
                                                       step: str | None) -> None:
    assert resolve_step(typed) == step
