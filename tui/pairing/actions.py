"""What the pairing keys do: follow, gather, timer, done, dots, reveal, activity panel,
facilitation settings.

Kept apart from the polling loop (``tui.pairing.controller``) because these are one-shot
commands.  Every store call goes through ``app.run_store`` so a refusal - a
participant pressing a lead's key, an observer voting, a spent vote budget -
is one sentence in a notification, never a traceback.  The rules themselves
(who may do what) are checked in ``models.live.facilitation``, not here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from models.vocab import LABELS
from tui.session.workshop import succeeded

if TYPE_CHECKING:
    from tui.pairing.state import PairingState


def run_action(pairing: PairingState, what: str) -> None:
    actions: dict[str, Callable[[PairingState], None]] = {
        "follow": follow, "gather": gather, "timer": timer, "done": done,
        "vote": vote, "unvote": unvote, "reveal": reveal, "activity": activity,
        "settings": settings, "participants": participants,
    }
    action = actions.get(what)
    if action is not None:
        action(pairing)
        pairing.refresh_presence()


def _say(pairing: PairingState, message: str) -> None:
    pairing.app.notify(message, markup=False)


def _lead_only(pairing: PairingState, doing: str) -> bool:
    """True when this seat may lead; otherwise say so (the store checks again anyway)."""
    from models.live.facilitation import is_lead

    app, wid = pairing.app, pairing.workshop_id
    if app.store is None or wid is None:
        return False
    if app.run_store(lambda: is_lead(app.store, wid)):  # type: ignore[arg-type]
        return True
    _say(pairing, f"Only the workshop lead can {doing}; ask the lead to do it.")
    return False


def follow(pairing: PairingState) -> None:
    """Toggle following the lead's step (the lead has no one to follow)."""
    seat, app = pairing.seat, pairing.app
    me = pairing.me()
    if seat is None or me is None:
        return
    if me.role == "lead":
        _say(pairing, "You are the lead: the others can follow you with f.")
        return
    following = not me.following
    if app.run_store(succeeded(lambda: seat.follow(following))) is None:
        return
    pairing._reload_participants()
    _say(pairing, "Following the lead's step (f to stop)." if following
         else "No longer following the lead.")
    pairing.apply_follow()


def gather(pairing: PairingState) -> None:
    """Lead: "bring everyone here" - every seat jumps to the lead's step once."""
    from models.live.facilitation import gather as gather_all

    app, wid, step = pairing.app, pairing.workshop_id, pairing.screen_step()
    if not step or not _lead_only(pairing, "bring everyone to a step"):
        return
    workshop = app.mutate(lambda: gather_all(app.store, wid, step))  # type: ignore[arg-type]
    if workshop is not None:
        pairing.seen_gather_at = workshop.gather_at
        _say(pairing, f"Everyone is brought to {LABELS.get(step, step)}.")


def timer(pairing: PairingState) -> None:
    """Lead: a dialog to start (minutes editable) or stop the shared step timer."""
    from tui.dialogs.timer import TimerScreen

    app, journey, step = pairing.app, pairing.app.journey, pairing.screen_step()
    if journey is None or not step or not _lead_only(pairing, "start the timer"):
        return
    running = journey.workshop.timer_ends_at is not None

    def chosen(answer: int | str | None) -> None:
        from models.live.facilitation import start_timer, stop_timer

        wid = pairing.workshop_id
        if answer is None or wid is None:
            return
        if answer == "settings":
            settings(pairing)
            return
        if answer == "stop":
            app.mutate(lambda: stop_timer(app.store, wid))  # type: ignore[arg-type]
        else:
            app.mutate(lambda: start_timer(app.store, wid, step, int(answer)))  # type: ignore[arg-type]
        pairing.tick()

    app.push_screen(TimerScreen(LABELS.get(step, step), journey.workshop.step_minutes, running),
                    chosen)


