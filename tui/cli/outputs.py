"""Output commands: cards, tracker, plan, report (``export`` has its own module).

These are what people run after the workshop, often from scripts and cron
(``journeymap tracker --overdue`` on a Monday).  So: nothing but Typer at
import time (models and Rich load inside the commands), files are written
whole or not at all, every user error is one sentence with exit code 1, and
terminal tables show user text as ``rich.text.Text`` via ``tui.safe_text``.

Exit codes: 0 success, 1 user error (unknown workshop, bad date), 3 for
``tracker --overdue`` when overdue items exist (they are listed as well), so a
script can alert without parsing text.

Annotations are evaluated once, as the module is imported, as in
``tui.cli.export`` (which says why); names imported for type checking only are quoted.
"""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from models.rules.clock import today as clock_today
from models.rules.counts import plural
from tui.cli.common import (
    OVERDUE_EXIT,
    STATE,
    WorkshopId,
    command_group,
    console,
    fail,
    require,
    user_errors,
)
from tui.cli.export import parse_date, read_every, read_map, refuse_a_design

app = command_group()

if TYPE_CHECKING:
    from rich.text import Text

    from models.db.journey import Journey
    from models.db.store import Store
    from models.rules.tracker import TrackerItem

_KIND_WORDS = {"card": "card", "task": "plan task", "review": "map review",
               "sla": "SLA commitment"}


def cell(value: object, style: str = "") -> "Text":
    """User text for a table cell: literal, controls visible, wraps in narrow terminals."""
    from rich.text import Text

    from tui.safe_text import clean

    return Text(clean(value, keep_newlines=True), style=style)


def line(value: object, style: str = "") -> "Text":
    """One printed message (ends with a newline, unlike ``safe``'s inline Text)."""
    return cell(value, style)


@app.command("cards")
def cards(workshop_id: WorkshopId) -> None:
    """The hypothesis cards of a workshop, in the rank order of their pain points."""
    with user_errors():
        from rich.table import Table

        from models.rules.cards import card_flags, card_sentence, ordered_cards
        from models.rules.priority import rank_of

        journey, _ = read_map(workshop_id, portfolio=False)
        ranks = rank_of(journey)
        ordered = ordered_cards(journey)
        out = console()
        if not ordered:
            out.print(line("No hypothesis cards yet: rank the pain points and draft cards "
                           "in the Cards step."))
            return
        table = Table(title="Hypothesis cards", show_lines=True)
        # the id is what `card-effect ID CARD` and `tickets link-card` take
        for name in ("Rank", "Id", "Card", "Owner", "Deadline", "Status", "Flags"):
            table.add_column(name, overflow="fold")
        for card in ordered:
            rank = ranks.get(card.pain_point_id)
            flags = card_flags(card)
            table.add_row(cell(rank.rank if rank else "-"), cell(card.id),
                          cell(card_sentence(card)),
                          cell(card.owner or "no owner"),
                          cell(card.deadline.isoformat() if card.deadline else "no deadline"),
                          cell(card.status.replace("_", " ")),
                          cell("FLAGGED: " + ", ".join(flags) if flags else "ok"))
        out.print(table)


def _due(item: "TrackerItem") -> str:
    from models.rules.commitments import item_due

    return item_due(item)


SORTS = ("owner", "due")


def _tracker_table(title: "Text | None", items: "list[TrackerItem]", by_due: bool) -> Any:
    """One table: grouped by owner it needs no owner column, sorted by due date it does."""
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    columns = ["Item", "Owner" if by_due else "Kind", "Deadline", "Status", "Due"]
    for column in columns:
        # "OVERDUE by 3 days" stays on one line so grep and a glance both find it
        table.add_column(column, overflow="fold",
                         no_wrap=column in ("Kind", "Deadline", "Status", "Due"))
    for item in items:
        second = (cell(item.owner or "unassigned") if by_due
                  else cell(_KIND_WORDS.get(item.kind, item.kind)))
        table.add_row(cell(item.title), second,
                      cell(item.deadline.isoformat() if item.deadline else "none"),
                      cell(item.status.replace("_", " ")
                           + (f" · signal {item.signal}" if item.signal else "")),
                      cell(_due(item), "bold red" if item.overdue or item.flag else ""))
    return table


