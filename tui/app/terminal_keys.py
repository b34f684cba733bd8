"""Esc then a key, read from the terminal together, are two keys: Esc, then the key.

Why: over SSH (and in tmux, or any pane a loaded machine reads late) the bytes
of Esc and the next key often arrive in ONE read.  Textual's parser then sees
``ESC 3`` as one sequence: Alt+3, which it maps to ``£`` (the character macOS
terminals send for Option+3), and Esc then ``a`` becomes Alt+A, typed as ``a``
into the field Esc was meant to leave.  ESCDELAY does not help: the two bytes
are already there.  journeymap binds no Alt key, so Esc followed by a printable
character is what the person typed: Esc, then the character (``3`` goes to step
3).  Sequences that start escape codes (``ESC [``, ``ESC O``, ``ESC ]``, ``ESC P``
and the like: arrows, function keys, the terminal's answers) are left to Textual.

The parser is Textual's own ``XTermParser`` with one method specialised; the
Linux driver (every SSH seat and local terminal) is Textual's, made to use it
(``escape_first``).  Other drivers (Windows, the browser) are left as they are.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Iterable
from typing import Any

from textual import events
from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

ESC = "\x1b"
# What follows ESC at the start of an escape code, not a key typed after Esc:
# CSI, SS3, OSC, DCS, APC, PM, string terminator, and ESC itself.
INTRODUCERS = frozenset("[O]P_^\\" + ESC)


PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
# What an ESC inside pasted text becomes: the character that says "a character that
# cannot be shown here", as the app already shows bidi controls.
SHOWN_FOR_ESC = "\ufffd"


def _end_marker_cut(body: str) -> int:
    """Where a possible start of the paste's end marker begins at the end of ``body``."""
    for k in range(max(0, len(body) - len(PASTE_END) + 1), len(body)):
        if PASTE_END.startswith(body[k:]):
            return k
    return len(body)


class PasteText:
    """Inside a bracketed paste an ESC is text, never the start of a key.

    Why: Textual's parser (8.2) reads an escape code inside pasted text (``AAA
    \\e[31mBBB`` copied from a log) as keys, issued BEFORE the paste: the field got
    ``^[31mBBBAAA `` and a paste holding ``\\e[5m`` on a table moved the workshop to
    step 5.  Each ESC between the paste's start and end markers is replaced by
    ``SHOWN_FOR_ESC`` before the parser reads it, so the paste arrives as one paste, in
    order.  Reads are cut anywhere (4 KB at a time): a start marker cut in two is found
    across reads, and a possible end marker at the end of a read is held back until the
    next read so it is never mistaken for text.
    """

    def __init__(self) -> None:
        self.in_paste = False
        self.tail = ""
        self.held = ""

    def __call__(self, data: str) -> str:
        if not data:
            rest, self.held = self.held, ""
            return rest
        data, self.held = self.held + data, ""
        out: list[str] = []
        i = 0
        while i < len(data):
            if not self.in_paste:
                seen = self.tail + data[i:]
                j = seen.find(PASTE_START)
                if j < 0:
                    out.append(data[i:])
                    self.tail = seen[-(len(PASTE_START) - 1):]
                    break
                start = i + j + len(PASTE_START) - len(self.tail)
                out.append(data[i:start])
                i, self.tail, self.in_paste = start, "", True
            else:
                j = data.find(PASTE_END, i)
                if j < 0:
                    body = data[i:]
                    cut = _end_marker_cut(body)
                    out.append(body[:cut].replace(ESC, SHOWN_FOR_ESC))
                    self.held = body[cut:]
                    break
                out.append(data[i:j].replace(ESC, SHOWN_FOR_ESC) + PASTE_END)
                i, self.in_paste = j + len(PASTE_END), False
        return "".join(out)


class EscapeFirstParser(XTermParser):
    """Textual's terminal parser, but ESC + one printable character is Esc then it.

    Pasted text is cleaned of escape codes first (``PasteText``), and a key sequence
    whose number is no character (``ESC [ 99999999999999999999 A`` from a hostile or
    broken client: Textual's ``chr`` raised, and the seat ended in a traceback) is no key.
    """

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._paste_text = PasteText()

    def feed(self, data: str) -> Iterable[Message]:
        return super().feed(self._paste_text(data))

    def _parse_extended_key(  # type: ignore[override]  # Textual's is an lru_cache wrapper
            self, sequence: str) -> list[events.Key] | None:
        try:
            return super()._parse_extended_key(sequence)
        except (OverflowError, ValueError):
            return None  # no key: Textual's reading of any sequence it does not know

    def _sequence_to_key_events(self, sequence: str,
                                alt: bool = False) -> Iterable[events.Key]:
        if len(sequence) == 2 and sequence[0] == ESC and sequence[1] not in INTRODUCERS \
                and sequence[1].isprintable():
            yield events.Key("escape", ESC)
            yield from super()._sequence_to_key_events(sequence[1])
            return
        yield from super()._sequence_to_key_events(sequence, alt)


class EscapeFirstDriver(LinuxDriver):
    """Textual's Linux driver reading its input with ``EscapeFirstParser``.

    ``run_input_thread`` is Textual's own loop (select, decode UTF-8, feed the
    parser, tick it for ESCDELAY), with the parser swapped: Textual offers the
    driver class as its hook, not the parser.
    """

    def run_input_thread(self) -> None:
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = EscapeFirstParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode

        def process(ready: list[tuple[selectors.SelectorKey, int]],
                    final: bool = False) -> None:
            for last, (_key, mask) in loop_last(ready):
                if mask & selectors.EVENT_READ:
                    data = decode(os.read(fileno, 1024 * 4), final=final and last)
                    if not data:
                        break
                    for event in parser.feed(data):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process(selector.select(0.1))
            selector.unregister(self.fileno)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass


def escape_first(app: Any) -> None:
    """Make ``app`` (not yet running) read its terminal with ``EscapeFirstParser``."""
    if getattr(app, "driver_class", None) is LinuxDriver:
        app.driver_class = EscapeFirstDriver
