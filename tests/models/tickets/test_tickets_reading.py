"""Reading in blocks: record numbers become the right file lines, blank and ragged rows are
fixed, and a cut-off last line is caught even when it starts a new block."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import reading
from models.tickets.errors import TicketImportError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_blocks_and_lines_with_quoted_newlines(tmp_path: Path) -> None:
    path = write(tmp_path, 'id,note\n1,"a\nb"\n\n2,x\n3,"c\r\nd"\n4,y\n')
    layout = reading.sniff(path)
    blocks = list(reading.iter_chunks(path, layout, size=2))
    rows = [row for _, block in blocks for row in block]
    assert rows == [["1", "a\nb"], ["2", "x"], ["3", "c\r\nd"], ["4", "y"]]
    numbers = [n for nums, _ in blocks for n in nums]
    assert reading.physical_lines(path, layout, set(numbers)) == {0: 2, 2: 5, 3: 6, 4: 8}


def test_ragged_rows_are_padded_or_cut(tmp_path: Path) -> None:
    path = write(tmp_path, "a,b,c\n1\n2,x,y,z\n,,\n")
    layout = reading.sniff(path)
    rows = [row for _, block in reading.iter_chunks(path, layout) for row in block]
    assert rows == [["1", "", ""], ["2", "x", "y"]]


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_cut_off_last_line_at_any_block_size(tmp_path: Path, size: int) -> None:
    path = write(tmp_path, "a,b,c\n1,x,y\n2,x,y\n3,x")
    with pytest.raises(TicketImportError) as info:
        list(reading.iter_chunks(path, reading.sniff(path), size=size))
    assert (info.value.line, info.value.column) == (4, "c")


def test_delimiters_and_encodings(tmp_path: Path) -> None:
    semi = tmp_path / "s.csv"
    semi.write_bytes("\ufeffid;name\r\n1;Zoë\r\n".encode())
    layout = reading.sniff(semi)
    assert (layout.delimiter, layout.encoding, layout.header) == (";", "utf-8-sig", ("id", "name"))
    tab = tmp_path / "t.tsv"
    tab.write_bytes("id\tname, with comma\n1\tx\n".encode("cp1252"))
    assert reading.sniff(tab).delimiter == "\t"
    latin = tmp_path / "l.csv"
    latin.write_bytes("id,name\n1,Zo\xeb\n2,\x81\n".encode("latin-1"))
    layout = reading.sniff(latin)
    assert layout.encoding == "latin-1" and "line 2" in layout.notes[0]


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 8, 1 << 20])
def test_the_encoding_check_at_any_read_size(tmp_path: Path, chunk: int,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole-file UTF-8 check skips pure-ASCII reads: a character split across two reads
    is still UTF-8, a lone lead byte before an ASCII read is not, and the line named is the
    one holding the first bad byte."""
    monkeypatch.setattr(reading, "_CHUNK", chunk)
    good = tmp_path / "good.csv"
    good.write_bytes("id,name\n1,Zoë Ærø\n2,x\n3,日本\n".encode())
    assert reading.detect_encoding(good) == ("utf-8", ())
    for data, line in ((b"id,name\n1,x\n2,y\n3,\xe9t\xe9\n4,z\n", 4),
                       (b"id,name\n1,x\n2,\xc3\n3,abcdef\n", 3),
                       (b"id,name\n1,x\n2,y\xc3", 3)):
        bad = tmp_path / "bad.csv"
        bad.write_bytes(data)
        codec, notes = reading.detect_encoding(bad)
        assert codec == "cp1252" and f"line {line})" in notes[0], (data, notes)
