"""Mermaid export: user text lexes as exactly one task, section or point, whatever it holds.

Checked against a transcription of Mermaid's own journey and gantt lexer rules (not
against hand-written strings), and through Mermaid's entity codes back to the typed
text.  Split from ``test_export_md.py``, which keeps the Markdown side.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings

from models.export.md_text import (
    mermaid_gantt,
    mermaid_journey,
    mermaid_journey_actor,
    mermaid_quadrant_point,
    one_line,
)
from tests.models.hostile_md import hostile_text

JS_SPACE = r"[\s\ufeff]"
JOURNEY_RULES = [
    ("comment", r"%%(?!\{)[^\n]*"), ("comment", r"[^}]%%[^\n]*"), ("NEWLINE", r"\n+"),
    ("skip", JS_SPACE + "+"), ("comment", r"#[^\n]*"), ("journey", "journey"),
    ("title", r"title\s[^#\n;]+"), ("acc", r"accTitle\s*:\s*"), ("acc", r"accDescr\s*:\s*"),
    ("acc", r"accDescr\s*\{\s*"), ("section", r"section\s[^#:\n;]+"),
    ("taskName", r"[^#:\n;]+"), ("taskData", r":[^#\n;]+"), (":", ":"), ("INVALID", "."),
]
GANTT_RULES = [
    ("directive", r"%%\{"), ("acc", r"accTitle\s*:\s*"), ("acc", r"accDescr\s*:\s*"),
    ("acc", r"accDescr\s*\{\s*"), ("comment", r"%%(?!\{)*[^\n]*"), ("comment", r"[^}]%%*[^\n]*"),
    ("NL", r"\n+"), ("skip", JS_SPACE + "+"), ("comment", r"#[^\n]*"), ("href", r"href\s+\""),
    ("call", r"call\s+"), ("click", r"click\s+"), ("gantt", "gantt"),
    ("dateFormat", r"dateFormat\s[^#\n;]+"), ("kw", "inclusiveEndDates"), ("kw", "topAxis"),
    ("kw", r"axisFormat\s[^#\n;]+"), ("kw", r"tickInterval\s[^#\n;]+"),
    ("kw", r"includes\s[^#\n;]+"), ("kw", r"excludes\s[^#\n;]+"),
    ("kw", r"todayMarker\s[^\n;]+"), ("kw", r"weekday\s[^#\n;]+"),
    ("date", r"\d\d\d\d-\d\d-\d\d"), ("title", r"title\s[^#\n;]+"),
    ("kw", r"accDescription\s[^#\n;]+"), ("section", r"section\s[^#:\n;]+"),
    ("taskTxt", r"[^#:\n;]+"), ("taskData", r":[^#\n;]+"), (":", ":"), ("INVALID", "."),
]


def encode_entities(text: str) -> str:
    """Mermaid's ``encodeEntities``, run on the whole diagram before any grammar sees it."""
    return re.sub(r"#\w+;", lambda m: ("\ufb02\u00b0\u00b0" if m.group()[1:-1].isdigit()
                                        else "\ufb02\u00b0") + m.group()[1:-1] + "\u00b6\u00df",
                  text)


def decode_entities(text: str) -> str:
    """What the picture shows: each encoded entity as its character, other text as typed."""
    import html

    def one(m: re.Match[str]) -> str:
        return chr(int(m.group(2))) if m.group(1) else html.unescape(f"&{m.group(2)};")

    return re.sub("\ufb02\u00b0(\u00b0)?(\\w+?)\u00b6\u00df", one, text)


def shown(label: str) -> str:
    return decode_entities(encode_entities(label))


def lex(line: str, rules: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Jison's default lexer: at each position the FIRST rule that matches wins."""
    line = encode_entities(line)
    compiled = [(name, re.compile(rx, re.IGNORECASE | re.ASCII if "\\s" in rx and
                                  name != "skip" else re.IGNORECASE)) for name, rx in rules]
    pos, out = 0, []
    while pos < len(line):
        for name, rx in compiled:
            m = rx.match(line, pos)
            if m and m.end() > pos:
                if name not in ("skip",):
                    out.append((name, m.group()))
                pos = m.end()
                break
    return out


@settings(deadline=None, max_examples=300)
@given(hostile_text, hostile_text)
@example("a" * 58 + " " + "b" * 5, "Tier 1")  # cut just after a space: 58 letters and "…"
def test_journey_task_and_section_lex_as_one_task_and_one_section(name: str, team: str) -> None:
    task = lex(f"        {mermaid_journey(name)}: 3: {mermaid_journey_actor(team)}", JOURNEY_RULES)
    assert [t for t, _ in task] == ["taskName", "taskData"]
    assert decode_entities(task[0][1].strip()) == shown(mermaid_journey(name))
    assert task[1][1].split(":")[1].strip() == "3"
    assert len(task[1][1].split(":")) == 3 and "," not in task[1][1]
    section = lex(f"    section {mermaid_journey(name)}", JOURNEY_RULES)
    assert [t for t, _ in section] == ["section"]
    whole = one_line(name.replace("\ufeff", " "))
    if len(whole) > 60:
        cut = shown(mermaid_journey(name))
        assert cut.endswith("…") and len(cut) <= 60
        assert whole.startswith(cut[:-1])
    elif whole:
        assert shown(mermaid_journey(name)) == whole


@settings(deadline=None, max_examples=300)
@given(hostile_text)
def test_gantt_task_lexes_as_one_task(name: str) -> None:
    tokens = lex(f"    {mermaid_gantt(name)} :done, t1, 2024-03-01, 14d", GANTT_RULES)
    assert [t for t, _ in tokens] == ["taskTxt", "taskData"]
    assert [t for t, _ in lex(f"    section {mermaid_gantt(name)}", GANTT_RULES)] == ["section"]


@settings(deadline=None, max_examples=300)
@given(hostile_text)
def test_quadrant_point_name_is_one_quoted_string(name: str) -> None:
    line = encode_entities(f"    {mermaid_quadrant_point(name)}: [0.2, 0.8]")
    assert re.fullmatch(r'    "[^"\n`]+": \[0\.2, 0\.8\]', line)
    assert "%" not in line


def test_mermaid_text_is_exact_through_entity_codes() -> None:
    for word in ("section end", "title page", "excludes weekends", "click me", "2024-01-01"):
        out = mermaid_gantt(word)
        assert out.startswith("#") and shown(out) == word
    assert mermaid_gantt("5% fewer") == "5#37; fewer"
    assert mermaid_journey("Journeyman") == "#74;ourneyman"
    assert mermaid_journey("Calls support") == "Calls support"  # "call" is gantt-only
    assert mermaid_journey("Search: help #1; now") == "Search#58; help #35;1#59; now"
    assert shown(mermaid_journey("{{ x }} -> \"y\" #58;")) == "{{ x }} -> \"y\" #58;"
    assert shown(mermaid_journey_actor("Tier 1, Tier 2")) == "Tier 1, Tier 2"
