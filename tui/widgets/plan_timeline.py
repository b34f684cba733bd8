"""The 60-day plan drawn as a timeline: one bar per task across weeks 1-8 and day 60.

People read a plan's shape (what runs when, what overlaps, where the review
falls) faster from bars than from a date table, so each task is a bar on a
shared axis with calendar dates, and the line under it says who, when and
the status in words (bars alone would need colour to say "late").  The width
of the bars follows the widget's width; the selected task is marked with ▶.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from models.rules.clock import today
from models.rules.safe_dates import shift
from models.vocab import SHORT_PHASES, status_label
from tui.safe_text import clean, fit
from tui.widgets.dates import due_label, due_style

if TYPE_CHECKING:
    from models.db.tables.cards import PlanTask

LABEL_W = 12  # marker, "Weeks 1-2" or "Next cycle", a space
STATUS_W = 12  # the status word (or "OVERDUE 12d") after the bar
PLAN_DAYS = 60
MARKS = ((0, "W1"), (14, "W3"), (28, "W5"), (42, "W7"), (59, "D60"))
# The axis spans at most two plans' lengths, so the plan's 60 days keep at least half the
# bars however far one task is due: a later task runs to the edge and ends in BEYOND.
AXIS_DAYS = 2 * PLAN_DAYS
BEYOND = "→"


def _cut(text: str, width: int) -> str:
    return fit(text, width)


class PlanTimeline(Widget, can_focus=True):
    """Focusable; up/down, Page Up/Down and Home/End select a task (posts ``Selected``),
    Enter asks to edit it."""

    DEFAULT_CSS = """
    PlanTimeline { height: auto; padding: 0 1; }
    PlanTimeline:focus { background: $boost; }
    """
    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    class Selected(Message):
        """The cursor moved to another task (``index`` into the tasks)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.tasks: list[PlanTask] = []
        self.start = today()
        self.today = today()
        self.cursor = 0
        self._framed: tuple[Any, Any] = (None, None)  # (key, _frame's answer) of the last draw

    def set_tasks(self, tasks: list[PlanTask], start: dt.date, today: dt.date) -> None:
        """Show ``tasks`` (keeping the cursor on the same task id when it still exists)."""
        current = self.tasks[self.cursor].id if self.tasks and self.cursor < len(self.tasks) \
            else None
        self.tasks, self.start, self.today = list(tasks), start, today
        self._framed = (None, None)
        ids = [t.id for t in self.tasks]
        self.cursor = ids.index(current) if current in ids else min(self.cursor,
                                                                    max(0, len(ids) - 1))
        self.refresh(layout=True)

    def selected(self) -> PlanTask | None:
        return self.tasks[self.cursor] if self.tasks else None

    def get_content_height(self, container: Any, viewport: Any, width: int) -> int:
        return 2 + 2 * len(self.tasks) if self.tasks else 1

    def _move_to(self, index: int) -> None:
        if not self.tasks:
            return
        index = max(0, min(len(self.tasks) - 1, index))
        if index != self.cursor:
            old, self.cursor = self.cursor, index
            width = self.size.width
            # only the two tasks' rows (marker, bold title) change: a move redraws four rows
            self.refresh(*(Region(0, 2 + 2 * i, width, 2) for i in (old, index)))
            self.post_message(self.Selected(index))
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        """Keep the selected bar (and the axis, for the first task) in view.

        At once, not after the next screen update as Textual would: a key that took
        the cursor off the screen then sent two updates, the cursor moved and the scroll.
        """
        parent = self.parent
        if parent is None or not hasattr(parent, "scroll_to_region"):
            return
        top = 0 if self.cursor == 0 else 2 + 2 * self.cursor
        height = 4 if self.cursor == 0 else 2
        box = self.virtual_region
        parent.scroll_to_region(Region(box.x, box.y + top, box.width, height), animate=False,
                                immediate=True)

    def action_move(self, delta: int) -> None:
        self._move_to(self.cursor + delta)

    def action_page(self, pages: int) -> None:
        """Page Up / Page Down: the cursor moves by as many tasks as the plan's scroll
        area shows (two rows a task), as a DataTable's does: the timeline only scrolling
        left the selected task, the one e, s and Enter act on, off the screen."""
        parent = self.parent
        height = parent.scrollable_content_region.height \
            if isinstance(parent, Widget) else self.size.height
        self._move_to(self.cursor + pages * max(1, height // 2))

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self.tasks) - 1)

    # -- drawing --------------------------------------------------------------------
    def _span(self) -> int:
        """Days the bars cover: the plan's 60, more for tasks due later, ``AXIS_DAYS`` at most.

        Scaled to a deadline a year out, the 60 days were a few cells and the axis read
        "W1" only; a task past the edge is drawn to it (``_bar``), its dates in words."""
        ends = [(t.deadline - self.start).days + 1 for t in self.tasks if t.deadline is not None]
        return min(AXIS_DAYS, max([PLAN_DAYS, *ends]))

    def _axis(self, bar_w: int, span: int) -> tuple[Text, Text]:
        names = [" "] * bar_w
        dates = [" "] * bar_w
        last_name = last_date = -2
        for day, name in MARKS:
            col = min(bar_w - 1, day * bar_w // span)
            date = shift(self.start, day).strftime("%d %b")
            col = min(col, bar_w - len(name))
            if col > last_name + 1 and col >= 0:
                names[col:col + len(name)] = list(name)
                last_name = col + len(name)
            col = min(col, bar_w - len(date))
            if col > last_date + 1 and col >= 0:
                dates[col:col + len(date)] = list(date)
                last_date = col + len(date)
        pad = " " * LABEL_W
        return (Text(pad + "".join(names), style="bold", no_wrap=True, end=""),
                Text(pad + "".join(dates), style="dim", no_wrap=True, end=""))

    def _bar(self, task: PlanTask, bar_w: int, span: int) -> Text:
        bar = Text(no_wrap=True, end="")
        if task.start is None and task.deadline is None:
            return bar.append("·" * bar_w, style="dim")
        begin = task.start or task.deadline
        end = task.deadline or task.start
        assert begin is not None and end is not None
        first, last = begin - self.start, end - self.start
        c0 = max(0, min(bar_w - 1, first.days * bar_w // span))
        c1 = max(c0 + 1, min(bar_w, (last.days + 1) * bar_w // span))
        fill = {"done": "▓", "dropped": "░"}.get(task.status, "█")
        overdue = due_label(task.deadline, task.status, self.today).startswith("OVERDUE")
        style = "red" if overdue else {"done": "green", "dropped": "dim"}.get(task.status,
                                                                              "cyan")
        beyond = last.days + 1 > span
        bar.append("·" * c0, style="dim")
        bar.append(fill * (c1 - c0 - beyond), style=style)
        bar.append(BEYOND * beyond, style=style)
        bar.append("·" * (bar_w - c1), style="dim")
        return bar

    def _dates(self, task: PlanTask, *, wide: bool) -> str:
        """"Mon 02 Mar → Fri 13 Mar 2026" when there is room, "02 Mar–13 Mar" when not.

        A day and month name one date only inside the plan's 60 days (the header gives
        their years); a date outside them carries its year (a start only when its
        deadline's year is not already written), or a deadline typed as 2199-12-31 read
        "31 Dec" like one in this December."""
        fmt = "%a %d %b" if wide else "%d %b"

        def outside(day: dt.date) -> bool:
            return not 0 <= (day - self.start).days < PLAN_DAYS

        end_year = task.deadline is not None and (wide or outside(task.deadline))
        start_year = task.start is not None and outside(task.start) and not (
            end_year and task.deadline is not None and task.deadline.year == task.start.year)
        start = task.start.strftime(fmt + " %Y" * start_year) if task.start else "?"
        end = task.deadline.strftime(fmt + " %Y" * end_year) if task.deadline \
            else "no deadline"
        if task.start == task.deadline:
            return end
        return f"{start} → {end}" if wide else f"{start}–{end}"

    def _rest(self, task: PlanTask, due: str, width: int, owner_cells: int) -> Text:
        """" · owner · dates" (and due, edited) after a task's title."""
        rest = Text(" · ", no_wrap=True, end="")
        rest.append(fit(clean(task.owner), owner_cells) or "no owner",
                    style="" if task.owner.strip() else "yellow")
        rest.append(" · ")
        rest.append(self._dates(task, wide=width >= 100))
        if due == "due today" or (due.startswith("OVERDUE") and width >= 100):
            rest.append(f" · {due}", style=due_style(task.deadline, task.status, self.today))
        if task.edited:
            rest.append(" · edited", style="dim")
        return rest

    def render(self) -> Text:
        """The whole timeline as one text (what a reader of the widget gets)."""
        width = max(30, self.size.width)
        if not self.tasks:
            return Text("No plan yet: press r to generate the 60-day plan from the map.",
                        style="dim", end="")
        return Text("\n", end="").join(self._row(y, width) for y in range(2 + 2 * len(self.tasks)))

    def render_line(self, y: int) -> Strip:
        """Draw only row ``y``: a big plan has thousands of rows and a screen shows ~20.

        Textual laid the whole timeline out again on every cursor move (two seconds
        at 2,500 tasks); through the Line API a move costs the rows on screen.  Each
        row goes through Textual's own ``Visual`` path, so it looks as before.
        """
        width = self.size.width
        if not self.tasks:
            text = self.render() if y == 0 else Text()
        elif y >= 2 + 2 * len(self.tasks):
            text = Text()
        else:
            text = self._row(y, max(30, width))
        strips = Visual.to_strips(self, visualize(self, text), width, 1, self.visual_style)
        return strips[0] if strips else Strip.blank(width, self.visual_style.rich_style)

    def _frame(self, width: int) -> tuple[int, int, tuple[Text, Text]]:
        """(bar width, days spanned, the two axis rows) at ``width``, once per plan shown."""
        key = (width, self.start)
        if self._framed[0] != key:
            bar_w = max(10, width - LABEL_W - STATUS_W - 1)
            span = self._span()
            self._framed = (key, (bar_w, span, self._axis(bar_w, span)))
        return self._framed[1]

    def _row(self, y: int, width: int) -> Text:
        """Row ``y`` of the timeline: the two axis rows, then a bar and a detail per task."""
        bar_w, span, axis = self._frame(width)
        if y < 2:
            return axis[y]
        index, detail_row = divmod(y - 2, 2)
        task = self.tasks[index]
        chosen = index == self.cursor
        due = due_label(task.deadline, task.status, self.today)
        if not detail_row:
            line = Text(no_wrap=True, end="")
            marker = "▶" if chosen else " "
            phase = SHORT_PHASES.get(task.phase, clean(task.phase) or "Extra")
            line.append(f"{marker}{_cut(phase, LABEL_W - 2):<{LABEL_W - 1}}",
                        style="bold reverse" if chosen and self.has_focus else "bold")
            line.append_text(self._bar(task, bar_w, span))
            if due.startswith("OVERDUE"):
                line.append(" ")
                days = -(task.deadline - self.today).days  # type: ignore[operator]
                line.append(f"OVERDUE {days}d", style="bold reverse red")
            else:
                line.append(" " + _cut(status_label(task.status), STATUS_W - 1))
            return line
        title = clean(task.title) or "untitled task"
        rest = self._rest(task, due, width, 30)
        if cell_len(title) + rest.cell_len > width - LABEL_W:
            # the task is what the room reads first: a long owner gives way to it
            rest = self._rest(task, due, width, 14)
        detail = Text(" " * LABEL_W, no_wrap=True, end="")
        room = max(16, width - LABEL_W - rest.cell_len)
        detail.append(_cut(title, room), style="bold" if chosen else "")
        detail.append_text(rest)
        detail.truncate(width, overflow="ellipsis")
        return detail
