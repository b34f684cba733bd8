"""The export read by polars in batches: the used columns, as text, one row per record.

polars' CSV reader parses the file in native code (measured: a quarter of the time the stdlib
``csv.reader`` takes just to read the same rows), so the per-row work of an import is no longer
Python's. What it does not say, the file's shape, ``reading`` (the stdlib reader that sniffed
the file) still decides: when polars rejects the file, or the last line may be cut off, the
stdlib reader is run over the file to name the line and column in one sentence (that pass
costs one more read, and only such files pay it).

Record numbers are polars' row index, which counts blank records as the stdlib reader does,
so ``reading.physical_lines`` turns them into file lines. Blank rows are dropped; a report
footer (Salesforce's title and copyright: rows of one cell after a blank one, in a file of
three or more columns) is left out and its record numbers returned. polars is handed the file
a block of whole records at a time (``blocks``: given the path it maps and reads all of it),
and each batch is reduced to its facts (``facts``) before the next one is read, so the text
of one block and one batch is in memory, not the file's.
"""

from __future__ import annotations

import codecs
import csv
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from models.tickets.blocks import record_blocks
from models.tickets.errors import TicketImportError
from models.tickets.reading import CsvLayout, ends_with_newline, iter_chunks

REC = "_rec"
# Records per batch: the text of one batch is in memory at a time, the facts of all. The
# cells of a batch hold more than its text (measured: ~36 MB for 100,000 records of the
# 35-column Zendesk export, 17 columns read); 25,000 records cost about the same CPU.
BATCH_ROWS = 25_000
_CHUNK = 1 << 20


class Unreadable(Exception):
    """polars could not read a file the stdlib reader reads: read a normalised copy."""


def _cr_only(path: Path) -> bool:
    """Lines ended by a lone CR (Excel for Mac's "CSV (Macintosh)"), which polars does not
    split on."""
    with path.open("rb") as f:
        head = f.read(1 << 16)
    return b"\r" in head and b"\n" not in head


@contextmanager
def _source(path: Path, layout: CsvLayout, normalise: bool) -> Iterator[tuple[Path, str]]:
    """The file polars reads and its delimiter: ``path`` itself when it is UTF-8, else a
    UTF-8 copy in a temporary folder (polars reads UTF-8 only); with ``normalise`` the
    records as the stdlib reader reads them, written again by ``csv.writer`` (quotes inside
    unquoted fields, lone CR line ends). Copies are streamed, never held in memory."""
    if layout.encoding in ("utf-8", "utf-8-sig") and not normalise:
        yield path, layout.delimiter
        return
    with tempfile.TemporaryDirectory(prefix="journeymap-") as tmp:
        copy = Path(tmp) / "export.csv"
        with copy.open("w", encoding="utf-8", newline="") as out:
            if normalise:
                with path.open(encoding=layout.encoding, newline="") as src:
                    csv.writer(out).writerows(csv.reader(src, delimiter=layout.delimiter))
            else:
                decoder = codecs.getincrementaldecoder(layout.encoding)()
                with path.open("rb") as raw:
                    while chunk := raw.read(_CHUNK):
                        out.write(decoder.decode(chunk))
                    out.write(decoder.decode(b"", final=True))
        yield copy, "," if normalise else layout.delimiter


def _stdlib_verdict(path: Path, layout: CsvLayout) -> None:
    """Read the file with the stdlib reader, which raises the one-sentence error naming the
    line (a cut-off last line, a quote that never closes, malformed quoting)."""
    for _ in iter_chunks(path, layout):
        pass


def _frames(source: Path, layout: CsvLayout, delimiter: str, names: list[str]
            ) -> Iterator[pl.DataFrame]:
    """The cells of ``names`` and ``REC`` of every record (blank ones too), ``BATCH_ROWS`` or
    a little more at a time: polars reads the file a block of whole records at a time
    (``blocks``), so it never holds more than one block's text and one batch's cells."""
    width = len(layout.header)
    # polars takes a file's width from its header line, else from its first record: a block
    # that starts with a one-cell line (a report's footer) would be read one column wide
    header = (delimiter.join(f"c{i}" for i in range(width)) + "\n").encode()
    start = held = 0
    kept: list[pl.DataFrame] = []
    for number, block in enumerate(record_blocks(source, skip=layout.skip, names=header)):
        scan = pl.scan_csv(
            block, infer_schema=False, separator=delimiter,
            empty_string_is_null=False, truncate_ragged_lines=True,
            row_index_name=REC, row_index_offset=start,
            skip_lines=0 if number else layout.skip,
            new_columns=[f"c{i}" for i in range(width)],
        ).select(pl.col(REC).cast(pl.Int64), *names)
        for frame in scan.collect_batches(chunk_size=BATCH_ROWS):
            kept.append(frame)
            start += frame.height
            held += frame.height
            if held >= BATCH_ROWS:
                yield pl.concat(kept)
                kept, held = [], 0
    if kept:
        yield pl.concat(kept)


def iter_frames(path: Path, layout: CsvLayout, columns: list[int], footer: list[int],
                normalise: bool = False) -> Iterator[pl.DataFrame]:
    """The cells of ``columns`` (named ``c<index>``) and ``REC`` of every non-blank record,
    ``BATCH_ROWS`` records at a time (streamed: memory holds one batch of text); the record
    numbers of a report footer left out are added to ``footer``."""
    width = len(layout.header)
    # also the first column (a report footer's one cell) and the last (blank in a record
    # cut short, so a last line with fewer fields than the header is noticed)
    used = sorted({0, width - 1, *columns})
    names = [f"c{i}" for i in used]
    normalise = normalise or _cr_only(path)
    with _source(path, layout, normalise) as (source, delimiter):
        blank = pl.all_horizontal([pl.col(n) == "" for n in names])
        rest = [pl.col(n) == "" for n in names[1:]]
        seen_blank = False
        last: pl.DataFrame | None = None
        try:
            for frame in _frames(source, layout, delimiter, names):
                if last is not None:
                    yield last
                if width >= 3:
                    after = (blank.cast(pl.Int32).cum_sum() > 0) | pl.lit(seen_blank)
                    marks = frame.select((after & ~blank & pl.all_horizontal(rest)).alias("f"),
                                         blank.alias("b"))
                    seen_blank = seen_blank or bool(marks["b"].any())
                    footer.extend(frame.filter(marks["f"])[REC].to_list())
                    frame = frame.filter(~marks["f"])
                last = frame.filter(~blank)
        except pl.exceptions.PolarsError as exc:
            _stdlib_verdict(path, layout)
            if not normalise:
                raise Unreadable from None
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise TicketImportError(path, f"the CSV cannot be read ({first})",
                                    hint="export the file again") from None
    if last is not None:  # None: a header and no record (``engine`` refuses such a file)
        if last.height and not ends_with_newline(path, layout.encoding):
            if last[names[-1]][-1] == "":  # a record cut short: its last field is missing
                _stdlib_verdict(path, layout)
        yield last
