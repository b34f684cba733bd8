"""Read a CSV export as it really arrives: unknown encoding, unknown delimiter, CRLF, quoted
newlines, maybe cut off at the end.

The encoding is checked over the whole file in binary chunks before parsing (a C-speed pass,
cheap next to CSV parsing) so a stray cp1252 byte on line 900,000 cannot abort an import
half-way: UTF-16 when the file starts with its byte-order mark (Excel's "Unicode text", tab
delimited) or has every other byte zero, UTF-8 (with or without BOM) when every byte decodes,
else cp1252, else latin-1, and anything but UTF-8 is said in ``notes``. A path that is not a
readable text file (missing, a folder, a workbook, a zip, binary) is refused in one sentence
before anything is read. Rows are streamed, never held.
"""

from __future__ import annotations

import codecs
import csv
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from models.tickets.errors import TicketImportError

_CHUNK = 1 << 20
_DELIMITERS = (",", ";", "\t")
# cp1252 leaves these bytes undefined; a file containing them is read as latin-1.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")
_ZIP = b"PK\x03\x04"  # .xlsx, .ods and .zip all are zip archives
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the legacy .xls workbook
_WIDE_NEWLINES = (b"\n\x00", b"\r\x00", b"\x00\n", b"\x00\r")
# A cell may hold a whole ticket description or comment thread (a megabyte and more in real
# exports); the csv module's default limit (128 KiB) would call such a valid file malformed.
csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))


@dataclass(frozen=True)
class CsvLayout:
    """How to read one file: the codec, the delimiter, the header and what was assumed."""

    encoding: str
    delimiter: str
    header: tuple[str, ...]
    notes: tuple[str, ...]
    # Lines before the header: a report's title block (Salesforce and ServiceNow report
    # exports put the report's name above the column names), read past by every reader.
    skip: int = 0


def past_title(f: TextIO, layout: CsvLayout) -> int:
    """Read ``f`` past the title block, before a CSV reader starts on it; the lines read,
    which that reader's line numbers leave out."""
    for _ in range(layout.skip):
        f.readline()
    return layout.skip


def _title_block(first: str, rest: list[str], delimiter: str) -> tuple[str, int] | None:
    """(the title, the lines from the title to the column names) when ``first`` is a report
    title: one filled cell, maybe more such lines below it (a "Generated on ..." line, a
    filter), and then a line of two or more names, none blank and none starting with a
    digit (a data row would)."""
    filled = [c.strip() for c in next(csv.reader([first], delimiter=delimiter)) if c.strip()]
    if len(filled) > 1:
        return None
    for gap, text in enumerate(rest, start=1):
        if not text.strip(" ,;\t\r\n"):
            continue
        names = [c.strip() for c in next(csv.reader([text], delimiter=delimiter))]
        if len([n for n in names if n]) == 1:
            continue  # another line of the title block
        if len(names) < 2 or not all(names) or any(n[:1].isdigit() for n in names):
            return None
        return (filled[0] if filled else ""), gap
    return None


def first_bad_utf8_line(path: Path) -> int | None:
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


def _head(path: Path) -> bytes:
    """The first 64 KiB of ``path``, or the one-sentence reason it cannot be read.

    A named pipe or a device is refused before it is opened: opening a pipe waits for a
    writer, so a pipe planted under an export's name hung the import for ever.
    """
    try:
        if path.is_dir():
            raise IsADirectoryError
        if path.exists() and not path.is_file():
            raise TicketImportError(path, "this is not a regular file (a pipe or a device "
                                    "would never end), so it is no export", as_given=True)
        with path.open("rb") as f:
            return f.read(1 << 16)
    except FileNotFoundError:
        problem = "there is no such file"
    except IsADirectoryError:
        problem = "this is a folder, not a file"
    except PermissionError:
        problem = "cannot be read (permission denied)"
    except OSError as exc:
        problem = f"cannot be read ({(exc.strerror or type(exc).__name__).lower()})"
    raise TicketImportError(path, problem, as_given=True)


