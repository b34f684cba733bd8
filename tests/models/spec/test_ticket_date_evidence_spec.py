"""What a date column's cells say about how it is written (``dates.evidence``).

The import reads a column's order from its own cells before it parses one: a day over
12 in the first place is day-first, in the second place month-first; year-first text
(ISO) and epoch seconds have no order to settle; a column that is not dates at all says
nothing. The cells below are written as real exports write them: Zendesk in a European
locale, Salesforce in the US, Jira Cloud and Jira Server, Freshdesk, Intercom's and
HubSpot's API dumps, and Excel re-saves of those files (German dots, US two-digit years).
"""

from __future__ import annotations

import pytest

from models.tickets.dates import evidence

DAY_FIRST = "13/01/2024 09:15"  # Zendesk, European locale
DAY_FIRST_TOO = "14/01/2024 10:00"
MONTH_FIRST = "1/13/2024 9:15 AM"  # Salesforce, US locale
AMBIGUOUS = "01/02/2024 10:00"  # 1 February or 2 January
ISO = "2024-01-13T09:15:00.000+0000"  # Jira Cloud
NAMED = "13/Jan/24 9:15 AM"  # Jira Server
NAMED_FIRST = "Jan 13, 2024 9:15 AM"  # HubSpot, Excel in English
EPOCH = "1705137300"  # Intercom (seconds)
NOT_A_DATE = "next Tuesday"


@pytest.mark.parametrize(("cells", "said"), [
    ([DAY_FIRST], ("numeric", True, False)),
    ([MONTH_FIRST], ("numeric", False, True)),
    ([AMBIGUOUS], ("numeric", False, False)),
    (["13.01.2024 09:15"], ("numeric", True, False)),  # Excel (German) re-save
    (["1/13/24 9:15"], ("numeric", False, True)),  # Excel (US) re-save, two-digit year
    ([ISO], ("iso", False, False)),
    (["2024-01-13 09:15:00"], ("iso", False, False)),  # Freshdesk
    (["2024/01/13 09:15"], ("iso", False, False)),  # year first with slashes
    ([EPOCH], ("epoch", False, False)),
    (["1705137300000"], ("epoch", False, False)),  # HubSpot (milliseconds)
    ([NAMED], ("named", False, False)),
    ([NAMED_FIRST], ("named", False, False)),
], ids=["day-first", "month-first", "ambiguous", "excel-dots", "excel-two-digit-year",
        "jira-iso", "freshdesk-iso", "iso-slashes", "epoch-seconds", "epoch-millis",
        "jira-server-named", "hubspot-named"])
def test_a_column_of_one_export_s_dates_says_its_shape_and_order(
        cells: list[str], said: tuple[str, bool, bool]) -> None:
    assert evidence(cells) == said
    assert evidence(cells * 3) == said


@pytest.mark.parametrize("cells", [[], [""], ["n/a", "NULL", "NaT", "   ", " N/A ", "-"]],
                         ids=["no cells", "empty", "every way of no date"])
def test_a_column_without_a_date_says_nothing(cells: list[str]) -> None:
    assert evidence(cells) == (None, False, False)


def test_cells_that_say_no_date_are_passed_over_not_taken_for_text() -> None:
    assert evidence(["n/a", "   ", " N/A ", DAY_FIRST]) == ("numeric", True, False)
    assert evidence([" 13/01/2024 ", "NULL"]) == ("numeric", True, False)


@pytest.mark.parametrize("cells", [[DAY_FIRST, NOT_A_DATE], [NOT_A_DATE, DAY_FIRST],
                                   [ISO, NOT_A_DATE], [NAMED, NOT_A_DATE]])
def test_one_cell_that_is_not_a_date_makes_the_column_not_dates(cells: list[str]) -> None:
    assert evidence(cells) == (None, False, False)


@pytest.mark.parametrize(("cell", "said"), [
    ("12/12/2024", ("numeric", False, False)),
    ("12/01/2024", ("numeric", False, False)),
    ("01/12/2024", ("numeric", False, False)),
    ("13/12/2024", ("numeric", True, False)),
    ("12/13/2024", ("numeric", False, True)),
    ("31/12/2024", ("numeric", True, False)),
    ("12/31/2024", ("numeric", False, True)),
])
def test_a_day_over_12_settles_the_order_and_12_does_not(
        cell: str, said: tuple[str, bool, bool]) -> None:
    assert evidence([cell]) == said


def test_an_order_once_seen_stays_seen_whatever_follows() -> None:
    assert evidence([DAY_FIRST, AMBIGUOUS]) == ("numeric", True, False)
    assert evidence([MONTH_FIRST, AMBIGUOUS]) == ("numeric", False, True)
    assert evidence([DAY_FIRST, MONTH_FIRST]) == ("numeric", True, True)  # both: refused later


def test_every_cell_is_read_after_an_iso_an_epoch_or_a_named_one() -> None:
    assert evidence([ISO, DAY_FIRST])[1:] == (True, False)
    assert evidence([EPOCH, MONTH_FIRST])[1:] == (False, True)
    assert evidence([NAMED, DAY_FIRST, DAY_FIRST_TOO]) == ("numeric", True, False)
    assert evidence([ISO, EPOCH]) == ("iso", False, False)  # the first shape seen stays
    assert evidence([EPOCH, ISO]) == ("epoch", False, False)


def test_a_column_mixing_numeric_and_named_dates_is_read_as_most_of_it_is_written() -> None:
    assert evidence([NAMED, "14/01/2024"]) == ("numeric", True, False)  # a tie: numeric
    assert evidence(["14/01/2024", NAMED]) == ("numeric", True, False)
    assert evidence([NAMED, NAMED_FIRST, "14/01/2024"]) == ("named", True, False)
    assert evidence(["14/01/2024", NAMED, NAMED_FIRST]) == ("named", True, False)
    assert evidence([NAMED, "14/01/2024", "15/01/2024"]) == ("numeric", True, False)
    assert evidence([NAMED, NAMED, NAMED, "14/01/2024", "15/01/2024"]) == (
        "named", True, False)
    assert evidence([NAMED, NAMED, "14/01/2024", "15/01/2024", "16/01/2024"]) == (
        "numeric", True, False)
    assert evidence(["14/01/2024", "15/01/2024", NAMED, NAMED, NAMED]) == (
        "named", True, False)
    assert evidence(["14/01/2024", "15/01/2024", "16/01/2024", NAMED, NAMED]) == (
        "numeric", True, False)


def test_an_iso_column_is_settled_after_500_cells() -> None:
    """Year-first text has no order to settle: the look stops after 500 ISO cells, so a
    later day-first cell is not seen; at 499 it still is."""
    assert evidence([ISO] * 500 + [DAY_FIRST]) == ("iso", False, False)
    assert evidence([ISO] * 499 + [DAY_FIRST])[1:] == (True, False)


def test_iso_cells_after_a_numeric_one_do_not_stop_the_look() -> None:
    assert evidence([AMBIGUOUS] + [ISO] * 500 + [DAY_FIRST])[1:] == (True, False)


@pytest.mark.parametrize("cell", ["2024-W11-3", "2024-W11"])
def test_a_year_first_cell_the_date_pattern_does_not_cover_is_still_year_first(
        cell: str) -> None:
    """An ISO week date (a BI tool's week column) starts with the year and a dash but has
    no month and day: it is year-first text, read by the ISO parser, not "not dates"."""
    assert evidence([cell]) == ("iso", False, False)
