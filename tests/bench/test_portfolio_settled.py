"""The portfolio bench's tracker figure stops at the screen's last change, not at idle.

Pilot's wait for idle also covers the hidden step views built at idle after the
items are shown; each of those screen updates draws the same screen again.  The
figure is the first update of the trailing run that shows what the last one shows.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench import portfolio
from bench.tui_keypress import PAINTS


@pytest.fixture
def frames() -> Iterator[None]:
    PAINTS.clear()
    portfolio.FRAMES.clear()
    yield
    PAINTS.clear()
    portfolio.FRAMES.clear()


def _updates(*shown: tuple[float, int]) -> None:
    for when, frame in shown:
        PAINTS.append(when)
        portfolio.FRAMES.append(frame)


def test_same_screen_drawn_again_after_the_last_change_does_not_count(frames: None) -> None:
    _updates((0.5, 1), (1.0, 2), (1.1, 3), (1.2, 3), (1.9, 3))
    assert portfolio.settled(0.9) == 1.1


def test_a_change_after_a_repeat_moves_the_moment(frames: None) -> None:
    _updates((1.0, 2), (1.1, 3), (1.2, 2), (1.3, 2))
    assert portfolio.settled(0.9) == 1.2


def test_updates_before_the_key_are_not_looked_at(frames: None) -> None:
    _updates((0.1, 7), (0.2, 7))
    assert portfolio.settled(0.9) == 0.9