@app.command("tracker")
def tracker(
    workshop_id: Annotated[int | None, typer.Argument(
        help="Workshop number; all live workshops (no to-be copy) when omitted.")] = None,
    owner: Annotated[str | None, typer.Option(
        "--owner", help="Only this owner's items.")] = None,
    overdue: Annotated[bool, typer.Option(
        "--overdue", help="Only overdue items; exit code 3 when there are any.")] = False,
    sort: Annotated[str, typer.Option(
        "--sort", metavar=f"[{'|'.join(SORTS)}]",
        help="By owner (a table per owner) or by due (one list by due date).")] = "owner",
) -> None:
    """Every card and plan task with owner, deadline and days left, workshop by workshop.

    Each escalation level's SLA commitment is listed under the tier or role that
    responds; "NO OWNER/SLA" says it has no owner or a time not set.
    \f
    The workshop's title is a heading, once, rather than a column: at 80
    columns a title repeated on every row took most of the width.
    """
    sort = sort.strip().lower()
    if sort not in SORTS:
        raise fail(f"--sort must be one of: {', '.join(SORTS)} (got {sort!r}).")
    with user_errors():
        from rich.text import Text

        from models.rules.commitments import tracked_items
        from models.rules.live_maps import is_live
        from models.rules.tracker import by_due, group_by_owner, of_owner

        if workshop_id is not None:
            journeys = [read_map(workshop_id, portfolio=False)[0]]
            refuse_a_design(journeys[0], "tracker")
        else:  # a to-be copy is a design
            journeys = [j for j in read_every() if is_live(j.workshop)]
        items = tracked_items(journeys, clock_today())
        if overdue:
            from models.rules.staleness import review_item

            items += [review_item(j, clock_today()) for j in journeys]
        if owner is not None:
            items = of_owner(items, owner)
        if overdue:
            items = [i for i in items if i.overdue]
        out = console()
        if not items:
            what = "overdue items" if overdue else "tracked items"
            out.print(line(f"No {what}" + (f" for {owner.strip()}" if owner else "") + "."))
            return
        many = workshop_id is None
        for journey in journeys:
            mine = [i for i in items if i.workshop_id == journey.workshop.id]
            if not mine:
                continue
            if many:
                late = sum(1 for i in mine if i.overdue)
                out.print(Text.assemble(cell(mine[0].workshop_title, "bold"),
                                        f" (workshop {journey.workshop.id}): "
                                        f"{plural(len(mine), 'item')}, {late} OVERDUE"))
            if sort == "due":
                out.print(_tracker_table(None, by_due(mine), by_due=True))
                continue
            for name, group in group_by_owner(mine).items():
                late = sum(1 for i in group if i.overdue)
                title = cell(f"{name}: {plural(len(group), 'item')}, {late} OVERDUE")
                out.print(_tracker_table(title, group, by_due=False))
        if overdue:
            raise typer.Exit(OVERDUE_EXIT)


