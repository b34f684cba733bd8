"""Sentences worded around escaped user text give exactly ``md_inline``'s bytes (issue 18).

``md_cells.md_sentence`` words a moment of truth or an ownership risk around the
escapes of the names it quotes instead of escaping the whole sentence.  That is
exact only for inert parts and for wordings whose own text holds no syntax, so
every wording the export sends through it is held here to ``md_inline`` on
hostile names, in every variant of its words.  The last test counts the
sentences an export still escapes whole: on main (before ``md_sentence``) every
moment and risk was (it failed there).
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from models.db.light_journey import Row
from models.export import md_cells, md_text
from models.export.markdown import to_markdown
from models.export.md_cells import Quoted, _inert, md_sentence
from models.export.md_text import Cells, md_inline
from models.rules.handoffs import _not_informed_words, _too_many_words, _unowned_words
from models.rules.moments import Moment
from tests.models.bench_map import TODAY, build, read_map

HOSTILE = st.lists(st.sampled_from(
    list("ab1-+=>.)#|*_[]~$`\\<&;@ !\t\n\r\x0b\x1b\x85\u2028\u202e\xa0\x00\x01›“é")
    + ["&amp;", "&#35;", "<b", "12.", "- ", "  ", "--", "==", "> ", "Tier 1", "a@b.c"]),
    max_size=8).map("".join)
PARTS = st.one_of(st.text(max_size=12), HOSTILE)


def _moment(name: str, flagged: bool, shape: str, gaps: list[str], carded: bool,
            sentiment: int) -> Moment:
    tp = Row("touchpoint", {"name": name, "sentiment": sentiment})
    return Moment(tp, "Stage", shape, flagged, "", [object()] if carded else [],  # type: ignore[list-item]
                  gaps)


@settings(deadline=None, max_examples=400)
@given(PARTS, st.booleans(), st.sampled_from(["", "peak", "valley"]),
       st.lists(st.sampled_from(["no owner", "no card", "not flagged as a moment of truth"]),
                max_size=3, unique=True), st.booleans(), st.integers(-2, 2))
@example("- Touchpoint 3 | `x`", True, "valley", [], False, -2)
@example("1. first", False, "peak", [], True, 2)
@example("AT&T", False, "peak", ["no owner"], False, 1)
@example("a <b", True, "", [], False, 0)
def test_a_moment_is_worded_around_its_escaped_name(
        name: str, flagged: bool, shape: str, gaps: list[str], carded: bool,
        sentiment: int) -> None:
    moment = _moment(name, flagged, shape, gaps, carded, sentiment)
    quoted = Quoted(Cells())
    assert md_sentence(quoted, moment.sentence, moment.name) == md_inline(moment.text)


@settings(deadline=None, max_examples=400)
@given(PARTS, PARTS, PARTS, st.booleans(), st.booleans())
@example("Tier 1", "Tier 2", "Touchpoint 3 | `x`", True, False)
@example("Triage & Diagnosis", "x &amp", "name&", False, True)
@example(" pad", "Tier 2 ", "", True, True)
def test_each_risk_is_worded_around_its_escaped_names(
        first: str, second: str, name: str, backstage: bool, discussed: bool) -> None:
    quoted = Quoted(Cells())
    for word, parts in ((_unowned_words, (name,)), (_unowned_words, (name, first)),
                        (partial(_not_informed_words, backstage, discussed),
                         (first, second, name)),
                        (partial(_too_many_words, 12, 5), ())):
        assert md_sentence(quoted, word, *parts) == md_inline(word(*parts)), (word, parts)


def _inert_by_definition(part: str) -> bool:
    """The docstring of ``_inert``, as plainly as it can be written."""
    return (part != "" and part == part.strip() and part.isprintable()
            and "&" not in part and "<" not in part
            and re.match(r"[-+=>]|\d", part) is None and not part[0].isdigit())


@settings(deadline=None, max_examples=500)
@given(PARTS)
@example("Tier 1")
@example("a\x7f")
@example("1a")
@example("é ")
def test_inert_is_its_definition(part: str) -> None:
    assert _inert(part) == _inert_by_definition(part)


def test_the_export_escapes_no_moment_or_risk_sentence_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bench.db"
    journey, portfolio = read_map(db, build(db, touchpoints=200, pains=50))
    escaped: list[str] = []
    fill, escape_one = md_cells.fill, md_text.Cells.__missing__

    def batched(cells: md_text.Cells, texts: object) -> None:
        texts = list(texts)  # type: ignore[call-overload]
        escaped.extend(texts)
        fill(cells, texts)

    def alone(self: md_text.Cells, text: str) -> str:
        escaped.append(text)
        return escape_one(self, text)

    monkeypatch.setattr(md_text.Cells, "__missing__", alone)
    for module in ("md_map", "md_method", "md_pains"):
        monkeypatch.setattr(f"models.export.{module}.fill", batched)
    document = to_markdown(journey, today=TODAY, portfolio=portfolio)
    sentences = [text for text in escaped if "has no owner team" in text
                 or "handoff" in text.casefold() or "sentiment " in text]
    assert "has no owner team" in document and "(valley, sentiment" in document
    # 195 on main ee3bf04 (every risk and moment), 6 here (those quoting a "&" stage)
    assert len(sentences) < 20, sentences[:5]
