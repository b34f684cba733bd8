"""Timestamps as exports write them: ISO, day-first ``DD-MM-YYYY HH:MM[:SS]``, month-first
``MM/DD/YYYY``, with or without seconds, microseconds, AM/PM or zones; the month written as a
word (Jira's default ``dd/MMM/yy h:mm a``, ``04/Mar/24 9:00 AM``); placeholders are missing.

Day-first versus month-first is decided per column from the data (a first field above 12
settles it), then from the other date columns of the same file, then from the product's
default, and the guess is said in a note. ISO goes through ``datetime.fromisoformat`` (C speed);
the slash/dash forms through one compiled regex. Every timestamp becomes seconds since the
epoch; a naive one is read as UTC, an aware one is converted, so durations are plain
subtractions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from models.tickets.month_words import MONTHS

Parser = Callable[[str], datetime | None]

MISSING = frozenset({"", "?", "-", "--", "n/a", "na", "null", "none", "nan", "#n/a", "nat"})
# Exports write "no date" as the first day of a far past year (1900-01-01, 0001-01-01...).
SENTINEL_BEFORE = 1901
_EPOCH = datetime(1970, 1, 1)
_ISO_ENOUGH = 500

_NUMERIC = re.compile(
    r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})"
    r"(?:(?:[ T]+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?\s*([AaPp]\.?[Mm]\.?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\s*$"
)
_ISO_HEAD = re.compile(r"\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
_TIME = (r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?\s*([AaPp]\.?[Mm]\.?)?)?"
         r"\s*(Z|[+-]\d{2}:?\d{2})?\s*$")
# A month word is letters of any script's alphabet (Mär, févr), not digits or "_".
_NAMED = re.compile(r"\s*(\d{1,2})[-/. ]+([^\W\d_]{3,9})\.?[-/. ]+(\d{2}|\d{4})" + _TIME)
# The month word first, US style: "Mar 4, 2024 9:00 AM" (HubSpot, Excel in English).
_NAMED_FIRST = re.compile(r"\s*([^\W\d_]{3,9})\.? +(\d{1,2}),? +(\d{4})" + _TIME)


# Seconds (10 digits) or milliseconds (13) since 1970, as API dumps write them (HubSpot's
# milliseconds, Zendesk's and Intercom's seconds): 2001-09-09 to 2286 either way.
_EPOCH_DIGITS = re.compile(r"\s*(\d{10}|\d{13})\s*$")


# Excel's serial date: days since 1899-12-30 (a sheet whose date cells were formatted as
# numbers saves them so), the time of day as the fraction; five digits are 1927 to 2173.
_EXCEL_SERIAL = re.compile(r"\s*(\d{5})(\.\d+)?\s*$")
_EXCEL_DAY0 = datetime(1899, 12, 30)


def without_time(values: Iterable[str]) -> bool:
    """Whether a column's cells are dates with no time of day (``2024-03-04``, ``3/4/2024``,
    ``4 September 2024``): durations in hours cannot be taken from it. A column with no
    value, an epoch column, or one time of day anywhere is not."""
    seen = False
    for raw in values:
        value = raw.strip()
        if value.lower() in MISSING:
            continue
        serial = _EXCEL_SERIAL.match(value)
        if ":" in value or _EPOCH_DIGITS.match(value) or (serial and serial.group(2)):
            return False
        seen = True
    return seen


_ZONED = re.compile(r"(?:[zZ]|[+-]\d{2}:?\d{2}|\b(?:UTC|GMT))\s*$")


def without_zone(values: Iterable[str]) -> bool:
    """Whether a column's times say no zone: no cell ends in ``Z``, an offset or ``UTC``,
    and none is an epoch number (seconds since 1970 are UTC). An empty column is not."""
    seen = False
    for raw in values:
        value = raw.strip()
        if value.lower() in MISSING:
            continue
        if _ZONED.search(value) or _EPOCH_DIGITS.match(value):
            return False
        seen = True
    return seen


def is_missing(value: str) -> bool:
    """Whether a raw cell means "no value" (blank or a placeholder such as ``?`` or ``N/A``)."""
    return value.strip().lower() in MISSING


def to_epoch(moment: datetime) -> float:
    """Seconds since 1970-01-01 UTC; naive timestamps are taken as UTC."""
    if moment.tzinfo is None:
        return (moment - _EPOCH).total_seconds()
    return moment.timestamp()


def _sentinel(moment: datetime) -> datetime | None:
    return None if moment.year < SENTINEL_BEFORE else moment


def parse_iso(value: str) -> datetime | None:
    """An ISO-like timestamp (``2024-01-05 10:12``, ``...T10:12:00.5Z``, ``... +0100``)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        if value.strip().lower() in MISSING:
            return None
        text = value.strip()
        if text[-4:].upper() == " UTC":  # a warehouse dump's "2024-03-04 09:00:00 UTC"
            text = text[:-4] + "+00:00"
        text = _hours_of_day(text)
        text = text.replace("/", "-").replace(".", "-", 2)
        moment = datetime.fromisoformat(_pad_iso(text))
    return _sentinel(moment)


