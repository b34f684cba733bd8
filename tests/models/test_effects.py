"""Reading a card's projected effect as a lead types it: "30%", "-2m", "-25%"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.db.fields import FieldError
from models.rules.effects import read_effect


def test_percentages_are_read_as_percent_of_the_contacts() -> None:
    assert read_effect("deflection", "30%") == (30.0, "deflection of 30 %")
    assert read_effect("deflection", " 12.5 % ") == (12.5, "deflection of 12.5 %")
    assert read_effect("volume", "-30%") == (-30.0, "volume change of -30 %")
    assert read_effect("volume", "+10") == (10.0, "volume change of +10 %")
    assert read_effect("handle_time", "-25%") == (-25.0, "handle-time change of -25 %")


def test_minutes_of_handle_time_become_a_share_of_the_channels_minutes() -> None:
    value, said = read_effect("handle_time", "-2m", handle_minutes=8, channel="Phone")
    assert value == -25.0
    assert said == "handle-time change of -2 min of the 8 min a contact takes on “Phone” = -25 %"
    assert read_effect("handle_time", "-1.5 min", handle_minutes=6, channel="Chat")[0] == -25.0
    assert read_effect("handle_time", "+3m", handle_minutes=6, channel="Chat")[0] == 50.0


@pytest.mark.parametrize(("kind", "text", "message"), [
    ("deflection", "130%", "A deflection cannot be above 100 % (got 130 %)."),
    ("deflection", "-5%", "A deflection cannot be negative (got -5 %); for more contacts use "
                          "--volume +5%."),
    ("volume", "-120%", "A volume change cannot remove more than all the contacts (got "
                        "-120 %)."),
    ("volume", "250%", "A volume change must be between -100 % and +100 % (got 250 %)."),
    ("handle_time", "-9m", "A handle-time change cannot save more than the 8 min a contact "
                           "takes on “Phone” (got -9 min)."),
    ("deflection", "lots", "--deflection must be a percent such as 30% (got 'lots')."),
    ("handle_time", "2h", "--handle-time must be minutes such as -2m or a percent such as -25% "
                          "(got '2h')."),
    ("deflection", "nan%", "--deflection must be a percent such as 30% (got 'nan%')."),
    ("deflection", "2m", "--deflection must be a percent such as 30% (got '2m')."),
])
def test_bad_input_is_one_sentence(kind: str, text: str, message: str) -> None:
    with pytest.raises(FieldError) as err:
        read_effect(kind, text, handle_minutes=8, channel="Phone")
    assert str(err.value) == message


def test_minutes_need_the_channels_handle_minutes() -> None:
    with pytest.raises(FieldError) as err:
        read_effect("handle_time", "-2m", handle_minutes=None, channel="Phone")
    assert str(err.value) == (
        "--handle-time in minutes needs the minutes a contact takes on “Phone” (journeymap "
        "costs ID \"Phone\" COST --handle-minutes N), or give a percent such as -25%.")
    with pytest.raises(FieldError, match="has no channel"):
        read_effect("handle_time", "-2m", handle_minutes=None, channel="")


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=20))
def test_any_text_is_a_value_or_one_sentence(text: str) -> None:
    for kind in ("deflection", "volume", "handle_time"):
        try:
            value, _said = read_effect(kind, text, handle_minutes=8, channel="Phone")
        except FieldError as err:
            assert str(err).endswith(").") or str(err).endswith(".")
            assert "\n" not in str(err)
        else:
            assert -100 <= value <= 100
