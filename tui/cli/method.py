"""Method commands: future (the to-be copy), costs, escalation (the matrix), reviewed,
pain-volume (a pain point's tickets per month, or not recorded).

These sit beside ``report --business-case``: a lead makes the to-be journey,
sets what a contact costs per channel, writes the escalation ladder and marks
the map reviewed from a terminal or a script.  Marking a review is an explicit
command rather than a side effect of ``report``: reading a report must not
change the map, and "the lead looked at it" is a decision, not a page view.
Only Typer at import time, like every command module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from models.rules.clock import today as clock_today
from models.rules.numbers import fmt_number
from tui.cli.common import STATE, WorkshopId, command_group, console, fail, require, user_errors

if TYPE_CHECKING:
    from models.db.journey import Journey

app = command_group()


def _line(value: object, style: str = "") -> Any:
    """``tui.safe_text.prose``, imported when a command prints (Rich stays out of --help)."""
    from tui.safe_text import prose

    return prose(value, style)


@app.command("future")
def future(workshop_id: Annotated[int, typer.Argument(
        help="The as-is workshop to copy.")]) -> None:
    """Create the to-be copy of a workshop (linked to its as-is) and print its id."""
    with user_errors():
        from models.export.future_copy import create_future_copy

        store = STATE.store()
        require(store, workshop_id, "edit")
        new_id = create_future_copy(store, workshop_id)
    typer.echo(str(new_id))


# Click reads "-3" as an option it does not know; given to the argument instead, a
# negative amount reaches the store's refusal ("must be 0 or more"). The numbers are taken
# as the typed text so the store's rules see it: read as a float first, "1e-400" is already 0.
@app.command("costs", context_settings={"ignore_unknown_options": True})
def costs(
    workshop_id: WorkshopId,
    channel: Annotated[str, typer.Argument(help="The channel, as on the touchpoints.")],
    amount: Annotated[str, typer.Argument(
        metavar="AMOUNT", help="Cost of one contact (workshop currency).")],
    handle_minutes: Annotated[str | None, typer.Option(
        "--handle-minutes", metavar="MINUTES",
        help="Agent minutes per contact (for agent hours).")] = None,
    confirm: Annotated[bool, typer.Option(
        "--confirm", help="The lead confirms the number (else it stays a default).")] = False,
) -> None:
    """Set the cost per contact of a channel; the business case multiplies by it."""
    with user_errors():
        from models.rules.costs import save_channel_cost

        store = STATE.store()
        require(store, workshop_id, "edit")
        journey = store.load(workshop_id)
        fields: dict[str, Any] = {"cost_per_contact": amount, "confirmed": confirm}
        if handle_minutes is not None:
            fields["handle_minutes"] = handle_minutes
        row = save_channel_cost(store, journey, channel, **fields)
    state = "confirmed" if row.confirmed else "a default until the lead confirms it (--confirm)"
    cost = fmt_number(row.cost_per_contact or 0)
    console().print(_line(f"{row.channel}: {cost} per contact, {state}."))


def _minutes(value: int | None, option: str) -> int | None:
    if value is not None and value < 0:
        raise fail(f"{option} cannot be negative.")
    return value


def _print_matrix(journey: Journey) -> None:
    from rich import box
    from rich.table import Table

    from models.rules.escalation import escalation_risks, fmt_minutes

    out = console()
    levels = journey.escalation_levels
    if not levels:
        out.print("No escalation levels yet; add one with `journeymap escalation ID --add "
                  "--severity Sev-1 --criteria … --tier … --respond 15 --update 30`.")
    else:
        # at 80 columns eight boxed columns left ~8 letters each and split a lead's
        # words ("verifica / tion"): the early warnings, prose like the criteria,
        # are listed under the matrix, and the columns are set apart by spaces
        table = Table(title="Escalation matrix (most severe first)", title_justify="left",
                      box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1, 0, 0))
        for name in ("#", "Severity", "Criteria", "Who responds", "Respond", "Update",
                     "Channel"):
            table.add_column(name, overflow="fold")
        for number, level in enumerate(levels, start=1):
            table.add_row(str(number), _line(level.severity), _line(level.criteria),
                          _line(level.tier_role),
                          _line(fmt_minutes(level.response_sla_minutes)),
                          _line(fmt_minutes(level.update_every_minutes)),
                          _line(level.channel))
        out.print(table)
        warnings = [(level.severity or f"Level {number}", level.early_warning)
                    for number, level in enumerate(levels, start=1) if level.early_warning]
        if warnings:
            out.print(_line("Early warnings", "bold"))
            for severity, signal in warnings:
                out.print(_line(f"- {severity}: {signal}"))
    risks = escalation_risks(journey)
    if risks:
        out.print(_line("Risks", "bold"))
        for risk in risks:
            out.print(_line(f"- {risk.message}"))


@app.command("escalation")
def escalation(
    workshop_id: WorkshopId,
    add: Annotated[bool, typer.Option("--add", help="Add a level at the bottom.")] = False,
    set_: Annotated[int | None, typer.Option(
        "--set", help="Change level N (as numbered in the matrix).")] = None,
    delete: Annotated[int | None, typer.Option("--delete", help="Delete level N.")] = None,
    severity: Annotated[str | None, typer.Option(help="The level's name, e.g. Sev-1.")] = None,
    criteria: Annotated[str | None, typer.Option(help="When the level applies.")] = None,
    tier: Annotated[str | None, typer.Option(help="Who responds (tier or role).")] = None,
    respond: Annotated[int | None, typer.Option(
        help="Response SLA in minutes.")] = None,
    update: Annotated[int | None, typer.Option(
        help="Status update every N minutes.")] = None,
    channel: Annotated[str | None, typer.Option(help="Where the level communicates.")] = None,
    early_warning: Annotated[str | None, typer.Option(
        "--early-warning", help="Signals that trigger a proactive escalation.")] = None,
) -> None:
    """Show the escalation matrix and its risks; --add, --set N or --delete N change it."""
    with user_errors():
        from models.db.tables.method import EscalationLevel

        if sum((add, set_ is not None, delete is not None)) > 1:
            raise fail("Give only one of --add, --set and --delete.")
        fields: dict[str, Any] = {
            key: value for key, value in (
                ("severity", severity), ("criteria", criteria), ("tier_role", tier),
                ("response_sla_minutes", _minutes(respond, "--respond")),
                ("update_every_minutes", _minutes(update, "--update")),
                ("channel", channel), ("early_warning", early_warning))
            if value is not None}
        store = STATE.store()
        journey = store.load(workshop_id)
        levels = journey.escalation_levels
        if add or set_ is not None or delete is not None:
            require(store, workshop_id, "edit")
        elif fields:
            raise fail("Say what to do with these values: --add, or --set N.")
        number = set_ if set_ is not None else delete
        if number is not None and not 1 <= number <= len(levels):
            raise fail(f"There is no level {number}; the matrix has {len(levels)}.")
        if add:
            store.add(EscalationLevel(workshop_id=workshop_id, **fields))
        elif set_ is not None:
            if not fields:
                raise fail("--set needs at least one value to change (e.g. --respond 15).")
            store.update(EscalationLevel, int(levels[set_ - 1].id or 0), **fields)
        elif delete is not None:
            store.delete(EscalationLevel, int(levels[delete - 1].id or 0))
        _print_matrix(store.load(workshop_id))


@app.command("reviewed")
def reviewed(workshop_id: WorkshopId) -> None:
    """Mark the map reviewed today (its monthly review is then due in 30 days)."""
    with user_errors():
        from models.db.tables.workshop import Workshop

        store = STATE.store()
        require(store, workshop_id, "edit")
        row = store.update(Workshop, workshop_id, last_reviewed_at=clock_today())
    console().print(_line(f"Workshop {workshop_id} reviewed on {row.last_reviewed_at}."))


_EFFECT_OPTIONS = ("--deflection", "--handle-time", "--volume", "--clear")


@app.command("card-effect")
def card_effect(
    workshop_id: WorkshopId,
    card_id: Annotated[int, typer.Argument(
        help="Card id (the Id column of `journeymap cards ID`).")],
    deflection: Annotated[str | None, typer.Option(
        "--deflection", metavar="PERCENT",
        help="Share of the pain point's contacts that no longer happen: 30%.")] = None,
    handle_time: Annotated[str | None, typer.Option(
        "--handle-time", metavar="MINUTES|PERCENT",
        help="Change of minutes per contact: -2m, or a percent: -25%.")] = None,
    volume: Annotated[str | None, typer.Option(
        "--volume", metavar="PERCENT",
        help="Change of the pain point's contacts: -30% or +10%.")] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Remove the projection.")] = False,
) -> None:
    """Set (or show) a card's projected effect; prints what it is worth, with formulas."""
    chosen = [(kind, text) for kind, text in (("deflection", deflection),
                                               ("handle_time", handle_time),
                                               ("volume", volume)) if text is not None]
    if len(chosen) + clear > 1:
        raise fail(f"Give only one of {', '.join(_EFFECT_OPTIONS[:-1])} and "
                   f"{_EFFECT_OPTIONS[-1]}.")
    with user_errors():
        from models.db.tables.cards import HypothesisCard
        from models.rules.business_case import card_case
        from models.rules.effects import read_effect

        store = STATE.store()
        journey = store.load(workshop_id)
        card = next((c for c in journey.cards if c.id == card_id), None)
        if card is None:
            known = ", ".join(str(c.id) for c in journey.cards) or "none yet"
            raise fail(f"Workshop {workshop_id} has no card {card_id}; its cards are: {known}.")
        said = ""
        if chosen or clear:
            require(store, workshop_id, "edit")
            fields: dict[str, Any] = {"effect_kind": "", "effect_value": None}
            if chosen:
                kind, text = chosen[0]
                case = card_case(journey, card)
                row = journey.channel_cost(case.channel) if case.channel else None
                value, said = read_effect(kind, text, channel=case.channel,
                                          handle_minutes=row.handle_minutes if row else None)
                fields = {"effect_kind": kind, "effect_value": value}
            store.update(HypothesisCard, card_id, **fields)
            journey = store.load(workshop_id)
            card = next(c for c in journey.cards if c.id == card_id)
        _print_card_effect(journey, card, said)


