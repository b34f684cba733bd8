"""`report` and `tracker` under a pinned today no workshop date can be: the real today."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.vocab import TODAY_ENV
from tests.cli.cli_runs import run


@pytest.mark.parametrize("pinned", ["0001-01-01", "9999-12-31"])
def test_report_and_tracker_ignore_a_pinned_day_out_of_range(
        workshop: tuple[Path, int], monkeypatch: pytest.MonkeyPatch, pinned: str) -> None:
    db, wid = workshop
    monkeypatch.setenv(TODAY_ENV, pinned)
    report = run(db, "report", str(wid))
    assert report.exit_code == 0, report.output
    tracker = run(db, "tracker", str(wid))
    assert tracker.exit_code in (0, 3), tracker.output
    days = [int(word) for word in tracker.stdout.replace(",", "").split() if word.isdigit()]
    assert all(number < 100_000 for number in days), tracker.stdout
