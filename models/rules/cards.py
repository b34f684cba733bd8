"""Hypothesis cards: drafting one from a pain point, phrasing it, flagging gaps.

A card is the bridge from "this hurts" to an accountable experiment.  Drafting
pre-fills it from the pain point and its stage KPI so the room edits a concrete
sentence instead of staring at an empty form, and the signal names a number so
that a month later someone can say whether it worked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from models.db.journey import Journey
from models.rules.kpis import match_kpi
from models.rules.memo import per_journey
from models.rules.numbers import fmt_kpi
from models.rules.priority import rank_pain_points

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM

    from models.db.tables.cards import HypothesisCard, PainPoint
    from models.db.tables.workshop import Stage

CARD_PARTS: tuple[str, ...] = ("experiment", "outcome", "signal")
EMPTY_PART = "…"
MEASURE_WINDOW = "within 30 days"

# KPI direction.  Checked in this order: the "higher" phrases first because some
# of them contain "lower" words ("first contact resolution" vs "resolution time").
# Patterns, not compiled here: ``re`` compiles and keeps them on first use (~0.1 ms each),
# and only a KPI name outside the catalogue needs them (an export of a map without
# one does not pay for them).
_HIGHER = (r"(?i)first contact resolution|\bfcr\b|\bcsat\b|satisfaction|\bnps\b|promoter"
           r"|deflection|search-to-ticket|self-service|containment|retention|renewal"
           r"|resolution rate|adoption|success rate")
_LOWER = (r"(?i)time|effort|\bces\b|reopen|escalation|backlog|wait|delay|abandon|churn"
          r"|transfer|repeat|handoff|recontact|cost|\baht\b|\bttr\b|\bfrt\b")
_MEASURABLE = re.compile(r"\d|%")


def lower_is_better(kpi_name: str) -> bool | None:
    """True if a smaller value of this KPI is better, False if larger is, None if unknown.

    Times, effort (a high CES means customers work too hard), reopen, escalation
    and backlog go down when support gets better; FCR, CSAT, deflection and NPS
    go up.  The one place that knowledge lives, for card signals and the review:
    a catalogue KPI (``models.rules.kpis``) says so itself, other names by their words.
    """
    info = match_kpi(kpi_name)
    if info is not None:
        return info.lower_is_better
    if re.search(_HIGHER, kpi_name):
        return False
    if re.search(_LOWER, kpi_name):
        return True
    return None


def _clean(text: str) -> str:
    """A part of a sentence: no surrounding space, no trailing full stops."""
    return text.strip().rstrip(".").rstrip()


def _kpi_signal(stage: Stage) -> str:
    """"Reopen rate falls from 18 % to 10 % within 30 days", or "" without figures."""
    name = stage.kpi_name.strip() or f"The {stage.name.strip() or 'stage'} KPI"
    base, target, unit = stage.kpi_baseline, stage.kpi_target, stage.kpi_unit
    if base is not None and target is not None and base != target:
        verb = "falls" if target < base else "rises"
        return (f"{name} {verb} from {fmt_kpi(base, unit)} to {fmt_kpi(target, unit)} "
                f"{MEASURE_WINDOW}")
    if target is not None:
        return f"{name} reaches {fmt_kpi(target, unit)} {MEASURE_WINDOW}"
    if base is not None:
        lower = lower_is_better(name)
        if lower is None:
            return f"{name} improves on its baseline of {fmt_kpi(base, unit)} {MEASURE_WINDOW}"
        side = "below" if lower else "above"
        verb = "falls" if lower else "rises"
        return f"{name} {verb} {side} {fmt_kpi(base, unit)} {MEASURE_WINDOW}"
    return ""


def _signal(stage: Stage | None, pain: PainPoint) -> str:
    """KPI figures first, then the pain's own ticket volume, else an honest prompt."""
    if stage is not None:
        signal = _kpi_signal(stage)
        if signal:
            return signal
    if pain.ticket_volume:  # neither 0 nor unknown: half of nothing is no signal
        half = pain.ticket_volume // 2
        return (f"tickets about this fall from {pain.ticket_volume:,} to {half:,} a month "
                f"{MEASURE_WINDOW}")
    if stage is not None and stage.kpi_name.strip():
        return f"{stage.kpi_name.strip()} improves (record its baseline and target)"
    return "fewer tickets about this (record a baseline and a target)"


