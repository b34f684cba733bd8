"""Cells other than dates: booleans, counts, durations, satisfaction answers and statuses.

Each parser returns None for "no value" and raises ValueError for a value it cannot read, so
the caller can count the bad row and say which line and column it was.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from models.tickets.dates import MISSING

# Excel saves a TRUE/FALSE cell in its own language (WAHR/FALSCH, VRAI/FAUX, VERDADERO/FALSO,
# VERO/FALSO, VERDADEIRO/FALSO, WAAR/ONWAAR): a re-saved export's flags say so.
_TRUE = frozenset({"true", "yes", "y", "1", "t", "met", "within sla", "x", "vrai", "oui",
                   "wahr", "ja", "verdadero", "vero", "verdadeiro", "waar", "sí", "si", "sim"})
_FALSE = frozenset({
    "false", "no", "n", "0", "f", "not met", "sla violated", "violated", "breached", "missed",
    "faux", "non", "falsch", "nein", "falso", "onwaar", "nee", "não", "nao",
})

# The statuses as Zendesk, Zoho Desk and Freshdesk export them in an agent's language
# (German, French, Spanish, Dutch, Portuguese, Italian): the export writes the word the
# agent's interface shows, so a German team's file says "Offen", not "Open".
_LOCALISED_RESOLVED = frozenset({
    "gelöst", "geschlossen", "erledigt", "résolu", "resolu", "clos", "fermé", "ferme",
    "resuelto", "cerrado", "opgelost", "gesloten", "resolvido", "fechado", "risolto", "chiuso",
})
_LOCALISED_CANCELLED = frozenset({
    "storniert", "abgebrochen", "annulé", "annule", "cancelado", "geannuleerd", "annullato",
})
_LOCALISED_OPEN = frozenset({
    "neu", "offen", "wartend", "angehalten", "in bearbeitung", "eskaliert", "nouveau",
    "ouvert", "en attente", "en pause", "nuevo", "abierto", "pendiente", "en espera",
    "nieuw", "in afwachting", "in de wacht", "novo", "aberto", "pendente", "em espera",
    "nuovo", "aperto", "in sospeso", "in attesa",
})
# "archived" is Front's word for a conversation done with.
RESOLVED = frozenset({"solved", "resolved", "closed", "done", "completed", "complete", "fixed",
                      "archived", *_LOCALISED_RESOLVED})
# "merged": Gladly's word for a conversation that no longer exists, merged into another.
CANCELLED = frozenset({"canceled", "cancelled", "deleted", "spam", "duplicate", "rejected",
                       "declined", "won't do", "wont do", "merged", *_LOCALISED_CANCELLED})
OPEN = frozenset({*_LOCALISED_OPEN,
    "new", "open", "pending", "hold", "on hold", "on-hold", "in progress", "active", "assigned",
    "work in progress", "reopened", "escalated", "snoozed", "working",
    # Front's "unassigned", Jira's "to do" and the ITSM workflows' investigation steps
    "unassigned", "to do", "todo", "under investigation", "investigating", "under review",
    "in review",
})

# Survey answers that are an invitation, not an answer (Zendesk "Offered": sent, unanswered).
_UNANSWERED = frozenset({"offered", "unoffered", "not offered", "not rated", "no rating"})
# Help Scout rates a reply Great, Okay or Not Good; Okay is its neutral answer, which is
# not satisfied, as Freshdesk's Neutral.
_SATISFIED = frozenset({
    "great", "good", "goodwithcomment", "good with comment", "awesome", "happy", "satisfied",
    "very satisfied", "extremely satisfied", "positive", "very happy", "extremely happy",
})
_UNSATISFIED = frozenset({
    "bad", "badwithcomment", "bad with comment", "not good", "neutral", "unhappy",
    "dissatisfied", "unsatisfied", "very dissatisfied", "extremely dissatisfied", "negative",
    "just okay", "okay", "very unhappy", "extremely unhappy", "very unsatisfied",
    "extremely unsatisfied",
})


def _clean(value: str) -> str | None:
    text = value.strip().lower()
    return None if text in MISSING else text


def parse_bool(value: str) -> bool | None:
    """TRUE/FALSE, true/false, Yes/No, 1/0, and SLA words ("Within SLA", "SLA Violated")."""
    text = _clean(value)
    if text is None:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"not yes or no: {value!r}")


def parse_count(value: str) -> int | None:
    """A whole count such as ``3`` or ``3.0`` (spreadsheets add the ``.0``).

    "inf", "1e400" or a count past what a 64-bit column holds is no count anybody
    exported: unreadable, as "-1" is, rather than an overflow that stops the import.
    """
    text = _clean(value)
    if text is None:
        return None
    number = float(text.replace(",", "."))
    if not 0 <= number < _COUNT_LIMIT or not number.is_integer():  # NaN fails too
        raise ValueError(f"not a count: {value!r}")
    return int(number)


_COUNT_LIMIT = float(2**63)  # a count column is 64-bit before it is narrowed


# Digits grouped by thousands, as a spreadsheet displays and exports them: "1,440" and
# "1,234.5" where the decimal mark is a point, "1.250,5" where it is a comma.
_GROUPED = {False: re.compile(r"^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$"),
            True: re.compile(r"^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$")}


def parse_number(value: str, decimal_comma: bool = False) -> float | None:
    """A non-negative number; ``HH:MM[:SS]`` reads as hours.

    ``decimal_comma``: the file was saved where the decimal mark is a comma (a ';' CSV),
    so "1.250,5" is 1250.5. Otherwise a comma between groups of three digits separates
    thousands, as Google Sheets and a US Excel write 1,440 minutes; a comma anywhere else
    ("1,5") is still a decimal mark, as a hand-made file writes it."""
    text = _clean(value)
    if text is None:
        return None
    if ":" in text:
        parts = [float(p) for p in text.split(":")]
        while len(parts) < 3:
            parts.append(0.0)
        number = parts[0] + parts[1] / 60 + parts[2] / 3600
    else:
        if _GROUPED[decimal_comma].match(text):
            text = text.replace("." if decimal_comma else ",", "")
        number = float(text.replace(",", "."))
    if number < 0:
        raise ValueError(f"negative: {value!r}")
    if not math.isfinite(number):  # "inf" or "1e400" made a p90 of Infinity, not JSON
        raise ValueError(f"not finite: {value!r}")
    return number


# A cell that can only be read one way: a fraction of other than three digits ("0,5",
# "12,25"), a zero before the mark ("0,440"), or grouped digits followed by the other mark
# ("1.250,5"). "1,440" alone could be either: it says nothing.
_SHOWS = {True: re.compile(r"^-?(\d+,(\d{1,2}|\d{4,})|0,\d+|\d{1,3}(\.\d{3})+,\d+)$"),
          False: re.compile(r"^-?(\d+\.(\d{1,2}|\d{4,})|0\.\d+|\d{1,3}(,\d{3})+\.\d+)$")}


def decimal_marks(cells: Iterable[str]) -> dict[bool, str]:
    """The first cell (in file order) showing each decimal mark (True: a comma, False: a point)."""
    found: dict[bool, str] = {}
    for cell in dict.fromkeys(cells):
        text = cell.strip()
        for comma, shape in _SHOWS.items():
            if comma not in found and shape.match(text):
                found[comma] = text
    return found


# HubSpot's "Time to Close SLA Ticket Status" (hs_time_to_close_sla_status): a verdict once
# completed or overdue (missed, open or not, as Jira's breached clock); "Due Soon" and
# "Active SLA" are a running clock with no verdict yet.
_SLA_WORDS: dict[str, bool | None] = {
    "sla completed on time": True, "sla completed late": False, "overdue": False,
    "due soon": None, "active sla": None,
}


def parse_sla(value: str) -> bool | None:
    """An SLA cell: yes/no words (``parse_bool``) or a status word such as HubSpot's."""
    text = _clean(value)
    if text in _SLA_WORDS:
        return _SLA_WORDS[text]
    return parse_bool(value)


