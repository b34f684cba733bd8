"""Escaping user text for Markdown and for Mermaid, one small function per context.

Everything a person typed into a workshop ends up in a document that other
people read in a wiki or a pull request.  The text must arrive *as typed*: a
pain point "Agent says `reset` | then nothing" must not split a table row, a
touchpoint called "# 1 priority" must not become a heading, and a stage named
"section: end" must not end a Mermaid diagram early.  Each context has its own
rules, so each has its own function here, with the reason next to the rule.

Markdown contexts keep the text recoverable (backslash escapes and HTML entities render
exactly the typed characters) and escape only what Markdown would read as syntax there, so
``->`` stays ``->``.  Mermaid decodes its entity codes (``#58;`` is ``:``) before any
diagram grammar sees the text, so every character that is syntax becomes its entity code:
the diagram shows exactly what was typed (``tests/models/test_mermaid_render.py``).
"""

from __future__ import annotations

import functools
import re

# -- shared cleaning -----------------------------------------------------------

# Python's str.splitlines() boundaries: \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.
# CommonMark only knows \n and \r, but a person who pasted a \u2028 meant a line
# break, and leaving the others as raw control characters helps nobody.
_SPACE_RUN = re.compile(r"\s+")


def _visible_char(ch: str) -> str:
    """A replacement for characters that must never reach a document raw.

    C0 controls become the Unicode "control pictures" (\x1b -> ␛) so that the
    reader sees that something odd was typed instead of a terminal escape or an
    invisible byte; DEL likewise; lone surrogates (possible in a Python str but
    not encodable as UTF-8) become U+FFFD so writing the file cannot fail.
    """
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    if 0x80 <= code <= 0x9F:  # C1 controls: no picture exists
        return "\ufffd"
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        # bidi embeddings, overrides and isolates visually reorder the rest of the
        # line, the next field's text included: a mark, as in the TUI and the CLI
        return "\ufffd"
    return ch


# What ``split_lines`` would split on or ``clean_line`` would change: controls (tab and
# every line break but two included), the bidi marks and the two Unicode separators,
# which ``_visible_char`` keeps as they are.  None of them is printable, so a printable
# text never needs it.
_NOT_ONE_LINE = "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]"


@functools.cache
def _not_one_line() -> re.Pattern[str]:
    """``_NOT_ONE_LINE`` compiled when a line that is not printable first needs it: ``re``
    builds the class's map in pure Python (~4.3 M instructions), which a printable export
    never needs."""
    return re.compile(_NOT_ONE_LINE)


def clean_line(text: str) -> str:
    """One physical line of visible text: tabs become spaces, controls become pictures."""
    if text.isprintable():  # no tab, control, separator or bidi mark: most lines
        return text
    return _not_one_line().sub(lambda m: _visible_char(m.group()), text.replace("\t", " "))


def _as_text(value: object) -> str:
    """A value that is not a str as text: None is nothing, any number is shown (0 is "0")."""
    return "" if value is None else str(value)


def split_lines(text: str) -> list[str]:
    """The typed lines of a text (any line-break convention), each cleaned."""
    return [clean_line(line) for line in str(text).splitlines()]


def one_line(text: str) -> str:
    """All whitespace runs (line breaks included) collapsed to single spaces, trimmed."""
    return clean_line(_SPACE_RUN.sub(" ", str(text)).strip())


# -- Markdown ------------------------------------------------------------------

# Inline punctuation that starts Markdown (or GitHub) syntax anywhere in a line:
# emphasis (* _), code spans (`), links and images ([ ]), strikethrough (~),
# GitHub math ($), table cells (|), headings and their closing sequence (#),
# and the backslash itself so that a typed "\*" does not escape our escape.
_MD_BACKSLASH = frozenset("\\`*_[]~$|#")
# HTML is allowed in GitHub Markdown: a typed "<b>" must show as typed.  A "<" can start a
# tag, comment, declaration or autolink ("<b", "</", "<!", "<?", e-mail autolinks), so it
# becomes "&lt;" unless a space, "-", "=", "<" or a digit follows it on a line without "@"
# ("a <- b", "3 < 4", "<= 5" stay).  ">" is syntax only at a block's start (below); "&" only
# where it would form an entity ("&amp;"), so "Triage & Diagnosis" stays readable.
_MD_TAG_START = r"<(?![\s<=\-\d]|$)"
# compiled at the first "<" (~0.4 M instructions in pure Python that a map without one skips)
md_tag_start = functools.cache(functools.partial(re.compile, _MD_TAG_START))
_MD_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# At a block's start more characters are structure: bullets ("- " "+ "), breaks and setext
# underlines ("---", "==="), ordered lists ("12. " / "12) ", followed by a space or the line
# end, so "9.5 hours" stays) and quotes (">").  A backslash in front makes them plain.
_MD_BLOCK_START = re.compile(r"^([-+=])(?=[-=\s]|$)|^(>)|^(\d{1,9})([.)])(?=\s|$)")
LINE_BREAK = "<br>"
# The characters a block marker can start with, besides digits (``str.isdigit`` holds
# every digit ``\d`` matches).
_BLOCK_FIRST = frozenset("-+=>")


