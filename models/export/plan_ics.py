"""Plan and card deadlines as an iCalendar file, so owners see them in their calendar.

Each plan task and each card with a deadline becomes one all-day event on its
deadline day: the deadline is the moment that matters, and a fortnight-long
all-day block would bury everyone's real calendar.  UIDs are derived from the
workshop and the task key / card id, so importing a newer export updates the
events instead of duplicating them, and DTSTAMP is the workshop's last change
so the same data always gives the same bytes.

The day-60 leadership review is the one event that repeats: the method asks its
questions every month, so the review is a monthly series from its date (RFC 5545
RRULE) and a calendar shows each month's review without anyone copying it, on the
working days the plan gives its copies (``models.rules.review_copies``).
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, vRecur, vText

from models.db.journey import Journey
from models.export.markdown import with_plan_preview
from models.export.md_text import one_line, split_lines
from models.rules.plan import MONTHLY_REVIEW_KEY, card_of_task
from models.rules.review_copies import monthly_rule, review_copy
from models.rules.safe_dates import shift
from models.rules.tracker import workshop_title

PRODID = "-//journeymap//journey map action plan//EN"
UID_DOMAIN = "journeymap.local"


def _text(value: str) -> str:
    """Calendar text keeps line breaks (icalendar escapes them); controls become visible."""
    return "\n".join(split_lines(value)).strip()


def _stamp(journey: Journey) -> dt.datetime:
    stamp = journey.workshop.updated_at or journey.workshop.created_at
    if stamp.tzinfo is None:  # SQLite hands back naive datetimes; they are stored as UTC
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone(dt.UTC).replace(microsecond=0)


def _event(uid: str, day: dt.date, summary: str, description: str, stamp: dt.datetime,
           status: str, *, monthly: bool = False) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    # A series starts on a day its rule gives (RFC 5545: DTSTART synchronized with RRULE);
    # a review deadline edited onto a weekend is not one, so it starts at the first copy
    # and the deadline itself is an extra date (RDATE).
    first = review_copy(day, 1) if monthly and review_copy(day, 0) != day else None
    start = first or day
    event.add("dtstart", start)
    event.add("dtend", shift(start, 1) if start < dt.date.max else start)
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    if monthly:
        event.add("rrule", vRecur(monthly_rule(day)))
        if start != day:
            event.add("rdate", day)
    if status == "dropped":
        event.add("status", "CANCELLED")
    return event


def plan_ics(journey: Journey, today: dt.date) -> bytes:
    """A VCALENDAR with one all-day VEVENT per dated plan task and card deadline.

    ``today`` starts an unsaved plan of a workshop with no start date.
    """
    journey, _saved = with_plan_preview(journey, today)
    wid = journey.workshop.id or 0
    title = _text(workshop_title(journey))
    stamp = _stamp(journey)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # an X- property is written as given unless typed as text: a title's line break would
    # end the line (icalendar refuses to write it) and its commas would go unescaped
    cal.add("x-wr-calname", vText(f"{title}: 60-day plan"))
    dated_cards = {c.id for c in journey.cards if c.deadline is not None}
    for task in journey.plan_tasks:
        if task.deadline is None:
            continue
        if task.key and card_of_task(journey, task.key) in dated_cards:
            continue  # the card's own event is the same piece of work: one event, not two
        # the generator's key survives saving and regenerating; hand-made tasks have only an id
        # one line of marks: a backup may bring any key (a UID is calendar text too)
        ref = f"plan-{one_line(task.key)}" if task.key else f"task-{task.id}"
        owner = _text(task.owner) or "nobody yet"
        description = f"Owner: {owner}\nWorkshop: {title}\nPhase: {_text(task.phase)}"
        if task.detail.strip():
            description += "\n\n" + _text(task.detail)
        cal.add_component(_event(f"journeymap-w{wid}-{ref}@{UID_DOMAIN}", task.deadline,
                                 f"Due: {_text(task.title) or one_line(task.key)}",
                                 description, stamp, task.status,
                                 monthly=task.key == MONTHLY_REVIEW_KEY))
    for card in journey.cards:
        if card.deadline is None:
            continue
        pain = journey.pain_point(card.pain_point_id)
        name = _text(card.experiment) or (_text(pain.description) if pain else "") or "card"
        owner = _text(card.owner) or "nobody yet"
        description = (f"Owner: {owner}\nWorkshop: {title}\nSignal: "
                       f"{_text(card.signal) or 'not set'}")
        cal.add_component(_event(f"journeymap-w{wid}-card-{card.id}@{UID_DOMAIN}", card.deadline,
                                 f"Card due: {name}", description, stamp, card.status))
    return cal.to_ical()
