"""What a card's fix is worth: contacts, cost and agent hours per month, before and after.

A leader decides on these numbers, so each one carries the formula that made it,
with the map's own figures filled in ("1,240 contacts × (1 − 40 %) = 744"), and a
number the map cannot support is *not available* with the reason, never a guess.
Inputs are the pain point's monthly ticket volume, the cost and handle minutes of
its touchpoint's channel, and the card's projected effect (``models.vocab.EFFECT_KINDS``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.db.journey import Journey
from models.rules.cards import ordered_cards
from models.rules.counts import plural
from models.rules.numbers import fmt_number
from models.rules.outcomes import Outcome, outcome

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.cards import HypothesisCard, PainPoint
    from models.db.tables.method import ChannelCost


class Figure:
    """One number of the case with its formula, or the reason it is not available."""

    __slots__ = ("label", "value", "unit", "formula", "reason")

    def __init__(
            self, label: str, value: float | None, unit: str = "", formula: str = "",
            reason: str = "") -> None:
        self.label = label
        self.value = value
        self.unit = unit
        self.formula = formula
        self.reason = reason

    @property
    def available(self) -> bool:
        return self.value is not None

    @property
    def text(self) -> str:
        """"Saving: 14,880 per month (595 contacts × 25 = 14,880)" or "…: not available (why)"."""
        if self.value is None:
            return f"{self.label}: not available ({self.reason})"
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.label}: {_num(self.value)}{unit} ({self.formula})"


def _num(value: float) -> str:
    return fmt_number(round(value, 2))


NO_VOLUME = "no ticket volume recorded"  # a pain point's unknown volume; a real 0 is a figure


def _na(label: str, reason: str, unit: str = "") -> Figure:
    return Figure(label, None, unit, reason=reason)


class CardCase:
    """The projection of one card: what its pain point costs now and after the fix."""

    __slots__ = ("card", "pain", "channel", "contacts_before", "contacts_after", "cost_before",
                 "cost_after", "saving", "hours_before", "hours_after", "hours_saved", "notes",
                 "outcome")

    def __init__(
            self, card: HypothesisCard, pain: PainPoint, channel: str, contacts_before: Figure,
            contacts_after: Figure, cost_before: Figure, cost_after: Figure, saving: Figure,
            hours_before: Figure, hours_after: Figure, hours_saved: Figure, notes: list[str],
            outcome: Outcome | None) -> None:
        self.card = card
        self.pain = pain
        self.channel = channel
        self.contacts_before = contacts_before
        self.contacts_after = contacts_after
        self.cost_before = cost_before
        self.cost_after = cost_after
        self.saving = saving
        self.hours_before = hours_before
        self.hours_after = hours_after
        self.hours_saved = hours_saved
        self.notes = notes  # assumptions a leader should know
        # Projected vs measured once ticket readings exist (None before any import).
        self.outcome = outcome

    @property
    def figures(self) -> tuple[Figure, ...]:
        """What a reader is shown, in order: each difference after the two numbers it uses."""
        return (self.contacts_before, self.contacts_after, self.cost_before, self.cost_after,
                self.saving, self.hours_before, self.hours_after, self.hours_saved)


class BusinessCase:
    """Every card's projection and the totals over the cards that have the numbers."""

    __slots__ = ("cards", "contacts_avoided", "saving", "hours_saved", "notes")

    def __init__(
            self, cards: list[CardCase], contacts_avoided: Figure, saving: Figure,
            hours_saved: Figure, notes: list[str]) -> None:
        self.cards = cards
        self.contacts_avoided = contacts_avoided
        self.saving = saving
        self.hours_saved = hours_saved
        self.notes = notes


def _effect(card: HypothesisCard) -> tuple[str, float] | None:
    if not card.effect_kind or card.effect_value is None:
        return None
    return card.effect_kind, card.effect_value


def _contacts_after(volume: int, kind: str, value: float) -> Figure:
    label, unit = "Contacts after", "contacts/month"
    if kind == "deflection":
        if not 0 <= value <= 100:
            return _na(label, f"a deflection of {_num(value)} % is outside 0-100 %", unit)
        after = volume * (1 - value / 100)
        return Figure(label, after, unit,
                      f"{_num(volume)} contacts × (1 − {_num(value)} % deflected) = {_num(after)}")
    if kind == "volume":
        after = volume * (1 + value / 100)
        return Figure(label, after, unit,
                      f"{_num(volume)} contacts × (1 {_signed(value)} % volume) = {_num(after)}")
    return Figure(label, float(volume), unit,
                  f"{_num(volume)} contacts (a handle-time change keeps the count)")


def _signed(value: float) -> str:
    return f"+ {_num(value)}" if value >= 0 else f"− {_num(-value)}"


def _cost_row(journey: Journey, channel: str) -> tuple[ChannelCost | None, str]:
    if not channel:
        return None, "the pain point's touchpoint has no channel"
    row = journey.channel_cost(channel)
    if row is None or row.cost_per_contact is None:
        return None, f"no cost per contact set for channel “{channel}”"
    return row, ""


