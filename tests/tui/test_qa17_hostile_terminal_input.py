"""Bytes no terminal sends, from a hostile or broken client, are no key and no crash (qa17).

Found from outside in session 14: the guest kim (observer, forced `seat` command) sent
`ESC [ 99999999999999999999 A` from her own client over `ssh -tt`.  Textual's parser
reads `CSI number letter` as a kitty-protocol key and calls `chr(number)`: its
OverflowError ended the seat with a traceback on kim's screen.  A code point past
U+10FFFF (ValueError) did the same.  The app's parser now reads such a sequence as one
it does not know (Textual hands its characters on, as for any unknown sequence), and
the keys after it arrive.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import events

from tui.app.terminal_keys import EscapeFirstParser


def _keys(data: str) -> list[str]:
    parser = EscapeFirstParser()
    return [e.key for e in [*parser.feed(data), *parser.feed("")] if isinstance(e, events.Key)]


@pytest.mark.parametrize("sequence", [
    "\x1b[99999999999999999999A",  # OverflowError in chr()
    "\x1b[1114112u",  # one past U+10FFFF: ValueError
    "\x1b[99999999999999999999;5u",
    "\x1b[1;1;99999999999999999999u",
])
def test_an_impossible_key_code_is_no_crash_and_the_next_key_still_arrives(sequence: str) -> None:
    assert _keys(sequence + "3")[-1] == "3"


@settings(deadline=None, max_examples=200)
@given(st.integers(min_value=0, max_value=10**30), st.sampled_from("uABCDHF~"))
def test_any_number_in_a_key_sequence_reads_without_an_error(number: int, end: str) -> None:
    _keys(f"\x1b[{number}{end}")