def draft_card(journey: Journey, pain: PainPoint) -> dict[str, str]:
    """Pre-filled experiment, outcome and signal for one pain point.

    Experiments are phrased as gerunds ("removing the repeat step …") so the
    sentence "We believe removing … will result in …" reads naturally and the
    same text works as a plan task title.
    """
    tp = journey.touchpoint(pain.touchpoint_id)
    stage = journey.stage_of(tp)
    what = _clean(pain.description) or "this pain point"
    where = (tp.name.strip() if tp is not None else "") or (
        stage.name.strip() if stage is not None else "") or "this step"
    in_stage = f" in {stage.name.strip()}" if stage is not None and stage.name.strip() else ""
    if pain.kind == "loop":
        experiment = f"removing the repeat step at {where} ({what})"
        outcome = f"fewer repeat contacts and less customer effort{in_stage}"
    elif pain.kind == "dead_end":
        experiment = f"giving customers a clear next step at {where} ({what})"
        outcome = f"fewer abandoned requests and escalations{in_stage}"
    elif pain.kind == "branch":
        experiment = f"automating or simplifying the manual step at {where} ({what})"
        outcome = f"faster resolution with fewer handoffs{in_stage}"
    else:
        experiment = f"fixing “{what}” at {where}"
        outcome = f"less friction and fewer tickets{in_stage}"
    root = _clean(pain.root_cause)
    if root:  # a finished five-whys chain: the card fixes the cause, not the symptom
        experiment = f"fixing the root cause at {where}: {root}"
    return {"experiment": experiment, "outcome": outcome, "signal": _signal(stage, pain)}


def _part(card: Any, name: str) -> str:
    value = card.get(name, "") if isinstance(card, Mapping) else getattr(card, name, "")
    return str(value or "")


# A signal is a clause when it holds a finite verb: a form of be/have or a modal, a
# verb in -s ("drops", "waits"), or a bare movement verb followed by how it moves
# ("calls drop by 25%").  "drop", "rise" … with nothing after them or "in"/"on" after
# them are nouns ("a 50% drop in calls").  Word sets, not one big pattern: a set
# lookup per word is several times cheaper than an alternation and costs nothing
# at import.
_FINITE = frozenset(
    "is are was were has have had will would can could should must does do stay stays "
    "remain remains drops falls rises increases decreases improves grows shrinks goes "
    "reaches halves doubles triples declines climbs waits exceeds hits takes needs "
    "sinks jumps gets tops".split())
_MOVERS = frozenset("drop fall rise increase decrease improve grow shrink go reach halve "
                    "double triple decline climb wait exceed hit take sink jump get".split())
_HOW = frozenset("by from to below under above over within beneath".split())
# Quoted words are the customer's ("Is it really fixed?"), not the sentence's verbs.
# Curly quotes are cut by str.find: a pattern holding a character beyond U+00FF
# compiles a 65,536-entry map (tests/cli/test_cli_export_domain.py).
_QUOTE_PAIRS = (('"', '"'), ("“", "”"), ("‘", "’"))
_SINGLE_QUOTED = r"(?<!\w)'[^']*'(?!\w)"
# "30% reduction", "2-day reduction", "15-point CSAT improvement": a measure that
# needs an article; "30% fewer tickets", "90% of accounts" do not.
_MEASURE_FIRST = r"(?i)(\d[\d,.]*)(?:\s?%|-[a-z]+)\s+(?!(?:fewer|more|less|lower|higher|of)\b)"
_AN_NUMBER = r"8|1[18](?:$|[^\d,.]|,\d{3}(?!\d))"


def _unquoted(text: str) -> str:
    """The text with every quoted passage replaced by a space."""
    for left, right in _QUOTE_PAIRS:
        start = text.find(left)
        while start >= 0:
            end = text.find(right, start + 1)
            if end < 0:
                break
            text = f"{text[:start]} {text[end + 1:]}"
            start = text.find(left, start + 1)
    return re.sub(_SINGLE_QUOTED, " ", text) if "'" in text else text


def _is_clause(signal: str) -> bool:
    """Whether the signal holds a finite verb outside the customer's quoted words."""
    signal = _unquoted(signal)
    words = re.findall(r"[a-z]+", signal.lower())
    return any(w in _FINITE or (w in _MOVERS and nxt in _HOW)
               for w, nxt in zip(words, [*words[1:], ""], strict=False))