# ServiceNow's time format may be hh:mm:ss a after its yyyy-MM-dd: "2024-03-04 09:00:00 PM".
_ISO_AMPM = re.compile(r"(.*?[ T])(\d{1,2})(:\d{2}(?::\d{2})?)\s*([AaPp])\.?[Mm]\.?")


def _hours_of_day(text: str) -> str:
    """``2024-03-04 9:05 PM`` → ``2024-03-04 21:05`` (12 AM is midnight, 12 PM noon)."""
    m = _ISO_AMPM.fullmatch(text)
    if m is None:
        return text
    head, hour, rest, half = m.groups()
    return f"{head}{int(hour) % 12 + (12 if half in 'pP' else 0):02d}{rest}"


def _pad_iso(text: str) -> str:
    """``2024-1-5 9:05`` → ``2024-01-05 09:05`` (fromisoformat wants two digits)."""
    date, _, rest = text.partition(" ")
    parts = date.split("-")
    if len(parts) == 3:
        date = f"{parts[0]}-{parts[1]:0>2}-{parts[2]:0>2}"
    if rest and rest[1:2] == ":":
        rest = "0" + rest
    return f"{date} {rest}".strip()


def _numeric(value: str, day_first: bool) -> datetime | None:
    if not value or value.strip().lower() in MISSING:
        return None
    m = _NUMERIC.match(value)
    if m is None:
        if value[4:5] == "-" and value[:4].isdigit() or _ISO_HEAD.match(value):
            return parse_iso(value)
        raise ValueError(f"not a date: {value!r}")
    a, b, y, hh, mm, ss, frac, ampm, zone = m.groups()
    day, month = (int(a), int(b)) if day_first else (int(b), int(a))
    return _build(day, month, y, hh, mm, ss, frac, ampm, zone)


def parse_month_name(value: str) -> datetime | None:
    """``04/Mar/24 9:00 AM``, ``4-Sep-2024 17:45``, ``4 September 2024``; placeholders and
    1900 sentinels → None; an unknown month word raises ValueError."""
    if not value or value.strip().lower() in MISSING:
        return None
    found = _named(value)
    if found is None:
        if _ISO_HEAD.match(value):
            return parse_iso(value)
        raise ValueError(f"not a date: {value!r}")
    month, (day, y, hh, mm, ss, frac, ampm, zone) = found
    return _build(int(day or 0), month, y or "", hh, mm, ss, frac, ampm, zone)


def _named(value: str) -> tuple[int, tuple[str | None, ...]] | None:
    """(month number, (day, year, the time parts...)) of a date with its month as a word."""
    m = _NAMED.match(value)
    if m is not None and m.group(2).lower() in MONTHS:
        day, word, *rest = m.groups()
        return MONTHS[word.lower()], (day, *rest)
    m = _NAMED_FIRST.match(value)
    if m is not None and m.group(1).lower() in MONTHS:
        word, *rest = m.groups()
        return MONTHS[word.lower()], tuple(rest)
    return None


