"""The footer: the keys that fit the width, navigation always among them, rebuilt only on change.

Why not Textual's ``Footer`` as is: it lays every shown key in one row and the
row is clipped at the terminal's edge, so at 80 columns "n Next step" fell off
the end on most steps.  This footer chooses what to show for the width it has:
the *always* keys first (next/previous step and ``?`` for the keys panel, plus
the ``ctrl+p`` palette docked right), then the current step's own keys in
their order while they fit, with their descriptions shortened (a parenthesis
dropped).  Whatever does not fit is still a key, listed by ``?`` and ``ctrl+p``.

Two keys that do opposite things to one thing ("Sentiment +", "Sentiment -") are
shown as one pair, "+/- Sentiment" (``join_pairs``): side by side each key with
its own words read "+ Sentiment + - Sentiment -", one garbled phrase.  The pair
is still two keys, each clicking its own ("+/" and "- Sentiment"), shown whole
or not at all.

It also coalesces Textual's "bindings updated" signals (one step switch sends
five) into one update after the next refresh, skipped when the keys it would
show are the ones already shown; a resize updates only if the choice changes.
An update rewrites the keys already mounted, hides those a step does not
need and mounts only keys beyond those ever shown; a step switch does it at
once (``show_now``), laid out with the step: removing and mounting a dozen
keys after the switch's refresh cost about a third of the switch (two more
layout passes of the whole screen).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.screen import Screen

# Shown whatever the width: moving between steps and finding every other key.
ALWAYS_FIRST = ("next_step", "prev_step")
ALWAYS_LAST = ("toggle_help",)
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
           "Fill map from data": "Fill map"}


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
JOINED_CLASS = "-joined"


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


def choose(entries: list[Entry], width: int, key_width: Any) -> list[Entry]:
    """The entries that fit ``width`` cells: the always keys, then others in order.

    ``key_width(binding)`` is the cells one key takes in the footer (key, space,
    description, gap).  Order on screen: next/prev, the step's keys, ``?``.  A
    pair (``join_pairs``) is chosen whole or not at all.
    """
    first = [e for e in entries if e[0].action in ALWAYS_FIRST]
    last = [e for e in entries if e[0].action in ALWAYS_LAST]
    rest = [e for e in entries if e[0].action not in ALWAYS_FIRST + ALWAYS_LAST]
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


class CalmFooterKey(FooterKey):
    """A footer key whose new width is laid out once, in the pass that measured it.

    Textual's widget-wide ``virtual_size`` asks for a layout pass when it changes;
    a key rewritten by a step switch (``show_now``) is measured and placed by the
    switch's own layout pass, and the size it then records asked for a second
    pass of the whole screen (≈ 5 ms) that moved nothing.  A key does not scroll, and
    a new size already marks the whole key for repainting, so the virtual size asks
    for no repaint of its own either.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), repaint=False)


