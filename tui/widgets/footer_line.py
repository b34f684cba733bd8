"""The footer's keys as one widget: one line of segments, a click region and a hover per key.

Why not a widget per key (Textual's ``FooterKey``): a step switch rewrote about eight keys'
labels, laid each out again and sent every key a Show, Hide or Resize message; the keys
were the largest drawing of a switch (≈ 4.7 ms of a 16 ms goal).  Here a switch hands the
line its new keys and repaints one line: no layout (the line's size never depends on its
keys), no message to any key.

It looks exactly as the key widgets did (the same component classes, paddings, margins
and hover colour), and each key acts as a ``FooterKey`` does: a mouse *down* on it presses
its key (``App.simulate_key``), or rings the bell when the key is disabled; the key under
the mouse is lit and gives the tooltip.  Which key is under the mouse is found from the
cells each key takes (``_spans``), not from a Style meta action on each key's segments
(Textual's ``@click``): a meta makes the two halves of a pair ("+/" and "-", the same
colours) two runs of text, so the screen the terminal gets differs from the key widgets'
(the Touchpoints snapshots failed), for the same picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


@dataclass(frozen=True)
class ShownKey:
    """One key as the footer shows it: what ``FooterKey`` held, and whether it is the first
    of a pair (drawn with no gap after it)."""

    key: str
    key_display: str
    description: str
    action: str
    disabled: bool
    tooltip: str
    joined: bool = False


class FooterLine(Widget, can_focus=False):
    """The chosen keys, drawn as one line (see the module)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key", "footer-key--description", "footer-key--hover"}
    DEFAULT_CSS = """
    FooterLine {
        width: 1fr;
        height: 1;
        text-wrap: nowrap;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        .footer-key--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--hover { background: $block-hover-background; }
        &.-compact {
            .footer-key--key { padding: 0; }
            .footer-key--description { padding: 0 0 0 1; }
        }
    }
    """

    def __init__(self, compact: bool = True) -> None:
        super().__init__(classes="-compact" if compact else "")
        self.keys: tuple[ShownKey, ...] = ()
        self.hovered: int | None = None

    def show(self, keys: tuple[ShownKey, ...]) -> bool:
        """Show ``keys``; repaint the line only if they differ from those shown."""
        if keys == self.keys:
            return False
        self.keys = keys
        if self.hovered is not None:  # the mouse stays over the same place in the line
            self.hovered = self.hovered if self.hovered < len(keys) else None
            self._hover_changed()
        self.refresh()
        return True

    def placed(self) -> list[tuple[ShownKey, Region]]:
        """Each key with the screen region it is drawn in (for tests and the palette check)."""
        out: list[tuple[ShownKey, Region]] = []
        x, y = self.region.x, self.region.y
        for shown, (start, end) in zip(self.keys, self._spans(), strict=True):
            out.append((shown, Region(x + start, y, end - start, 1)))
        return out

    def _gap(self, shown: ShownKey) -> int:
        return 1 if self.has_class("-compact") and not shown.joined else 0

    def _texts(self, shown: ShownKey) -> tuple[str, str]:
        """The key's two runs of text, padded as ``FooterKey.render`` pads them."""
        key_pad = self.get_component_styles("footer-key--key").padding
        text = " " * key_pad.left + shown.key_display + " " * key_pad.right
        if not shown.description:
            return shown.key_display, ""
        words_pad = self.get_component_styles("footer-key--description").padding
        return text, " " * words_pad.left + shown.description + " " * words_pad.right

    def _spans(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        x = 0
        for shown in self.keys:
            key_text, words = self._texts(shown)
            width = cell_len(key_text) + cell_len(words)
            spans.append((x, x + width))
            x += width + self._gap(shown)
        return spans

    def render_line(self, y: int) -> Strip:
        """The keys, then the footer's background to the width (Textual keeps the drawn
        line until ``refresh``: a new set of keys, the hover moving, a resize, a restyle)."""
        line = Strip(self._segments()).adjust_cell_length(self.size.width, self._blank())
        return line.simplify()  # the last gap and the blank after it: one run, as before

    def _blank(self) -> Style:
        """The gaps: the footer's own background, as its margins showed it."""
        return Style(bgcolor=self.rich_style.bgcolor)

    def _segments(self) -> list[Segment]:
        key_style = self.get_component_rich_style("footer-key--key")
        words_style = self.get_component_rich_style("footer-key--description")
        hover = Style(bgcolor=self.get_component_rich_style("footer-key--hover").bgcolor)
        blank = self._blank()
        segments: list[Segment] = []
        for index, shown in enumerate(self.keys):
            base = Style(dim=True) if shown.disabled else Style()
            lit = hover if index == self.hovered else Style()
            key_text, words = self._texts(shown)
            segments.append(Segment(key_text, base + key_style + lit))
            if words:
                segments.append(Segment(words, base + words_style + lit))
            if self._gap(shown):
                segments.append(Segment(" ", blank))
        return segments

    def key_at(self, x: int) -> int | None:
        """The index of the key drawn at column ``x`` of the line (None: a gap or beyond)."""
        for index, (start, end) in enumerate(self._spans()):
            if start <= x < end:
                return index
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """What a ``FooterKey`` does on a mouse down: its key, as if typed; a bell if the
        key is disabled."""
        index = self.key_at(event.x)
        if index is None:
            return
        shown = self.keys[index]
        if shown.disabled:
            self.app.bell()
        else:
            self.app.simulate_key(shown.key)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self.key_at(event.x))

    def on_leave(self, _event: events.Leave) -> None:
        self._hover(None)

    def _hover(self, index: int | None) -> None:
        """The key under the mouse is drawn lit, and its words become the tooltip."""
        if index != self.hovered:
            self.hovered = index
            self._hover_changed()
            self.refresh()

    def _hover_changed(self) -> None:
        shown = self.keys[self.hovered] if self.hovered is not None else None
        self.styles.pointer = "pointer" if shown is not None else "default"
        tooltip = (shown.tooltip or shown.description) if shown is not None else None
        if tooltip != self.tooltip:
            self.tooltip = tooltip