def _build(day: int, month: int, y: str, hh: str | None, mm: str | None, ss: str | None,
           frac: str | None, ampm: str | None, zone: str | None) -> datetime | None:
    year = int(y) + (2000 if len(y) == 2 else 0)
    hour = int(hh) if hh else 0
    if ampm:
        hour = hour % 12 + (12 if ampm[0] in "pP" else 0)  # "PM", "pm", "p.m."
    micro = int((frac or "0").ljust(6, "0"))
    moment = datetime(year, month, day, hour, int(mm or 0), int(ss or 0), micro)
    if zone:
        moment = datetime.fromisoformat(moment.isoformat() + zone)  # "Z" too, since 3.11
    return _sentinel(moment)


def parse_day_first(value: str) -> datetime | None:
    """``31-01-2024 10:12[:SS]`` or ``31/01/2024``; placeholders and 1900 sentinels → None."""
    return _numeric(value, True)


def parse_month_first(value: str) -> datetime | None:
    """``01/31/2024 10:12 PM`` and friends; placeholders and 1900 sentinels → None."""
    return _numeric(value, False)


def parse_epoch(value: str) -> datetime | None:
    """``1709542800`` (seconds) or ``1709542800000`` (milliseconds) as naive UTC;
    placeholders → None; a number of another length raises ValueError."""
    if not value or value.strip().lower() in MISSING:
        return None
    m = _EPOCH_DIGITS.match(value)
    if m is None:
        raise ValueError(f"not a timestamp in seconds or milliseconds: {value!r}")
    digits = m.group(1)
    if len(digits) == 13:
        return _EPOCH + timedelta(milliseconds=int(digits))
    return _EPOCH + timedelta(seconds=int(digits))


def parse_excel_serial(value: str) -> datetime | None:
    """``46023.375`` (Excel's days since 1899-12-30) as a naive time, to the second;
    placeholders → None; anything else raises ValueError."""
    if not value or value.strip().lower() in MISSING:
        return None
    if _EXCEL_SERIAL.match(value) is None:
        raise ValueError(f"not an Excel serial date: {value!r}")
    return _EXCEL_DAY0 + timedelta(seconds=round(float(value) * 86400))


PARSERS: dict[str, Parser] = {
    "iso": parse_iso,
    "day-first": parse_day_first,
    "month-first": parse_month_first,
    "month-name": parse_month_name,
    "epoch": parse_epoch,
    "excel-serial": parse_excel_serial,
}


def evidence(values: Iterable[str]) -> tuple[str | None, bool, bool]:
    """What a column's values say: (shape, some value is day-first, some is month-first).

    Shape is "iso", "numeric", "named" (the month as a word), "epoch" (seconds or
    milliseconds since 1970), "excel" (Excel's serial days) or None (no dates seen, or not
    dates at all).
    """
    shape: str | None = None
    saw_day_first = saw_month_first = False
    iso_seen = 0
    # A column mixing numeric and month-word dates is read the way most of its cells are
    # written, so the cells written the other way are the ones named as odd.
    named = numeric = 0
    for raw in values:
        value = raw.strip()
        if value.lower() in MISSING:
            continue
        if value[4:5] == "-" and value[:4].isdigit() or _ISO_HEAD.match(value):
            shape = shape or "iso"
            iso_seen += 1
            if iso_seen >= _ISO_ENOUGH and shape == "iso":
                break  # year-first text has no day/month question to settle
            continue
        if _EPOCH_DIGITS.match(value):
            shape = shape or "epoch"
            continue
        if _EXCEL_SERIAL.match(value):
            shape = shape or "excel"
            continue
        m = _NUMERIC.match(value)
        if m is None:
            if _named(value) is None:
                return None, False, False
            named += 1
            shape = "named" if named > numeric else "numeric"
            continue
        numeric += 1
        shape = "numeric" if numeric >= named else "named"
        first, second = int(m.group(1)), int(m.group(2))
        saw_day_first |= first > 12
        saw_month_first |= second > 12
    return shape, saw_day_first, saw_month_first