def card_case(journey: Journey, card: HypothesisCard) -> CardCase:
    """The projection of one card, every figure with its formula or its reason."""
    pain = journey.pain_point(card.pain_point_id)
    if pain is None:  # a card whose pain point was deleted under it: no volume, no channel
        from models.db.tables.cards import PainPoint

        pain = PainPoint(id=card.pain_point_id, workshop_id=0)
    tp = journey.touchpoint(pain.touchpoint_id)
    channel = tp.channel.strip() if tp is not None else ""
    volume = pain.ticket_volume
    effect = _effect(card)
    unit_c = "contacts/month"
    notes: list[str] = []
    if volume is None:
        before = _na("Contacts before", NO_VOLUME, unit_c)
        after = _na("Contacts after", NO_VOLUME, unit_c)
    else:
        before = Figure("Contacts before", float(volume), unit_c,
                        f"{_num(volume)} tickets/month on the pain point")
        after = (_contacts_after(volume, *effect) if effect is not None
                 else _na("Contacts after", "the card has no projected effect", unit_c))
    row, cost_why = _cost_row(journey, channel)
    if row is not None and not row.confirmed:
        notes.append(f"The cost for “{row.channel}” is a default the lead has not confirmed.")
    handle_factor = 1.0
    if effect is not None and effect[0] == "handle_time":
        handle_factor = 1 + effect[1] / 100
        notes.append("A handle-time change is assumed to change the cost per contact in "
                     "proportion to the minutes.")
    cost_b, cost_a, saving = _money(before, after, row, cost_why, handle_factor)
    minutes_row = journey.channel_cost(channel) if channel else None
    hours_b, hours_a, hours_s = _hours(before, after, minutes_row, channel, handle_factor)
    return CardCase(card, pain, channel, before, after, cost_b, cost_a, saving,
                    hours_b, hours_a, hours_s, notes, outcome(journey, card))


def _money(before: Figure, after: Figure, row: ChannelCost | None, why: str,
           factor: float) -> tuple[Figure, Figure, Figure]:
    unit = "per month"
    if row is None or row.cost_per_contact is None:
        return (_na("Cost before", why, unit), _na("Cost after", why, unit),
                _na("Saving", why, unit))
    price = row.cost_per_contact
    if before.value is None:
        cost_b = _na("Cost before", before.reason, unit)
    else:
        cost_b = Figure("Cost before", before.value * price, unit,
                        f"{_num(before.value)} contacts × {_num(price)} = "
                        f"{_num(before.value * price)}")
    if after.value is None:
        cost_a = _na("Cost after", after.reason, unit)
    else:
        scaled = f" × {_num(factor)} handle time" if factor != 1 else ""
        value = after.value * price * factor
        cost_a = Figure("Cost after", value, unit,
                        f"{_num(after.value)} contacts × {_num(price)}{scaled} = {_num(value)}")
    return cost_b, cost_a, _difference("Saving", cost_b, cost_a, unit)


def _hours(before: Figure, after: Figure, row: ChannelCost | None, channel: str,
           factor: float) -> tuple[Figure, Figure, Figure]:
    unit = "hours/month"
    if row is None or row.handle_minutes is None:
        why = (f"no handle minutes set for channel “{channel}”" if channel
               else "the pain point's touchpoint has no channel")
        return _na("Agent hours before", why, unit), _na("Agent hours after", why, unit), \
            _na("Agent hours saved", why, unit)
    minutes = row.handle_minutes

    def hours(label: str, contacts: Figure, per: float) -> Figure:
        if contacts.value is None:
            return _na(label, contacts.reason, unit)
        value = contacts.value * per / 60
        return Figure(label, value, unit,
                      f"{_num(contacts.value)} contacts × {_num(per)} min ÷ 60 = {_num(value)}")

    hours_b = hours("Agent hours before", before, minutes)
    hours_a = hours("Agent hours after", after, minutes * factor)
    return hours_b, hours_a, _difference("Agent hours saved", hours_b, hours_a, unit)


def _difference(label: str, before: Figure, after: Figure, unit: str) -> Figure:
    if before.value is None or after.value is None:
        return _na(label, before.reason or after.reason, unit)
    value = before.value - after.value
    return Figure(label, value, unit, f"{_num(before.value)} − {_num(after.value)} = {_num(value)}")


def _total(label: str, figures: list[Figure], unit: str) -> Figure:
    """The sum of the available figures; the formula says how many cards were left out,
    and how many of them because their pain point's volume is not recorded."""
    usable = [f for f in figures if f.value is not None]
    if not usable:
        return _na(label, "no card has the numbers for it yet", unit)
    value = sum(f.value or 0.0 for f in usable)
    parts = " + ".join(_num(f.value or 0.0) for f in usable)
    added = f"{parts} = {_num(value)}" if len(usable) > 1 else f"one card: {parts}"
    left_out = len(figures) - len(usable)
    skipped = f"; {plural(left_out, 'card')} without the numbers not counted" if left_out else ""
    unknown = sum(1 for f in figures if f.reason == NO_VOLUME)
    if unknown:
        whose = "whose pain point has" if unknown == 1 else "whose pain points have"
        skipped += f" ({plural(unknown, 'card')} {whose} no ticket volume recorded)"
    return Figure(label, value, unit, f"{added}{skipped}")


def business_case(journey: Journey) -> BusinessCase:
    """Every card in the rank order of its pain point (as the cards, tracker and plan
    list them), and the totals over what is available."""
    cases = [card_case(journey, card) for card in ordered_cards(journey)]
    avoided = [_difference("Contacts avoided", c.contacts_before, c.contacts_after,
                           "contacts/month") for c in cases]
    notes = sorted({note for case in cases for note in case.notes})
    return BusinessCase(
        cards=cases,
        contacts_avoided=_total("Contacts avoided", avoided, "contacts/month"),
        saving=_total("Saving", [c.saving for c in cases], "per month"),
        hours_saved=_total("Agent hours saved", [c.hours_saved for c in cases], "hours/month"),
        notes=notes,
    )
