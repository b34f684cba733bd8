"""Which column feeds which field: the product's names, then the generic names, then the
contents, then the person's ``--map FIELD=COLUMN``.

The result is a plan, not an import: it lists what was guessed, what is ambiguous (with the
candidate columns, so a dialog can ask) and what is missing, and the importer refuses to run
while a required field is ambiguous or missing.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from models.tickets import dates
from models.tickets.errors import TicketImportError
from models.tickets.fields import FIELDS, REQUIRED, normalise
from models.tickets.profiles import GENERIC, PROFILES, SOURCES, detect, is_audit_log
from models.tickets.reading import detect_encoding

_DATE_WORDS = ("creat", "open", "submit", "received", "reported", "start")
_ID_WORDS = ("id", "number", "ticket", "key", "ref", "case")
# ``--map status=#4``: the 4th column, for a name the file uses twice.
_POSITION = re.compile(r"^#\d+$")
# The rows the engine reads to plan an import (engine.SAMPLE_ROWS): a column empty in all of
# them is said as empty in its first rows, not in the whole file.
SAMPLE_CAP = 10_000


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
    label_codes: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    # Saved where the decimal mark is a comma (a ';'-delimited file): "1.250,5" is 1250.5.
    decimal_comma: bool = False
    # The IANA zone the export's times without a zone were written in (None: taken as UTC).
    zone: str | None = None

    def column_name(self, field: str) -> str | None:
        index = self.columns.get(field)
        return None if index is None else self.headers[index]


def _override(path: Path, headers: tuple[str, ...], mapping: dict[str, str]) -> dict[str, int]:
    """The person's choices, checked: a known field and a column that exists."""
    by_exact = {h: i for i, h in reversed(list(enumerate(headers)))}
    by_norm = {normalise(h): i for i, h in reversed(list(enumerate(headers)))}
    chosen: dict[str, int] = {}
    for field, column in mapping.items():
        if field not in FIELDS:
            raise TicketImportError(
                path, f"--map names an unknown field {field!r}",
                hint="fields: " + ", ".join(FIELDS),
            )
        if _POSITION.match(column):
            number = int(column[1:])
            if not 1 <= number <= len(headers):
                raise TicketImportError(
                    path, f"--map {field}={column}: the file has {len(headers)} columns",
                    line=1,
                )
            chosen[field] = number - 1
            continue
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


