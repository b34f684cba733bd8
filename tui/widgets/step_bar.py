"""Small drawing widgets shared by the screens: the step bar and the sentiment line.

Both render Rich ``Text`` built segment by segment (user text goes through
``tui.safe_text``), so nothing typed is ever parsed as markup.  Both adapt to
the width they are given: 80 columns must read well, wider uses the space.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from operator import itemgetter

from rich.text import Text
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from models.rules.progress import StepState
from models.vocab import LABELS, METHOD_LABELS, SHORT, STEPS, WORKSHOP_STEPS
from tui.safe_text import clean, fit
from tui.widgets.layout_events import QuietLayout

LEVEL_STYLE = {2: "green", 1: "green", 0: "yellow", -1: "red", -2: "red"}


class StepBar(Widget):
    """`1 Scope ✓ · 2 Stages · …` with the current step highlighted, plus what is missing.

    Every step carries its key (1-8, Cards/Tracker/Plan too: the keys work there,
    so the bar must say so).  The current step is reverse+bold *and* bracketed,
    and complete/missing are the characters ✓ and !, so the bar reads the same
    under NO_COLOR or in a 16-colour terminal.  Too narrow for the full labels,
    it falls back to the short ones, then to keys and marks only.
    """

    DEFAULT_CSS = "StepBar { height: 2; }"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.current = "scope"
        self.states: dict[str, StepState] = {}
        # Lines drawn per (step, states, size, style): switching back and forth between
        # two steps drew the same two lines again each time (about 1 ms per switch).
        self._drawn: dict[tuple[object, ...], list[Strip]] = {}

    def show(self, current: str, states: dict[str, StepState]) -> None:
        """Show ``current`` and ``states``; repainted only if they differ from what is shown
        (every edit passes through here, and most change no step's completeness)."""
        if current == self.current and states == self.states:
            return
        self.current, self.states = current, dict(states)
        self.refresh()
        # Handed to the screen now, not on the bar's idle turn: a step switch lays the
        # screen out before that turn, and the bar then cost a second screen update.
        self._check_refresh()

    def _mark(self, step: str) -> str:
        state = self.states.get(step)
        return "✓" if state and state.done else ("!" if state and state.missing else "")

    def _line(self, labels: dict[str, str] | None, sep: str) -> Text:
        """One line of the bar; ``labels=None`` shows keys and marks only."""
        line = Text(no_wrap=True, end="")
        for index, step in enumerate(STEPS):
            if index:
                line.append(sep, style="dim")
            mark = self._mark(step)
            label = f"{index + 1} {labels[step]}" if labels else str(index + 1)
            if step == self.current:
                line.append(f"[{label}{(' ' + mark) if mark else ''}]", style="reverse bold")
            else:
                line.append(label, style="bold" if index < len(WORKSHOP_STEPS) else "")
                if mark:
                    line.append(mark, style="green" if mark == "✓" else "yellow")
        return line

    def render(self) -> Text:
        width = max(1, self.size.width)
        line = self._line(LABELS, " · ")
        if line.cell_len > width:
            line = self._line(SHORT, " ")
        if line.cell_len > width:
            line = self._line(None, " ")
        state = self.states.get(self.current)
        detail = Text(no_wrap=True, end="")
        detail.append(f"{LABELS.get(self.current, self.current)}: ", style="bold")
        if self.current in METHOD_LABELS:
            detail = Text(f"{METHOD_LABELS[self.current]}: ", style="bold", no_wrap=True, end="")
            detail.append("a view of the method; a step key (1-8) goes back", style="dim")
        elif state is None:
            detail.append("loading…", style="dim")
        elif state.done:
            detail.append("complete ✓", style="green")
        elif state.missing:
            detail.append(clean(state.missing), style="yellow")
        else:
            detail.append("nothing to check here", style="dim")
        line.truncate(width)
        detail.truncate(width)
        return Text("\n", end="").join([line, detail])

    def render_line(self, y: int) -> Strip:
        """Line ``y`` as Textual draws it from ``render()``, drawn once per look."""
        width, height = self.size
        style = self.visual_style
        key = (self.current, tuple(self.states.items()), width, height, style)
        strips = self._drawn.get(key)
        if strips is None:
            visual = visualize(self, self.render(), markup=self._render_markup)
            strips = Visual.to_strips(self, visual, width, height, style)
            if len(self._drawn) > 32:  # the states change with the map: old looks go
                self._drawn.clear()
            self._drawn[key] = strips
        return strips[y] if y < len(strips) else Strip.blank(width, style.rich_style)


class SentimentLine(QuietLayout, Widget):
    """Sentiment (-2..+2) of every touchpoint drawn as one line across the journey.

    Stages are sections separated by a dotted rule, named underneath.  With
    more touchpoints than columns, neighbours are averaged so the line always
    fits the width (2,000 touchpoints at 80 columns still draw in one pass).
    """

    DEFAULT_CSS = "SentimentLine { height: 6; }"
    AXIS = 3

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.sections: list[tuple[str, list[int]]] = []
        self._strips: dict[tuple[object, ...], Strip] = {}
        self._built: tuple[tuple[int, int], list[Text] | None] | None = None
        self._version = 0  # of ``sections``: the rows are built once per version and width

    def set_sections(self, sections: Sequence[tuple[str, Sequence[int]]]) -> None:
        """(stage name, sentiments in order) per stage; redraws if they changed (an edit of
        a touchpoint's words leaves the curve as it is)."""
        new = [(name, list(values)) for name, values in sections]
        if new == self.sections:
            return
        self.sections = new
        self._version += 1
        self.refresh()

    def _columns(self, width: int) -> list[tuple[int, int, bool]]:
        """Per column: (sentiment, stage index, is the centre of one touchpoint)."""
        points = [(si, v) for si, (_, values) in enumerate(self.sections) for v in values]
        n = len(points)
        cols: list[tuple[int, int, bool]] = []
        if n <= width:
            for i, (si, v) in enumerate(points):
                start, end = i * width // n, (i + 1) * width // n
                centre = (start + end - 1) // 2
                cols.extend((v, si, c == centre) for c in range(start, end))
        else:
            for c in range(width):
                chunk = points[c * n // width:(c + 1) * n // width] or [points[-1]]
                avg = round(sum(v for _, v in chunk) / len(chunk))
                cols.append((avg, chunk[0][0], False))
        return cols

    def _lines(self) -> list[Text] | None:
        """The curve's five rows and the stage names, one ``Text`` each (None: no score yet)."""
        key = (self._version, self.size.width)
        if self._built is None or self._built[0] != key:
            self._built = key, self._build_lines()
        return self._built[1]

    def _build_lines(self) -> list[Text] | None:
        width = max(4, self.size.width - self.AXIS)
        if not any(values for _, values in self.sections):
            return None
        cols = self._columns(width)
        grid = [[(" ", "")] * len(cols) for _ in range(5)]
        prev_row: int | None = None
        for c, (value, si, centre) in enumerate(cols):
            row = 2 - max(-2, min(2, value))
            if c and cols[c - 1][1] != si:
                for r in range(5):
                    grid[r][c] = ("┊", "dim")
            if prev_row is None or prev_row == row:
                grid[row][c] = ("●" if centre else "─", LEVEL_STYLE[2 - row])
            else:
                top, bottom = sorted((prev_row, row))
                for r in range(top + 1, bottom):
                    grid[r][c] = ("│", LEVEL_STYLE[2 - r])
                if row < prev_row:  # going up
                    grid[prev_row][c] = ("╯", LEVEL_STYLE[2 - prev_row])
                    grid[row][c] = ("╭", LEVEL_STYLE[2 - row])
                else:
                    grid[prev_row][c] = ("╮", LEVEL_STYLE[2 - prev_row])
                    grid[row][c] = ("╰", LEVEL_STYLE[2 - row])
            prev_row = row
        lines: list[Text] = []
        for r, cells in enumerate(grid):
            line = Text(f"{2 - r:+d} " if r != 2 else " 0 ", style="dim", no_wrap=True, end="")
            for style, run in groupby(cells, key=itemgetter(1)):
                # One span per run of a style, not per character: a 120-column
                # curve was ≈ 300 spans for Rich to split on every repaint.
                line.append("".join(char for char, _ in run), style=style)
            lines.append(line)
        labels = Text(" " * self.AXIS, no_wrap=True, end="")
        starts = [c for c in range(len(cols)) if c == 0 or cols[c][1] != cols[c - 1][1]]
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(cols)
            name = clean(self.sections[cols[start][1]][0]) or "(unnamed)"
            room = max(0, end - start - 1)
            labels.append(fit(name, room, pad=True) + (" " if room else ""), style="bold")
        lines.append(labels)
        return lines

    def render(self) -> Text:
        lines = self._lines()
        if lines is None:
            return Text("Sentiment line: score touchpoints from -2 to +2 and the curve of the "
                        "journey appears here.", style="dim", end="")
        return Text("\n", end="").join(lines)

    def render_line(self, y: int) -> Strip:
        """Row ``y`` as Textual draws it from ``render()``, converted only when it changed.

        Why: an edit moves the curve in two or three rows; converting all six rows
        into strips (a style object per run) was a third of the edit's CPU (issue 18).
        A row is converted as line ``y`` of the whole text would be (the rows above it
        empty), so its strip, selection offsets included, is the same.
        """
        lines = self._lines()
        if lines is None:  # the hint wraps at 80 columns: Textual's own path
            return super().render_line(y)
        width = self.size.width
        if y >= len(lines):
            return Strip.blank(width, self.visual_style.rich_style)
        line = lines[y]
        key = (y, width, line.plain, tuple(line.spans), str(line.style), self.visual_style)
        strip = self._strips.get(key)
        if strip is None:
            above = Text("\n", end="").join([Text(end="")] * y + [line])
            strip = Visual.to_strips(self, visualize(self, above), width, y + 1,
                                     self.visual_style)[y]
            if len(self._strips) > 64:  # rows of earlier curves and widths
                self._strips.clear()
            self._strips[key] = strip
        return strip
