"""Warm-ups held in the middle (``tui/screens/warm_views.py``), for tests that meet one.

A warm-up ends as soon as a layout pass changes no size of its view: two or
three passes, too quick for a test to press a key or start a worker during it.
Holding each warm-up's next look keeps it under way (laid out below the screen's
edge, waiting for its verifying pass) until ``release``.
"""

from __future__ import annotations

from typing import Any

import pytest

from tui.screens import warm_views


class HeldLooks:
    """Every warm-up's next look waits here until ``release``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.waiting: list[tuple[Any, int]] = []
        self._monkeypatch = monkeypatch
        self._real = warm_views.Warmup.look_again
        monkeypatch.setattr(warm_views.Warmup, "look_again",
                            lambda warmup, at: self.waiting.append((warmup, at)))

    def release(self) -> None:
        """The looks held are taken now, later ones at once (as without a hold)."""
        self._monkeypatch.setattr(warm_views.Warmup, "look_again", self._real)
        waiting, self.waiting = self.waiting, []
        for warmup, at in waiting:
            self._real(warmup, at)