class CalmFooter(Footer):
    """A compact footer that fits its width, with coalesced, change-only recomposition."""

    DEFAULT_CSS = """
    CalmFooter.-compact CalmFooterKey.-joined { margin-right: 0; }
    """

    _pending = False
    _composed: tuple[Any, ...] | None = None
    # The screen's bindings read once per recompose check: Textual computes them
    # afresh on every access (a check_action per binding), and a check read them
    # four times, a recompose twice more.
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
        return cell_len(key) + 1 + cell_len(short_description(binding.description)) + 1

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
        return choose(self._entries(), room, self._key_width)

    def _palette(self) -> Any:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        return self._active_bindings().get(self.app.COMMAND_PALETTE_BINDING)

    def _signature(self) -> tuple[Any, ...]:
        """Everything ``compose`` reads: the chosen keys, the palette key, two options."""
        shown = tuple((b.key, b.description, b.action, b.key_display, enabled, tooltip)
                      for b, enabled, tooltip in self._chosen())
        palette = self._palette()
        return (shown, palette[2] if palette else None, self.compact)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            self._composed = None
            return
        self._composed = self._signature()
        for binding, enabled, tooltip in self._chosen():
            yield self._new_key(binding, enabled, tooltip)
        palette = self._palette()
        if palette is not None:
            _node, binding, enabled, _tooltip = palette
            yield CalmFooterKey(binding.key, footer_key(self.app.get_key_display(binding)),
                            binding.description, binding.action, classes="-command-palette",
                            disabled=not enabled,
                            tooltip=binding.tooltip or binding.description)

    def _new_key(self, binding: Binding, enabled: bool, tooltip: str) -> CalmFooterKey:
        key = CalmFooterKey(binding.key, footer_key(self.app.get_key_display(binding)),
                            short_description(binding.description), binding.action,
                            disabled=not enabled, tooltip=tooltip or binding.description,
                            classes=JOINED_CLASS if joined(binding) else "")
        return key.data_bind(compact=Footer.compact)

    def show_now(self) -> None:
        """Rewrite the keys at once when only their text changes (a step switch calls this,
        so that they are laid out with the step instead of in a pass of their own)."""
        if not (self.is_attached and self._bindings_ready and self._composed is not None):
            return
        self._active = self.screen.active_bindings
        try:
            signature = self._signature()
            keys, chosen = self._keys(), self._chosen()
            if signature[1:] == self._composed[1:] and len(chosen) <= len(keys) \
                    and signature != self._composed:
                self._rewrite(keys, chosen)
                self._composed = signature
                # Their new widths go to the screen now, with the switch's own layout
                # request: left to each key's idle turn, they came after the screen
                # had laid the switch out and cost a second pass of the whole screen.
                for key in keys:
                    key._check_refresh()  # noqa: SLF001 - what the key's idle turn does
        finally:
            self._active = None

    def keep_spares(self) -> None:
        """Mount hidden keys until a step of ordinary keys fits in the widgets already there.

        A first visit to a step with more keys than any step shown before mounted the
        missing ones after the switch's refresh: two more layout passes of the whole
        screen.  Called at idle (the workshop's prebuild), this makes every first visit
        a rewrite in place (``show_now``).  ``SPARE_CELLS`` cells per key is about the
        shortest key and words ("a Add "); a step with more keys than that still gets
        them, mounted as before.
        """
        if self.is_attached:
            self.call_later(self._mount_spares)  # on the footer's turn: its keys bind to it

    def _mount_spares(self) -> None:
        if not (self.is_attached and self._bindings_ready and self._composed is not None):
            return
        keys = self._keys()
        wanted = (self._width() - PALETTE_WIDTH) // SPARE_CELLS
        if len(keys) >= wanted:
            return
        spares = [CalmFooterKey("", "", "", "") for _ in range(wanted - len(keys))]
        for key in spares:
            key.display = False
            key.data_bind(compact=Footer.compact)
        palette = self.query_children(".-command-palette")
        self.mount_all(spares, before=palette.first() if palette else None)

    def _keys(self) -> list[FooterKey]:
        return [k for k in self.query_children(FooterKey) if "-command-palette" not in k.classes]

    async def _update_keys(self, signature: tuple[Any, ...]) -> None:
        """Show the chosen keys in the key widgets already mounted (see the module)."""
        keys = self._keys()
        chosen = self._chosen()
        self._rewrite(keys, chosen)
        self._composed = signature
        if len(chosen) > len(keys):
            palette = self.query_children(".-command-palette")
            extra = [self._new_key(binding, enabled, tooltip)
                     for binding, enabled, tooltip in chosen[len(keys):]]
            await self.mount_all(extra, before=palette.first() if palette else None)

    def _rewrite(self, keys: list[FooterKey], chosen: list[Entry]) -> None:
        """The first keys show ``chosen``; the rest are hidden (kept for a step with more).

        A key already showing the same key and words (next, previous, help…) keeps
        its rendered line and its width: only the keys that change are re-laid out.
        """
        for widget in keys[len(chosen):]:
            widget.display = False
        for widget, (binding, enabled, tooltip) in zip(keys, chosen, strict=False):
            widget.action = binding.action
            widget.tooltip = tooltip or binding.description
            shown = (binding.key, footer_key(self.app.get_key_display(binding)),
                     short_description(binding.description), not enabled)
            if widget.display and shown == (widget.key, widget.key_display,
                                            widget.description, widget._disabled) \
                    and widget.has_class(JOINED_CLASS) == joined(binding):
                continue
            widget.display = True
            widget.key, widget.key_display, widget.description = shown[:3]
            widget._disabled = not enabled  # noqa: SLF001 - what FooterKey's click reads
            widget.set_class(not enabled, "-disabled")
            widget.set_class(joined(binding), JOINED_CLASS)
            widget.refresh(layout=True)

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
            if self._composed == signature:
                return
            if self._composed is None or self._composed[1:] != signature[1:]:
                await self.recompose()  # first keys, or the palette key or layout changed
            else:
                await self._update_keys(signature)
        finally:
            self._active = None
