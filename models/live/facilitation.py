"""Facilitation tools shared by every seat: step timer, dot voting, follow, done.

All state lives in the workshop row and the vote table, so every seat sees the
same timer, the same reveal and the same "bring everyone here" through the
normal reload after ``PRAGMA data_version`` moves; there is no server.

Who may do what is checked here, not only hidden in the UI: starting the
timer, revealing votes, setting the vote budget and gathering everyone are the
lead's (``LeadOnly``); observers never vote.  The vote budget is enforced inside
the same ``BEGIN IMMEDIATE`` transaction that inserts the vote, so two seats
clicking at once cannot overspend it.

Votes are a secret ballot until the reveal: they are not written to the change
log (``journeymap log`` would otherwise show who voted for what), and screens
show them through ``visible_votes`` only.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, select

from models.db.fields import coerce
from models.db.journey import Journey
from models.db.schema import StoreError
from models.db.store import NotFound, Store
from models.db.tables.base import utcnow
from models.db.tables.cards import PainPoint, Vote
from models.db.tables.seats import Participant
from models.db.tables.workshop import Workshop
from models.live.presence import aware, is_active
from models.live.seat_step import lead_step
from models.vocab import STEPS


class LeadOnly(StoreError):
    """Something only the workshop's lead may do was asked by someone else."""


class VoteRefused(StoreError):
    """A vote that cannot be cast: budget spent, voting closed, or an observer."""


# -- who is the lead -------------------------------------------------------------
def _role_of(s: Session, workshop: Workshop, name: str) -> str | None:
    row = s.exec(select(Participant).where(Participant.workshop_id == workshop.id,
                                           Participant.name == name)).first()
    return row.role if row else None


def is_lead(store: Store, workshop_id: int, name: str | None = None) -> bool:
    """A seat whose stored role is ``lead``; before taking a seat, the creator (name and
    OS account, see ``models.db.access``): the creator's name alone is not enough."""
    who = store.who if name is None else name
    with store.read() as s:
        workshop = s.get(Workshop, workshop_id)
        if workshop is None:
            raise NotFound(f"There is no workshop {workshop_id} in {store.where}.")
        role = _role_of(s, workshop, who)
        if role is not None:
            return role == "lead"
        return bool(who) and who == workshop.lead and store.account == workshop.lead_account


def _require_lead(store: Store, workshop_id: int, doing: str) -> None:
    if not is_lead(store, workshop_id):
        raise LeadOnly(f"Only the workshop lead can {doing}; ask the lead to do it.")


def _check_step(step: str) -> str:
    if step not in STEPS:
        raise StoreError(f"There is no step {step!r}; steps are: {', '.join(STEPS)}.")
    return step


# -- shared step timer --------------------------------------------------------------
def start_timer(store: Store, workshop_id: int, step: str,
                minutes: int | None = None) -> Workshop:
    """Lead: start the countdown for ``step`` (default: the workshop's minutes per step)."""
    _require_lead(store, workshop_id, "start the timer")
    _check_step(step)
    if minutes is None:
        minutes = store.get_workshop(workshop_id).step_minutes
    minutes = int(coerce(Workshop, "step_minutes", minutes))
    return store.update(Workshop, workshop_id, timer_step=step,
                        timer_ends_at=utcnow() + dt.timedelta(minutes=minutes))


def stop_timer(store: Store, workshop_id: int) -> Workshop:
    """Lead: clear the countdown (nothing is ever locked when it runs out anyway)."""
    _require_lead(store, workshop_id, "stop the timer")
    return store.update(Workshop, workshop_id, timer_step="", timer_ends_at=None)


def set_step_minutes(store: Store, workshop_id: int, minutes: int) -> Workshop:
    """Lead: change the default length of a step's timer."""
    _require_lead(store, workshop_id, "change the minutes per step")
    return store.update(Workshop, workshop_id, step_minutes=minutes)


def timer_remaining(workshop: Workshop, now: dt.datetime) -> dt.timedelta | None:
    """Time left on the shared timer; ``None`` when none runs, zero once it is over."""
    if workshop.timer_ends_at is None:
        return None
    return max(dt.timedelta(0), aware(workshop.timer_ends_at) - aware(now))


def timer_label(workshop: Workshop, now: dt.datetime) -> str:
    """"12:05 left", "time is up" or "" - plain text for the header."""
    left = timer_remaining(workshop, now)
    if left is None:
        return ""
    if not left:
        return "time is up"
    seconds = int(left.total_seconds() + 0.999)
    return f"{seconds // 60}:{seconds % 60:02d} left"


# -- dot voting -------------------------------------------------------------------
def _pain_workshop(s: Session, pain_id: int) -> tuple[PainPoint, Workshop]:
    pain = s.get(PainPoint, pain_id)
    workshop = s.get(Workshop, pain.workshop_id) if pain else None
    if pain is None or workshop is None:
        raise NotFound("That pain point no longer exists (someone may have deleted it).")
    return pain, workshop


def _votes_used(s: Session, workshop_id: int, participant: str) -> int:
    return int(s.exec(select(func.count()).select_from(Vote).join(
        PainPoint, PainPoint.id == Vote.pain_point_id).where(  # type: ignore[arg-type]
        PainPoint.workshop_id == workshop_id, Vote.participant == participant)).one())


