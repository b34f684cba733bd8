"""JSON backup of a whole workshop: the lossless way to keep or move a map.

The JSON is ``journey_to_dict(full=True)`` with sorted keys and two-space
indentation, so two exports of the same map diff cleanly in git; text is kept
as UTF-8 (``ensure_ascii=False``) so a reviewer reads CJK or emoji, not escapes.
Import goes through ``serialize.dict_to_store``: everything is checked first and
inserted in one transaction.
"""

from __future__ import annotations

import json
from typing import Any

from models.db.fields import lost_to_zero
from models.db.journey import Journey
from models.db.tables.history import ChangeLog
from models.export.json_text import dumps
from models.export.serialize import DataError, dict_to_store, journey_to_dict


def export_json(journey: Journey, *, changelog: list[ChangeLog] | None = None) -> str:
    """The workshop as JSON text; pass the change log to include it (see ``export_workshop``)."""
    data = journey_to_dict(journey, full=True, changelog=changelog)
    return dumps(data, indent=2, sort_keys=True) + "\n"


def export_workshop(store: Any, workshop_id: int) -> str:
    """The complete backup of one workshop, change log included (for ``export --format json``)."""
    return export_json(store.load(workshop_id), changelog=store.changes(workshop_id))


# Longer than any float (1.8e308) and still far under Python's 4,300-digit limit for
# converting an int to and from text (which the field check does).
_LONGEST = 400


def _bounded_int(digits: str) -> int:
    """An integer literal, or a stand-in that every field refuses for a longer one.

    Python refuses to convert more than 4,300 digits and that error could not name the
    key.  Up to ``_LONGEST`` digits the number is read as written (a number field keeps a
    41-digit whole number as it would any other); a longer one is too big for every
    field, whole (out of range) or not (not finite), whatever its sign, so the stand-in is
    refused with the file and key path instead of being stored.
    """
    return int(digits) if len(digits.lstrip("-")) <= _LONGEST else 10**_LONGEST


class _AsWritten(float):
    """A float literal that reads as 0 though written with a non-zero digit (``1e-400``):
    still 0.0 as a number, but its text is the literal, so the field check refuses it
    with the key named ("… 1e-400 is too small to store"), as it does typed text."""

    def __init__(self, literal: str) -> None:
        self.literal = literal

    def __new__(cls, literal: str) -> _AsWritten:
        return super().__new__(cls, 0.0)

    def __str__(self) -> str:
        return self.literal

    __repr__ = __str__


def _float_as_written(literal: str) -> float:
    """A float literal, or the one that underflowed to 0 keeping its text (``_AsWritten``)."""
    number = float(literal)
    if number == 0 and lost_to_zero(literal):
        return _AsWritten(literal)
    return number


def import_json(store: Any, text: str, source: str) -> int:
    """A new workshop from a JSON backup; DataError (with line and column) if it is not valid."""
    try:
        data = json.loads(text, parse_int=_bounded_int, parse_float=_float_as_written)
    except json.JSONDecodeError as exc:
        raise DataError(source, "", "is not a journeymap backup: a backup is the JSON file "
                        "that `export ID --format json` writes, and this one stops being JSON "
                        f"at line {exc.lineno}, column {exc.colno}") from exc
    except RecursionError as exc:
        raise DataError(source, "", "is nested too deeply to be a journeymap backup") from exc
    store.check_integrity()  # the full check: an import writes many rows at once
    return dict_to_store(store, data, source=source)
