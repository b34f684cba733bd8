"""A card's projected effect as a lead types it: "30%", "-25%", or "-2m" of handle time.

The business case stores every effect as a percent (``models.vocab.EFFECT_KINDS``),
but a room says "two minutes faster", so minutes are turned into a share of the
minutes a contact takes on the pain point's channel, and the sentence that says
so is returned for the lead to check.  A bare number is a percent, except for
handle time, where "-2" could mean either and is refused rather than guessed.
"""

from __future__ import annotations

import re

from models.db.fields import FieldError
from models.rules.numbers import fmt_exact, fmt_number

_VALUE = re.compile(r"^\s*([+-]?\d{1,12}(?:\.\d{1,6})?)\s*(%|m|min|mins|minutes)?\s*$",
                    re.IGNORECASE)


def _option(kind: str) -> str:
    return "--" + kind.replace("_", "-")


def _g(value: float) -> str:
    """A number the lead typed, echoed in full (``:g`` wrote 1000000 as "1e+06")."""
    return fmt_exact(value)


def _signed(text: str) -> str:
    """A change written with its sign, "+5" / "-10" / "+0"."""
    return text if text.startswith("-") else "+" + text


def read_effect(kind: str, text: str, *, handle_minutes: float | None = None,
                channel: str = "") -> tuple[float, str]:
    """(percent to store, how it was read) for deflection, volume or handle_time.

    Raises ``FieldError`` with one sentence for anything else: a deflection
    outside 0-100 %, a volume change outside -100..+100 %, a handle-time cut
    larger than the contact, minutes without the channel's minutes.
    """
    match = _VALUE.match(text)
    unit = (match.group(2) or "").lower() if match else ""
    minutes = unit not in ("", "%")
    if match is None or (minutes and kind != "handle_time") or (kind == "handle_time"
                                                                 and not unit):
        wanted = ("minutes such as -2m or a percent such as -25%" if kind == "handle_time"
                  else "a percent such as 30%")
        raise FieldError(f"{_option(kind)} must be {wanted} (got {text!r}).")
    number = float(match.group(1))
    if kind == "deflection":
        if number > 100:
            raise FieldError(f"A deflection cannot be above 100 % (got {_g(number)} %).")
        if number < 0:
            raise FieldError(f"A deflection cannot be negative (got {_g(number)} %); for more "
                             f"contacts use --volume +{_g(-number)}%.")
        return number, f"deflection of {_g(number)} %"
    if kind == "volume":
        if number < -100:
            raise FieldError("A volume change cannot remove more than all the contacts "
                             f"(got {_g(number)} %).")
        if number > 100:
            raise FieldError(f"A volume change must be between -100 % and +100 % "
                             f"(got {_g(number)} %).")
        return number, f"volume change of {_signed(_g(number))} %"
    if not minutes:
        if not -100 <= number <= 100:
            raise FieldError(f"A handle-time change must be between -100 % and +100 % "
                             f"(got {_g(number)} %).")
        return number, f"handle-time change of {_signed(_g(number))} %"
    where = f"“{channel}”"
    if not channel:
        raise FieldError("--handle-time in minutes needs the pain point's channel, but its "
                         "touchpoint has no channel; give a percent such as -25%.")
    if handle_minutes is None or handle_minutes <= 0:
        raise FieldError(f"--handle-time in minutes needs the minutes a contact takes on "
                         f"{where} (journeymap costs ID \"{channel}\" COST --handle-minutes "
                         "N), or give a percent such as -25%.")
    share = round(number / handle_minutes * 100, 6)
    if share < -100:
        raise FieldError(f"A handle-time change cannot save more than the "
                         f"{_g(handle_minutes)} min a contact takes on {where} "
                         f"(got {_g(number)} min).")
    if share > 100:
        raise FieldError(f"A handle-time change must be between -100 % and +100 % of the "
                         f"{_g(handle_minutes)} min a contact takes on {where} "
                         f"(got {_signed(_g(number))} min).")
    return share, (f"handle-time change of {_signed(_g(number))} min of the "
                   f"{_g(handle_minutes)} min a contact takes on {where} = "
                   f"{_signed(fmt_number(share))} %")


def effect_words(kind: str, value: float | None) -> str:
    """A stored effect in words ("deflection of 30 %"); "no projected effect" when unset.

    The figure goes through ``fmt_number``, as the business case writes it, so a card and
    its business case never show the same effect as two different numbers."""
    if not kind or value is None:
        return "no projected effect"
    if kind == "deflection":
        return f"deflection of {fmt_number(value)} %"
    return f"{kind.replace('_', '-')} change of {_signed(fmt_number(value))} %"
