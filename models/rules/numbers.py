"""How a figure is written: one formatter for every place a KPI figure, baseline, target,
cost or reading is shown, so the TUI, the CLI and the Markdown never disagree.

Python's ``:g`` was the old habit and it rounds to six significant digits, so 1234567 read
"1.23457e+06", a number that is not the data's. Stdlib only: the app's first paint and the
CLI import it without the database layer, and ``decimal`` only for the rare figure that
needs it (an export imports no module it does not use: ``tests/cli/test_cli_export_stdlib.py``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal


def fmt_number(value: float | int) -> str:
    """18.0 -> "18", 2.50 -> "2.5", 1240 -> "1,240": how people write KPI figures.

    Two decimals, except that a figure below 0.1 keeps two significant digits (0.004 is
    "0.004", never "0"), and a whole float is written from its shortest decimal form, so
    12345678901234567890.0 is not given the binary tail "…168" nobody typed.
    """
    if isinstance(value, int) or value == 0:
        return f"{int(value):,}"
    if value.is_integer():
        return f"{int(value):,}" if abs(value) < 2 ** 53 else f"{_plain(value):,f}"
    size = abs(value)
    decimals = 2 if size >= 0.1 else 1 - math.floor(math.log10(size))
    return f"{value:,.{decimals}f}".rstrip("0").rstrip(".")


def fmt_kpi(value: float | int, unit: str) -> str:
    """A KPI figure with its unit, "18 %" / "4 hours" / "3.5" (unit optional)."""
    unit = unit.strip()
    return f"{fmt_number(value)} {unit}" if unit else fmt_number(value)


def fmt_exact(value: float | int) -> str:
    """The value in full, without grouping or exponent, for an input that edits it:
    1234567.0 -> "1234567", 1e-05 -> "0.00001". Saving the field unchanged stores the same
    number, which a rounded display ("1.23457e+06") would not."""
    if isinstance(value, int) or (value.is_integer() and abs(value) < 2 ** 53):
        return str(int(value))
    return f"{_plain(value):f}".removesuffix(".0")


def _plain(value: float) -> Decimal:
    """``value``'s shortest decimal form as a ``Decimal`` (a whole float below 2**53 is
    exactly its ``int`` and never needs one)."""
    from decimal import Decimal

    return Decimal(repr(value))