def _print_card_effect(journey: Journey, card: Any, said: str) -> None:
    from models.rules.business_case import card_case
    from models.rules.effects import effect_words

    out = console()
    name = card.experiment.strip() or "untitled card"
    effect = said or effect_words(card.effect_kind, card.effect_value)
    out.print(_line(f"Card {card.id} “{name}”: {effect}.", "bold"))
    case = card_case(journey, card)
    for figure in case.figures:
        out.print(_line(f"- {figure.text}"))
    for note in case.notes:
        out.print(_line(f"- {note}"))


@app.command("pain-volume")
def pain_volume(
    workshop_id: WorkshopId,
    which: Annotated[str, typer.Argument(
        metavar="rank", help="The pain point's rank, or its number #N (which stays when the "
        "ranks move), as `journeymap show ID` lists them.")],
    volume: Annotated[str | None, typer.Argument(
        help="Tickets per month (0 is a real zero); leave out to show it.")] = None,
    clear: Annotated[bool, typer.Option(
        "--clear", help="Not recorded: ranked after recorded volumes, left out of sums.")
    ] = False,
) -> None:
    """Set, clear (not recorded) or show a pain point's monthly ticket volume."""
    if volume is not None and clear:
        raise fail("Give a volume or --clear, not both.")
    with user_errors():
        from models.db.fields import coerce
        from models.db.tables.cards import PainPoint
        from models.rules.priority import named_pain, rank_pain_points

        store = STATE.store()
        ranked = rank_pain_points(store.load(workshop_id))
        named = named_pain(ranked, which, workshop_id)
        pain_id = int(named.pain.id or 0)
        if volume is not None or clear:
            require(store, workshop_id, "edit")
            value = None if clear else coerce(PainPoint, "ticket_volume", volume)
            store.update(PainPoint, pain_id, ticket_volume=value)
            ranked = rank_pain_points(store.load(workshop_id))
        item = next(r for r in ranked if r.pain.id == pain_id)
    moved = "" if item.rank == named.rank else f", was ranked {named.rank}"
    console().print(_line(f"“{item.pain.description.strip() or 'unnamed'}” (#{pain_id}{moved}): "
                          f"{item.reason}."))
