"""`export --start` of a plan not saved yet takes the dates `plan --start` takes.

`export ID --format csv --start 9999-12-31` printed every task due 9999-12-31 (the dates
ran off the calendar and stopped there) and `--start 0001-01-01` "OVERDUE by 739939 days",
where `plan --start` refuses both in one sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.cli.cli_runs import one_error_line, run


@pytest.mark.parametrize("start", ["0001-01-01", "1969-12-31", "2200-01-01", "9999-12-31"])
@pytest.mark.parametrize("form", ["md", "csv", "ics"])
def test_a_start_no_plan_can_have_is_one_sentence(tmp_path: Path, start: str,
                                                  form: str) -> None:
    db = tmp_path / "j.db"
    with Store(db, who="tester") as store:
        wid = int(store.create_workshop(title="t").id or 0)
    one_error_line(run(db, "export", str(wid), "--format", form, "--start", start),
                   "--start", "1970-01-01", "2199-12-31", start)


def test_a_start_in_range_still_draws_the_plan(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    with Store(db, who="tester") as store:
        wid = int(store.create_workshop(title="t").id or 0)
    result = run(db, "export", str(wid), "--format", "csv", "--start", "2199-10-01")
    assert result.exit_code == 0, result.output
    assert "2199-10-14" in result.stdout
