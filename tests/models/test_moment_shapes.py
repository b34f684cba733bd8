"""The sentiment line's peaks and valleys: the definition on any line, and the work per point.

Why count: an export of a 2,000-touchpoint map asks for the shapes of its whole
line, and a Python loop stepping point by point cost ~6.7 M instructions of it
(issue 18).  The count is of Python lines run, which is deterministic: no clock.
"""

from __future__ import annotations

import random
import sys
from types import FrameType
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from models.rules.moments import shapes


def _by_definition(line: list[int]) -> list[str]:
    """The docstring's words, point by point: nearest different value on each side."""
    out = []
    for i, value in enumerate(line):
        if i > 0 and line[i - 1] == value:
            out.append("")  # a flat stretch counts once, at its first point
            continue
        left = line[i - 1] if i > 0 else None
        right = next((v for v in line[i + 1:] if v != value), None)
        sides = [v for v in (left, right) if v is not None]
        if not sides:
            out.append("")  # a whole flat line has no side
        elif value > 0 and all(value > v for v in sides):
            out.append("peak")
        elif value < 0 and all(value < v for v in sides):
            out.append("valley")
        else:
            out.append("")
    return out


@settings(deadline=None)
@given(st.lists(st.integers(min_value=-2, max_value=2), max_size=30))
def test_shapes_follow_the_definition_on_any_line(line: list[int]) -> None:
    assert shapes(line) == _by_definition(line)


def test_shapes_are_one_per_flat_stretch_at_its_start() -> None:
    assert shapes([]) == []
    assert shapes([2]) == [""]
    assert shapes([-1, -1, 1, 1, -1]) == ["valley", "", "peak", "", "valley"]


def test_shapes_of_a_long_line_run_few_python_lines_per_point() -> None:
    rng = random.Random(7)
    line = [rng.randint(-2, 2) for _ in range(2_000)]
    assert len(set(line)) == 5
    ran = 0

    def counted(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal ran
        if event == "line":
            ran += 1
        return counted

    before = sys.gettrace()  # a coverage run's tracer, given back
    sys.settrace(counted)
    try:
        shapes(line)
    finally:
        sys.settrace(before)
    assert 0 < ran < 5 * len(line), ran  # a loop stepping every point ran ~9 a point