def decimal_mark_evidence(cells: Iterable[str]) -> bool | None:
    """True when the cells show a decimal comma, False a decimal point, None when they show
    neither or both (a locale is a property of the whole file, so one mark must be alone)."""
    found = decimal_marks(cells)
    return next(iter(found)) if len(found) == 1 else None


def parse_csat(value: str) -> tuple[float | None, bool] | None:
    """An answered survey as (score 1-5 or None for a word answer, satisfied?); None = no answer.

    Numeric answers on 1-5 give the mean and the 4-5 share; Good/Bad-style answers have no
    place on a 1-5 scale, so they count as answers and feed the satisfied share only.
    """
    text = _clean(value)
    if text is None or text in _UNANSWERED:
        return None
    if text in _SATISFIED:
        return None, True
    if text in _UNSATISFIED:
        return None, False
    score = float(text.replace(",", "."))
    if not 1 <= score <= 5:
        raise ValueError(f"not a 1-5 score: {value!r}")
    return score, score >= 4


def status_state(value: str) -> str | None:
    """"resolved", "cancelled", "open", or None when blank; ValueError for a word not known.

    An unknown word (a team's own status) is not guessed open: the caller counts it as an
    unreadable cell, and the ticket is resolved only when a resolution time says so."""
    text = _clean(value)
    if text is None:
        return None
    if text in RESOLVED:
        return "resolved"
    if text in CANCELLED:
        return "cancelled"
    if text in OPEN or text.startswith(("awaiting", "waiting")):
        return "open"
    raise ValueError(f"not a status it knows: {value!r}")