def _not_text(path: Path, head: bytes) -> str | None:
    """Why a file that is not a text export cannot be read, said as its owner would fix it."""
    if head.startswith(_OLE2) or head.startswith(_ZIP) and (
            b"xl/" in head or path.suffix.lower() in (".xlsx", ".xlsm")):
        return "this looks like an Excel workbook; save it as CSV"
    if head.startswith(_ZIP) and b"opendocument.spreadsheet" in head:
        return "this looks like a spreadsheet; save it as CSV"
    if head.startswith(_ZIP):
        return "this is a zip archive, not a CSV export; unzip it first"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when nearly every other byte of the head is zero and the others
    are not (text in UTF-16 with no byte-order mark: Latin letters have a zero high byte),
    else None."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    if odd.count(0) >= 0.9 * len(odd) and not even.count(0):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and not odd.count(0):
        return "utf-16-be"
    return None


def _check_utf16(path: Path, codec: str) -> None:
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise TicketImportError(path, "the file starts as UTF-16 text but is not valid "
                                "UTF-16 throughout", hint="save it again as CSV UTF-8") from None


def detect_encoding(path: Path) -> tuple[str, tuple[str, ...]]:
    """The codec to read ``path`` with, and a note when it is not UTF-8."""
    head = _head(path)
    problem = _not_text(path, head)
    if problem is not None:
        raise TicketImportError(path, problem)
    start = head[:4096]
    wide = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else (
        _utf16_without_bom(start) if b"\x00" in start else None)
    if wide is not None:
        _check_utf16(path, wide)
        return wide, ("read as UTF-16 (Excel's \"Unicode text\")",)
    if b"\x00" in start:
        raise TicketImportError(path, "this is a binary file, not a CSV export")
    if head.startswith(codecs.BOM_UTF8):
        bad = first_bad_utf8_line(path)
        if bad is None:
            return "utf-8-sig", ()
    else:
        bad = first_bad_utf8_line(path)
        if bad is None:
            return "utf-8", ()
    codec = "latin-1" if _has_cp1252_holes(path) else "cp1252"
    return codec, (f"not UTF-8 (first non-UTF-8 byte on line {bad}): read as {codec}",)


def _sniff_delimiter(head: list[str]) -> str:
    """The delimiter that splits the first lines into the same number (> 1) of fields, the
    most fields winning; ',' on a tie. Looking past the header line settles headers such as
    ``id<TAB>name, with comma``. Leading lines of one field are a report's title block,
    left out of the vote (a ';' report's title would otherwise make ',' win)."""
    def score(delimiter: str) -> tuple[bool, int, bool]:
        try:
            widths = [len(r) for r in csv.reader(head, delimiter=delimiter) if r]
        except csv.Error:
            return False, 0, False
        widths = list(itertools.dropwhile(lambda w: w == 1, widths))
        width = widths[0] if widths else 0
        return width > 1 and len(set(widths)) == 1, width, delimiter == ","

    return max(_DELIMITERS, key=score)


def sniff(path: Path) -> CsvLayout:
    """Encoding, delimiter and header of ``path`` (raises when it has no header at all)."""
    encoding, notes = detect_encoding(path)
    blank = 0
    with path.open(encoding=encoding, newline="") as f:
        first = f.readline()
        while first and not first.strip():
            blank += 1
            first = f.readline()
        head = [first, *itertools.islice(f, 20)]
    if not first.strip():
        raise TicketImportError(path, "the file is empty")
    # The last line read may end inside a quoted field: leave it out of the vote.
    delimiter = _sniff_delimiter(head[:-1] if len(head) > 2 else head)
    skip = 0
    title = _title_block(first, head[1:-1] if len(head) > 2 else head[1:], delimiter)
    if title is not None:
        name, gap = title
        first, skip = head[gap], blank + gap
        notes += (f"line {blank + 1}: the report title ({name!r}) above the column names "
                  f"is left out; the column names are on line {skip + 1}",)
    header = next(csv.reader([first], delimiter=delimiter))
    names = tuple(h.strip().lstrip("\ufeff") for h in header)
    if delimiter != ",":
        notes += ({";": "delimiter ';'", "\t": "delimiter tab"}[delimiter],)
    return CsvLayout(encoding, delimiter, names, notes, skip)


