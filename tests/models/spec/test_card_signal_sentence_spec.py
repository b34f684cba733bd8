"""The last sentence of every card reads as a sentence a workshop lead would say.

Rule: the words after "We will know we succeeded when" are a clause.  A clause has
a finite verb: a form of be/have, a verb in -s ("drops", "waits"), "see" after
"we", or a bare movement verb followed by how it moves ("calls drop by 25%").
Quoted words are the customer's, not the sentence's ("Is it really fixed?").  A
movement word after a quantity or an article is a noun ("a 50% drop in calls"),
not a verb.  A measure that opens a noun phrase ("30% reduction") has the article
English gives it ("a 30% reduction", "an 8% drop").  "we see" comes before a
noun phrase only, never before a clause of its own.  The signal does not open
with a capital unless it is an acronym ("CSAT").  The lead's words are kept as typed.
"""

from __future__ import annotations

import re

import pytest

from models.export.templates import load_template, template_names
from models.rules.cards import card_sentence

WHEN = "We will know we succeeded when "
_VERB = re.compile(r"(?i)\b(?:is|are|has|have|will|can|does|stays|remains|drops|falls|rises"
                   r"|increases|improves|reaches|waits|we see)\b")
_MOVED = re.compile(r"(?i)(?<!% )(?<!\ba )(?<!\ban )\b(?:drop|fall|rise|increase|improve"
                    r"|reach|go)\s+(?:by|from|to|below|under|above|over)\b")
_MEASURE = re.compile(r"(?i)(?:(an?) )?(\d[\d,.]*)(?: ?%|-[a-z]+) "
                      r"(?!fewer|more|less|lower|higher|of)")


def reads_as_clause(sentence: str) -> str:
    """"" when the "when …" part follows the rule above, else what is wrong with it."""
    assert WHEN in sentence
    clause = sentence.split(WHEN, 1)[1].rstrip(".")
    unquoted = re.sub(r"\"[^\"]*\"|“[^”]*”|(?<!\w)'[^']*'(?!\w)", " ", clause)
    if not (_VERB.search(unquoted) or _MOVED.search(unquoted)):
        return f"no finite verb: {clause!r}"
    words = clause.removeprefix("we see ")
    rest = unquoted.removeprefix("we see ")
    if words != clause and (_VERB.search(rest) or _MOVED.search(rest)):
        return f"a second verb after \"we see\": {clause!r}"
    measure = _MEASURE.match(words)
    if measure is not None:
        number = measure.group(2)
        wants = "an" if re.match(r"8|1[18](?!\d)", number) else "a"
        if (measure.group(1) or "").lower() != wants:
            return f"{wants!r} belongs before {number}: {clause!r}"
    first = words.split()[0] if words.split() else ""
    if first[:1].isupper() and not first.isupper():
        return f"a capital mid-sentence: {clause!r}"
    return ""


def _cards(name: str) -> list[dict[str, str]]:
    data = load_template(name)
    pains = [p for s in data["stages"] for tp in s.get("touchpoints", [])
             for p in tp.get("pain_points", [])] + data.get("pain_points", [])
    return [p["card"] for p in pains if p.get("card")]


@pytest.mark.parametrize("name", template_names())
def test_every_template_card_ends_in_a_clause(name: str) -> None:
    wrong = [reads_as_clause(card_sentence(card)) for card in _cards(name)]
    assert [w for w in wrong if w] == []


@pytest.mark.parametrize(("typed", "reads"), [
    ("30% reduction in repeat contacts", "we see a 30% reduction in repeat contacts"),
    ("repeat contacts fall by 30%", "repeat contacts fall by 30%"),
    ("8% drop in reopened tickets", "we see an 8% drop in reopened tickets"),
    ("an 18-point CSAT improvement", "we see an 18-point CSAT improvement"),
    ("30% fewer repeat contacts", "we see 30% fewer repeat contacts"),
    ("90% of stalled accounts are contacted by day 15",
     "90% of stalled accounts are contacted by day 15"),
    ("bot abandonment drops by 40%", "bot abandonment drops by 40%"),
    ("CSAT above 4.5", "we see CSAT above 4.5"),
    ("no request waits more than 1 hour", "no request waits more than 1 hour"),
])
def test_what_leads_type_reads_either_way(typed: str, reads: str) -> None:
    sentence = card_sentence({"experiment": "x", "outcome": "y", "signal": typed})
    assert sentence.endswith(f"{WHEN}{reads}.")
    assert reads_as_clause(sentence) == ""


def test_an_empty_signal_still_shows_the_gap() -> None:
    sentence = card_sentence({"experiment": "x", "outcome": "y", "signal": " "})
    assert sentence.endswith(f"{WHEN}….")
