"""Visual views people would rather look at than read: swimlanes and the matrix.

Pure renderers of Rich ``Text`` from plain data (no store, no SQLModel) so they
are cheap to test and can be drawn at any width; user text goes through
``tui.safe_text``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from models.vocab import ACTOR_LABELS, ACTOR_LETTERS, ACTORS
from tui.safe_text import clean, fit, steady

NO_OWNER = "(no owner)"
# The customer moving on to another team's channel without a handoff; the Ownership
# step's keys panel says what it means, with this very mark.
CHANNEL_MARK = "›"


@dataclass(frozen=True)
class LanePoint:
    """One touchpoint on the swimlanes: its number, team and stage, and the handoff into it."""

    number: int
    team: str  # "" = unowned
    stage: str
    handoff_in: bool = False
    informed: bool = False
    actor: str = ""  # models.vocab.ACTORS; "" = not said


def actor_legend() -> str:
    """The key to the letters after the touchpoint numbers."""
    keys = " · ".join(f"{ACTOR_LETTERS[a]} {ACTOR_LABELS[a]}" for a in ACTORS)
    return f"Actor: {keys} · no letter: not said"


class LaneLayout:
    """Where everything on the swimlanes goes, so one window of one line can be drawn alone.

    One row per team, touchpoints in journey order, a mark where the lane
    changes.  Only a handoff (``models.rules.handoffs``) gets ▶ (customer told)
    or ! (not told); any other change of lane is the customer moving on to
    another team's channel and gets a quiet ›.  When the map says who performs
    touchpoints, each number carries its actor's letter (3B: a bot) and a legend
    line follows, so a bot and a person are told apart without colour; the cells
    widen to fit.

    ``room`` (columns the drawing may take; 0: as narrow as it goes) widens the
    cells until every stage name fits over its touchpoints, as far as ``room``
    allows: a short map on a wide terminal shows "Discovering the lockout", not
    "Discove"; a map longer than the screen keeps the narrow cells.

    Why a layout and not one ``Text``: a 10,000-touchpoint map has lines 40,000
    cells wide, and building them whole cost a first visit ~0.3 s of CPU to show
    120 columns.  Every touchpoint takes ``cell`` columns after the team label,
    so the touchpoints behind columns x1..x2 are known by arithmetic.
    """

    EMPTY = "Swimlanes appear once touchpoints have owners."

    def __init__(self, points: Sequence[LanePoint], cell: int = 4, room: int = 0) -> None:
        self.lettered = any(p.actor in ACTOR_LETTERS for p in points)
        if self.lettered:
            cell = max(cell, len(str(max(p.number for p in points))) + 2)
        self.points, self.cell = points, cell
        teams = list(dict.fromkeys(p.team for p in points if p.team))
        if any(not p.team for p in points):
            teams.append("")
        self.teams = teams
        self._row_of = {team: i for i, team in enumerate(teams)}
        self.label_w = min(16, max(len(clean(t or NO_OWNER)) for t in teams) + 1) if teams else 0
        groups: list[tuple[str, int, int]] = []  # (stage, first point, points) in a row
        for i, p in enumerate(points):
            if groups and groups[-1][0] == p.stage:
                groups[-1] = (p.stage, groups[-1][1], groups[-1][2] + 1)
            else:
                groups.append((p.stage, i, 1))
        self._groups = groups
        self._group_starts = [first for _, first, _ in groups]
        if room and points:
            fit = max(-(-(cell_len(steady(clean(stage)) or "?") + 1) // count)
                      for stage, _, count in groups)
            self.cell = max(cell, min(fit, (room - self.label_w) // len(points)))

    @property
    def height(self) -> int:
        return 1 + len(self.teams) + self.lettered if self.points else 1

    @property
    def legend_y(self) -> int | None:
        """The line of the actor legend, when the numbers carry letters."""
        return 1 + len(self.teams) if self.points and self.lettered else None

    def _label(self, team: str) -> str:
        return fit(clean(team or NO_OWNER), self.label_w - 1, pad=True) + " "

    def _stage_text(self, stage: str, count: int) -> str:
        return fit(clean(stage) or "?", count * self.cell - 1, pad=True)

    @property
    def width(self) -> int:
        """Terminal cells of the widest line (user text may hold wide characters)."""
        if not self.points:
            return cell_len(self.EMPTY)
        head = self.label_w + sum(1 + cell_len(self._stage_text(stage, count))
                                  for stage, _, count in self._groups)
        body = len(self.points) * self.cell
        legend = cell_len(actor_legend()) if self.lettered else 0
        return max(head, legend,
                   *(cell_len(self._label(team)) + body for team in self.teams))

    def wide(self, y: int) -> bool:
        """True when line ``y`` has characters wider or narrower than one cell."""
        if not self.points:
            return False
        if y == self.legend_y:
            return True  # short: drawn whole
        if y == 0:
            return any(cell_len(t) != len(t) for t in
                       (self._stage_text(stage, count) for stage, _, count in self._groups))
        label = self._label(self.teams[y - 1])
        return cell_len(label) != len(label)

    def line(self, y: int, first: int = 0, last: int | None = None) -> Text:
        """Line ``y``; touchpoints before ``first`` are blank, none is drawn from ``last`` on."""
        points = self.points
        if not points:
            return Text(self.EMPTY, style="dim", end="")
        last = len(points) if last is None else min(last, len(points))
        first = max(0, min(first, last))
        if y == self.legend_y:
            return Text(actor_legend(), style="dim", no_wrap=True, end="")
        if y == 0:
            head = Text(" " * self.label_w, no_wrap=True, end="")
            g = max(0, bisect_right(self._group_starts, first) - 1)
            head.append(" " * (self._groups[g][1] * self.cell))
            for stage, start, count in self._groups[g:]:
                if start >= last:
                    break
                head.append("┊", style="dim")
                head.append(self._stage_text(stage, count), style="bold")
            return head
        team = self.teams[y - 1]
        row = y - 1
        line = Text(self._label(team), style="bold" if team else "yellow", no_wrap=True, end="")
        line.append(" " * (first * self.cell))
        row_of, width = self._row_of, self.cell - 1
        for i in range(first, last):
            p = points[i]
            sep, sep_style = " ", ""
            prev = points[i - 1] if i else None
            if prev is not None and prev.team != p.team:
                a, b = row_of[prev.team], row_of[p.team]
                if row == b and not p.handoff_in:  # the customer changing channel
                    sep, sep_style = CHANNEL_MARK, "dim"
                elif row == b:
                    sep, sep_style = ("▶", "green") if p.informed else ("!", "bold red")
                elif row == a:
                    sep = "┐" if b > a else "┘"
                elif min(a, b) < row < max(a, b):
                    sep = "│"
            line.append(sep, style=sep_style)
            if p.team == team:
                mark = f"{p.number}{ACTOR_LETTERS.get(p.actor, '')}"
                line.append(mark.rjust(width), style="reverse" if not team else "bold")
            else:
                line.append("·".rjust(width), style="dim")
        return line

    def window(self, y: int, x1: int, x2: int) -> Text:
        """Columns ``x1``..``x2`` of line ``y``: ``line(y)[x1:x2]``, drawing only those."""
        if self.wide(y) or not self.points:
            return self.line(y)[x1:x2]
        first = max(0, (x1 - self.label_w) // self.cell)
        last = max(0, -(-(x2 - self.label_w) // self.cell))
        return self.line(y, first, last)[x1:x2]


def draw_swimlanes(points: Sequence[LanePoint], cell: int = 4) -> Text:
    """The whole drawing as one ``Text`` (see ``LaneLayout``; screens draw windows of it)."""
    layout = LaneLayout(points, cell)
    return Text("\n", end="").join(layout.line(y) for y in range(layout.height))


class Swimlanes(Widget):
    """The swimlane drawing; as wide as the journey needs (its container scrolls).

    Textual turns a widget's whole content into styled strips before showing
    any of it, which for a 10,000-touchpoint map means lines 40,000 cells wide
    (seconds here).  So only the columns in view are drawn: each line's window
    comes from ``LaneLayout.window`` and is rendered by Textual's own
    ``Visual.to_strips`` (same output as drawing the whole text); the rest of
    the line is blank padding the compositor crops away.
    """

    DEFAULT_CSS = "Swimlanes { height: auto; width: auto; }"
    # From this terminal width on, the cells widen so stage names show whole (LaneLayout's
    # ``room``); below it (80 and 120 columns) every touchpoint keeps its narrow cell.
    ROOMY = 160

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.layout_ = LaneLayout(())
        self._room = 0  # the ``room`` the layout was made for
        self._window = (0, 0)
        self._strips: dict[int, Strip] = {}

    def _room_now(self) -> int:
        width = self.app.size.width
        return width - 2 if width >= self.ROOMY else 0

    def fit_width(self) -> None:
        """Lay the lanes out again if the terminal's width changed what they may take.

        Called on every resize of the view (a step switch is one too), so nothing
        is redone while the width stays.
        """
        if self._room_now() != self._room:
            self.set_points(self.layout_.points)

    def set_points(self, points: Sequence[LanePoint]) -> None:
        self._room = self._room_now()
        self.layout_ = LaneLayout(points, room=self._room)
        self._strips.clear()
        self.styles.width = max(1, self.layout_.width)
        self.styles.height = self.layout_.height
        self.refresh(layout=True)

    @property
    def drawing(self) -> Text:
        """The whole drawing (for reading it in tests and exports; never drawn whole)."""
        return draw_swimlanes(self.layout_.points, self.layout_.cell)

    def render(self) -> Text:
        return self.drawing

    def render_lines(self, crop: Region) -> list[Strip]:
        window = crop.column_span
        if window != self._window:  # scrolled sideways: lines cached for another window
            self._window = window
            self._strips.clear()
            self._styles_cache.clear()
        return super().render_lines(crop)

    def _render_content(self) -> None:
        self._strips.clear()
        self._dirty_regions.clear()

    def render_line(self, y: int) -> Strip:
        if self._dirty_regions:
            self._render_content()
        width = self.size.width
        strip = self._strips.get(y)
        if strip is None:
            strip = self._strips[y] = self._window_strip(y, width)
        return strip

    def _window_strip(self, y: int, width: int) -> Strip:
        style = self.visual_style
        layout = self.layout_
        if y >= layout.height:
            return Strip.blank(width, style.rich_style)
        x1, x2 = self._window
        if layout.wide(y) or x2 <= x1:  # wide characters: draw it all
            x1, x2 = 0, width
        x2 = min(x2, width)
        part = layout.window(y, x1, x2) if (x1, x2) != (0, width) else layout.line(y)
        strips = Visual.to_strips(self, visualize(self, part), x2 - x1, 1, style)
        body = strips[0] if strips else Strip.blank(x2 - x1, style.rich_style)
        if x1 == 0 and x2 == width:
            return body
        blank = style.rich_style
        return Strip.join([Strip.blank(x1, blank), body, Strip.blank(width - x2, blank)])


QUADRANT_OF_CELL_LABEL = {"quick_win": "quick wins", "big_bet": "big bets",
                          "fill_in": "fill-ins", "money_pit": "money pits"}


def draw_matrix(items: Sequence[tuple[int, int, int]], quadrant_of: dict[tuple[int, int], str],
                width: int) -> Text:
    """Impact (rows, high on top) × effort (columns, low on the left), ranks in each cell.

    ``items`` are (rank, impact, effort); ``quadrant_of`` maps (impact, effort)
    to a quadrant key so the drawing follows whatever rule ``models.rules.priority`` has.
    """
    axis = 14
    cell_w = max(12, (width - axis - 4) // 3)
    styles = {"quick_win": "green", "big_bet": "cyan", "fill_in": "", "money_pit": "red"}
    lines: list[Text] = []
    header = Text(" " * axis, no_wrap=True, end="")
    for name in ("low effort", "medium effort", "high effort"):
        header.append("│" + name.center(cell_w)[:cell_w], style="bold")
    lines.append(header)
    border = Text(" " * axis + ("┼" + "─" * cell_w) * 3, style="dim", no_wrap=True, end="")
    for impact, name in ((3, "high"), (2, "medium"), (1, "low")):
        lines.append(border)
        cells = []
        for effort in (1, 2, 3):
            ranks = sorted(r for r, i, e in items if i == impact and e == effort)
            quad = quadrant_of.get((impact, effort), "")
            label = QUADRANT_OF_CELL_LABEL.get(quad, quad)
            text = " ".join(f"#{r}" for r in ranks)
            cells.append((label, text, styles.get(quad, ""), len(ranks)))
        top = Text(f"{name + ' impact':<{axis}}"[:axis], style="bold", no_wrap=True, end="")
        mid = Text(" " * axis, no_wrap=True, end="")
        for label, text, style, count in cells:
            top.append("│", style="dim")
            top.append(f" {label} ({count})".ljust(cell_w)[:cell_w], style=style)
            mid.append("│", style="dim")
            if len(text) > cell_w - 2:
                text = text[: cell_w - 4].rsplit(" ", 1)[0] + " …"
            mid.append(f" {text}".ljust(cell_w)[:cell_w])
        lines.extend([top, mid])
    return Text("\n", end="").join(lines)


class ImpactMatrix(Widget):
    """The impact/effort matrix of the ranked pain points."""

    DEFAULT_CSS = "ImpactMatrix { height: auto; }"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.items: list[tuple[int, int, int]] = []
        self.quadrant_of: dict[tuple[int, int], str] = {}

    def set_items(self, items: Sequence[tuple[int, int, int]],
                  quadrant_of: dict[tuple[int, int], str]) -> None:
        self.items, self.quadrant_of = list(items), dict(quadrant_of)
        self.refresh(layout=True)

    def _rule(self) -> Text:
        from models.rules.priority import quadrant_rule

        return Text(quadrant_rule(), style="dim")

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return 10 + len(self._rule().wrap(self.app.console, max(1, width)))

    def render(self) -> Text:
        """The matrix, then the one rule that places pain points in it."""
        return Text("\n", end="").join([draw_matrix(self.items, self.quadrant_of,
                                                     self.size.width), self._rule()])
