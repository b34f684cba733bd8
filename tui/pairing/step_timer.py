"""The shared step timer as a seat sees it: the label in the presence bar, one "time is up".

Kept apart from the polling loop (``tui.pairing.controller``), which calls
``tick`` on every poll: this only decides when the label changed (so the bar is
redrawn only then) and tells the room once per timer that time is up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any


class StepTimerWatch:
    """What this seat last showed of the workshop's step timer."""

    def __init__(self) -> None:
        self.label = ""
        self._done_for: dt.datetime | None = None  # the timer already announced as over

    def tick(self, app: Any, now: dt.datetime, redraw: Callable[[], None]) -> None:
        """Update the label from the workshop's timer; say "time is up" once per timer."""
        from models.live.facilitation import timer_label, timer_remaining

        journey = app.journey
        if journey is None or journey.workshop.timer_ends_at is None:
            if self.label:
                self.label = ""
                redraw()
            return
        label = timer_label(journey.workshop, now)
        if label != self.label:
            self.label = label
            redraw()
        ends = journey.workshop.timer_ends_at
        if timer_remaining(journey.workshop, now) == dt.timedelta(0) and self._done_for != ends:
            self._done_for = ends
            from models.vocab import LABELS

            step = LABELS.get(journey.workshop.timer_step, journey.workshop.timer_step)
            app.notify(f"Time is up for {step}. Nothing is locked: finish the thought, "
                       "then move on together.", title="Step timer", markup=False)
