"""`report --month` takes the months a workshop's dates can fall in.

`report 1 --month 0000-01` answered "journeymap: year 0 is out of range." (Python's words,
naming no option), and `--month 9999-12` or `1969-12` printed a review of a month no
deadline can be in, where `plan --start` refuses such a date in one sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.cli.cli_runs import one_error_line, run


@pytest.mark.parametrize("month", ["0000-01", "0001-01", "1969-12", "2200-01", "9999-12"])
def test_a_month_no_date_can_fall_in_is_one_sentence(tmp_path: Path, month: str) -> None:
    db = tmp_path / "j.db"
    with Store(db, who="tester") as store:
        wid = int(store.create_workshop(title="t").id or 0)
    one_error_line(run(db, "report", str(wid), "--month", month),
                   "The month must be between", "1970-01", "2199-12", month)


@pytest.mark.parametrize("month", ["1970-01", "2199-12"])
def test_the_first_and_last_months_are_reviewed(tmp_path: Path, month: str) -> None:
    db = tmp_path / "j.db"
    with Store(db, who="tester") as store:
        wid = int(store.create_workshop(title="t").id or 0)
    result = run(db, "report", str(wid), "--month", month)
    assert result.exit_code == 0, result.output
    assert f"Leadership review for {month}" in result.stdout
