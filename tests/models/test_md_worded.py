"""Lines of our words around user texts are escaped from the texts' escapes (issue 18).

The moments of truth and the ownership risks are a thousand lines each on the
2,000-touchpoint bench map; escaping each whole line again (``md_cells.fill``)
cost ~10 M instructions per list.  ``md_worded`` joins the escapes of the names
with our words instead.  Whatever the names and words, each line must come out
as ``md_inline`` makes it of the whole line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import models.export.md_cells as md_cells
import models.export.md_text as md_text
from models.export.markdown import to_markdown
from models.export.md_cells import md_worded
from models.export.md_text import Cells, md_inline
from models.rules.handoffs import ownership_risks
from models.rules.moments import moments_of_truth
from tests.models.bench_map import build, read_map

# what a name may hold where it meets our words: entity and tag starts, markers, spaces
NAMES = st.one_of(st.text(max_size=10), st.lists(st.sampled_from(
    ["&", "&amp", "#", ";", "<", "<b", "@", "1.", "- ", "-", ">", " ", "\n", "\u2028",
     "\xa0", "|", "`", "*", "a", "Z", "9", "\\", "“"]), max_size=6).map("".join))
# our words: plain ones, and ones a line may not be joined around (syntax, digits, spaces)
WORDS = st.sampled_from(["“", "” (valley, sentiment -2): no card", " → ", " at “", "”: the",
                         "", " ", "1. ", "- ", "# ", "a|b", ";", "x@y", "Backstage handoff ",
                         "36 handoffs", "12.", "12.5 h", "9", "1234567890. ", "=", ">"])


@st.composite
def lines(draw: st.DrawFn) -> list[tuple[str, ...]]:
    """Runs of lines of one shape (as a section gives them), and shapes mixed."""
    out: list[tuple[str, ...]] = []
    for _ in range(draw(st.integers(0, 3))):
        size = draw(st.sampled_from([1, 3, 5, 2]))
        for _ in range(draw(st.integers(1, 4))):
            out.append(tuple(draw(NAMES if i % 2 else WORDS) for i in range(size)))
    return out


@settings(deadline=None, max_examples=600)
@given(lines(), st.booleans())
@example([("“", "Triage & Diagnosis", "” in ", "Touchpoint 1 | `x`", " has no owner.")], False)
@example([("“", "a &amp", "”;")], True)  # the next words would make the entity
@example([("“", "a <", "” to ", "x@y", ".")], False)  # an "@" turns every "<" into "&lt;"
@example([("“", "1. Call", "” at ", "- item", ".")], True)  # markers inside a line stay
@example([("“", " padded ", "”"), ("“", "", "”")], False)
@example([("", "1. Call", " first")], False)  # a name that starts the line
def test_each_line_is_the_whole_line_escaped(parts: list[tuple[str, ...]], held: bool) -> None:
    cells = Cells()
    if held:  # the names escaped already by the document's tables
        md_cells.fill(cells, [text for line in parts for text in line[1::2]])
    assert md_worded(cells, parts) == [md_inline("".join(line)) for line in parts]


def test_moments_and_risks_are_not_escaped_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bench.db"
    journey, portfolio = read_map(db, build(db, touchpoints=120, pains=20))
    moments = [m.text for m in moments_of_truth(journey)]
    # not "36 handoffs in this journey…": a line that starts with a number is escaped whole
    risks = [r.message for r in ownership_risks(journey) if r.kind != "too_many_handoffs"]
    assert len(moments) > 20 and len(risks) > 20  # both lists are long on this map
    escaped: list[str] = []
    escape = md_text.escape_marked

    def seen(text: str) -> str:
        escaped.append(text)
        return escape(text)

    monkeypatch.setattr(md_cells, "escape_marked", seen)
    monkeypatch.setattr(md_text, "escape_marked", seen)
    document = to_markdown(journey, today=dt.date(2024, 3, 20), portfolio=portfolio)
    # failed on 6021f6a: every moment and risk line went through the escaping whole
    assert not [line for line in [*moments, *risks] if any(line in text for text in escaped)]
    assert all(f"- {md_inline(line)}\n" in document for line in [*moments, *risks])