def cast_vote(store: Store, pain_id: int, participant: str) -> Vote:
    """Put one dot on a pain point, within the participant's budget for the workshop.

    The count and the insert share one write transaction, so the budget holds
    even when several seats vote at the same moment.
    """
    if not participant.strip():
        raise VoteRefused("A vote needs a participant name.")
    with store.write() as s:
        _pain, workshop = _pain_workshop(s, pain_id)
        if _role_of(s, workshop, participant) == "observer":
            raise VoteRefused("Observers do not vote.")
        if workshop.votes_revealed:
            raise VoteRefused("Voting is closed: the votes are revealed. "
                              "The lead can hide them to reopen voting.")
        budget = workshop.votes_per_participant
        if _votes_used(s, workshop.id or 0, participant) >= budget:
            raise VoteRefused(f"You have used all {budget} of your votes; "
                              "take one back to vote elsewhere.")
        vote = Vote(pain_point_id=pain_id, participant=participant)
        s.add(vote)
        s.flush()
        store.changed(s, workshop.id, "vote:create")
        return vote


def retract_vote(store: Store, pain_id: int, participant: str) -> bool:
    """Take back one of your dots from a pain point; False if you had none there."""
    with store.write() as s:
        _pain, workshop = _pain_workshop(s, pain_id)
        if workshop.votes_revealed:
            raise VoteRefused("Voting is closed: the votes are revealed. "
                              "The lead can hide them to reopen voting.")
        vote = s.exec(select(Vote).where(Vote.pain_point_id == pain_id,
                                         Vote.participant == participant)
                      .order_by(Vote.id.desc())).first()  # type: ignore[union-attr]
        if vote is None:
            return False
        s.delete(vote)
        store.changed(s, workshop.id, "vote:delete")
        return True


def votes_left(journey: Journey, participant: str) -> int:
    """How many dots ``participant`` can still place in this workshop."""
    used = sum(1 for v in journey.dots if v.participant == participant)
    return max(0, journey.workshop.votes_per_participant - used)


def visible_votes(journey: Journey, participant: str) -> dict[int, int]:
    """Dots a seat may see: everyone's after the reveal, only its own before."""
    counts: dict[int, int] = {}
    revealed = journey.workshop.votes_revealed
    for vote in journey.dots:
        if revealed or vote.participant == participant:
            counts[vote.pain_point_id] = counts.get(vote.pain_point_id, 0) + 1
    return counts


def reveal_votes(store: Store, workshop_id: int) -> Workshop:
    """Lead: show every dot to everyone; ranking then counts them (``Journey.votes_of``)."""
    _require_lead(store, workshop_id, "reveal the votes")
    return store.update(Workshop, workshop_id, votes_revealed=True)


def hide_votes(store: Store, workshop_id: int) -> Workshop:
    """Lead: hide the dots again (and reopen voting)."""
    _require_lead(store, workshop_id, "hide the votes")
    return store.update(Workshop, workshop_id, votes_revealed=False)


def set_vote_budget(store: Store, workshop_id: int, votes: int) -> Workshop:
    """Lead: how many dots each participant gets in this workshop."""
    _require_lead(store, workshop_id, "set the number of votes")
    return store.update(Workshop, workshop_id, votes_per_participant=votes)


# -- follow the lead, gather, done --------------------------------------------------
def step_to_show(journey: Journey, me: Participant, seen_gather_at: dt.datetime | None,
                 ) -> str | None:
    """Where this seat should jump after a reload, or ``None`` to stay put.

    A gather newer than the one this seat already obeyed wins (everyone goes);
    otherwise a follower goes wherever the lead is.
    """
    target = gather_pending(journey.workshop, seen_gather_at)
    if target is None and me.following and me.role != "lead":
        target = lead_step(journey)
    return target if target and target != me.current_step else None


def gather(store: Store, workshop_id: int, step: str) -> Workshop:
    """Lead: "bring everyone here" - every seat jumps to ``step`` once."""
    _require_lead(store, workshop_id, "bring everyone to a step")
    _check_step(step)
    return store.update(Workshop, workshop_id, gather_step=step, gather_at=utcnow())


def gather_pending(workshop: Workshop, seen_at: dt.datetime | None) -> str | None:
    """The gather step if the lead called one after ``seen_at`` (the last one obeyed)."""
    if not workshop.gather_step or workshop.gather_at is None:
        return None
    if seen_at is not None and aware(workshop.gather_at) <= aware(seen_at):
        return None
    return workshop.gather_step


def done_summary(journey: Journey, step: str, now: dt.datetime | None = None,
                 window_s: float | None = None) -> tuple[list[str], list[str]]:
    """(done, pending) names of the participants on ``step`` for the lead.

    The lead and observers are not asked; with ``now`` only seats still present
    count, so someone whose connection dropped does not hold the room up.
    """
    done: list[str] = []
    pending: list[str] = []
    for p in sorted(journey.participants, key=lambda p: p.name.casefold()):
        if p.role in ("lead", "observer") or p.name == journey.workshop.lead:
            continue
        if now is not None and not (is_active(p, now) if window_s is None
                                    else is_active(p, now, window_s)):
            continue
        (done if p.done_step == step else pending).append(p.name)
    return done, pending
