"""A KPI named at the start of a signal reads in lower case inside the card's sentence.

Left by session 15: a drafted signal starts with the stage's KPI as the lead typed it
("Reopen rate falls from 18 % to 10 % within 30 days"), right on its own and in
"Measure impact: …", but the card's sentence read "… we succeeded when Reopen rate
falls …".  An acronym (CSAT, FCR, SLA, AHT) or a word with a capital inside it keeps
its letters; the signal as stored is unchanged.
"""

from __future__ import annotations

import pytest

from models.rules.cards import card_sentence, signal_clause

WHEN = "We will know we succeeded when "


@pytest.mark.parametrize(("signal", "clause"), [
    ("Reopen rate falls from 18 % to 10 % within 30 days",
     "reopen rate falls from 18 % to 10 % within 30 days"),
    ("The Follow-Up KPI falls from 18 % to 10 % within 30 days",
     "the Follow-Up KPI falls from 18 % to 10 % within 30 days"),
    ("Time to first response (TTFR) falls below 4 h",
     "time to first response (TTFR) falls below 4 h"),
    ("Fewer tickets about this (record a baseline and a target)",
     "we see fewer tickets about this (record a baseline and a target)"),
])
def test_a_common_noun_at_the_start_reads_in_lower_case(signal: str, clause: str) -> None:
    assert signal_clause(signal) == clause
    sentence = card_sentence({"experiment": "x", "outcome": "y", "signal": signal})
    assert sentence.endswith(f"{WHEN}{clause}."), sentence


@pytest.mark.parametrize("signal", [
    "CSAT rises from 3.1 to 4.2 within 30 days", "FCR rises from 60 % to 75 %",
    "SLA breaches fall by half", "AHT falls below 6 min", "eNPS rises by 10 points",
    "iOS crash tickets fall by 30%", "I18n tickets fall by half",
    "30% reduction in repeat contacts",
])
def test_acronyms_and_inner_capitals_keep_their_letters(signal: str) -> None:
    clause = signal_clause(signal)
    assert signal.split()[0] in clause.split(), clause
