"""Checking and converting values typed by a person before they reach the database.

The TUI sends strings; the CLI, templates and imports send typed values.  One
function, ``coerce``, turns either into the column's type or raises
``FieldError`` with a sentence the user can act on, so every entry path rejects
bad input the same way and nothing half-valid is ever stored.
"""

from __future__ import annotations

import datetime as dt
import math
import typing
from typing import TYPE_CHECKING, Any

from models.vocab import (
    ACTORS,
    CARD_STATUSES,
    DATE_SPAN,
    EFFECT_KINDS,
    LANES,
    METHOD_VIEWS,
    OCC_EMOTIONS,
    PAIN_KINDS,
    ROLES,
    SOURCES,
    STEPS,
    WORKSHOP_STATES,
)

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from sqlmodel import SQLModel

MAX_TEXT = 20_000  # characters in one field; more is almost certainly a paste accident
# Dates a workshop can mean (vocab.DATE_SPAN, which the clock also honours); named in the error.
DATE_MIN, DATE_MAX = (dt.date.fromisoformat(day) for day in DATE_SPAN)
DATE_RANGE = f"{DATE_MIN.isoformat()} and {DATE_MAX.isoformat()}"


class FieldError(ValueError):
    """A value that does not fit its field; the message names field and problem."""


_CHOICES: dict[str, tuple[str, ...]] = {
    "kind": PAIN_KINDS,
    "lane": LANES,
    "status": CARD_STATUSES,
    "role": ROLES,
    "state": WORKSHOP_STATES,
    "actor": ACTORS,
    "emotion": OCC_EMOTIONS,
    "effect_kind": EFFECT_KINDS,
    # the step a workshop re-opens at, a seat is on, a timer runs for, everyone was
    # brought to: a hand-edited backup's "nope" was listed as a step
    "current_step": STEPS,
    "done_step": STEPS,
    "timer_step": STEPS,
    "gather_step": STEPS,
}
# Choices that may stay unsaid: an untagged touchpoint, a card with no projection, no
# step said done, no timer running, nobody brought anywhere.
_BLANK_OK = frozenset({"actor", "emotion", "effect_kind", "done_step", "timer_step",
                       "gather_step"})
# Number fields with a range (inclusive); "%" typed after a number is read as percent.
_FLOAT_RANGES: dict[str, tuple[float, float, str]] = {
    "cost_per_contact": (0.0, 1e9, "0 or more"),
    "handle_minutes": (0.0, 1e6, "0 or more"),
    "effect_value": (-100.0, 100.0, "between -100 and 100 (percent)"),
    "bot_deflection_rate": (0.0, 1.0, "between 0 and 1 (or 0 % to 100 %)"),
}
_PERCENT_AS_SHARE = frozenset({"bot_deflection_rate"})  # "35 %" is stored as 0.35
MAX_WHYS = 5
_RANGES: dict[str, tuple[int, int]] = {
    "sentiment": (-2, 2),
    "impact": (1, 3),
    "effort": (1, 3),
    "ticket_volume": (0, 10**9),
    "evidence_ticket_volume": (0, 10**9),
    "votes": (0, 10**6),
    "votes_per_participant": (0, 99),
    "step_minutes": (1, 600),
    "max_handoffs": (0, 999),
    "response_sla_minutes": (1, 10**6),
    "update_every_minutes": (1, 10**6),
}
# Columns that hold a person's name, by what the refusal calls them: a name is matched,
# granted and printed in the change log and exports, so it holds no control character.
NAME_KEYS: dict[tuple[str, str], str] = {
    ("Participant", "name"): "seat name", ("Invite", "name"): "seat name",
    ("Vote", "participant"): "seat name", ("Workshop", "lead"): "lead's name",
    ("HypothesisCard", "owner"): "card owner", ("PlanTask", "owner"): "task owner",
}
# What the one refusing sentence offers when the name is the person at the terminal's.
WHO_FIX = "set JOURNEYMAP_USER (or --as) to a name without one"
_WORDS = {"loop": "loop", "branch": "branch", "dead end": "dead_end", "dead-end": "dead_end",
          "in progress": "in_progress", "in-progress": "in_progress"}


def stored_rule(column: str) -> tuple[tuple[str, ...] | None, tuple[float, float] | None]:
    """(the words ``column`` may hold, the range its number must be in), each None when free.

    The same rules ``coerce`` applies on the way in, for what is read back out of a
    file another hand may have written (``models.db.bad_cells``).
    """
    choices = _CHOICES.get(column)
    if choices is not None and column in _BLANK_OK:
        choices = ("", *choices)
    if column == "source":
        choices = SOURCES
    if column == "current_step":  # a seat on Moments was stored as "moments" before
        choices = (*STEPS, *METHOD_VIEWS)  # session 13: sound, and it re-opens on Scope
    span = _RANGES.get(column) or _FLOAT_RANGES.get(column)
    return choices, (None if span is None else (float(span[0]), float(span[1])))


