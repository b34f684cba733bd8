"""The base of the three output screens (Cards, Tracker, Plan): the export key.

Dates and status words live in ``tui.widgets.dates``; "today" is
``models.rules.clock.today`` (pinned by ``JOURNEYMAP_TODAY``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from tui.actions import bindings
from tui.steps.base import StepView


class OutputView(StepView):
    """A Cards/Tracker/Plan view: adds the export action (key x, and in the palette)."""

    BINDINGS: ClassVar[list[Any]] = [
        *bindings("output"),
    ]

    def action_export(self) -> None:
        from tui.dialogs.export import start_export

        start_export(self, self.session)