# The backslash first, so the escapes added for the others are not escaped again.
_MD_ESCAPES = tuple((ch, "\\" + ch) for ch in sorted(_MD_BACKSLASH, key=lambda c: (c != "\\", c)))


# Any character that one of the passes below would change: most text has none.
_MD_SPECIAL = re.compile(r"[\\`*_\[\]~$|#<&]")


def _md_escape_chars(line: str) -> str:
    if _MD_SPECIAL.search(line) is None:
        return line
    return _escape_present(line)


def _escape_present(line: str) -> str:
    """``_md_escape_chars`` of a line known to hold a special character (no search)."""
    # "&" that would start an entity and "<" that would start a tag become NUL / SOH
    # placeholders first (cleaned lines never hold controls), turned into "&amp;" and
    # "&lt;" once the backslashes are in.  One str.replace per character present: a
    # translate() table with multi-character values walks the text one dict lookup per
    # character, about five times slower on the export of a big map.
    marked = _MD_ENTITY_LIKE.sub("\x00", line) if "&" in line else line
    if "<" in marked:
        marked = (marked.replace("<", "\x01") if "@" in marked
                  else md_tag_start().sub("\x01", marked))
    return escape_marked(marked)


def escape_marked(marked: str) -> str:
    """Backslashes before syntax, then the NUL / SOH marks as ``&amp;`` / ``&lt;``.

    The second half of ``_escape_present``, shared with the batches of ``md_cells``
    (one text or many joined: the passes are the same).
    """
    for ch, escaped in _MD_ESCAPES:
        if ch in marked:
            marked = marked.replace(ch, escaped)
    if "\x00" in marked:
        marked = marked.replace("\x00", "&amp;")
    if "\x01" in marked:
        marked = marked.replace("\x01", "&lt;")
    return marked


def _md_block_safe(escaped: str) -> str:
    """Backslash-escape a leading list/underline/ordered-list marker."""
    first = escaped[:1]
    if first not in _BLOCK_FIRST and not first.isdigit():  # most text: no regex to run
        return escaped
    match = _MD_BLOCK_START.match(escaped)
    if match is None:
        return escaped
    if match.group(1) or match.group(2):
        return "\\" + escaped
    return f"{match.group(3)}\\{escaped[len(match.group(3)):]}"


def md_inline(text: object) -> str:
    """User text inside a paragraph, list item or heading: always ONE physical line.

    Line breaks become ``<br>`` so a multi-line note can never end the list item
    or paragraph it sits in (an empty line would), and surrounding whitespace is
    trimmed because four leading spaces make an indented code block.  The start
    is made block-safe because list items and headings begin a block.
    """
    return _md_inline(text if type(text) is str else _as_text(text))


def _escape_inline(text: str) -> str:
    """``md_inline`` of a str, worked out (``_md_inline`` and ``Cells`` remember it)."""
    # ``isprintable`` (no control, no separator but the space) is one line with nothing
    # to clean.  Only the syntax is left to look for, a one-byte class the search tests
    # per character with one bit.  Any other text takes the lines' path, which gives a
    # text with nothing ``_NOT_ONE_LINE`` matches (a no-break space, a joiner) the same
    # bytes: one line, cleaned to itself.
    if text.isprintable():
        if _MD_SPECIAL.search(text) is None:  # one clean line, no syntax: most text
            text = text.strip()
            first = text[:1]
            if first not in _BLOCK_FIRST and not first.isdigit():
                return text
            return _md_block_safe(text)
        escaped = _escape_present(text.strip())
        first = escaped[:1]
        if first not in _BLOCK_FIRST and not first.isdigit():
            return escaped
        return _md_block_safe(escaped)
    lines = [line.strip() for line in split_lines(text)]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    escaped = LINE_BREAK.join(_md_escape_chars(line) for line in lines)
    return _md_block_safe(escaped)


