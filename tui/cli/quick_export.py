"""``journeymap export`` of a local file before Typer is imported, or nothing at all.

Why: a person (or a cron job) exporting a 2,000-touchpoint map waited for
Typer and its Click to load (about 35 ms of CPU, a fifth of the whole export,
issue 18) only to parse five options.  The console script (``tui.cli.entry``)
asks this module first; it takes the command only when the command line is
plainly ``[--db PATH] export ID [--format md|csv|ics] [-o FILE] [--sections S]
[--start DATE]`` and everything succeeds.  Anything else (help, completion, an
option it does not know, a repeated option, a value starting with ``-``, a
server URL, a file that is not current, any error) answers False before
anything is written, and the full Typer command runs from the start and words
the outcome.  The steps themselves are ``tui.cli.export_core``, shared with the
Typer command; ``tests/cli/test_cli_quick_export.py`` holds both roads to the
same bytes, messages and exit codes.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DB_ENV = "JOURNEYMAP_DB"
_ID = re.compile(r"[0-9]{1,18}")
# long and short spellings of each option of `export` (tui.cli.outputs.export) that
# takes a value
_OPTIONS = {"--format": "format", "-f": "format", "--output": "output", "-o": "output",
            "--sections": "sections", "--start": "start"}


@dataclass
class Request:
    """One export asked for on the command line, as the Typer command would read it."""

    db: str | None
    workshop_id: int
    values: dict[str, str]


def _value(args: list[str], i: int) -> tuple[str, int] | None:
    """(the value of the option at ``args[i]``, index after it), or None if unclear."""
    arg = args[i]
    if arg.startswith("--") and "=" in arg:
        value, after = arg.split("=", 1)[1], i + 1
    elif i + 1 < len(args):
        value, after = args[i + 1], i + 2
    else:
        return None
    return (value, after) if value and not value.startswith("-") else None


def parse(argv: list[str], environ: dict[str, str] | os._Environ[str]) -> Request | None:
    """The export ``argv`` asks for, or None when the full CLI should read it."""
    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in environ):
        return None  # shell completion is Typer's
    db = environ.get(DB_ENV) or None  # Click: an empty variable is no value
    i = 0
    if argv[:1] == ["--db"] or argv[:1] and argv[0].startswith("--db="):
        found = _value(argv, 0)
        if found is None:
            return None
        db, i = found
    if argv[i:i + 1] != ["export"]:
        return None
    values: dict[str, str] = {}
    workshop: str | None = None
    i += 1
    while i < len(argv):
        arg = argv[i]
        name = _OPTIONS.get(arg.split("=", 1)[0] if arg.startswith("--") else arg)
        if name is not None:
            found = _value(argv, i)
            if found is None or name in values:
                return None
            values[name], i = found
        elif workshop is None and _ID.fullmatch(arg):
            workshop, i = arg, i + 1
        else:
            return None
    if workshop is None:
        return None
    return Request(db, int(workshop), values)


def _plain(text: str) -> bool:
    """Printed by Click exactly as by Python: no control (Click strips colour codes off
    a terminal) and nothing the stream's encoding would have to replace."""
    if not text.isprintable():
        return False
    try:
        text.encode(sys.stderr.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def run_quick(argv: list[str]) -> bool:
    """Run the export ``argv`` asks for and return True, or return False having done nothing."""
    request = parse(argv, os.environ)
    if request is None:
        return False
    try:
        try:
            prepared = _prepare(request)
        except Exception:  # noqa: BLE001 - the full command runs again and words any error
            return False
        if prepared is None:
            return False
        data, note, output, database = prepared
        if note:
            sys.stderr.write(note + "\n")
        _write(data, output, database)
    except KeyboardInterrupt:  # as tui.cli.main: an empty line and the shell's code
        sys.stderr.write("\n")
        sys.exit(130)
    return True


def _prepare(request: Request) -> tuple[bytes, str, Path | None, Path] | None:
    """(the bytes, the note for stderr, the -o path, the database file), or None: take
    the full command."""
    import datetime as dt

    from models.db.dbfile import default_db_path, is_url
    from models.rules.clock import today
    from tui.cli.export_core import RENDERED, light_read, rendered, with_start

    values = request.values
    fmt = values.get("format", "md").strip().lower()
    if fmt not in RENDERED or ("sections" in values and fmt != "md") or is_url(request.db):
        return None
    db = Path(request.db) if request.db is not None else None
    if db is not None and not db.expanduser().parent.is_dir():
        return None  # the full command refuses the missing folder
    database = db or default_db_path()
    output = Path(values["output"]) if "output" in values else None
    if output is not None and not (_plain(str(output))
                                   and _plain(str(output.expanduser().resolve()))):
        return None
    start = dt.date.fromisoformat(values["start"].strip()) if "start" in values else None
    light = light_read(db, request.workshop_id, portfolio=fmt == "md")
    if light is None:
        return None
    notes: list[str] = []
    journey = with_start(light[0], start, notes.append)
    chosen = None
    if "sections" in values:
        from models.export.markdown import parse_sections

        chosen = parse_sections(values["sections"].split(","))
    data = rendered(journey, light[1], fmt, chosen, today())
    if output is not None:
        from models.export.files import check_target

        check_target(output, database)  # the database itself, or a folder: the full command
    return data, "".join(notes), output, database


def _write(data: bytes, output: Path | None, database: Path) -> None:
    """stdout, or the file written whole and its line on stderr (as ``write_output``)."""
    from tui.cli.export_core import wrote

    if output is None:
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except OSError as exc:  # as tui.cli.main's last line of defence words it
            sys.stderr.write(f"journeymap: {exc}\n")
            sys.exit(1)
        return
    from models.export.files import write_file

    try:
        target = write_file(output, data, database=database)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        sys.stderr.write(f"journeymap: Cannot write {output}: {reason}.\n")
        sys.exit(1)
    sys.stderr.write(wrote(target, data) + "\n")
