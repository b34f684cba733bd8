"""The footer: the keys that fit the width, navigation always among them, rebuilt only on change.

Why not Textual's ``Footer`` as is: it lays every shown key in one row and the
row is clipped at the terminal's edge, so at 80 columns "n Next step" fell off
the end on most steps.  This footer chooses what to show for the width it has:
the *always* keys first (next/previous step and ``?`` for the keys panel, plus
the ``ctrl+p`` palette docked right), then the current step's own keys in
their order while they fit, with their descriptions shortened (a parenthesis
dropped).  Whatever does not fit is still a key, listed by ``?`` and ``ctrl+p``.
A toggle's key takes the room of the longer of its two words (``widest_words``), so
pressing it never changes which other keys fit.

Two keys that do opposite things to one thing ("Sentiment +", "Sentiment -") are
shown as one pair, "+/- Sentiment" (``join_pairs``): side by side each key with
its own words read "+ Sentiment + - Sentiment -", one garbled phrase.  The pair
is still two keys, each clicking its own ("+/" and "- Sentiment"), shown whole
or not at all.

The chosen keys are drawn by one widget, ``FooterLine`` (``footer_line.py``): a step
switch hands it the new keys and it repaints its one line, with no layout and no message
to a key widget; only the palette key, which never changes, stays a ``FooterKey``.

It also coalesces Textual's "bindings updated" signals (one step switch sends
five) into one update after the next refresh, skipped when the keys it would
show are the ones already shown; a resize updates only if the choice changes.
A step switch updates the line at once (``show_now``), in the switch's own frame.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.actions import widest_words
from tui.widgets.footer_line import FooterLine, ShownKey

if TYPE_CHECKING:
    from textual.screen import Screen

# Shown whatever the width: moving between steps and finding every other key.
ALWAYS_FIRST = ("next_step", "prev_step")
ALWAYS_LAST = ("toggle_help",)
# Also shown whatever the step's keys once the footer is this wide: undo, the key a room
# needs right after a wrong delete (at 80 columns the step's own keys come first).
WIDE = 120
ALWAYS_WHEN_WIDE = ("undo",)
PALETTE_WIDTH = 12  # "▏^p palette" docked right, with its border and padding
SPARE_CELLS = 6  # the cells of about the shortest key and its words: "a Add "
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
# The footer's words for keys whose full description (kept for ``?`` and the
# palette) is too long for a footer that must fit 80 columns.
SHORTER = {"Next step": "Next", "Prev step": "Prev", "Export action plan": "Export",
           "Add stage": "Add", "Delete stage": "Delete", "Add level": "Add",
           "Delete level": "Delete", "Move up": "Up", "Move down": "Down",
           "KPI baseline from ticket data": "Baseline",
           "Measure: tie signal to ticket data…": "Measure",
           "Fill map from data": "Fill map", "Undo my last change": "Undo",
           # the Tracker's toggles: at 80 columns "w All workshops" had no room
           "Overdue only": "Overdue", "All workshops": "All maps",
           "This workshop": "This map"}


def footer_key(display: str) -> str:
    """A footer-sized key: 'shift+↑' → '⇧↑' (the keys panel keeps the long form)."""
    return display.replace("shift+", "⇧")


def short_description(text: str) -> str:
    """A footer-sized description: 'Export action plan (Markdown)' → 'Export'."""
    text = _PAREN.sub("", text).strip() or text
    return SHORTER.get(text, text)


Entry = tuple[Binding, bool, str]  # binding, enabled, tooltip
PAIR_ENDS = (" +", " -")  # "Sentiment +" then "Sentiment -": one pair, "+/- Sentiment"
JOINED = "/"  # the first key of a pair shows its key and this, no words, no gap after


def join_pairs(entries: list[Entry], display: Any) -> list[Entry]:
    """Each pair of neighbours "X +", "X -" (short words) as "+/" and "- X".

    ``display(binding)`` is the key as the footer shows it.  The bindings shown
    are copies (their own words become the tooltips); the keys and actions are
    the same, so each part of the pair still presses its own key.
    """
    out: list[Entry] = []
    i = 0
    while i < len(entries):
        here = entries[i]
        there = entries[i + 1] if i + 1 < len(entries) else None
        words = short_description(here[0].description)
        if there is not None and words.endswith(PAIR_ENDS[0]) \
                and short_description(there[0].description) == words[:-1] + PAIR_ENDS[1][-1]:
            stem = words[: -len(PAIR_ENDS[0])]
            first = replace(here[0], key_display=display(here[0]) + JOINED, description="")
            second = replace(there[0], description=stem)
            out += [(first, here[1], here[2] or here[0].description),
                    (second, there[1], there[2] or there[0].description)]
            i += 2
            continue
        out.append(here)
        i += 1
    return out


def joined(binding: Binding) -> bool:
    """Whether ``binding`` is the first key of a pair (``join_pairs``)."""
    return not binding.description and (binding.key_display or "").endswith(JOINED)


def choose(entries: list[Entry], width: int, key_width: Any,
           also: tuple[str, ...] = ()) -> list[Entry]:
    """The entries that fit ``width`` cells: the always keys, then others in order.

    ``key_width(binding)`` is the cells one key takes in the footer (key, space,
    description, gap).  Order on screen: next/prev, the step's keys, the ``also``
    actions, ``?``.  A pair (``join_pairs``) is chosen whole or not at all.
    """
    always = ALWAYS_FIRST + also + ALWAYS_LAST
    first = [e for e in entries if e[0].action in ALWAYS_FIRST]
    last = [e for e in entries if e[0].action in also + ALWAYS_LAST]
    rest = [e for e in entries if e[0].action not in always]
    room = width - sum(key_width(e[0]) for e in first + last)
    chosen: list[Entry] = []
    i = 0
    while i < len(rest):
        unit = rest[i:i + 2] if joined(rest[i][0]) else rest[i:i + 1]
        cost = sum(key_width(e[0]) for e in unit)
        if cost <= room:
            chosen += unit
            room -= cost
        i += len(unit)
    return first + chosen + last


class CalmFooter(Footer):
    """A compact footer that fits its width: the chosen keys as one line, the palette key
    docked right; updated only when what it shows changes."""

    _pending = False
    # What ``compose`` built: the keys shown, the palette key, the compact flag.
    _composed: tuple[Any, ...] | None = None
    # The screen's bindings read once per update: Textual computes them afresh on
    # every access (a check_action per binding), and an update read them four times.
    _active: dict[str, Any] | None = None

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("compact", True)  # one space between key and words: more keys fit
        super().__init__(**kwargs)

    def _width(self) -> int:
        return self.size.width or self.app.size.width

    def _key_width(self, binding: Binding) -> int:
        key = footer_key(self.app.get_key_display(binding))
        if joined(binding):
            return cell_len(key)  # "+/": no words, no gap before the pair's second key
        words = short_description(widest_words(
            binding.action, binding.description, lambda w: cell_len(short_description(w))))
        return cell_len(key) + 1 + cell_len(words) + 1

    def _entries(self) -> list[Entry]:
        """Shown bindings, one per action (the first key of each), in the screen's order."""
        seen: set[str] = set()
        entries: list[Entry] = []
        for (_, binding, enabled, tooltip) in self._active_bindings().values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            entries.append((binding, enabled, tooltip))
        return join_pairs(entries, self.app.get_key_display)

    def _active_bindings(self) -> dict[str, Any]:
        return self._active if self._active is not None else self.screen.active_bindings

    def _chosen(self) -> list[Entry]:
        room = self._width() - (PALETTE_WIDTH if self._palette() else 0)
        also = ALWAYS_WHEN_WIDE if self._width() >= WIDE else ()
        return choose(self._entries(), room, self._key_width, also)

    def _palette(self) -> Any:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        return self._active_bindings().get(self.app.COMMAND_PALETTE_BINDING)

    def _shown(self) -> tuple[ShownKey, ...]:
        """The chosen keys as the line draws them."""
        return tuple(
            ShownKey(binding.key, footer_key(self.app.get_key_display(binding)),
                     short_description(binding.description), binding.action,
                     disabled=not enabled, tooltip=tooltip or binding.description,
                     joined=joined(binding))
            for binding, enabled, tooltip in self._chosen())

    def _signature(self) -> tuple[Any, ...]:
        """Everything ``compose`` reads: the keys shown, the palette key, the layout."""
        palette = self._palette()
        return (self._shown(), palette[2] if palette else None, self.compact)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            self._composed = None
            return
        self._composed = self._signature()
        line = FooterLine(compact=self.compact)
        line.keys = self._composed[0]
        yield line
        palette = self._palette()
        if palette is not None:
            _node, binding, enabled, _tooltip = palette
            yield FooterKey(binding.key, footer_key(self.app.get_key_display(binding)),
                            binding.description, binding.action,
                            classes="-command-palette", disabled=not enabled,
                            tooltip=binding.tooltip or binding.description)

    def line(self) -> FooterLine | None:
        """The widget drawing the chosen keys (none before the bindings are known)."""
        return next(iter(self.query_children(FooterLine)), None)

    def placed(self) -> list[tuple[ShownKey, Any]]:
        """Each shown key and its screen region, the palette key last (what a click hits)."""
        line = self.line()
        out = line.placed() if line is not None else []
        for key in self.query_children(FooterKey):
            out.append((ShownKey(key.key, key.key_display, key.description, key.action,
                                 key._disabled, str(key.tooltip or "")),  # noqa: SLF001
                        key.region))
        return out

    def show_now(self) -> None:
        """Show the step's keys at once (a step switch calls this, so that they are drawn
        in the switch's own frame): one line repainted, nothing laid out."""
        if not (self.is_attached and self._bindings_ready and self._composed is not None):
            return
        self._active = self.screen.active_bindings
        try:
            self._update(self._signature())
        finally:
            self._active = None

    def _update(self, signature: tuple[Any, ...]) -> bool:
        """Hand the line its keys when only they changed; False when a recompose is due."""
        line = self.line()
        if line is None or self._composed is None or self._composed[1:] != signature[1:]:
            return False
        line.show(signature[0])
        self._composed = signature
        return True

    def watch_compact(self, compact: bool) -> None:
        line = self.line()
        if line is not None:
            line.set_class(compact, "-compact")

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        self._schedule()

    def on_resize(self) -> None:
        if self._bindings_ready:
            self._schedule()

    def _schedule(self) -> None:
        if self.is_attached and not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        self._active = self.screen.active_bindings
        try:
            signature = self._signature()
            if self._composed != signature and not self._update(signature):
                await self.recompose()  # first keys, or the palette key or layout changed
        finally:
            self._active = None