# remembered: a big map repeats its channels, lanes, teams and feelings on every row
_md_inline = functools.lru_cache(maxsize=8192)(_escape_inline)


class Cells(dict[str, str]):
    """``md_inline`` (= ``md_cell``) of the user texts of one document, each worked out once.

    Why: a 2,000-touchpoint export escapes about 8,000 distinct texts and asks
    for them 24,000 times; a dict lookup costs a fraction of a function call
    into the shared bounded cache, and the dict goes away with the document,
    so nothing of one workshop stays behind for the next.
    """

    __slots__ = ()

    def __missing__(self, text: str) -> str:
        escaped = self[text] = _escape_inline(text if type(text) is str else _as_text(text))
        return escaped


def _joinable(text: str) -> bool:
    """No ``<`` (escaped by what follows it), no open entity, one clean line (printable)."""
    return text.isprintable() and "<" not in text and closes_no_entity(text)


def closes_no_entity(text: str) -> bool:
    """No ``&`` that the characters after a line or text could make an entity (``&amp``)."""
    return "&" not in text or _MD_ENTITY_LIKE.search(text.replace("\n", "a;\n") + "a;") is None


def md_joined(cells: Cells, head: str, sep: str, tail: str) -> str:
    """``md_inline(head + sep + tail)``, from the escapes of ``head`` and ``tail`` when exact.

    Why: "stage › name" names a touchpoint in hundreds of rows.  Escapes are per character,
    so the line's are the parts' joined when both are stripped, not empty, ``_joinable``,
    ``tail`` starts with no block marker or digit, ``sep`` is syntax-free.
    """
    prefix = md_joined_head(cells, head, sep)
    if prefix is not None and fits_in_line(tail):
        return prefix + cells[tail]
    return cells[head + sep + tail]


def md_joined_head(cells: Cells, head: str, sep: str) -> str | None:
    """``cells[head] + sep`` if ``md_joined`` may join a tail to it (asked once per stage)."""
    if (head and head == head.strip() and _joinable(head)
            and sep[:1].isspace() and sep.isprintable() and _MD_SPECIAL.search(sep) is None):
        return cells[head] + sep
    return None


def fits_in_line(tail: str) -> bool:
    """The other half: ``tail`` stripped, not empty, no block marker or digit first, joinable."""
    return (tail[:1] not in _BLOCK_FIRST and not tail[:1].isdigit() and tail == tail.strip()
            and tail != "" and _joinable(tail))


def md_cell(text: object) -> str:
    """User text inside a GitHub table cell: :func:`md_inline`'s rules, which escape ``|``
    (the cell separator) and turn line breaks into ``<br>``.  Its own name because callers
    rely on it: the result never holds an unescaped ``|`` nor a newline; "" stays "".
    """
    return _md_inline(text if type(text) is str else _as_text(text))


def md_table(headers: list[str], rows: list[list[str]]) -> str:
    """A GitHub table from already-escaped cells; every row gets exactly len(headers) cells,
    padded or refused here, so no caller's mistake can make rows disagree on their cells."""
    width = len(headers)
    lines = md_table_head(headers)
    for row in rows:
        if len(row) != width:
            if len(row) > width:
                raise ValueError(f"table row has {len(row)} cells for {width} columns")
            row = list(row) + [""] * (width - len(row))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def md_table_head(headers: list[str]) -> list[str]:
    """The header and delimiter lines of ``md_table``, for a section that writes its rows.

    Why: the biggest tables (a row per touchpoint) write each row as one string
    of a fixed number of cells, exactly as ``md_table`` joins a row's cells,
    instead of building a list per row and joining it again.
    """
    return ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]


# -- Mermaid -------------------------------------------------------------------