# Jira Service Management's SLA display units (its "SLA display formats" page): minutes,
# hours, days, weeks, months (4 weeks), years (12 months).
_SLA_UNITS = {"m": 1 / 60, "min": 1 / 60, "h": 1.0, "d": 24.0, "w": 168.0, "mo": 672.0,
              "yr": 8064.0}
_SLA_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*(min|mo|yr|m|h|d|w)\b")
_SLA_CLOCK = re.compile(r"^(?:\d+(?:[.,]\d+)?\s*(?:min|mo|yr|m|h|d|w)\s*)+$")


def parse_sla_clock(value: str) -> float | None:
    """An SLA clock as Jira Service Management exports it (``3h 15m``, ``-2h 30m``,
    ``-1d 4h``, ``02:10``): the time left when it stopped or now, negative once breached.

    Only the sign is used: Jira counts a "day" in its calendar's working hours, so the hours
    returned (24-hour days, 7-day weeks) are not durations to average."""
    text = _clean(value)
    if text is None:
        return None
    sign = -1.0 if text.startswith("-") else 1.0
    body = text.lstrip("+-").strip()
    if ":" in body:
        return sign * (parse_number(body) or 0.0)
    if not _SLA_CLOCK.match(body):
        raise ValueError(f"not an SLA clock: {value!r}")
    total = sum(float(n.replace(",", ".")) * _SLA_UNITS[u] for n, u in _SLA_PART.findall(body))
    return sign * total


# A date written 04.03.2024: every locale that writes dates so writes a decimal comma.
_DOTTED_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\b")


def decimal_comma_of(numbers: dict[str, list[str]], dates: dict[str, list[str]],
                     semicolon: bool) -> tuple[bool, str | None]:
    """Whether the file writes a decimal comma, and the note that says why when its delimiter
    alone would have said otherwise (or its numbers disagree).

    A locale belongs to the file, not to a cell: Excel's tab-delimited "Unicode text" from a
    decimal-comma locale writes 1.44 h as ``1,440``, which only the file's other numbers
    (``0,5``) or its dates (``04.03.2024``) tell apart from 1440. Without such a sign the
    delimiter decides (';' is saved where the decimal mark is a comma)."""
    seen: dict[bool, tuple[str, str]] = {}
    for column, cells in numbers.items():
        for comma, cell in decimal_marks(cells).items():
            seen.setdefault(comma, (column, cell))
    if len(seen) == 2:
        (c_col, c_cell), (p_col, p_cell) = seen[True], seen[False]
        read = "a decimal mark" if semicolon else "a thousands separator"
        return semicolon, (f"numbers are written with both decimal marks ({c_cell!r} in "
                           f"{c_col!r}, {p_cell!r} in {p_col!r}): a comma between groups of "
                           f"three digits is read as {read}")
    if seen:
        comma, (column, cell) = next(iter(seen.items()))
        if comma == semicolon:
            return comma, None
        mark = "comma" if comma else "point"
        return comma, f"numbers read with a decimal {mark}, as {column!r} writes {cell!r}"
    dotted = next(((c, v) for c, cells in dates.items() for v in cells
                   if _DOTTED_DATE.match(v.strip())), None)
    if dotted is None or semicolon:
        return semicolon, None
    return True, (f"numbers read with a decimal comma, as the locale that writes dates "
                  f"{dotted[1].strip()!r} ({dotted[0]!r}) does")
