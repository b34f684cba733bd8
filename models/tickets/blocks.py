"""A CSV file in blocks of whole records, so polars never holds more of it than one block.

polars' reader, given a path, maps and reads the whole file (measured: a row count alone of a
101 MB export peaks at 163 MB RSS, the columns an import reads at 258 MB), so an import's
memory grew with the file. Handed one block of bytes at a time it holds that block only.

A block ends at the line end after which the number of quote characters read so far is even.
That is how RFC 4180 records end: a quote inside a quoted cell is doubled, so a line end
inside a quoted cell (a Subject with a newline) always follows an odd number of quotes, and
only the line end after the record's last cell follows an even one. It is the count polars
itself uses to split a file among its threads. A file that breaks the rule (a lone quote
inside an unquoted cell) may be cut inside a quoted cell: polars then refuses the block (a
quote that never closes), and ``load`` reads the file again as the stdlib reader reads it,
written out by ``csv.writer``, which follows the rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

# Bytes read at a time: polars' peak while parsing a block is several times its size
# (measured: 1 MB blocks 84 MB peak, 4 MB 115 MB, 16 MB 202 MB), at the same CPU.
BLOCK_BYTES = 2 << 20
_QUOTE = ord('"')


def _record_end(data: bytes) -> int:
    """The index just past the last line end of ``data`` that ends a record, or 0 when no
    line end does (``data`` starts where a record starts)."""
    end = data.rfind(b"\n")
    quotes = data.count(_QUOTE, 0, end) if end >= 0 else 0
    while end >= 0 and quotes & 1:
        before = data.rfind(b"\n", 0, end)
        quotes -= data.count(_QUOTE, max(before, 0), end)
        end = before
    return end + 1


def _holds_header(block: bytes, skip: int) -> bool:
    """Whether ``block`` holds a line that is not blank past its first ``skip`` lines (a
    report's title block): the column names, whole, as the block ends where a record ends."""
    rest = block.split(b"\n", skip)
    return len(rest) > skip and bool(rest[-1].strip())


def record_blocks(path: Path, size: int | None = None, skip: int = 0, names: bytes = b""
                  ) -> Iterator[bytes]:
    """The bytes of ``path`` in order, each block ending where a record ends (the last one
    where the file ends), every block after the first led by ``names`` (a line of column
    names); a block is ``size`` bytes or less, unless one record is longer or the first
    block needs more to hold the column names after ``skip`` title lines.

    Each block is read once from where the last one ended (the file is read again from there,
    not carried over and joined), and put behind ``names`` in one copy."""
    size = size or BLOCK_BYTES
    want, first = size, True
    with path.open("rb") as f:
        while data := f.read(want):
            last = len(data) < want  # the rest of the file
            end = len(data) if last else _record_end(data)
            if not last and (not end or first and not _holds_header(data[:end], skip)):
                f.seek(-len(data), 1)
                want *= 2  # one record, or the title and the column names, longer than that
                continue
            f.seek(end - len(data), 1)
            if first:
                yield data if end == len(data) else data[:end]
            else:
                yield b"".join((names, memoryview(data)[:end]))
            want, first = size, False
