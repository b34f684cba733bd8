"""Checking and converting values typed by a person before they reach the database.

The TUI sends strings; the CLI, templates and imports send typed values.  One
function, ``coerce``, turns either into the column's type or raises
``FieldError`` with a sentence the user can act on, so every entry path rejects
bad input the same way and nothing half-valid is ever stored.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any

from sqlmodel import SQLModel

from models.db.tables import CARD_STATUSES, LANES, PAIN_KINDS, ROLES, SOURCES, WORKSHOP_STATES

MAX_TEXT = 20_000  # characters in one field; more is almost certainly a paste accident


class FieldError(ValueError):
    """A value that does not fit its field; the message names field and problem."""


_CHOICES: dict[str, tuple[str, ...]] = {
    "kind": PAIN_KINDS,
    "lane": LANES,
    "status": CARD_STATUSES,
    "role": ROLES,
    "state": WORKSHOP_STATES,
}
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
}
_WORDS = {"loop": "loop", "branch": "branch", "dead end": "dead_end", "dead-end": "dead_end",
          "in progress": "in_progress", "in-progress": "in_progress"}


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
        value = value.replace("\x00", "")
        if base is not str or field in _CHOICES:
            value = value.strip()
        if value == "" and optional:
            return None
    if value is None:
        if optional:
            return None
        raise FieldError(f"{label(field)} cannot be empty.")
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


def _to_float(field: str, value: Any) -> float:
    if isinstance(value, bool):
        raise FieldError(f"{label(field)} must be a number.")
    try:
        text = str(value).replace(",", "").strip().rstrip("%").strip()
        number = float(text)
    except ValueError as exc:
        raise FieldError(f"{label(field)} must be a number, not {str(value)[:40]!r}.") from exc
    if number != number or number in (float("inf"), float("-inf")):
        raise FieldError(f"{label(field)} must be a finite number.")
    return number


def _to_date(field: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise FieldError(f"{label(field)} must be a date like 2026-03-02.") from exc


def _to_datetime(field: str, value: Any) -> dt.datetime:
    try:
        when = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(
            str(value).strip())
    except ValueError as exc:
        raise FieldError(f"{label(field)} must be a date and time like 2026-03-02T14:00.") from exc
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
