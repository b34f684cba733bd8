"""QA session 16: the Stages table and the other views wrote figures with ``:g``, so
1234567 read "1.23457e+06". Shown figures use ``fmt_number``; an input that edits a number
shows it in full, so saving it unchanged stores the same number."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.safe_text import display
from tui.steps.stages import _num
from tui.widgets.forms import FieldSpec


def test_the_stages_table_writes_a_big_figure_grouped_and_whole() -> None:
    assert _num(1234567.0) == "1,234,567"
    assert _num(2.5) == "2.5" and _num(None) == ""


def test_an_input_shows_a_number_in_full() -> None:
    assert display(1234567.0) == "1234567"
    assert display(0.00001) == "0.00001"
    assert FieldSpec("bot_deflection_rate", "Bot", percent=True).shown(0.12345) == "12.345 %"


@settings(deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_an_input_reads_back_as_the_stored_number(value: float) -> None:
    assert float(display(value)) == value
