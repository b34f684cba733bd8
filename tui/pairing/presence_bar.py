"""One line under the header: who is here and on which step, the timer, done, dots.

Built as a Rich ``Text`` segment by segment; names are user text and go
through ``tui.safe_text.clean`` (a name like ``[bold]`` shows literally).  The
line is recomputed on every presence change but only handed to Textual when
its text differs, so heartbeats that change nothing visible cost no repaint.
Alone in a workshop with no timer running it is hidden: a lead working solo
sees the same screen as before pairing existed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from models.vocab import LABELS, SHORT
from tui.safe_text import clean

if TYPE_CHECKING:
    from tui.pairing.state import PairingState

NAME_LIMIT = 16


class PresenceBar(Static):
    """`Here: lea★ Touchpoints · sam Pains ✓ │ 12:05 left │ 1/2 done │ dots 2/3`.

    While the server is away the line starts with "server away" and what it keeps: the
    lost notice fades, and the end of the line is the first thing a narrow terminal cuts
    (with a "…": Textual crops a widget's line without one unless its CSS asks).
    """

    DEFAULT_CSS = """
    PresenceBar { height: 1; padding: 0 1; background: $boost; display: none;
                  text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.plain = ""

    def update_from(self, pairing: PairingState) -> None:
        """Hand the line to Textual only when it changed and is (or becomes) seen.

        A hidden bar keeps its old line: a seat alone changes it on every step switch
        (its own step's name) and each ``update`` is a layout pass of the screen.
        """
        line, visible = build_line(pairing)
        if not visible and not self.display:
            return
        if line.plain != self.plain or self.display != visible:
            self.plain = line.plain
            self.update(line)
            self.display = visible


def build_line(pairing: PairingState) -> tuple[Text, bool]:
    """The bar's text and whether it should be shown at all."""
    from models.live.facilitation import done_summary, timer_label, votes_left

    journey, me = pairing.app.journey, pairing.me()
    line = Text(no_wrap=True, end="", overflow="ellipsis")
    if journey is None or me is None or pairing.workshop_id is None:
        return line, False
    now = pairing.now()
    # who is active comes from the loop's own presence check (``pairing.active_ids``),
    # so a heartbeat that only moved ``last_seen`` needs no reload of the seats
    here = sorted((p for p in journey.participants if p.id in pairing.active_ids),
                  key=lambda p: (p.role != "lead", p.name.casefold(), p.id or 0))
    here_names = {p.name for p in here}
    my_step = pairing.screen_step()
    kept = len(pairing.app.session.waiting)
    if pairing.lost or kept:  # first: a long list of names would cut it off at 80 columns
        session = pairing.app.session
        line.append(waiting_words(bool(pairing.lost), kept, session.later is not None
                                  or session.asking is not None), style="bold red")
        line.append(" │ ", style="dim")
    line.append("Here: ", style="bold")
    for i, p in enumerate(here):
        if i:
            line.append(" · ", style="dim")
        name = clean(p.name)
        name = name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1] + "…"
        step = my_step if p.id == me.id and my_step else p.current_step
        line.append(name, style="bold" if p.id == me.id else "")
        if p.role == "lead":
            line.append("★", style="yellow")
        elif p.role == "observer":
            line.append(" (observer)", style="dim")
        line.append(f" {SHORT.get(step, step)}", style="dim")
        if p.done_step and p.done_step == step:
            line.append(" ✓", style="green")
    extras: list[Text] = []
    label = timer_label(journey.workshop, now)
    if label:
        timer_step = LABELS.get(journey.workshop.timer_step, journey.workshop.timer_step)
        extras.append(Text(f"⏱ {label} ({timer_step})",
                           style="bold red" if label == "time is up" else "bold"))
    if my_step:
        done, pending = done_summary(journey, my_step)
        done = [n for n in done if n in here_names]
        pending = [n for n in pending if n in here_names]
        if done or pending:
            extras.append(Text(f"{len(done)}/{len(done) + len(pending)} done",
                               style="green" if not pending else ""))
    if me.following:
        extras.append(Text("following the lead", style="italic"))
    if my_step == "pains" and me.role != "observer":
        left = votes_left(journey, me.name)
        state = "revealed" if journey.workshop.votes_revealed else "hidden until reveal"
        extras.append(Text(f"dots {left}/{journey.workshop.votes_per_participant} left, "
                           f"{state}"))
    if me.role == "observer":
        extras.append(Text("observer (read-only)", style="bold yellow"))
    for extra in extras:
        line.append(" │ ", style="dim")
        line.append_text(extra)
    visible = len(here) > 1 or bool(label) or me.role == "observer" or bool(pairing.lost) \
        or bool(kept)
    return line, visible


def waiting_words(lost: bool, kept: int, asked: bool = False) -> str:
    """What the bar promises while the server is away: typed edits are kept and
    saved once it is back (``WorkshopSession.waiting``), counted so the lead sees
    them land.  ``asked``: the server is back but one of them waits for the lead
    (another seat changed its field meanwhile), so the seat is not "saving"."""
    count = f"{kept} unsaved edit{'s' if kept != 1 else ''} kept" if kept else ""
    if not lost and asked:
        return f"{kept} unsaved edit{'s' if kept != 1 else ''}: changed meanwhile"
    if not lost:
        return f"saving {count}"
    return f"server away: {count or 'typed edits are kept'}"