def decide_orders(
    samples: dict[str, list[str]], default_day_first: bool, default_reason: str
) -> tuple[dict[str, str], list[str]]:
    """A parser name per date column and the notes saying which orders were guessed.

    Raises ValueError naming the column when it holds both orders (13/01 and 01/13).
    """
    seen = {col: evidence(vals) for col, vals in samples.items()}
    # A column whose dates fit both orders and are written with dots is day-first.
    seen = {col: (shape, day or (shape == "numeric" and not month and _dotted(samples[col])),
                  month) for col, (shape, day, month) in seen.items()}
    file_day = any(d for _, d, m in seen.values() if d and not m)
    file_month = any(m for _, d, m in seen.values() if m and not d)
    kinds: dict[str, str] = {}
    notes: list[str] = []
    for col, (shape, day, month) in seen.items():
        if shape != "numeric":
            kinds[col] = {"named": "month-name", "epoch": "epoch",
                          "excel": "excel-serial"}.get(shape or "", "iso")
            if shape == "excel":
                notes.append(f"{col!r}: numbers read as Excel serial dates (days since "
                             "1899-12-30)")
            continue
        if day and month:
            raise ValueError(col)
        if day or month:
            kinds[col] = "day-first" if day else "month-first"
            continue
        if file_day != file_month:
            kinds[col] = "day-first" if file_day else "month-first"
            notes.append(f"{col!r}: day and month order taken from the file's other dates")
            continue
        default = "day-first" if default_day_first else "month-first"
        together = _order_kept_together(samples[col][:_SPAN_SAMPLE])
        if together is not None and together[0] != default:
            order, near, far = together
            kinds[col] = order
            notes.append(f"{col!r}: every date fits both orders; read as {order}, which "
                         f"keeps them within {near} days ({default}, the {default_reason}, "
                         f"spreads them over {far} days)")
            continue
        kinds[col] = default
        notes.append(f"{col!r}: every date fits both orders; read as {default} "
                     f"({default_reason})")
    return kinds, notes


def _dotted(values: list[str]) -> bool:
    """Whether the column's numeric dates put dots between day and month (04.03.2024).

    Every locale that writes dates so (German, Russian, Polish, Finnish, Turkish...) writes
    the day first; none writes the month first between dots. A German Excel's "Unicode text"
    (tab) keeps them: before, a column of one day's tickets, which fits both orders equally
    closely, was read month-first and 4 March 2024 filed as 3 April."""
    for raw in values:
        m = _NUMERIC.match(raw)
        if m is not None:
            return "." in raw[:m.end(2)]
    return False


# How much closer together one order must keep a file's dates than the other to be chosen
# over the default: read the wrong way, the days 1-12 of one month become the same day of
# up to twelve months, about thirty times as far apart.
_TOGETHER = 5
# The dates parsed both ways to measure the spans: enough to see a spread, and a
# fraction of the CPU of the whole sample (0.18 s for three columns of 10,000).
_SPAN_SAMPLE = 2_000


def _span_days(values: list[str], parse: Parser) -> int | None:
    moments = []
    for value in values:
        try:
            moment = parse(value.strip())
        except ValueError:
            continue
        if moment is not None:
            moments.append(moment.replace(tzinfo=None))
    # whole days, a part of a day counted as one
    return -((min(moments) - max(moments)) // timedelta(days=1)) if moments else None


def _order_kept_together(values: list[str]) -> tuple[str, int, int] | None:
    """(order, its span in days, the other order's span) when one order keeps a column's
    dates, which fit both, far closer together than the other, else None.

    An export covers a stretch of time; a file whose every day is 12 or less covers the
    first days of a month (a weekly or mid-month export), and only the right order keeps
    those together. The default decided this before, and a day-first export of 1-11 April
    read month-first landed in January to November, replacing the figures of months
    imported before."""
    day = _span_days(values, parse_day_first)
    month = _span_days(values, parse_month_first)
    if day is None or month is None:
        return None
    if day * _TOGETHER < month:
        return "day-first", day, month
    if month * _TOGETHER < day:
        return "month-first", month, day
    return None


def as_utc(moment: datetime) -> datetime:
    """The moment in UTC (naive taken as UTC), for showing an export's latest timestamp."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
