"""A card's projected effect is written by the one figure formatter the business case uses.

The Cards screen (this session's "Projected:" line), ``show`` and ``card-effect`` write the
effect through ``effect_words``, which used Python's ``:g``: a handle-time effect typed as
-2 minutes of a 12-minute contact read "handle-time change of -16.6667 %" on the card while
the business case of the same card read "handle time -16.67 %", and a tiny figure read
"+1e-05 %", a notation support leads do not use.  A refusal echoed 1000000 % as "1e+06 %",
a number nobody typed.
"""

from __future__ import annotations

import pytest

from models.db.fields import FieldError
from models.rules.effects import effect_words, read_effect
from models.rules.numbers import fmt_number


@pytest.mark.parametrize(("kind", "value", "words"), [
    ("handle_time", -16.666667, "handle-time change of -16.67 %"),
    ("volume", 0.00001, "volume change of +0.00001 %"),
    ("deflection", 33.333333, "deflection of 33.33 %"),
    ("volume", 100.0, "volume change of +100 %"),
])
def test_a_stored_effect_is_written_as_the_business_case_writes_it(
        kind: str, value: float, words: str) -> None:
    assert effect_words(kind, value) == words
    assert fmt_number(abs(value)) in words


def test_minutes_read_as_a_share_say_the_share_as_it_is_shown() -> None:
    _, said = read_effect("handle_time", "-2m", handle_minutes=12, channel="chat")
    assert said == ("handle-time change of -2 min of the 12 min a contact takes on "
                    "“chat” = -16.67 %")


@pytest.mark.parametrize(("kind", "text", "echo"), [
    ("deflection", "1000000%", "got 1000000 %"),
    ("volume", "-1000000%", "got -1000000 %"),
    ("handle_time", "250000%", "got 250000 %"),
])
def test_a_refusal_echoes_the_number_as_typed(kind: str, text: str, echo: str) -> None:
    with pytest.raises(FieldError) as err:
        read_effect(kind, text)
    assert echo in str(err.value) and "e+" not in str(err.value)


def test_minutes_beyond_the_contact_are_echoed_as_typed() -> None:
    with pytest.raises(FieldError) as err:
        read_effect("handle_time", "99999999m", handle_minutes=12, channel="chat")
    assert "(got +99999999 min)" in str(err.value)
