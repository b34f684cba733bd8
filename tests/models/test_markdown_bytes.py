"""The file the CLI writes is the document's UTF-8, whichever sections are chosen (issue 18).

``markdown_chunks`` encodes the document section by section (an ASCII section is
a plain copy) instead of joining it into one ``str`` first, and hands the pieces
over unjoined; written one after another they must be
``to_markdown(...).encode("utf-8")`` exactly, blank lines between sections and
the last newline included.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.journey import Journey
from models.export.markdown import SECTIONS, markdown_chunks, to_markdown
from tests.models.bench_map import TODAY, build, read_map


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> tuple[Journey, list[Journey]]:
    db = tmp_path_factory.mktemp("bytes") / "bench.db"
    return read_map(db, build(db, touchpoints=40, pains=10))


@pytest.mark.parametrize("sections", [None, ["action-plan"], ["diagrams"], ["pains", "diagrams"],
                                      ["touchpoints"], ["method"], *([s] for s in SECTIONS)])
def test_the_bytes_are_the_document_s_utf8(bench: tuple[Journey, list[Journey]],
                                          sections: list[str] | None) -> None:
    journey, portfolio = bench
    text = to_markdown(journey, today=TODAY, sections=sections, portfolio=portfolio)
    data = b"".join(markdown_chunks(journey, today=TODAY, sections=sections, portfolio=portfolio))
    assert data == text.encode("utf-8")
    assert data.endswith(b"\n") and not data.endswith(b"\n\n")


def test_a_map_of_odd_text_writes_the_same_bytes(tmp_path: Path) -> None:
    db = tmp_path / "odd.db"
    journey, portfolio = read_map(db, build(db, touchpoints=12, pains=4))
    for n, tp in enumerate(journey.ordered_touchpoints()):
        tp.name = ["“quoted” →", "\ud800 lone", "plain", "é\u202e", "\x1b[31m", ""][n % 6]
    text = to_markdown(journey, today=TODAY, portfolio=portfolio)
    assert b"".join(markdown_chunks(journey, today=TODAY, portfolio=portfolio)) == text.encode()