def settings(pairing: PairingState) -> None:
    """Lead: votes per participant and default minutes per step, in one dialog."""
    from tui.dialogs.settings import Settings, SettingsScreen

    app, journey = pairing.app, pairing.app.journey
    if journey is None or not _lead_only(pairing, "change the facilitation settings"):
        return
    w = journey.workshop
    current = Settings(w.votes_per_participant, w.step_minutes)

    def chosen(answer: Settings | None) -> None:
        from models.live.facilitation import set_step_minutes, set_vote_budget

        store, wid = app.store, pairing.workshop_id
        if answer is None or answer == current or store is None or wid is None:
            return

        def write() -> bool:
            if answer.votes_per_participant != current.votes_per_participant:
                set_vote_budget(store, wid, answer.votes_per_participant)
            if answer.step_minutes != current.step_minutes:
                set_step_minutes(store, wid, answer.step_minutes)
            return True

        if app.mutate(write):
            _say(pairing, f"Saved: {answer.votes_per_participant} votes per participant, "
                 f"{answer.step_minutes} minutes per step.")

    app.push_screen(SettingsScreen(current), chosen)


def done(pairing: PairingState) -> None:
    """Toggle "I am done with this step" (the lead sees 2/3 done)."""
    seat, me, step = pairing.seat, pairing.me(), pairing.screen_step()
    if seat is None or me is None or not step:
        return
    now_done = me.done_step != step
    if pairing.app.run_store(succeeded(lambda: seat.done(step if now_done else None))) is None:
        return
    pairing._reload_participants()
    label = LABELS.get(step, step)
    _say(pairing, f"Marked done with {label}." if now_done else f"No longer done with {label}.")


def _selected_pain(pairing: PairingState) -> int | None:
    screen = pairing.app.screen
    if pairing.screen_step() != "pains":
        _say(pairing, "Dot voting is on step 5 Pain points: press 5, pick a pain point, press o.")
        return None
    view = screen.view("pains")  # type: ignore[attr-defined]
    if not view.ready:
        _say(pairing, "The pain points are still opening; press o again in a moment.")
        return None
    key = view.current_key()
    if key is None:
        _say(pairing, "There is no pain point to vote on yet.")
        return None
    return int(key)


def vote(pairing: PairingState) -> None:
    from models.live.facilitation import cast_vote, votes_left

    app, pain_id = pairing.app, _selected_pain(pairing)
    if pain_id is None or pairing.seat is None:
        return
    name = pairing.seat.name
    if app.mutate(lambda: cast_vote(app.store, pain_id, name)) is None:  # type: ignore[arg-type]
        return
    if app.journey is not None:
        _say(pairing, f"Dot placed; {votes_left(app.journey, name)} left. "
             "Dots stay hidden until the lead reveals them.")


def unvote(pairing: PairingState) -> None:
    from models.live.facilitation import retract_vote

    app, pain_id = pairing.app, _selected_pain(pairing)
    if pain_id is None or pairing.seat is None:
        return
    name = pairing.seat.name
    taken = app.mutate(lambda: retract_vote(app.store, pain_id, name))  # type: ignore[arg-type]
    if taken is False:
        _say(pairing, "You have no dot on this pain point.")
    elif taken:
        _say(pairing, "Dot taken back.")


def reveal(pairing: PairingState) -> None:
    """Lead: reveal the dots (ranking then counts them) or hide them again."""
    from models.live.facilitation import hide_votes, reveal_votes

    app, journey, wid = pairing.app, pairing.app.journey, pairing.workshop_id
    if journey is None or wid is None or not _lead_only(pairing, "reveal the votes"):
        return
    if journey.workshop.votes_revealed:
        if app.mutate(lambda: hide_votes(app.store, wid)) is not None:  # type: ignore[arg-type]
            _say(pairing, "Votes hidden again; voting is open.")
    elif app.mutate(lambda: reveal_votes(app.store, wid)) is not None:  # type: ignore[arg-type]
        _say(pairing, "Votes revealed: the ranking now counts the dots.")


def activity(pairing: PairingState) -> None:
    from tui.pairing.activity_panel import ActivityPanel

    for panel in pairing.app.screen.query(ActivityPanel):
        panel.display = not panel.display
        panel.update_from(pairing)


def participants(pairing: PairingState) -> None:
    """The participants dialog: everyone's role; a lead can change them (key P)."""
    from models.db.access import AccessError, require
    from tui.dialogs.participants import ParticipantsDialog

    app, wid = pairing.app, pairing.workshop_id
    if app.store is None or wid is None:
        return
    store = app.store
    try:
        can_grant = not store.read_only and bool(
            require(store, wid, store.account, "grant", key=store.key, seat=store.who))
    except AccessError:
        can_grant = False
    app.push_screen(ParticipantsDialog(wid, can_grant, app.session))