def _article(word: str) -> str:
    """"an" before a vowel ("an intercom export"), else "a"."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def plan_columns(
    path: Path,
    headers: tuple[str, ...],
    samples: list[list[str]],
    source: str = "auto",
    mapping: dict[str, str] | None = None,
    events: bool | None = None,
) -> ColumnPlan:
    """Resolve every field to a column (or to candidates, or to nothing) for ``headers``.

    ``events``: whether the person asked for one row per update (``--map updated=COLUMN``
    typed this time); None reads that from ``mapping``. A mapping remembered from last
    month holds the update column too, and must not make a product's export an event log
    in which a repeated id is taken as an update without a word."""
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
            f"recognised {_article(profile.name)} {profile.name} export ({hits} known columns)"
            if profile is not GENERIC else "no known product recognised: generic CSV"
        )
    else:
        profile = PROFILES[source]
    norm = {normalise(h): i for i, h in reversed(list(enumerate(headers)))}
    for name, why in profile.not_metrics.items():
        if name in norm:
            notes.append(f"{headers[norm.pop(name)]!r} is {why}")
    columns = _override(path, headers, mapping or {})
    candidates: dict[str, tuple[str, ...]] = {}
    # A column the product names for some fields is not guessed for another by the generic
    # names (Help Scout's "Type" is its channel, not the generic "type" category).
    claimed: dict[int, set[str]] = {}
    if profile is not GENERIC:
        for fld, names in profile.aliases.items():
            for a in names:
                if a in norm:
                    claimed.setdefault(norm[a], set()).add(fld)
    for field in FIELDS:
        if field in columns:
            continue
        own = [norm[a] for a in profile.aliases.get(field, ()) if a in norm]
        if own and profile is not GENERIC:
            columns[field] = own[0]
            continue
        found = [norm[a] for a in GENERIC.aliases[field] if a in norm]
        # distinct aliases name distinct columns (``norm`` keeps one per name)
        found = [i for i in found if i not in columns.values() and
                 field in claimed.get(i, {field})]
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
    if missing or not columns:
        _refuse_title_line(path, headers)
    positional = {f for f, c in (mapping or {}).items() if _POSITION.match(c)}
    notes += _twice(headers, columns, positional)
    notes += _empty_columns(headers, columns, samples)
    # One row per update: the product says so (ServiceNow's event log), a generic file has
    # an update column, or the lead mapped one (two exports of a product joined keep that
    # product's reading: as generic, Freshdesk's business-hours columns read as calendar).
    asked = "updated" in (mapping or {}) if events is None else events
    event_log = profile.event_log or profile is GENERIC or asked
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
        label_codes=profile.label_codes,
    )


def _twice(headers: tuple[str, ...], columns: dict[str, int], positional: set[str]
           ) -> list[str]:
    """A note for each field read from a column whose name the file uses more than once
    (Jira repeats multi-value fields; a spreadsheet join can repeat anything)."""
    notes = []
    for field, index in columns.items():
        name = normalise(headers[index])
        places = [i for i, h in enumerate(headers) if normalise(h) == name]
        if len(places) < 2 or field in positional:
            continue
        others = [i for i in places if i != index]
        where = ", ".join(str(i + 1) for i in places[:-1]) + f" and {places[-1] + 1}"
        which = "the other" if len(others) == 1 else "another"
        notes.append(f"column {headers[index]!r} appears {len(places)} times (columns "
                     f"{where}): the first is used; --map {field}=#{others[0] + 1} "
                     f"takes {which}")
    return notes


def _has_value(kind: str, text: str) -> bool:
    if dates.is_missing(text):
        return False
    if kind != "date":
        return True
    for parse in dates.PARSERS.values():
        try:
            if parse(text) is not None:
                return True
        except ValueError:
            continue
    return False


def _empty_columns(headers: tuple[str, ...], columns: dict[str, int],
                   samples: list[list[str]]) -> list[str]:
    """A note for the optional columns with no value at all in the rows read to plan: their
    metrics will say "not available", and this says why before anyone wonders.  Columns
    empty alike share one note: six wait-time columns were six notes covering the screen."""
    empty: dict[str, list[str]] = {"date": [], "value": []}
    first = "first " if len(samples) >= SAMPLE_CAP else ""
    for field, index in columns.items():
        if field in REQUIRED or not samples:
            continue
        kind = FIELDS[field]
        if any(_has_value(kind, row[index]) for row in samples if index < len(row)):
            continue
        empty["date" if kind == "date" else "value"].append(repr(headers[index]))
    notes = []
    for what, names in empty.items():
        such = "1900-01-01" if what == "date" else "'?' or 'N/A'"
        rows = f"{first}{len(samples)} rows (blank or placeholders such as {such})"
        if len(names) == 1:
            notes.append(f"column {names[0]} holds no {what} in any of its {rows}: what "
                         "needs it is not available")
        elif names:
            listed = ", ".join(names[:-1]) + f" and {names[-1]}"
            notes.append(f"columns {listed} hold no {what} in any of their {rows}: what "
                         "needs them is not available")
    return notes


def _refuse_title_line(path: Path, headers: tuple[str, ...]) -> None:
    """Refuse a report whose first line is its title (Salesforce and ServiceNow reports,
    Excel sheets with a caption) and whose column names follow, saying so; otherwise
    return and let the caller say what is missing."""
    filled = [h for h in headers if h.strip()]
    if len(filled) > 1:
        return
    encoding, _ = detect_encoding(path)
    lines: list[tuple[int, str]] = []
    with path.open(encoding=encoding, newline="") as f:
        for number, text in enumerate(f, start=1):
            if text.strip(" ,;\t\r\n\ufeff"):
                lines.append((number, text))
            if len(lines) == 2:
                break
    if len(lines) < 2:
        return
    second = max((next(csv.reader([lines[1][1]], delimiter=d)) for d in ",;\t"), key=len)
    names = [c.strip() for c in second]
    if len(names) < 2 or not all(names) or any(_has_value("date", c) for c in names):
        return
    title = filled[0].strip() if filled else ""
    raise TicketImportError(
        path, f"this line is a report title ({title!r}), not the column names (they follow "
        f"on line {lines[1][0]}); delete the title line and import again", line=lines[0][0],
    )
