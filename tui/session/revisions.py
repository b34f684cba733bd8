"""The revision of the snapshot on screen, and which kinds of rows each revision changed.

A kept step view shown again compares the revision it drew with the session's; a
revision that changed the snapshot in place says what it touched: kinds of rows
("PlanTask", any field) or one field of a kind ("Touchpoint.sentiment", a field
typed), so a view that shows none of them needs no redraw.  Writing the Plan's
tasks on its first visit moved the revision, and Touchpoints, shown again, rebuilt
10,000 rows that nothing had changed (issue 18: most of a 70-140 ms switch); a
sentiment typed on Touchpoints made Ownership rebuild its 10,000 rows too, though it
shows no sentiment (hence the fields).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Revisions whose kinds are remembered: a view that drew longer ago redraws all.
KEPT = 64


@dataclass(kw_only=True)
class Revisions:
    """Bumped whenever ``journey`` is replaced or patched: a kept step view that drew
    this revision needs no redraw when it is shown again."""

    revision: int = 0
    # (revision, model name, row id, field) of the last one-field edit: a view that
    # drew the revision before it may redraw just what that field shows.
    last_patch: tuple[int, str, int, str] | None = None
    # revision -> the only kinds of rows ("PlanTask") or fields ("Touchpoint.name") it
    # changed; a revision not here (a new snapshot, or older than ``KEPT``) may have
    # changed anything.
    _touched: dict[int, frozenset[str]] = field(default_factory=dict, init=False, repr=False)

    def moved(self, touched: frozenset[str] | None = None) -> int:
        """A new revision; ``touched``: the only kinds of rows or fields it changed
        (None: any)."""
        self.revision += 1
        if touched is None:
            self._touched.clear()
        else:
            self._touched[self.revision] = touched
            self._touched.pop(self.revision - KEPT, None)
        return self.revision

    def touched_since(self, revision: int) -> frozenset[str] | None:
        """The kinds of rows and fields changed after ``revision`` up to now; None when
        one of those revisions may have changed anything (or is too old to tell)."""
        if self.revision - revision > KEPT:
            return None
        kinds: frozenset[str] = frozenset()
        for rev in range(revision + 1, self.revision + 1):
            more = self._touched.get(rev)
            if more is None:
                return None
            kinds |= more
        return kinds


def touches(touched: frozenset[str], shows: frozenset[str]) -> bool:
    """Whether changes to ``touched`` may change what a view drawing from ``shows`` draws.

    Both hold kinds ("Stage": every field of it) and fields ("Stage.name"): a kind
    meets any field of itself, a field only itself or its kind.
    """
    for name in touched:
        kind, dot, _ = name.partition(".")
        if name in shows or (dot and kind in shows):
            return True
        if not dot and any(shown.partition(".")[0] == name for shown in shows):
            return True
    return False