def ends_with_newline(path: Path, encoding: str) -> bool:
    """Whether the last byte(s) of ``path`` end a line (a cut-off export does not)."""
    with path.open("rb") as f:
        f.seek(0, 2)
        if f.tell() == 0:
            return True
        if encoding.startswith("utf-16"):
            f.seek(-min(2, f.tell()), 2)
            return f.read(2) in _WIDE_NEWLINES
        f.seek(-1, 2)
        return f.read(1) in (b"\n", b"\r")


def iter_chunks(
    path: Path, layout: CsvLayout, size: int = 10_000, first: int | None = None,
    dropped: list[int] | None = None,
) -> Iterator[tuple[Sequence[int], list[list[str]]]]:
    """(record numbers, rows) in blocks of up to ``size`` data rows (the first block up to
    ``first`` when given), each row header-wide.

    Record numbers count the data records from 0 (blank ones included); ``physical_lines``
    turns the few that an error or a note names into file lines. Blocks come from
    ``islice`` over the CSV reader, so the common case costs no Python per row; a block with
    blank or ragged rows is fixed on a slower path. A last record cut off in the middle
    (inside quotes, or short of fields with no final newline) is refused rather than imported
    as a shorter ticket. A record of one cell after a blank one, in a file of three or
    more columns, is a report's footer line (Salesforce ends its CSV reports with the report's name,
    copyright and "Generated By"), not a ticket: it is left out and its record number added
    to ``dropped``.
    """
    width = len(layout.header)
    footer: list[int] = [] if dropped is None else dropped
    complete_end = ends_with_newline(path, layout.encoding)
    pending: tuple[Sequence[int], list[list[str]]] | None = None
    last_width = width
    with path.open(encoding=layout.encoding, newline="") as f:
        skipped = past_title(f, layout)
        reader = csv.reader(f, delimiter=layout.delimiter, strict=True)
        start = 0
        after_blank = False
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
                    numbers, block, after_blank = _fix(numbers, block, width, footer,
                                                       after_blank)
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
                path, problem, line=skipped + reader.line_num, hint="export the file again"
            ) from None
    if pending is not None:
        if not complete_end and last_width < width and not (last_width == 1 and footer):
            line = physical_lines(path, layout, {pending[0][-1]})[pending[0][-1]]
            raise TicketImportError(
                path, "the last line is cut off (fewer fields than the header)",
                line=line, column=layout.header[last_width], hint="export the file again",
            )
        yield pending


def _fix(
    numbers: Sequence[int], block: list[list[str]], width: int, footer: list[int],
    after_blank: bool,
) -> tuple[list[int], list[list[str]], bool]:
    """Drop blank records and footer lines, pad short rows with empty cells, cut long ones;
    says whether a blank record has been seen (a footer starts after one)."""
    kept_numbers: list[int] = []
    kept: list[list[str]] = []
    for number, row in zip(numbers, block, strict=True):
        if not any(row):
            after_blank = True
            continue
        if after_blank and len(row) == 1 and width >= 3:
            footer.append(number)
            continue
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        elif len(row) > width:
            del row[width:]
        kept_numbers.append(number)
        kept.append(row)
    return kept_numbers, kept, after_blank


def physical_lines(path: Path, layout: CsvLayout, records: set[int]) -> dict[int, int]:
    """The file line each data record starts on (header = line 1), for the records asked.

    Only called for what an error or a note names, so the import itself never tracks lines.
    """
    found: dict[int, int] = {}
    if not records:
        return found
    last = max(records)
    with path.open(encoding=layout.encoding, newline="") as f:
        skipped = past_title(f, layout)
        reader = csv.reader(f, delimiter=layout.delimiter)
        while not next(reader, ["header"]):
            pass
        start = skipped + reader.line_num + 1
        for number, _ in enumerate(reader):
            if number in records:
                found[number] = start
            if number >= last:
                break
            start = skipped + reader.line_num + 1
    return found
