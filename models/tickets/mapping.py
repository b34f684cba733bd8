"""Which column feeds which field: the product's names, then the generic names, then the
contents, then the person's ``--map FIELD=COLUMN``.

The result is a plan, not an import: it lists what was guessed, what is ambiguous (with the
candidate columns, so a dialog can ask) and what is missing, and the importer refuses to run
while a required field is ambiguous or missing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from models.tickets import dates
from models.tickets.errors import TicketImportError
from models.tickets.profiles import (
    FIELDS,
    GENERIC,
    PROFILES,
    REQUIRED,
    SOURCES,
    detect,
    is_audit_log,
    normalise,
)

_DATE_WORDS = ("creat", "open", "submit", "received", "reported", "start")
_ID_WORDS = ("id", "number", "ticket", "key", "ref", "case")


@dataclass(frozen=True)
class ColumnPlan:
    """How a file will be read: its product, one column per field, and what is unresolved."""

    product: str
    headers: tuple[str, ...]
    columns: dict[str, int]
    candidates: dict[str, tuple[str, ...]]
    missing: tuple[str, ...]
    notes: tuple[str, ...]
    event_log: bool
    day_first: bool
    status_codes: dict[str, str] = dataclasses.field(default_factory=dict)

    def column_name(self, field: str) -> str | None:
        index = self.columns.get(field)
        return None if index is None else self.headers[index]


def _override(path: Path, headers: tuple[str, ...], mapping: dict[str, str]) -> dict[str, int]:
    """The person's choices, checked: a known field and a column that exists."""
    by_exact = {h: i for i, h in enumerate(headers)}
    by_norm = {normalise(h): i for i, h in enumerate(headers)}
    chosen: dict[str, int] = {}
    for field, column in mapping.items():
        if field not in FIELDS:
            raise TicketImportError(
                path, f"--map names an unknown field {field!r}",
                hint="fields: " + ", ".join(FIELDS),
            )
        index = by_exact.get(column, by_norm.get(normalise(column)))
        if index is None:
            raise TicketImportError(
                path, f"--map {field}={column}: the file has no such column", line=1,
                column=column, hint="columns: " + ", ".join(headers),
            )
        chosen[field] = index
    return chosen


def _unique_filled(values: list[str]) -> bool:
    filled = [v.strip() for v in values]
    return bool(filled) and all(filled) and len(set(filled)) == len(filled)


def _guess_required(
    field: str, headers: tuple[str, ...], samples: list[list[str]], taken: set[int]
) -> list[int]:
    """Columns that could be ``id`` or ``created`` judging by name and contents."""
    found: list[int] = []
    for i, header in enumerate(headers):
        if i in taken:
            continue
        name = normalise(header)
        column = [row[i] for row in samples if i < len(row)]
        if field == "created":
            shape, _, _ = dates.evidence(column)
            if shape is not None and any(w in name for w in _DATE_WORDS):
                found.append(i)
        elif any(w in name.split("_") or name.endswith(w) for w in _ID_WORDS):
            if _unique_filled(column):
                found.append(i)
    return found


def plan_columns(
    path: Path,
    headers: tuple[str, ...],
    samples: list[list[str]],
    source: str = "auto",
    mapping: dict[str, str] | None = None,
) -> ColumnPlan:
    """Resolve every field to a column (or to candidates, or to nothing) for ``headers``."""
    if source not in SOURCES:
        raise TicketImportError(path, f"unknown source {source!r}", hint=" | ".join(SOURCES))
    if is_audit_log(list(headers)):
        raise TicketImportError(
            path, "this is an audit log with one row per field change, not one row per "
            "ticket, so it cannot be counted as tickets", line=1,
            hint="export the incident list instead: Incident > All, right-click a column "
            "heading > Export > CSV; its reopen_count and reassignment_count come from this "
            "same history",
        )
    notes: list[str] = []
    if source == "auto":
        profile, hits = detect(list(headers))
        notes.append(
            f"recognised a {profile.name} export ({hits} known columns)"
            if profile is not GENERIC else "no known product recognised: generic CSV"
        )
    else:
        profile = PROFILES[source]
    norm = {normalise(h): i for i, h in reversed(list(enumerate(headers)))}
    columns = _override(path, headers, mapping or {})
    candidates: dict[str, tuple[str, ...]] = {}
    for field in FIELDS:
        if field in columns:
            continue
        own = [norm[a] for a in profile.aliases.get(field, ()) if a in norm]
        if own and profile is not GENERIC:
            columns[field] = own[0]
            continue
        found = [norm[a] for a in GENERIC.aliases[field] if a in norm]
        # distinct aliases name distinct columns (``norm`` keeps one per name)
        found = [i for i in found if i not in columns.values()]
        if len(found) > 1 and field in REQUIRED:
            candidates[field] = tuple(headers[i] for i in found)
        elif found:
            columns[field] = found[0]
            if len(found) > 1:
                others = ", ".join(repr(headers[i]) for i in found[1:])
                notes.append(f"{field}: {headers[found[0]]!r} chosen over {others}")
    for field in REQUIRED:
        if field in columns or field in candidates:
            continue
        guesses = _guess_required(field, headers, samples, set(columns.values()))
        if len(guesses) == 1:
            columns[field] = guesses[0]
            notes.append(f"{field}: guessed column {headers[guesses[0]]!r} from its contents")
        elif guesses:
            candidates[field] = tuple(headers[i] for i in guesses)
    missing = tuple(f for f in REQUIRED if f not in columns and f not in candidates)
    event_log = profile.event_log or (profile is GENERIC and "updated" in columns)
    return ColumnPlan(
        product=profile.name,
        headers=headers,
        columns=columns,
        candidates=candidates,
        missing=missing,
        notes=tuple(notes),
        event_log=event_log and "updated" in columns,
        day_first=profile.day_first,
        status_codes=profile.status_codes,
    )
