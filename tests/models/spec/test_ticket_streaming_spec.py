"""A long export is read a batch of records at a time, so memory holds one batch of text.

An import of a year of tickets must not need the file's size in memory: ``load`` hands the
facts builder ``BATCH_ROWS`` records at a time, in file order, blank records left out, each
record numbered as the stdlib reader numbers it (so a note can name its line).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import load, reading


def test_records_come_in_batches_of_the_batch_size_in_file_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BATCH_ROWS", 3)
    path = tmp_path / "tickets.csv"
    path.write_text("ticket_id,created_at,status,notes\n"
                    + "".join(f"{i},2024-01-01 10:00,Open,n\n" for i in range(10)),
                    encoding="utf-8")
    frames = list(load.iter_frames(path, reading.sniff(path), [0, 1, 2], []))
    assert [frame.height for frame in frames] == [3, 3, 3, 1]
    assert [row for frame in frames for row in frame[load.REC]] == list(range(10))
    assert [row for frame in frames for row in frame["c0"]] == [str(i) for i in range(10)]


def test_blank_records_are_left_out_but_keep_their_numbers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BATCH_ROWS", 2)
    path = tmp_path / "tickets.csv"
    path.write_text("ticket_id,created_at,status\n1,2024-01-01 10:00,Open\n,,\n"
                    "2,2024-01-02 10:00,Open\n\n3,2024-01-03 10:00,Open\n", encoding="utf-8")
    frames = list(load.iter_frames(path, reading.sniff(path), [0, 1, 2], []))
    assert [(rec, ticket) for frame in frames
            for rec, ticket in zip(frame[load.REC], frame["c0"], strict=True)] == [
        (0, "1"), (2, "2"), (4, "3")]