def _inside_sentence(signal: str) -> str:
    """The signal as words inside a sentence: a first word written capital-then-lower
    ("Reopen rate …", "The Follow-Up KPI …") starts it in lower case, as it began the
    signal only because the signal stands alone.  An acronym (CSAT, FCR, SLA), a word
    with a capital or a digit inside (eNPS, iOS, I18n) and "I" keep their letters."""
    first = signal.split(" ", 1)[0]
    word = first.rstrip(",;:")
    if len(word) > 1 and word[0].isupper() and word[1:].isalpha() and word[1:].islower():
        return signal[0].lower() + signal[1:]
    return signal


def signal_clause(signal: str) -> str:
    """What follows "We will know we succeeded when": a clause, whatever the lead typed.

    Leads type signals both as clauses ("repeat contacts fall by 30%") and as the
    noun phrases of a KPI table ("30% reduction in repeat contacts", the method's own
    examples).  "when 30% reduction in …" does not read, so a noun phrase gets a
    subject and a verb, "when we see a 30% reduction in …"; the text itself is kept
    as typed, but for a first capital that only began the signal (``_inside_sentence``).
    """
    signal = _inside_sentence(signal)
    if _is_clause(signal):
        return signal
    measure = re.match(_MEASURE_FIRST, signal) if signal[:1].isdigit() else None
    if measure is None:
        return f"we see {signal}"
    article = "an" if re.match(_AN_NUMBER, measure.group(1)) else "a"
    return f"we see {article} {signal}"


def card_sentence(card: HypothesisCard | Mapping[str, Any]) -> str:
    """The one phrasing every card has; empty parts show as "…" (never bracket markup)."""
    exp, out, sig = (_clean(_part(card, n)) or EMPTY_PART for n in CARD_PARTS)
    when = signal_clause(sig) if sig != EMPTY_PART else sig
    return f"We believe {exp} will result in {out}. We will know we succeeded when {when}."


def card_flags(card: HypothesisCard | Mapping[str, Any]) -> list[str]:
    """What stops a card from being accountable: no owner, no deadline, no number to check."""
    flags: list[str] = []
    if not _part(card, "owner").strip():
        flags.append("no owner")
    if isinstance(card, Mapping):
        deadline = card.get("deadline")
    else:
        deadline = getattr(card, "deadline", None)
    if deadline is None or deadline == "":
        flags.append("no deadline")
    if not _MEASURABLE.search(_part(card, "signal")):
        flags.append("signal not measurable")
    return flags


def create_card(store: Any, pain_id: int) -> HypothesisCard:
    """Draft and insert the card of a pain point; the existing card if it has one.

    ``store`` is a ``models.db.store.Store``.  One card per pain point: a second
    "create" (another seat, a double key press) returns the first card.
    """
    from sqlalchemy.exc import IntegrityError
    from sqlmodel import select

    from models.db.schema import StoreError
    from models.db.tables.cards import HypothesisCard, PainPoint

    with store.read() as s:
        pain = s.get(PainPoint, pain_id)
        existing = s.exec(select(HypothesisCard).where(HypothesisCard.pain_point_id == pain_id)
                          .order_by(HypothesisCard.id)).first()  # type: ignore[arg-type]
    if pain is None:
        raise StoreError("That pain point no longer exists (someone may have deleted it).")
    if existing is not None:
        return existing
    journey = store.load(pain.workshop_id)
    fresh = journey.pain_point(pain_id) or pain
    draft = draft_card(journey, fresh)
    try:
        return store.add(HypothesisCard(pain_point_id=pain_id, experiment=draft["experiment"],
                                        outcome=draft["outcome"], signal=draft["signal"]))
    except IntegrityError:  # another seat created it between our read and our write
        with store.read() as s:
            raced = s.exec(select(HypothesisCard)
                           .where(HypothesisCard.pain_point_id == pain_id)).first()
        if raced is None:
            raise
        return raced


def _ordered_cards(journey: Journey) -> list[HypothesisCard]:
    """Cards in the rank order of their pain points (cards of unknown pains last, by id)."""
    rank = {r.pain.id: r.rank for r in rank_pain_points(journey)}
    last = len(rank) + 1
    return sorted(journey.cards, key=lambda c: (rank.get(c.pain_point_id, last), c.id or 0))


ordered_cards = per_journey(_ordered_cards)  # a call, not a decorator: memo.py
