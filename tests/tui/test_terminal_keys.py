"""Esc then a key read from the terminal in one read: Esc, then the key (not Alt+key).

Over SSH the two bytes of ``Esc 3`` often arrive together; Textual's parser
alone reads them as Alt+3 (``£``) and the step key is lost (a field being
edited even gets ``£``).  These tests feed the bytes to the parser the app's
terminal driver uses, then give the keys it reads to a running app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

from models.db.store import Store
from tests.helpers import build_workshop, ready, until
from tui.app.launch import build_app
from tui.app.terminal_keys import EscapeFirstDriver, EscapeFirstParser, escape_first


def _read(data: str, parser: XTermParser | None = None) -> list[events.Message]:
    """What the parser reads from ``data`` arriving in one read (then the input ends)."""
    parser = parser or EscapeFirstParser()
    return [*parser.feed(data), *parser.feed("")]


def _keys(data: str, parser: XTermParser | None = None) -> list[str]:
    return [e.key for e in _read(data, parser) if isinstance(e, events.Key)]


def test_textual_alone_reads_esc_then_3_as_one_key() -> None:
    """The defect, at its source: one key, not the step key."""
    assert _keys("\x1b3", XTermParser()) == ["pound_sign"]
    assert _keys("\x1ba", XTermParser()) == ["alt+a"]


@pytest.mark.parametrize(("data", "keys"), [
    ("\x1b3", ["escape", "3"]),
    ("\x1ba", ["escape", "a"]),
    ("\x1bA", ["escape", "A"]),
    ("\x1b ", ["escape", "space"]),
    ("\x1b3a Status", ["escape", "3", "a", "space", "S", "t", "a", "t", "u", "s"]),
    ("\x1b\x1b3", ["escape", "escape", "3"]),
])
def test_esc_then_a_printable_key_in_one_read_is_two_keys(data: str, keys: list[str]) -> None:
    assert _keys(data) == keys


@pytest.mark.parametrize(("data", "keys"), [
    ("\x1b", ["escape"]),  # Esc alone, then nothing: Esc once ESCDELAY has passed
    ("\x1b[A", ["up"]),
    ("\x1bOA", ["up"]),  # SS3 arrows
    ("\x1b[1;5C", ["ctrl+right"]),
    ("\x1b[Z", ["shift+tab"]),
    ("\x1b[15~", ["f5"]),
    ("£", ["pound_sign"]),  # a real £ typed is still £
    ("\x1b\x7f", ["ctrl+w"]),  # Esc Backspace (not printable): Textual's, delete a word
])
def test_escape_codes_and_other_keys_read_as_textual_reads_them(data: str,
                                                                keys: list[str]) -> None:
    assert _keys(data) == keys == _keys(data, XTermParser())


def test_a_bracketed_paste_is_still_one_paste() -> None:
    read = _read("\x1b[200~a 3\x1b[201~x")
    assert [(type(e).__name__, getattr(e, "text", getattr(e, "key", None))) for e in read] \
        == [("Paste", "a 3"), ("Key", "x")]


def test_the_terminal_driver_reads_with_the_escape_first_parser() -> None:
    app = build_app(None)
    app.driver_class = LinuxDriver
    escape_first(app)
    assert app.driver_class is EscapeFirstDriver
    assert issubclass(EscapeFirstDriver, LinuxDriver)


async def test_esc_3_in_one_read_while_editing_a_pain_point_shows_step_3(
        db_path: Path) -> None:
    """Editing a pain point's field at step 5, ``Esc 3`` arrives as one read: the edit is
    left (nothing typed into the field) and step 3 shows."""
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
        before = [p.description for p in store.load(wid).pain_points]
    app = build_app(db_path, wid, step="pains", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("enter")  # edit the selected pain point
        await ready(pilot)
        focused: Any = app.screen.focused
        assert focused is not None and hasattr(focused, "value")
        for event in _read("\x1b3"):
            app.post_message(event)
        screen: Any = app.screen
        assert await until([pilot], lambda: getattr(screen, "step", None) == "touchpoints",
                           rounds=200), getattr(screen, "step", None)
        await ready(pilot)
    with Store(db_path, who="check") as store:
        assert [p.description for p in store.load(wid).pain_points] == before


def test_a_paste_holding_an_escape_code_arrives_as_one_paste_in_order() -> None:
    read = _read("\x1b[200~AAA \x1b[31mBBB\x1b[201~")
    assert [type(e).__name__ for e in read] == ["Paste"]
    paste = read[0]
    assert isinstance(paste, events.Paste)
    assert paste.text.index("AAA") < paste.text.index("BBB")


PASTE = "x\x1b[200~AAA \x1b[31mBBB\x1b[201~\x1b[A"


@pytest.mark.parametrize("cut", range(1, len(PASTE)))
def test_a_paste_cut_between_two_reads_anywhere_reads_the_same(cut: int) -> None:
    """Reads are cut at any byte (4 KB at a time): the markers may be split."""
    parser = EscapeFirstParser()
    read = [*parser.feed(PASTE[:cut]), *parser.feed(PASTE[cut:]), *parser.feed("")]
    assert [(type(e).__name__, getattr(e, "key", None) or getattr(e, "text", None))
            for e in read] == [("Key", "x"), ("Paste", "AAA \ufffd[31mBBB"), ("Key", "up")]


@settings(deadline=None, max_examples=200)
@given(text=st.text(st.characters(blacklist_characters="\x00")).filter(
    lambda t: "\x1b[201~" not in t), cut=st.integers(min_value=1))
def test_any_pasted_text_arrives_as_one_paste_with_escapes_shown(text: str, cut: int) -> None:
    data = f"\x1b[200~{text}\x1b[201~"
    cut = cut % len(data) or 1
    parser = EscapeFirstParser()
    read = [*parser.feed(data[:cut]), *parser.feed(data[cut:]), *parser.feed("")]
    assert [type(e).__name__ for e in read] == ["Paste"]
    paste = read[0]
    assert isinstance(paste, events.Paste)
    assert paste.text == text.replace("\x1b", "\ufffd")
