"""JSON ticket exports, read through the CSV path: one mapping, one set of definitions.

Support teams have JSON as often as CSV: Zendesk's Incremental Ticket Export API (a
``tickets`` list; ``include=metric_sets`` sideloads a ``metric_sets`` list) and its full JSON
export (one ticket per line, JSON lines), Freshdesk's API (a list of tickets; ``stats`` with
``include=stats``), ServiceNow's Table API (``{"result": [...]}``) and its JSONv2 export
(``{"records": [...]}``). Rather than a second engine with its own rules, each record is
flattened (a nested object's fields become ``parent.child`` columns:
``satisfaction_rating.score``, ``metric_set.solved_at``; a ServiceNow
``{"value", "display_value", "link"}`` object gives the field its ``value`` and the rest as
``field.display_value``...; a list is kept as its JSON text) and written as one record of a
UTF-8 CSV copy, which every reader of this package reads. So the product profiles, the
column mapping, ``--map`` and the metric definitions are the CSV path's, and a field a
product does not give is "not available" with the CSV path's reason, never zero.

The copy lives in a temporary folder under the file's own name (a sentence names the file
the person chose) and is deleted afterwards. Errors and notes name the JSON file's place,
not the copy's: the line for JSON lines, the record's position in the list otherwise
("record 4": a pretty-printed list has no line per ticket).

Memory: a JSON document is parsed whole (the standard library has no streaming parser),
and its parsed tickets are let go once the copy is written, before the import reads it;
JSON lines are read a line at a time, twice (the field names, then the copy), so only one
ticket is held at a time.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import json
import re
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.rules.counts import plural
from models.tickets.errors import TicketImportError
from models.tickets.reading import first_bad_utf8_line

# The keys that hold the list of tickets, by product: Zendesk's APIs ("tickets"),
# ServiceNow's Table API ("result") and JSONv2 ("records"), and common API wrappers.
LIST_KEYS = ("tickets", "records", "result", "results", "data", "items")
# Lists the Zendesk Incremental Export sideloads next to "tickets": joined to each ticket by
# its id under the name Zendesk's full export nests it under.
SIDELOADED = {"metric_sets": ("ticket_id", "metric_set")}
_BREAK = re.compile(r"\r\n|\r|\n")
_LINE = re.compile(r"\b(on )?line (\d+)\b")


def encoding_of(head: bytes) -> str:
    """UTF-16 when the file starts with its byte-order mark (Windows PowerShell 5 writes JSON
    so with ``>``), else UTF-8 with or without BOM: the encodings JSON is written in."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8-sig"


def looks_like_json(head: bytes) -> bool:
    """An object or a list of objects (or an empty list), which no CSV export starts
    with."""
    text = head.decode(encoding_of(head), errors="ignore").lstrip()
    if text.startswith("["):
        return text[1:].lstrip()[:1] in ("{", "]")
    return text.startswith("{") and text[1:].lstrip()[:1] in ('"', "}")


def _cell(value: Any) -> str:
    """A JSON scalar as the text a CSV export would hold; a list as its JSON text. (A number's
    ``repr`` is the text ``json`` writes for it, without ``json``'s per-call cost.)"""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def flatten(record: dict[str, Any], prefix: str = "", out: dict[str, str] | None = None,
            *, values: bool = True) -> dict[str, str]:
    """``{"via": {"channel": "email"}}`` → ``{"via.channel": "email"}``; an object holding
    a ``value`` (ServiceNow's reference and display-value objects) gives ``prefix`` its
    value and its other keys below it. ``values=False`` gives the names only (each ``""``),
    for the pass that only collects the header."""
    out = {} if out is None else out
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            if "value" in value and not isinstance(value["value"], dict | list):
                out[name] = _cell(value["value"]) if values else ""
                flatten({k: v for k, v in value.items() if k != "value"}, f"{name}.", out,
                        values=values)
            else:
                flatten(value, f"{name}.", out, values=values)
        else:
            out[name] = _cell(value) if values else ""
    return out


@dataclass
class Readable:
    """The CSV the readers read (``path``), and how to say a place of it in the file the
    person chose: ``place(line)`` for a line of ``path``."""

    path: Path
    source: Path
    # the copy's line each record starts on, and that record's place in the JSON file
    starts: array[int] = field(default_factory=lambda: array("q"))
    places: array[int] = field(default_factory=lambda: array("q"))
    unit: str = "line"
    notes: tuple[str, ...] = ()

    @property
    def converted(self) -> bool:
        return self.path != self.source

    def place(self, line: int) -> str | None:
        """``line`` of the copy as the file's own place (None for the copy's header line:
        the field names have no line of their own in JSON)."""
        if not self.converted:
            return f"line {line}"
        k = bisect.bisect_right(self.starts, line) - 1
        return None if k < 0 else f"{self.unit} {self.places[k]}"

    def said(self, notes: Iterable[str]) -> tuple[str, ...]:
        """Notes with the copy's lines said as the file's places."""
        if not self.converted:
            return tuple(notes)
        return tuple(_LINE.sub(self._place_in, n) for n in notes)

    def _place_in(self, found: re.Match[str]) -> str:
        place = self.place(int(found.group(2))) or "the field names"
        on = found.group(1) or ""
        return f"{'in ' if on and self.unit == 'record' else on}{place}"

    def error(self, exc: TicketImportError) -> TicketImportError:
        """``exc`` naming the file the person chose and its place."""
        if not self.converted:
            return exc
        place = None if exc.line is None else self.place(exc.line)
        return TicketImportError(self.source, exc.problem, column=exc.column, hint=exc.hint,
                                 place=place)


