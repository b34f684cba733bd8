"""What an import left out, explained, and the mixed date formats it must refuse.

The engine skips a row whose id or creation date it cannot read and counts it; that is right
for a stray bad cell but says nothing about *why*. Real files have two kinds of such rows
that a person recognises at once: the header row again in the middle (two exports joined in
a spreadsheet) and a totals row at the end. The engine tells those apart from bad rows with
``TOTALS`` and says each once, by line, in ``left_out`` words (not also as an unreadable
date and a skipped row). A date column that mixes formats (``Mar 5 2024`` next to
``03/02/2024``) is a different matter: the cells the engine could not read are tickets, so
importing the rest would be half an import; it is refused, naming the first such cell.

The refusal runs only when the engine reported unreadable date cells, and reads the file
once more in that case only: a clean import pays nothing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from models import vocab
from models.tickets import dates
from models.tickets.errors import TicketImportError
from models.tickets.fields import FIELDS
from models.tickets.reading import CsvLayout, past_title, sniff

# vocab.TOTALS_WORDS as one pattern that Python's ``re`` and polars (Rust regex) read the
# same way: at the start of the cell, any case, a space as any run of spaces, then not a letter.
TOTALS = r"(?i)^(?:" + "|".join(
    w.replace(" ", r"\s+") for w in sorted(vocab.TOTALS_WORDS, key=len, reverse=True)) + r")\b"
HEADER_AGAIN = ""  # what ``left_out`` is given for a repeated header row


def _records(path: Path, layout: CsvLayout) -> Iterator[tuple[int, list[str]]]:
    """(file line the record starts on, cells) of each data record after the header."""
    with path.open(encoding=layout.encoding, newline="") as f:
        skipped = past_title(f, layout)
        reader = csv.reader(f, delimiter=layout.delimiter)
        while not next(reader, ["header"]):
            pass
        start = skipped + reader.line_num + 1
        for row in reader:
            yield start, row
            start = skipped + reader.line_num + 1


def left_out(line: int, first_cell: str) -> str:
    """The note for a row the engine left out as a repeated header (``first_cell`` is
    ``HEADER_AGAIN``) or a totals row (its first cell, quoted as written)."""
    if first_cell == HEADER_AGAIN:
        return (f"line {line} repeats the header row (as when two exports are joined): "
                "left out, not a ticket")
    return f"line {line} is a totals row ({first_cell!r}): left out, not a ticket"


def _parses(kind: str, text: str) -> bool:
    try:
        dates.PARSERS[kind](text)
    except ValueError:
        return False
    return True


def refuse_mixed_dates(path: Path, date_kinds: dict[str, str], bad_columns: set[str]) -> None:
    """Raise naming the first cell of a date column in ``bad_columns`` that is a date written
    in another format than the one the column was read with (``date_kinds``: column → the
    parser chosen); return when the unreadable cells are not dates at all."""
    wanted = {c: k for c, k in date_kinds.items() if c in bad_columns}
    if not wanted:
        return
    layout = sniff(path)
    where = {c: layout.header.index(c) for c in wanted if c in layout.header}
    for line, row in _records(path, layout):
        for column, index in where.items():
            text = row[index].strip() if index < len(row) else ""
            if not text or dates.is_missing(text) or _parses(wanted[column], text):
                continue
            if any(_parses(kind, text) for kind in dates.PARSERS):
                raise TicketImportError(
                    path, f"{text!r} is a date written in another format than the rest of "
                    "the column; export the file again with one date format", line=line,
                    column=column,
                )


def date_columns(columns: dict[str, str]) -> set[str]:
    """The column names an import read as dates (``columns``: field → column name)."""
    return {c for f, c in columns.items() if FIELDS.get(f) == "date"}


def _position(chosen: str) -> int | None:
    """The 1-based column of a ``--map FIELD=#N`` choice, else None."""
    return int(chosen[1:]) if re.fullmatch(r"#\d+", chosen) else None


def fits(chosen: str, header: tuple[str, ...]) -> bool:
    """Whether a remembered ``#N`` choice names a column this header has."""
    number = _position(chosen)
    return number is not None and 1 <= number <= len(header)


def as_chosen(columns: dict[str, str], given: dict[str, str]) -> dict[str, str]:
    """field → column as shown to the person: a column chosen by position says which."""
    out = dict(columns)
    for field, chosen in given.items():
        number = _position(chosen)
        if number is not None and field in out:
            out[field] = f"{out[field]} (column {number})"
    return out


def remembered(columns: dict[str, str], given: dict[str, str]) -> dict[str, str]:
    """field → column as kept for next month's import: a positional choice stays one."""
    return {f: (given[f] if _position(given.get(f, "")) is not None else c)
            for f, c in columns.items()}


def aged_to(as_of: datetime) -> str:
    """What open tickets' ages are measured to: no product writes the moment of its export
    into the file, so it is the file's latest timestamp (said, so nobody reads it as now)."""
    return (f"open tickets are aged to {as_of:%Y-%m-%d %H:%M}, the latest timestamp in the "
            "file (the export does not say when it was taken)")
