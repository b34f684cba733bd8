"""The whole export read into a polars frame: the used columns, as text, one row per record.

polars' CSV reader parses the file in native code (measured: a quarter of the time the stdlib
``csv.reader`` takes just to read the same rows), so the per-row work of an import is no longer
Python's. What it does not say, the file's shape, ``reading`` (the stdlib reader that sniffed
the file) still decides: when polars rejects the file, or the last line may be cut off, the
stdlib reader is run over the file to name the line and column in one sentence (that pass
costs one more read, and only such files pay it).

Record numbers are polars' row index, which counts blank records as the stdlib reader does,
so ``reading.physical_lines`` turns them into file lines. Blank rows are dropped; a report
footer (Salesforce's title and copyright: rows of one cell after a blank one, in a file of
three or more columns) is left out and its record numbers returned.
"""

from __future__ import annotations

import codecs
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from models.tickets.errors import TicketImportError
from models.tickets.reading import CsvLayout, ends_with_newline, iter_chunks

REC = "_rec"
_CHUNK = 1 << 20


@contextmanager
def _utf8(path: Path, encoding: str) -> Iterator[Path]:
    """``path`` itself when it is UTF-8, else a UTF-8 copy of it in a temporary folder
    (polars reads UTF-8 only; the copy is streamed, never held in memory)."""
    if encoding in ("utf-8", "utf-8-sig"):
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="journeymap-") as tmp:
        copy = Path(tmp) / "export.csv"
        decoder = codecs.getincrementaldecoder(encoding)()
        with path.open("rb") as src, copy.open("w", encoding="utf-8", newline="") as out:
            while chunk := src.read(_CHUNK):
                out.write(decoder.decode(chunk))
            out.write(decoder.decode(b"", final=True))
        yield copy


def _stdlib_verdict(path: Path, layout: CsvLayout) -> None:
    """Read the file with the stdlib reader, which raises the one-sentence error naming the
    line (a cut-off last line, a quote that never closes, malformed quoting)."""
    for _ in iter_chunks(path, layout, 10_000):
        pass


def read_frame(path: Path, layout: CsvLayout, columns: list[int]) -> tuple[pl.DataFrame,
                                                                           list[int]]:
    """The cells of ``columns`` (named ``c<index>``) and ``REC`` of every non-blank record,
    and the record numbers of a report footer left out."""
    used = sorted({0, *columns})
    with _utf8(path, layout.encoding) as source:
        try:
            frame = pl.read_csv(
                source, has_header=True, columns=used, infer_schema=False,
                separator=layout.delimiter, quote_char='"', empty_string_is_null=False,
                truncate_ragged_lines=True, raise_if_empty=False, row_index_name=REC, glob=False,
            )
        except pl.exceptions.PolarsError as exc:
            _stdlib_verdict(path, layout)
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise TicketImportError(path, f"the CSV cannot be read ({first})",
                                    hint="export the file again") from None
    names = [f"c{i}" for i in used]
    frame = frame.rename(dict(zip(frame.columns[1:], names, strict=True)))
    frame = frame.with_columns(pl.col(REC).cast(pl.Int64))
    if frame.height and not ends_with_newline(path, layout.encoding):
        last = frame.row(-1)
        if any(cell == "" for cell in last[1:]):
            _stdlib_verdict(path, layout)
    blank = pl.all_horizontal([pl.col(n) == "" for n in names])
    footer: list[int] = []
    if len(layout.header) >= 3:
        rest = [pl.col(n) == "" for n in names[1:]] or [pl.lit(value=True)]
        after_blank = blank.cast(pl.Int32).cum_sum() > 0
        tail = (after_blank & ~blank & pl.all_horizontal(rest)).alias("_footer")
        marked = frame.with_columns(tail)
        footer = marked.filter("_footer")[REC].to_list()
        frame = marked.filter(~pl.col("_footer")).drop("_footer")
    return frame.filter(~blank), footer
