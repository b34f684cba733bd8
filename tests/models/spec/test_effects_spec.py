"""A card's projected effect as a room types it: the edges that are still allowed, every way
of writing minutes, the one-sentence refusals, and the stored effect read back in words."""

from __future__ import annotations

import pytest

from models.db.fields import FieldError
from models.rules.effects import effect_words, read_effect


@pytest.mark.parametrize(("kind", "text", "value"), [
    ("deflection", "100%", 100.0), ("deflection", "0", 0.0), ("deflection", "+7.25%", 7.25),
    ("volume", "-100%", -100.0), ("volume", "100", 100.0),
    ("handle_time", "-100%", -100.0), ("handle_time", "100 %", 100.0),
    ("deflection", "123456789012%", None), ("deflection", "1.123456%", 1.123456),
])
def test_the_edges_of_each_kind_are_still_a_projection(kind: str, text: str,
                                                       value: float | None) -> None:
    if value is None:
        with pytest.raises(FieldError, match="cannot be above 100 %"):
            read_effect(kind, text)
    else:
        assert read_effect(kind, text)[0] == value


@pytest.mark.parametrize("text", ["1234567890123%", "1.1234567%", "1,5%", "%", "- 5%", "5 %%"])
def test_what_is_not_a_number_of_percent_is_refused_as_such(text: str) -> None:
    with pytest.raises(FieldError) as err:
        read_effect("volume", text)
    assert str(err.value) == f"--volume must be a percent such as 30% (got {text!r})."


@pytest.mark.parametrize("text", ["-2m", "-2 M", "-2min", "-2 mins", "-2 Minutes", " -2MIN "])
def test_minutes_are_read_in_every_way_people_write_them(text: str) -> None:
    assert read_effect("handle_time", text, handle_minutes=8, channel="Phone") == (
        -25.0, "handle-time change of -2 min of the 8 min a contact takes on “Phone” = -25 %")


def test_a_bare_number_of_handle_time_is_refused_rather_than_guessed() -> None:
    with pytest.raises(FieldError) as err:
        read_effect("handle_time", "-2", handle_minutes=8, channel="Phone")
    assert str(err.value) == ("--handle-time must be minutes such as -2m or a percent such as "
                              "-25% (got '-2').")
    with pytest.raises(FieldError) as err:
        read_effect("volume", "-2 min", handle_minutes=8, channel="Phone")
    assert str(err.value) == "--volume must be a percent such as 30% (got '-2 min')."


def test_a_handle_time_percent_outside_100_is_refused_in_one_sentence() -> None:
    for text, shown in (("-101%", "-101"), ("100.5%", "100.5")):
        with pytest.raises(FieldError) as err:
            read_effect("handle_time", text)
        assert str(err.value) == (
            f"A handle-time change must be between -100 % and +100 % (got {shown} %).")


def test_minutes_may_take_the_whole_contact_but_not_more_than_double_it() -> None:
    assert read_effect("handle_time", "-8m", handle_minutes=8, channel="Phone")[0] == -100.0
    assert read_effect("handle_time", "8m", handle_minutes=8, channel="Phone")[0] == 100.0
    with pytest.raises(FieldError) as err:
        read_effect("handle_time", "9m", handle_minutes=8, channel="Phone")
    assert str(err.value) == ("A handle-time change must be between -100 % and +100 % of the "
                              "8 min a contact takes on “Phone” (got +9 min).")
    assert read_effect("handle_time", "1m", handle_minutes=3, channel="Chat")[0] == 33.333333
    with pytest.raises(FieldError, match=r"got \+8.04 min"):
        read_effect("handle_time", "8.04m", handle_minutes=8, channel="Phone")
    with pytest.raises(FieldError, match=r"cannot save more than the 8 min .* \(got -8.04 min"):
        read_effect("handle_time", "-8.04m", handle_minutes=8, channel="Phone")


def test_minutes_need_a_channel_that_has_minutes() -> None:
    with pytest.raises(FieldError) as err:
        read_effect("handle_time", "-2m", handle_minutes=0, channel="Phone")
    assert str(err.value).startswith("--handle-time in minutes needs the minutes a contact "
                                     "takes on “Phone”")
    with pytest.raises(FieldError) as err:
        read_effect("handle_time", "-2m", handle_minutes=8, channel="")
    assert str(err.value) == ("--handle-time in minutes needs the pain point's channel, but "
                              "its touchpoint has no channel; give a percent such as -25%.")
    assert read_effect("handle_time", "-0.5m", handle_minutes=0.5, channel="Chat")[0] == -100.0
    with pytest.raises(FieldError, match="has no channel"):
        read_effect("handle_time", "-2m", handle_minutes=8)


def test_a_volume_change_over_100_is_refused_and_a_decimal_is_kept() -> None:
    with pytest.raises(FieldError) as err:
        read_effect("volume", "100.5%")
    assert str(err.value) == "A volume change must be between -100 % and +100 % (got 100.5 %)."
    with pytest.raises(FieldError) as err:
        read_effect("volume", "-100.5")
    assert str(err.value) == ("A volume change cannot remove more than all the contacts "
                              "(got -100.5 %).")
    with pytest.raises(FieldError) as err:
        read_effect("deflection", "-0.5%")
    assert str(err.value) == ("A deflection cannot be negative (got -0.5 %); for more "
                              "contacts use --volume +0.5%.")
    with pytest.raises(FieldError) as err:
        read_effect("deflection", "100.5")
    assert str(err.value) == "A deflection cannot be above 100 % (got 100.5 %)."


@pytest.mark.parametrize(("kind", "value", "words"), [
    ("deflection", 30.0, "deflection of 30 %"), ("deflection", 12.5, "deflection of 12.5 %"),
    ("volume", -10.0, "volume change of -10 %"), ("volume", 5.0, "volume change of +5 %"),
    ("handle_time", -25.0, "handle-time change of -25 %"),
    ("", 30.0, "no projected effect"), ("volume", None, "no projected effect"),
    ("volume", 0.0, "volume change of +0 %"),
])
def test_a_stored_effect_reads_back_in_words(kind: str, value: float | None,
                                             words: str) -> None:
    assert effect_words(kind, value) == words