# Characters that are syntax in Mermaid's line-based grammars, as Mermaid entity codes:
#   :  separates a task name from its data (journey, gantt) and starts a point
#   #  starts a comment (journey, gantt) and "#name;" is itself an entity code
#   ;  ends a statement
#   `  would close the surrounding ``` fence and starts "`markdown`" strings
#   < > are HTML to Mermaid's label renderer (and "<br>" a line break)
#   "  delimits quoted strings (quadrantChart point names)
#   { } "%%{" opens a directive; "accDescr {" a block
#   %  starts a comment ("%%" anywhere; in gantt a single "%" is enough)
_MERMAID_CHARS = str.maketrans({
    ":": "#58;", "#": "#35;", ";": "#59;", "`": "#96;", "<": "#60;", ">": "#62;",
    '"': "#quot;", "{": "#123;", "}": "#125;", "%": "#37;",
})
# The lexers are case-insensitive and match keywords at the start of a token
# without a word boundary ("journeyman" lexes as "journey" + "man"), and gantt
# lexes a leading YYYY-MM-DD as a date (before any task name rule).  Labels that
# start like that get their first character as an entity code, which no
# keyword matches and which Mermaid shows as the typed character.
_JOURNEY_KEYWORDS = ("journey", "title", "section", "acctitle", "accdescr")
_GANTT_KEYWORDS = ("gantt", "dateformat", "inclusiveenddates", "topaxis", "axisformat",
                   "tickinterval", "includes", "excludes", "todaymarker", "weekday", "title",
                   "accdescription", "acctitle", "accdescr", "section", "click", "href", "call")
_GANTT_START = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MERMAID_MAX = 60


def mermaid_entity(ch: str) -> str:
    """One character as a Mermaid entity code (``#58;`` for ``:``)."""
    return f"#{ord(ch)};"


def _mermaid_base(text: object, limit: int, keywords: tuple[str, ...] = (),
                  risky_start: re.Pattern[str] | None = None, extra: str = "") -> str:
    """One line, syntax characters as entity codes, not too long, never empty.

    U+FEFF counts as whitespace for JavaScript's ``\\s`` (the lexers skip it)
    but not for Python's, so it is turned into a space before collapsing;
    otherwise "\\ufefftitle" would slip past the keyword check below.  The
    text is shortened before it is encoded so an entity is never cut in half.
    ``extra`` names more characters to encode in this context (``,`` for actors).
    """
    line = one_line(_as_text(text).replace("\ufeff", " "))
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    if not line:
        return "(untitled)"
    folded = line.casefold()
    head = ""
    if (keywords and folded.startswith(keywords)) or (risky_start and risky_start.match(line)):
        head, line = mermaid_entity(line[0]), line[1:]
    table = _MERMAID_CHARS if not extra else str.maketrans(
        {**{chr(k): v for k, v in _MERMAID_CHARS.items()},
         **{ch: mermaid_entity(ch) for ch in extra}})
    return head + line.translate(table)


def mermaid_journey(text: object, limit: int = MERMAID_MAX) -> str:
    """A ``journey`` title, section or task name.

    The journey lexer reads a task as ``name: score: actors`` and a section as
    ``section name``; names stop at ``:``, ``#``, ``;`` or a newline, and a name
    starting with ``title``/``section``/``journey`` is taken as that keyword.
    """
    return _mermaid_base(text, limit, _JOURNEY_KEYWORDS)


def mermaid_journey_actor(text: object) -> str:
    """An actor after a journey task's score: actors are split on ``,``."""
    return _mermaid_base(text, 30, _JOURNEY_KEYWORDS, extra=",")


def mermaid_gantt(text: object, limit: int = MERMAID_MAX) -> str:
    """A ``gantt`` title, section or task name.

    Task names end at ``:`` (the task data follows), ``#`` starts a comment,
    and names starting with a keyword (``excludes``, ``click``, ``section`` …)
    or a ``YYYY-MM-DD`` date are read as that statement.
    """
    # Gantt also lexes a token starting "x%" or "%" as a comment (one percent sign is
    # enough), so "5% fewer" would vanish with the rest of its line: "%" is "#37;".
    return _mermaid_base(text, limit, _GANTT_KEYWORDS, _GANTT_START)


def mermaid_quadrant_point(text: object, limit: int = 40) -> str:
    """A ``quadrantChart`` point name, returned *quoted*.

    Unquoted names may only hold letters and some punctuation (``[``, ``]``,
    ``:`` and ``,`` are point syntax), so names are always written as
    ``"name"``, inside which everything but ``"`` (``#quot;``) is literal.
    """
    return f'"{_mermaid_base(text, limit)}"'


def mermaid_quadrant_text(text: object, limit: int = 40) -> str:
    """A ``quadrantChart`` title, axis or quadrant label (quoted, like point names)."""
    return f'"{_mermaid_base(text, limit)}"'

