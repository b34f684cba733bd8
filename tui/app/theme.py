"""The calm journeymap theme.

Few colours, all of them with a 16-colour fallback that keeps their meaning
(Textual downgrades truecolor to the terminal's palette); meaning is never
carried by colour alone (marks like ✓ and ! and words accompany it), so the
app stays usable under ``NO_COLOR``.
"""

from __future__ import annotations

from textual.theme import Theme

JOURNEYMAP_THEME = Theme(
    name="journeymap",
    primary="#5f87af",
    secondary="#87afaf",
    accent="#d7af5f",
    warning="#d7af5f",
    error="#d75f5f",
    success="#87af87",
    foreground="#d0d0d0",
    background="#1c1c1c",
    surface="#262626",
    panel="#303030",
    dark=True,
)
