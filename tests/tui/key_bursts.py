"""Keys as Textual's driver posts them, for tests that send a burst in one go.

A terminal read hands the app several keys at once; Pilot's ``press`` waits between
keys and cannot show what happens then, so the burst tests post these events to the
app themselves.
"""

from __future__ import annotations

from textual import events


def key(name: str) -> events.Key:
    """The key Textual's driver posts for ``name`` (a key name or one character)."""
    named = {"space": " ", "enter": "\r", "escape": "\x1b", "ctrl+u": "\x15", "ctrl+k": "\x0b",
             "backspace": "\x7f"}
    character = named.get(name, name if len(name) == 1 else None)
    return events.Key(name, character)


def burst(*parts: str) -> list[events.Key]:
    """Keys by name, and each ``"…"`` part as its characters."""
    keys: list[events.Key] = []
    for part in parts:
        if part.startswith('"'):
            keys.extend(key("space" if ch == " " else ch) for ch in part.strip('"'))
        else:
            keys.append(key(part))
    return keys