@app.command("plan")
def plan(
    workshop_id: WorkshopId,
    start: Annotated[str | None, typer.Option(
        "--start", help="Start date (default: the workshop's start date).")] = None,
    regenerate: Annotated[bool, typer.Option(
        "--regenerate", help="Regenerate from the map; tasks a person edited are kept.")] = False,
) -> None:
    """Show the 60-day plan (saving it the first time), with calendar dates."""
    start_date = parse_date(start)
    with user_errors():
        from rich.table import Table

        from models.rules.plan import PLAN_DAYS, regenerate_plan, task_warnings
        from models.rules.plan_day import plan_day_one
        from models.rules.review_copies import review_copies
        from models.rules.safe_dates import shift

        journey, _ = read_map(workshop_id, portfolio=False)  # a saved plan is only read
        refuse_a_design(journey, "60-day plan")
        # No plan yet and no role to save one: the plan is shown unsaved (a read reads).
        unsaved = not regenerate and not journey.plan_tasks \
            and not may_edit(STATE.reader(), workshop_id)
        if unsaved:
            from models.export.markdown import with_plan_preview

            tasks = with_plan_preview(journey, clock_today(), start_date)[0].plan_tasks
        elif regenerate or not journey.plan_tasks:
            store = STATE.store()
            require(store, workshop_id, "edit")
            if start_date is not None and start_date != journey.workshop.start_date:
                from models.db.tables.workshop import Workshop

                # one start date: the plan's day 1 is the workshop's, as `d` does in the app
                store.update(Workshop, workshop_id, start_date=start_date)
            tasks = regenerate_plan(store, workshop_id, start_date)
        else:
            if start_date is not None:
                raise fail("The plan is already saved: add --regenerate to move it to a new "
                           "start date.")
            tasks = journey.plan_tasks
        out = console()
        if unsaved:
            out.print(line(f"Workshop {workshop_id} has no plan yet; this is the plan it would "
                           "get, not saved. A participant or lead saves it by running "
                           f"`journeymap plan {workshop_id}`."))
        first = plan_day_one(start_date or journey.workshop.start_date, tasks)
        if first is not None:
            last = shift(first, PLAN_DAYS - 1)
            copies = ", ".join(d.isoformat() for d in review_copies(tasks, 3))
            out.print(line(f"60-day plan: day 1 is {first.isoformat()}, day {PLAN_DAYS} is "
                           f"{last.isoformat()}; leadership review on day 30 and day "
                           f"{PLAN_DAYS}, then monthly" + (f" (next: {copies})." if copies
                                                          else ".")))
        table = Table(show_lines=True)
        for name in ("Phase", "Task", "Owner", "Start", "Deadline", "Status"):
            table.add_column(name, overflow="fold")
        for task in tasks:
            title = task.title + (" (edited)" if task.edited else "")
            table.add_row(cell(task.phase), cell(title), cell(task.owner or "unassigned"),
                          cell(task.start.isoformat() if task.start else "-"),
                          cell(task.deadline.isoformat() if task.deadline else "-"),
                          cell(task.status.replace("_", " ")))
        out.print(table)
        for task in tasks:
            for warning in task_warnings(task.detail):
                out.print(line(f"! {task.title}: {warning}"))


def may_edit(store: "Store", workshop_id: int) -> bool:
    """Whether this account may save the plan: a colleague without the role only reads it,
    so ``plan`` shows them the plan unsaved instead of refusing a change never asked for."""
    from models.db.access import AccessError

    try:
        require(store, workshop_id, "edit")
    except AccessError:
        return False
    return True


@app.command("report")
def report(
    workshop_id: WorkshopId,
    business_case: Annotated[bool, typer.Option(
        "--business-case", help="As-is vs to-be, projected savings with formulas, KPIs.")] = False,
    month: Annotated[str | None, typer.Option(
        "--month", help="The month to review (default: this month).")] = None,
) -> None:
    """The monthly leadership review: four questions answered from the data, for a month."""
    with user_errors():
        from models.rules.clock import today as clock_today
        from models.rules.review import leadership_review, month_bounds, month_items

        today = clock_today()
        chosen = month if month is not None else today.strftime("%Y-%m")
        month_bounds(chosen)  # a bad month is one sentence before anything is loaded
        out = console()
        if business_case:
            from tui.cli.business import print_business_case

            store = STATE.reader()
            print_business_case(out, store, store.load(workshop_id))
            return
        journey, portfolio = read_map(workshop_id, portfolio=True)
        out.print(line(f"Leadership review for {chosen.strip()}", "bold"))
        out.print(line(month_items(journey, chosen.strip(), today)))
        out.print()
        for answer in leadership_review(journey, portfolio, chosen.strip(),
                                        today):
            out.print(line(answer.question, "bold"))
            out.print(line(answer.answer))
            out.print()
        _print_stale(out, portfolio)


def _print_stale(out: object, portfolio: "list[Journey]") -> None:
    """Which maps have gone stale: the method's first failure is a map nobody maintains."""
    from models.rules.staleness import none_stale, stale_maps
    from models.rules.tracker import workshop_title

    titles = {j.workshop.id: workshop_title(j) for j in portfolio}
    workshops = [j.workshop for j in portfolio]
    stale = stale_maps(workshops, clock_today())
    print_ = out.print  # type: ignore[attr-defined]
    print_(line("Which maps have gone stale (no review in 30 days)?", "bold"))
    if not stale:
        print_(line(none_stale(workshops, clock_today())))
    for status in stale:
        print_(line(f"- {titles.get(status.workshop.id, '')}: {status.text}"))
    print_()