Records = Callable[[], Iterator[tuple[int, Any]]]


def _refuse(path: Path, problem: str, line: int | None = None) -> TicketImportError:
    return TicketImportError(path, problem, line=line)


def _json_lines(path: Path, encoding: str) -> Records | None:
    """The records of a JSON lines file (line number, record), or None when the file is one
    JSON document: its first line is not a whole object, or nothing follows it."""
    with path.open(encoding=encoding) as f:
        first = next((line for line in f if line.strip()), "")
        more = any(line.strip() for line in f)
    try:
        parsed = json.loads(first)
    except ValueError:
        return None
    if not more or not isinstance(parsed, dict):
        return None

    def records() -> Iterator[tuple[int, Any]]:
        with path.open(encoding=encoding) as f:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    yield number, json.loads(line)
                except ValueError as exc:
                    last = not line.endswith("\n") and not f.read(1)
                    problem = ("the last line is cut off (not valid JSON)" if last
                               else f"not valid JSON ({exc})")
                    raise _refuse(path, problem, number) from None

    return records


def _document(path: Path, encoding: str) -> tuple[Records, str]:
    """The records of one JSON document (position in the list, record) and where the list
    was found, said for a note."""
    text = path.read_text(encoding=encoding)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()):
            raise _refuse(path, "not valid JSON: the file ends before the JSON closes (cut "
                          "off?)", exc.lineno) from None
        raise _refuse(path, f"not valid JSON ({exc.msg})", exc.lineno) from None
    where = "the list"
    if isinstance(data, dict):
        key = next((k for k in LIST_KEYS if isinstance(data.get(k), list)), None)
        if key is None:
            keys = ", ".join(repr(k) for k in list(data)[:8])
            raise _refuse(path, f"the JSON holds no list of tickets (looked for "
                          f"{', '.join(LIST_KEYS)}; its keys: {keys or 'none'})")
        items, where = data[key], repr(key)
        joins = {name: spec for name, spec in SIDELOADED.items()
                 if isinstance(data.get(name), list)}
        for name, (key_field, nested) in joins.items():
            by_id = {m.get(key_field): m for m in data[name] if isinstance(m, dict)}
            items = [{**t, nested: by_id.get(t.get("id"))} if isinstance(t, dict) else t
                     for t in items]
            where += f" ({name!r} joined by {key_field})"
    elif isinstance(data, list):
        items = data
    else:
        raise _refuse(path, "the JSON holds no list of tickets")
    return (lambda: enumerate(items, start=1)), where


def _objects(path: Path, records: Records, unit: str, *, values: bool = True
             ) -> Iterator[tuple[int, dict[str, str]]]:
    for place, record in records():
        if not isinstance(record, dict):
            raise _refuse(path, f"{unit} {place} is not an object (one ticket)")
        yield place, flatten(record, values=values)


@contextmanager
def readable(path: Path) -> Iterator[Readable]:
    """``path`` as the CSV readers read it: itself, or a CSV copy of a JSON export. A
    ``TicketImportError`` raised inside names the JSON file's place."""
    head = b""  # else the CSV reader says why it cannot be opened, in one sentence
    try:
        if path.is_file():  # opening a named pipe waits for a writer: never opened here
            with path.open("rb") as f:
                head = f.read(1 << 16)
    except OSError:
        pass
    if not looks_like_json(head):
        yield Readable(path, path)
        return
    encoding = encoding_of(head)
    with tempfile.TemporaryDirectory(prefix="journeymap-") as tmp:
        try:
            lines = _json_lines(path, encoding)
            if lines is not None:
                records, unit, where = lines, "line", "JSON lines"
            else:
                (records, where), unit = _document(path, encoding), "record"
            copy = Readable(Path(tmp) / path.name, path, unit=unit)
            count = _write(path, copy, records)
            # a document's parsed tickets: the import reads the copy, not them
            del records, lines
        except UnicodeDecodeError:
            raise _not_text(path, encoding) from None
        if not count:
            raise _refuse(path, f"the JSON holds no tickets ({where} is empty)")
        copy.notes = (f"JSON: {plural(count, 'record')} read from {where}; nested fields are "
                      "named parent.child (such as satisfaction_rating.score)",)
        try:
            yield copy
        except TicketImportError as exc:
            raise copy.error(exc) from None


def _not_text(path: Path, encoding: str) -> TicketImportError:
    """JSON is UTF-8 (or UTF-16 from PowerShell): a byte that is not, named by its line (a
    file saved again as "ANSI" in an editor)."""
    utf8 = encoding.startswith("utf-8")
    line = first_bad_utf8_line(path) if utf8 else None
    return _refuse(path, f"this JSON is not {'UTF-8' if utf8 else 'UTF-16'} text here; save "
                   "it again as UTF-8", line)


def _write(path: Path, copy: Readable, records: Records) -> int:
    """Write the copy (header: every field name, in order of first use) and note where each
    record starts; the number of records."""
    names: dict[str, str] = {}
    for _, cells in _objects(path, records, copy.unit, values=False):
        names.update(cells)
    header = list(names)
    line, count = 2, 0
    with copy.path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for place, cells in _objects(path, records, copy.unit):
            row = [cells.get(n, "") for n in header]
            writer.writerow(row)
            copy.starts.append(line)
            copy.places.append(place)
            line += 1 + sum(len(_BREAK.findall(c)) for c in row if "\n" in c or "\r" in c)
            count += 1
    return count
