"""The pairing entries of the command palette (ctrl+p), one per pairing key.

Kept apart from the polling loop (``tui.pairing.controller``): this is the list
a person reads in the palette, not part of the loop.  The keys themselves live
on the app (``tui.actions`` area "pairing") so every step has them; a step
view's own key of the same name wins (``t`` links a touchpoint on step 5).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import SystemCommand

from tui.actions import palette_help

# pairing argument -> (title, key); the help line is the lead's words (actions.palette_help)
COMMANDS = {
    "follow": ("Pairing: follow the lead (on/off)", "f"),
    "gather": ("Pairing: bring everyone here (lead)", "g"),
    "timer": ("Pairing: start or stop the step timer (lead)", "t"),
    "done": ("Pairing: done with this step (on/off)", "D"),
    "vote": ("Pairing: put a dot on the selected pain point", "o on step 5"),
    "unvote": ("Pairing: take a dot back from the selected pain point", "O on step 5"),
    "reveal": ("Pairing: reveal or hide the votes (lead)", "R"),
    "activity": ("Pairing: show or hide the activity panel", "L"),
    "participants": ("Pairing: participants and their roles (lead: change)", "P"),
}


def palette_commands(act: Callable[[str], None]) -> Iterable[SystemCommand]:
    """One palette entry per pairing action, each running ``act(action)``."""
    for what, (title, key) in COMMANDS.items():
        yield SystemCommand(title, palette_help(what, key), _bound(act, what))


def _bound(func: Callable[[str], None], arg: str) -> Callable[[], None]:
    return lambda: func(arg)
