"""The value door: what a person gets back when they type a value into any field.

Every entry path (TUI form, CLI option, template, import) passes through
``coerce``; these are the conversions a user relies on, one behaviour a test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from models.db.fields import MAX_TEXT, FieldError, check_row, coerce
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Stage, Touchpoint, Workshop


@pytest.mark.parametrize("word", ["yes", "Yes", "true", "TRUE", "on", "y", "x", "1", " yes "])
def test_yes_words_switch_a_flag_on(word: str) -> None:
    assert coerce(Touchpoint, "moment_of_truth", word) is True


@pytest.mark.parametrize("word", ["no", "No", "false", "off", "n", "0", "", "  "])
def test_no_words_switch_a_flag_off(word: str) -> None:
    assert coerce(Touchpoint, "moment_of_truth", word) is False


def test_a_flag_refuses_other_words_and_keeps_real_booleans() -> None:
    with pytest.raises(FieldError, match="^moment of truth must be yes or no.$"):
        coerce(Touchpoint, "moment_of_truth", "maybe")
    assert coerce(Touchpoint, "moment_of_truth", True) is True
    assert coerce(Touchpoint, "moment_of_truth", False) is False


@pytest.mark.parametrize(("model", "field"), [
    (HypothesisCard, "deadline"), (Stage, "kpi_baseline"), (Stage, "kpi_target"),
    (Workshop, "gather_at"), (Workshop, "evidence_ticket_volume"),
])
@pytest.mark.parametrize("blank", ["", "   ", None])
def test_a_blank_entry_clears_an_optional_date_or_number(model: type, field: str,
                                                         blank: str | None) -> None:
    assert coerce(model, field, blank) is None


def test_a_blank_entry_in_a_required_number_is_refused() -> None:
    with pytest.raises(FieldError, match="max handoffs must be a whole number"):
        coerce(Workshop, "max_handoffs", " ")
    with pytest.raises(FieldError, match="^max handoffs cannot be empty.$"):
        coerce(Workshop, "max_handoffs", None)


@pytest.mark.parametrize("text", ["  indented", "two  spaces", "ends with a newline\n",
                                  "\tTab first", "line one\n  line two  "])
def test_free_text_keeps_its_spacing(text: str) -> None:
    assert coerce(PainPoint, "description", text) == text


def test_choices_ignore_surrounding_space_and_case() -> None:
    assert coerce(PainPoint, "kind", "  Dead End ") == "dead_end"
    assert coerce(HypothesisCard, "status", "In-Progress") == "in_progress"


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "Infinity",
                                   float("nan"), float("inf"), float("-inf")])
def test_not_a_number_and_infinity_are_refused(value: object) -> None:
    with pytest.raises(FieldError, match="^kpi baseline must be a finite number.$"):
        coerce(Stage, "kpi_baseline", value)


@pytest.mark.parametrize(("typed", "stored"), [
    ("18%", 18.0), ("18 %", 18.0), (" 18.5 % ", 18.5), ("1,850", 1850.0), ("1,850.25", 1850.25),
    ("-3", -3.0), (7, 7.0),
])
def test_numbers_as_people_write_them(typed: object, stored: float) -> None:
    assert coerce(Stage, "kpi_baseline", typed) == stored


def test_a_percent_share_is_stored_as_a_fraction_only_when_typed_with_percent() -> None:
    assert coerce(Touchpoint, "bot_deflection_rate", "35 %") == pytest.approx(0.35)
    assert coerce(Touchpoint, "bot_deflection_rate", "0.35") == pytest.approx(0.35)
    assert coerce(Stage, "kpi_baseline", "35 %") == 35.0  # a KPI keeps its own unit


def test_a_number_that_is_not_one_names_what_was_typed() -> None:
    with pytest.raises(FieldError, match="^kpi baseline must be a number, not 'about 5'.$"):
        coerce(Stage, "kpi_baseline", "about 5")
    with pytest.raises(FieldError, match="^kpi baseline must be a number, not '12X'.$"):
        coerce(Stage, "kpi_baseline", "12X")
    long = "n" * 50
    with pytest.raises(FieldError, match=f"^kpi baseline must be a number, not '{'n' * 40}'.$"):
        coerce(Stage, "kpi_baseline", long)
    with pytest.raises(FieldError, match="^kpi baseline must be a number.$"):
        coerce(Stage, "kpi_baseline", True)


def test_whole_numbers_as_people_write_them() -> None:
    assert coerce(Workshop, "evidence_ticket_volume", "1,850") == 1850
    assert coerce(Workshop, "evidence_ticket_volume", " 12_000 ") == 12000
    with pytest.raises(FieldError, match="^evidence ticket volume must be a whole number, "
                                         "not '1.5'.$"):
        coerce(Workshop, "evidence_ticket_volume", "1.5")


def test_a_date_time_without_a_zone_is_taken_as_utc() -> None:
    assert coerce(Workshop, "gather_at", "2026-03-02T14:00") == dt.datetime(
        2026, 3, 2, 14, 0, tzinfo=dt.UTC)
    zoned = coerce(Workshop, "gather_at", "2026-03-02T14:00+02:00")
    assert zoned.utcoffset() == dt.timedelta(hours=2) and zoned.hour == 14


def test_a_date_time_that_is_not_one_shows_the_expected_form() -> None:
    with pytest.raises(FieldError, match="^gather at must be a date and time like "
                                         "2026-03-02T14:00.$"):
        coerce(Workshop, "gather_at", "tomorrow")


def test_a_date_accepts_a_date_time_and_shows_the_form_when_wrong() -> None:
    assert coerce(HypothesisCard, "deadline", dt.datetime(2026, 5, 1, 9)) == dt.date(2026, 5, 1)
    assert coerce(HypothesisCard, "deadline", " 2026-05-01 ") == dt.date(2026, 5, 1)
    with pytest.raises(FieldError, match="^deadline must be a date like 2026-03-02.$"):
        coerce(HypothesisCard, "deadline", "next friday")


def test_text_of_exactly_the_limit_is_kept_and_one_more_is_refused() -> None:
    assert MAX_TEXT == 20_000
    exact = "x" * 20_000
    assert coerce(PainPoint, "description", exact) == exact
    with pytest.raises(FieldError, match="^description is longer than 20,000 characters.$"):
        coerce(PainPoint, "description", exact + "y")


def test_an_unknown_field_is_named() -> None:
    with pytest.raises(FieldError, match="^Stage has no field 'colour'.$"):
        coerce(Stage, "colour", "red")


def test_the_source_mark_is_added_or_nothing() -> None:
    assert coerce(PainPoint, "source", " Added ") == "added"
    assert coerce(PainPoint, "source", "") == ""
    with pytest.raises(FieldError, match='^source must be "added" or left out.$'):
        coerce(PainPoint, "source", "imported")


def test_a_wrong_choice_lists_the_choices_in_words() -> None:
    with pytest.raises(FieldError, match="^status must be one of: .*in progress.*$"):
        coerce(HypothesisCard, "status", "someday")


def test_an_untagged_choice_may_stay_blank() -> None:
    assert coerce(Touchpoint, "actor", "  ") == ""
    assert coerce(Touchpoint, "actor", " Bot ") == "bot"


def test_whole_numbers_out_of_their_range_name_the_range() -> None:
    with pytest.raises(FieldError, match="^max handoffs must be between 0 and 999.$"):
        coerce(Workshop, "max_handoffs", "1000")
    assert coerce(Workshop, "max_handoffs", "999") == 999
    assert coerce(Workshop, "max_handoffs", 0) == 0
    with pytest.raises(FieldError, match="^max handoffs must be a whole number.$"):
        coerce(Workshop, "max_handoffs", True)


def test_a_date_outside_the_range_names_the_range_and_the_date() -> None:
    with pytest.raises(FieldError, match="^deadline must be between 1970-01-01 and 2199-12-31, "
                                         "not 1969-12-31.$"):
        coerce(HypothesisCard, "deadline", "1969-12-31")
    with pytest.raises(FieldError, match="^gather at must be between 1970-01-01 and "
                                         "2199-12-31, not 2200-01-01.$"):
        coerce(Workshop, "gather_at", "2200-01-01T00:00")


def test_unstorable_text_is_refused_with_the_field_named() -> None:
    with pytest.raises(FieldError, match=r"^title contains an unpaired surrogate \('\\ud800'\), "
                                         r"which is not valid text.$"):
        coerce(Workshop, "title", "a\ud800")
    with pytest.raises(FieldError, match="^title contains a NUL character, which journeymap "
                                         "does not store; remove it.$"):
        coerce(Workshop, "title", "a\x00")


@pytest.mark.parametrize(("model", "field", "typed", "stored"), [
    (HypothesisCard, "effect_value", "-100", -100.0),
    (HypothesisCard, "effect_value", "100", 100.0),
    (Touchpoint, "bot_deflection_rate", "0", 0.0),
    (Touchpoint, "bot_deflection_rate", "100 %", 1.0),
])
def test_the_ends_of_a_number_range_are_allowed(model: type, field: str, typed: str,
                                                stored: float) -> None:
    assert coerce(model, field, typed) == stored


def test_five_whys_take_any_line_break_and_the_full_text_limit() -> None:
    assert coerce(PainPoint, "five_whys", "a\rb\r\nc") == "a\nb\nc"
    with pytest.raises(FieldError, match="^five whys answers must each be one line of text.$"):
        coerce(PainPoint, "five_whys", ["a", "b\rc"])
    exact = "w" * MAX_TEXT
    assert coerce(PainPoint, "five_whys", exact) == exact
    with pytest.raises(FieldError, match="^five whys is longer than 20,000 characters.$"):
        coerce(PainPoint, "five_whys", exact + "w")


def test_a_workshop_cannot_be_its_own_as_is_map() -> None:
    with pytest.raises(FieldError, match="^as is workshop cannot be the workshop itself.$"):
        check_row(Workshop(id=3, as_is_workshop_id=3))
    check_row(Workshop(id=3, as_is_workshop_id=2))


def test_a_whole_number_that_is_not_one_names_at_most_40_typed_characters() -> None:
    with pytest.raises(FieldError, match=f"^max handoffs must be a whole number, not "
                                         f"'{'9' * 39}x'.$"):
        coerce(Workshop, "max_handoffs", "9" * 39 + "x" * 11)


def test_a_whole_number_without_its_own_range_stays_within_a_trillion() -> None:
    assert coerce(Stage, "position", str(10**12)) == 10**12
    assert coerce(Stage, "position", -(10**12)) == -(10**12)
    with pytest.raises(FieldError, match="^position must be between -1000000000000 and "
                                         "1000000000000.$"):
        coerce(Stage, "position", 10**12 + 1)
    with pytest.raises(FieldError, match="^position must be between"):
        coerce(Stage, "position", -(10**12) - 1)


@pytest.mark.parametrize("share", [0, 0.0, 100, 100.0, 42.5])
def test_a_deflection_effect_of_0_to_100_percent_is_a_valid_card(share: float) -> None:
    check_row(HypothesisCard(pain_point_id=1, effect_kind="deflection", effect_value=share))


@pytest.mark.parametrize("share", [-0.5, 100.5, 101])
def test_a_deflection_effect_outside_0_to_100_percent_is_refused(share: float) -> None:
    with pytest.raises(FieldError, match="^effect value of a deflection must be between 0 and "
                                         "100 %"):
        check_row(HypothesisCard(pain_point_id=1, effect_kind="deflection", effect_value=share))


@pytest.mark.parametrize(("model", "field", "text"), [
    (Stage, "kpi_baseline", "1e-400"), (Stage, "kpi_target", "-2e-999"),
    (Touchpoint, "bot_deflection_rate", "1e-400 %"),
])
def test_a_non_zero_number_too_small_to_hold_is_refused_not_stored_as_zero(
        model: type, field: str, text: str) -> None:
    """Stored as 0 it would read as a figure nobody typed."""
    with pytest.raises(FieldError, match=r"^[a-z ]+ \S+ is too small to store.*\.$") as err:
        coerce(model, field, text)
    assert field.replace("_", " ") in str(err.value) and text.split()[0] in str(err.value)


@pytest.mark.parametrize("text", ["0", "0.0", "0e-400", "-0", "0 %"])
def test_a_typed_zero_stays_zero(text: str) -> None:
    assert coerce(Stage, "kpi_baseline", text) == 0
