"""Fresh-eyes QA (session 13): the swimlanes cut stage and team names without a mark.

Found at 80x24 on the Ownership step of the login-lockout map, over SSH: the stage
row read "┊Discove┊Attempting ┊Contacting ┊Account┊Regaini┊Follow-" (Discovering the
lockout, Account verification, Regaining access, Follow-up survey), and a team named
"Customer Success Operations" read "Customer Succes".  Both were cut in characters,
so a CJK name also ran past its section.  A name that does not fit ends in "…" and
takes exactly its room in cells.
"""

from __future__ import annotations

from rich.cells import cell_len

from tui.widgets.drawings import LaneLayout, LanePoint

STAGES = ["Discovering the lockout", "Account verification", "漢字の段階漢字の段階"]
TEAM = "Customer Success Operations"


def _layout() -> LaneLayout:
    points = [LanePoint(n, TEAM if n % 2 else "漢字の担当チーム漢字の担当チーム", STAGES[n // 3])
              for n in range(9)]
    return LaneLayout(points, cell=4)


def test_a_stage_name_that_does_not_fit_ends_in_an_ellipsis() -> None:
    layout = _layout()
    head = layout.line(0).plain
    shown = head.split("┊")[1:]
    assert len(shown) == len(STAGES)
    for name, text in zip(STAGES, shown, strict=True):
        assert cell_len(text) == 3 * layout.cell - 1, (name, text)
        assert text.rstrip() == name or (text.endswith("…")
                                         and name.startswith(text[:-1].rstrip())), (name, text)


def test_a_team_name_that_does_not_fit_ends_in_an_ellipsis() -> None:
    layout = _layout()
    assert len(layout.teams) == 2
    for y, team in enumerate(layout.teams, start=1):
        line = layout.line(y).plain
        cells = [part for ch in line for part in [ch] + [""] * (cell_len(ch) - 1)]
        label = "".join(cells[:layout.label_w]).rstrip()
        assert label.endswith("…") and team.startswith(label[:-1].rstrip()), (team, label)
        assert cell_len(line) == layout.label_w + 9 * layout.cell, (team, line)
