"""When the fast reader fails on a file, the lead gets one sentence, never a traceback.

polars reads an export in native code; a file it refuses that the stdlib reader reads (a
quote inside an unquoted cell, Excel for Mac's lone CR line ends) is written again as plain
CSV and read once more. Should polars refuse that copy too, the import is refused in one
sentence that names the file and the reader's complaint (its first line) and says what to
do, and nothing is imported. A reader failure in the middle of a long file is handled the
same way. Here polars is made to fail, as a release of it with a new bug would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

from models.tickets import engine, load
from models.tickets.errors import TicketImportError

HEAD = "ticket_id,created_at,status\n"
ROWS = "".join(f"{i},2024-01-{i:02d} 10:00,Open\n" for i in range(1, 9))


def _failing(after: int, message: str) -> object:
    real = pl.LazyFrame.collect_batches

    def collect_batches(self: pl.LazyFrame, *args: object, **kwargs: object
                        ) -> Iterator[pl.DataFrame]:
        for i, frame in enumerate(real(self, *args, **kwargs)):  # type: ignore[arg-type]
            if i == after:
                raise pl.exceptions.ComputeError(message)
            yield frame
        if after < 0:
            raise pl.exceptions.ComputeError(message)

    return collect_batches


@pytest.mark.parametrize("after", [0, 2, -1])
def test_a_file_polars_cannot_read_even_copied_is_refused_in_one_sentence(
        after: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BATCH_ROWS", 3)
    monkeypatch.setattr(pl.LazyFrame, "collect_batches",
                        _failing(after, "could not parse the row\n\nmore detail here"))
    path = tmp_path / "tickets.csv"
    path.write_text(HEAD + ROWS, encoding="utf-8")
    with pytest.raises(TicketImportError) as info:
        engine.import_export(path)
    assert str(info.value) == ("tickets.csv: the CSV cannot be read (could not parse the "
                               "row) (export the file again).")
    assert info.value.hint == "export the file again"


def test_a_reader_failure_without_a_message_names_its_kind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pl.LazyFrame, "collect_batches", _failing(0, ""))
    path = tmp_path / "tickets.csv"
    path.write_text(HEAD + ROWS, encoding="utf-8")
    with pytest.raises(TicketImportError, match=r"the CSV cannot be read \(ComputeError\)"):
        engine.import_export(path)


def test_a_file_the_stdlib_reader_refuses_is_named_by_it_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # polars fails late, on a quote that never closes past the planning sample: the line
    # is named by the stdlib reader, not polars' message
    monkeypatch.setattr(engine, "SAMPLE_ROWS", 2)
    monkeypatch.setattr(pl.LazyFrame, "collect_batches", _failing(0, "polars says no"))
    path = tmp_path / "tickets.csv"
    path.write_text(HEAD + ROWS + '9,2024-01-09 10:00,"Open\n10,2024-01-10 10:00,Open\n',
                    encoding="utf-8")
    with pytest.raises(TicketImportError) as info:
        engine.import_export(path)
    assert str(info.value) == ("tickets.csv, line 11: the last line is cut off (a quoted field "
                               "never closes) (export the file again).")
