"""A Footer that rebuilds its keys once per change, and only when they did change.

Why: Textual's ``Footer`` recomposes (new ``FooterKey`` widgets, CSS applied to
each) on *every* "bindings updated" signal, and one step switch sends five of
them (the explicit refresh, focus leaving the hidden view, focus arriving in the
new one, …).  On the workshop screen that was about a third of a step switch.
This subclass coalesces the signals into one recompose after the next refresh
and skips it when the keys it would show are the ones already shown, so the
result on screen is the same as Textual's footer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen


class CalmFooter(Footer):
    """``Footer`` with coalesced, change-only recomposition (same look)."""

    _pending = False
    _composed: tuple[Any, ...] | None = None

    def _signature(self) -> tuple[Any, ...]:
        """Everything ``Footer.compose`` reads: the shown bindings and two options."""
        shown = tuple((binding.key, binding.description, binding.action, binding.key_display,
                       id(binding.group), enabled, tooltip)
                      for (_, binding, enabled, tooltip)
                      in self.screen.active_bindings.values()
                      if binding.show or binding.action == "command_palette")
        return (shown, self.show_command_palette, self.compact, self.app.ENABLE_COMMAND_PALETTE)

    def compose(self) -> ComposeResult:
        self._composed = self._signature() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached or self._composed == self._signature():
            return
        await self.recompose()