def label(field: str) -> str:
    return field.replace("_", " ")


def _column_type(model: type[SQLModel], field: str) -> Any:
    info = model.model_fields.get(field)
    if info is None:
        raise FieldError(f"{model.__name__} has no field {field!r}.")
    return info.annotation


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the column's Python type, whether None is allowed) from ``X`` or ``Optional[X]``.

    Real types, not their text: ``str(Optional[date])`` reads "datetime.date", which a
    substring test would take for a datetime.
    """
    args = typing.get_args(annotation)
    if type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return (rest[0] if len(rest) == 1 else annotation), True
    return annotation, False


def coerce(model: type[SQLModel], field: str, value: Any) -> Any:
    """Return ``value`` converted to the type of ``model.field``, or raise FieldError."""
    base, optional = _unwrap(_column_type(model, field))
    if isinstance(value, str):
        key = NAME_KEYS.get((model.__name__, field))
        if key is not None:
            check_name(key, value)
        _check_text(field, value)
        if base is not str or field in _CHOICES:
            value = value.strip()
        if value == "" and optional:
            return None
    if value is None:
        if optional:
            return None
        raise FieldError(f"{label(field)} cannot be empty.")
    if field == "five_whys":
        return _to_whys(value)
    if field in _BLANK_OK and str(value).strip() == "":
        return ""
    if field == "source":
        if str(value).strip().lower() not in SOURCES:
            raise FieldError('source must be "added" or left out.')
        return str(value).strip().lower()
    if field in _CHOICES:
        word = _WORDS.get(str(value).strip().lower(), str(value).strip().lower())
        if word not in _CHOICES[field]:
            choices = ", ".join(c.replace("_", " ") for c in _CHOICES[field])
            raise FieldError(f"{label(field)} must be one of: {choices}.")
        return word
    if base is bool:
        return _to_bool(field, value)
    if base is dt.datetime:
        return _to_datetime(field, value)
    if base is dt.date:
        return _to_date(field, value)
    if base is int:
        return _to_int(field, value)
    if base is float:
        return _to_float(field, value)
    text = str(value)
    if len(text) > MAX_TEXT:
        raise FieldError(f"{label(field)} is longer than {MAX_TEXT:,} characters.")
    return text


def _check_text(field: str, value: str) -> None:
    """Refuse what cannot be stored and shown exactly, rather than change it silently.

    A NUL would be cut by terminals, CSV and calendar readers, and an unpaired
    surrogate (possible in JSON's ``\\ud800``) cannot be encoded at all; both are
    refused with the field named, the same for typed, JSON and TOML input.
    """
    if "\x00" in value:
        raise FieldError(f"{label(field)} contains a NUL character, which journeymap "
                         "does not store; remove it.")
    try:
        value.encode()  # UTF-8
    except UnicodeEncodeError as exc:
        raise FieldError(f"{label(field)} contains an unpaired surrogate "
                         f"({value[exc.start]!a}), which is not valid text.") from None


def check_name(key: str, name: str, fix: str = "type it without one") -> str:
    """``name`` when it holds no control character (C0, DEL, C1), else one sentence.

    Why refused rather than cleaned: a name is an identity (a grant, a seat, an owner's
    items), and an escape sequence in it reaches every terminal that prints the change
    log or an export.  Tabs and newlines count too: a name is one line.  The name is
    shown escaped (``repr``), so the sentence itself carries no control character.
    Unicode's stability policy fixes category ``Cc`` at exactly these code points
    (U+0000-001F, U+007F-009F), so the check needs no ``unicodedata``, which an export
    would otherwise import (tests/cli/test_cli_export_stdlib.py).
    """
    found = next((ch for ch in name if ch < " " or "\x7f" <= ch <= "\x9f"), None)
    if found is not None:
        raise FieldError(f"the {key} {name!r} contains a control character "
                         f"(U+{ord(found):04X}), which a name cannot hold; {fix}.")
    return name


def check_text(field: str, value: str) -> str:
    """``value`` when it can be written as text, else the field's one sentence: for text
    that goes into a file rather than a column (a template's title)."""
    _check_text(field, value)
    return value


def in_range(day: dt.date) -> bool:
    """Whether a date lies in the range every field accepts (outputs test stored values)."""
    return DATE_MIN <= day <= DATE_MAX


def _to_bool(field: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in {"1", "true", "yes", "y", "on", "x"}:
        return True
    if word in {"0", "false", "no", "n", "off", ""}:
        return False
    raise FieldError(f"{label(field)} must be yes or no.")


def _to_int(field: str, value: Any) -> int:
    if isinstance(value, bool):
        raise FieldError(f"{label(field)} must be a whole number.")
    try:
        number = int(str(value).replace(",", "").replace("_", "").strip()) if not isinstance(
            value, int) else value
    except ValueError as exc:
        raise FieldError(
            f"{label(field)} must be a whole number, not {str(value)[:40]!r}.") from exc
    low, high = _RANGES.get(field, (-(10**12), 10**12))
    if not low <= number <= high:
        raise FieldError(f"{label(field)} must be between {low} and {high}.")
    return number


def lost_to_zero(literal: str) -> bool:
    """Whether a number's text has a non-zero digit before its exponent: read as 0.0, such
    a number ("1e-400") was too small to hold, not zero."""
    return bool(set(literal.lower().partition("e")[0]) & set("123456789"))


def _to_float(field: str, value: Any) -> float:
    if isinstance(value, bool):
        raise FieldError(f"{label(field)} must be a number.")
    try:
        text = str(value).replace(",", "").strip().rstrip("%").strip()
        number = float(text)
    except ValueError as exc:
        raise FieldError(f"{label(field)} must be a number, not {str(value)[:40]!r}.") from exc
    if not math.isfinite(number):  # NaN, inf, -inf
        raise FieldError(f"{label(field)} must be a finite number.")
    if number == 0 and lost_to_zero(text):
        raise FieldError(f"{label(field)} {text[:40]} is too small to store (it would be "
                         f"saved as 0); type 0 or a larger number.")
    if field in _PERCENT_AS_SHARE and isinstance(value, str) and value.strip().endswith("%"):
        number /= 100
    if field in _FLOAT_RANGES:
        low, high, words = _FLOAT_RANGES[field]
        if not low <= number <= high:
            raise FieldError(f"{label(field)} must be {words}, not {number:g}.")
    return number


def whys(text: str) -> list[str]:
    """The answers of a five-whys chain, in order; trailing blank lines are not answers."""
    lines = text.split("\n") if text else []
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _to_whys(value: Any) -> str:
    """A chain from a list of one-line answers or from text with one answer per line."""
    if isinstance(value, list | tuple):
        if any(not isinstance(item, str) or "\n" in item or "\r" in item for item in value):
            raise FieldError("five whys answers must each be one line of text.")
        value = "\n".join(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if len(whys(text)) > MAX_WHYS:
        raise FieldError(f"five whys holds at most {MAX_WHYS} answers, one per line.")
    if len(text) > MAX_TEXT:
        raise FieldError(f"five whys is longer than {MAX_TEXT:,} characters.")
    return "\n".join(whys(text))


def check_row(row: SQLModel) -> None:
    """Rules between fields of one row, which ``coerce`` (one field at a time) cannot see."""
    as_is = getattr(row, "as_is_workshop_id", None)
    if as_is is not None and as_is == getattr(row, "id", None) and "state" in type(
            row).model_fields:
        raise FieldError("as is workshop cannot be the workshop itself.")
    start = getattr(row, "from_touchpoint_id", None)
    if start is not None and start == getattr(row, "to_touchpoint_id", None):
        raise FieldError("a handoff goes from one touchpoint to another, not to itself.")
    kind, value = getattr(row, "effect_kind", ""), getattr(row, "effect_value", None)
    if kind == "deflection" and value is not None and not 0 <= value <= 100:
        raise FieldError(f"effect value of a deflection must be between 0 and 100 %, "
                         f"not {value:g}.")


def _to_date(field: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value).strip())
        except ValueError as exc:
            raise FieldError(f"{label(field)} must be a date like 2026-03-02.") from exc
    if not in_range(day):
        raise FieldError(f"{label(field)} must be between {DATE_RANGE}, not {day.isoformat()}.")
    return day


def _to_datetime(field: str, value: Any) -> dt.datetime:
    try:
        when = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(
            str(value).strip())
    except ValueError as exc:
        raise FieldError(f"{label(field)} must be a date and time like 2026-03-02T14:00.") from exc
    if not in_range(when.date()):  # checked before any time zone arithmetic can overflow
        raise FieldError(f"{label(field)} must be between {DATE_RANGE}, "
                         f"not {when.date().isoformat()}.")
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
