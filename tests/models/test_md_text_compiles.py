"""The line-cleaning class of ``md_text`` is compiled only for a text that is not printable.

Why counted: ``re`` builds that class (controls, surrogates, separators, bidi
marks) into a 65,536-entry map in pure Python, ~4.3 M instructions, which every
export paid at import although a printable text can hold none of its characters
(issue 18).  A map of printable lines, multi-line notes included, must not
compile it; the first text that needs it compiles it once.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator

import pytest

from models.export import md_text
from models.export.md_cells import fill
from models.export.md_text import Cells, md_inline, one_line, split_lines
from tests.cli.console_probe import ROOT

# argv: the module to import, a text the patterns counted hold
IMPORT = """
import importlib, re, sys
module, mark = sys.argv[1:]
seen = []
_compile = re._compile
def counted(pattern, flags):
    if isinstance(pattern, str) and mark in pattern:
        seen.append(pattern)
    return _compile(pattern, flags)
re._compile = counted
importlib.import_module(module)
print(len(seen))
"""


def _compiled_at_import(module: str, mark: str) -> list[str]:
    """How many patterns holding ``mark`` importing ``module`` compiles (one number as
    printed), in a fresh process: in this one the module is imported already."""
    done = subprocess.run([sys.executable, "-c", IMPORT, module, mark], capture_output=True,
                          text=True, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_importing_the_escaping_compiles_no_surrogate_class() -> None:
    # "\u2028" (a line separator) is in the class, and a command line can carry it
    assert _compiled_at_import("models.export.md_text", "\u2028") == ["0"]


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The surrogate classes ``re`` compiles from here on (its cache and ours emptied)."""
    md_text._not_one_line.cache_clear()
    re.purge()
    seen: list[str] = []
    real = re._compile  # type: ignore[attr-defined]

    def counted(pattern: object, flags: int) -> object:
        if isinstance(pattern, str) and "\ud800" in pattern:
            seen.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re, "_compile", counted)
    yield seen
    md_text._not_one_line.cache_clear()


PRINTABLE = ["Touchpoint 1 | `x`", "  - item ", "Reset *now*", "<b> & &amp;", "12. twelve",
             "why?\nreally", "line one\r\nline two\n", "naïve café — “quoted”", ""]


def test_printable_lines_compile_nothing(compiles: list[str]) -> None:
    cells = Cells()
    fill(cells, PRINTABLE)
    for text in PRINTABLE:
        assert cells[text] == md_inline(text)
        md_text.clean_line(text.replace("\n", " ").replace("\r", " "))
        split_lines(text)
        one_line(text)
    assert compiles == []


def test_a_text_that_needs_cleaning_compiles_the_class_once(compiles: list[str]) -> None:
    assert md_inline("a\x1bb") == "a\u241bb"
    assert md_inline("tab\there") == "tab here"
    assert md_text.clean_line("x\u202ey") == "x\ufffdy"
    assert md_inline("lone \ud800") == "lone \ufffd"
    assert len(compiles) == 1


def test_importing_the_escaping_compiles_no_tag_pattern() -> None:
    # a map whose texts hold no "<" never needs it (the bench map's do not): ~0.4 M
    # instructions of every export's import (issue 18)
    assert _compiled_at_import("models.export.md_cells", "<(?!") == ["0"]


def test_a_tag_is_still_marked_in_a_line_and_in_a_batch() -> None:
    texts = ["<b>bold</b>", "a <- b", "3 < 4", "<x", "mail <a@b.c>"]
    cells = Cells()
    fill(cells, texts)
    assert [cells[t] for t in texts] == [md_inline(t) for t in texts] == [
        "&lt;b>bold&lt;/b>", "a <- b", "3 < 4", "&lt;x", "mail &lt;a@b.c>"]
