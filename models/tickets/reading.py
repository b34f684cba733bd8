"""Read a CSV export as it really arrives: unknown encoding, unknown delimiter, CRLF, quoted
newlines, maybe cut off at the end.

The encoding is checked over the whole file in binary chunks before parsing (a C-speed pass,
cheap next to CSV parsing) so a stray cp1252 byte on line 900,000 cannot abort an import
half-way: UTF-8 (with or without BOM) when every byte decodes, else cp1252, else latin-1, and
the fallback is said in ``notes``. Rows are streamed, never held.
"""

from __future__ import annotations

import codecs
import csv
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from models.tickets.errors import TicketImportError

_CHUNK = 1 << 20
_DELIMITERS = (",", ";", "\t")
# cp1252 leaves these bytes undefined; a file containing them is read as latin-1.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")


@dataclass(frozen=True)
class CsvLayout:
    """How to read one file: the codec, the delimiter, the header and what was assumed."""

    encoding: str
    delimiter: str
    header: tuple[str, ...]
    notes: tuple[str, ...]


def _first_bad_utf8_line(path: Path) -> int | None:
    """The 1-based line of the first byte that is not UTF-8, or None when all of it is.

    A read that is pure ASCII while no character is pending is UTF-8 as it stands, so only
    reads holding other bytes are decoded, and lines are counted only once a bad byte is
    found (most exports are nearly all ASCII: this pass then costs a fraction of a decode)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            pending = decoder.getstate()[0]
            if not pending and chunk.isascii():
                offset += len(chunk)
                continue
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return _line_at(path, offset - len(pending) + exc.start)
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return _line_at(path, offset)
    return None


def _line_at(path: Path, position: int) -> int:
    """The 1-based line holding byte ``position``."""
    lines = 1
    with path.open("rb") as f:
        while position > 0 and (chunk := f.read(min(_CHUNK, position))):
            lines += chunk.count(b"\n")
            position -= len(chunk)
    return lines


def _has_cp1252_holes(path: Path) -> bool:
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            if any(b in _CP1252_HOLES for b in chunk):
                return True
    return False


def detect_encoding(path: Path) -> tuple[str, tuple[str, ...]]:
    """The codec to read ``path`` with, and a note when it is not UTF-8."""
    with path.open("rb") as f:
        head = f.read(4096)
    if head.startswith(codecs.BOM_UTF8):
        bad = _first_bad_utf8_line(path)
        if bad is None:
            return "utf-8-sig", ()
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        raise TicketImportError(
            path, "the file is not 8-bit text (UTF-16 or binary)", line=1,
            hint="save it as CSV UTF-8",
        )
    elif head.startswith(b"PK\x03\x04"):
        raise TicketImportError(
            path, "the file is a spreadsheet or zip archive, not CSV", line=1,
            hint="export or save it as CSV",
        )
    else:
        bad = _first_bad_utf8_line(path)
        if bad is None:
            return "utf-8", ()
    codec = "latin-1" if _has_cp1252_holes(path) else "cp1252"
    return codec, (f"not UTF-8 (first non-UTF-8 byte on line {bad}): read as {codec}",)


def _sniff_delimiter(head: list[str]) -> str:
    """The delimiter that splits the first lines into the same number (> 1) of fields, the
    most fields winning; ',' on a tie. Looking past the header line settles headers such as
    ``id<TAB>name, with comma``."""
    def score(delimiter: str) -> tuple[bool, int, bool]:
        try:
            widths = [len(r) for r in csv.reader(head, delimiter=delimiter) if r]
        except csv.Error:
            return False, 0, False
        width = widths[0] if widths else 0
        return width > 1 and len(set(widths)) == 1, width, delimiter == ","

    return max(_DELIMITERS, key=score)


def sniff(path: Path) -> CsvLayout:
    """Encoding, delimiter and header of ``path`` (raises when it has no header at all)."""
    encoding, notes = detect_encoding(path)
    with path.open(encoding=encoding, newline="") as f:
        first = f.readline()
        while first and not first.strip():
            first = f.readline()
        head = [first, *itertools.islice(f, 20)]
    if not first.strip():
        raise TicketImportError(path, "the file is empty", line=1)
    # The last line read may end inside a quoted field: leave it out of the vote.
    delimiter = _sniff_delimiter(head[:-1] if len(head) > 2 else head)
    header = next(csv.reader([first], delimiter=delimiter))
    names = tuple(h.strip().lstrip("\ufeff") for h in header)
    if delimiter != ",":
        notes += ({";": "delimiter ';'", "\t": "delimiter tab"}[delimiter],)
    return CsvLayout(encoding, delimiter, names, notes)


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as f:
        f.seek(0, 2)
        if f.tell() == 0:
            return True
        f.seek(-1, 2)
        return f.read(1) in (b"\n", b"\r")


def iter_chunks(
    path: Path, layout: CsvLayout, size: int = 10_000, first: int | None = None
) -> Iterator[tuple[Sequence[int], list[list[str]]]]:
    """(record numbers, rows) in blocks of up to ``size`` data rows (the first block up to
    ``first`` when given), each row header-wide.

    Record numbers count the data records from 0 (blank ones included); ``physical_lines``
    turns the few that an error or a note names into file lines. Blocks come from
    ``islice`` over the CSV reader, so the common case costs no Python per row; a block with
    blank or ragged rows is fixed on a slower path. A last record cut off in the middle
    (inside quotes, or short of fields with no final newline) is refused rather than imported
    as a shorter ticket.
    """
    width = len(layout.header)
    complete_end = _ends_with_newline(path)
    pending: tuple[Sequence[int], list[list[str]]] | None = None
    last_width = width
    with path.open(encoding=layout.encoding, newline="") as f:
        reader = csv.reader(f, delimiter=layout.delimiter, strict=True)
        start = 0
        try:
            while not next(reader, ["header"]):
                pass  # blank lines before the header
            take = size if first is None else first
            while block := list(itertools.islice(reader, take)):
                take = size
                last_width = len(block[-1])
                numbers: Sequence[int] = range(start, start + len(block))
                start += len(block)
                if set(map(len, block)) != {width}:
                    numbers, block = _fix(numbers, block, width)
                if pending is not None:
                    yield pending
                pending = (numbers, block) if block else None
        except csv.Error as exc:
            cut = "unexpected end of data" in str(exc)
            problem = (
                "the last line is cut off (a quoted field never closes)" if cut
                else f"the CSV is malformed here ({exc})"
            )
            raise TicketImportError(
                path, problem, line=reader.line_num, hint="export the file again"
            ) from None
    if pending is not None:
        if not complete_end and last_width < width:
            line = physical_lines(path, layout, {pending[0][-1]})[pending[0][-1]]
            raise TicketImportError(
                path, "the last line is cut off (fewer fields than the header)",
                line=line, column=layout.header[last_width], hint="export the file again",
            )
        yield pending


def _fix(
    numbers: Sequence[int], block: list[list[str]], width: int
) -> tuple[list[int], list[list[str]]]:
    """Drop blank records, pad short rows with empty cells, cut long ones."""
    kept_numbers: list[int] = []
    kept: list[list[str]] = []
    for number, row in zip(numbers, block, strict=True):
        if not any(row):
            continue
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        elif len(row) > width:
            del row[width:]
        kept_numbers.append(number)
        kept.append(row)
    return kept_numbers, kept


def physical_lines(path: Path, layout: CsvLayout, records: set[int]) -> dict[int, int]:
    """The file line each data record starts on (header = line 1), for the records asked.

    Only called for what an error or a note names, so the import itself never tracks lines.
    """
    found: dict[int, int] = {}
    if not records:
        return found
    last = max(records)
    with path.open(encoding=layout.encoding, newline="") as f:
        reader = csv.reader(f, delimiter=layout.delimiter)
        while not next(reader, ["header"]):
            pass
        start = reader.line_num + 1
        for number, _ in enumerate(reader):
            if number in records:
                found[number] = start
            if number >= last:
                break
            start = reader.line_num + 1
    return found
