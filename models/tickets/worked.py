"""Business hours of whole columns: ``hours.BusinessClock.worked_all`` as polars expressions.

The clock's figures are per day: the zone's offset per UTC day, and per local day the worked
seconds before it, its opening and its closing. Those are computed in Python for each
distinct day (a few hundred for a year of tickets) and joined to the tickets; a moment's
worked seconds are then ``base + min(max(local, opening), closing)`` in the same float
operations as the clock's, so the figures equal ``BusinessClock.hours`` exactly. Only the
moments of a UTC day when the offset changes (daylight saving) are converted one by one, and
the working seconds a clock change adds to the wall clock are taken back out.

Kept apart from ``hours``, which the export and the Data screen import without polars.
"""

from __future__ import annotations

import polars as pl

from models.tickets.hours import CHANGING, DAY, BusinessClock


def worked(moments: pl.Series, clock: BusinessClock) -> pl.Series:
    """Worked seconds (from 0001-01-01) of each moment given as epoch seconds (null stays
    null)."""
    frame = moments.alias("m").to_frame().with_columns((pl.col("m") // DAY).alias("u"))
    days = frame["u"].drop_nulls().unique().to_list()
    offsets = pl.DataFrame({"u": days, "o": [clock.day_offset(d) for d in days]},
                           schema={"u": pl.Float64, "o": pl.Float64})
    frame = frame.join(offsets, on="u", how="left", maintain_order="left")
    changing = frame["o"] == CHANGING
    if changing.any():
        rows = changing.arg_true()
        exact = [clock.offset_at(m) for m in frame["m"].gather(rows).to_list()]
        frame = frame.with_columns(frame["o"].scatter(rows, exact))
    frame = frame.with_columns((pl.col("m") + pl.col("o")).alias("l"))
    frame = frame.with_columns((pl.col("l") // DAY).alias("d"))
    local_days = frame["d"].drop_nulls().unique().to_list()
    figures = [clock.day_figures(d) for d in local_days]
    table = pl.DataFrame({"d": local_days, "b": [f[0] for f in figures],
                          "a": [f[1] for f in figures], "z": [f[2] for f in figures]},
                         schema={"d": pl.Float64, "b": pl.Float64, "a": pl.Float64,
                                 "z": pl.Float64})
    frame = frame.join(table, on="d", how="left", maintain_order="left")
    walled = frame.select(
        pl.col("b") + pl.min_horizontal(pl.max_horizontal("l", "a"), "z")).to_series()
    first, last = frame.select(pl.col("m").min(), pl.col("m").max().alias("x")).row(0)
    if first is None:
        return walled
    # the working seconds a clock change inside the working hours added to the wall clock
    # before each moment are taken back out, as the clock's own worked_all does
    changes, jumped = clock.jumps(first, last)
    if not changes:
        return walled
    # a null moment finds index 0; its worked figure is null whatever is taken out of it
    before = pl.Series(changes).search_sorted(moments, side="right")
    return walled - pl.Series(jumped).gather(before)


def spans(start: pl.Expr, end: pl.Expr) -> pl.Expr:
    """Business hours between worked-second figures (null stays null). The import hands
    over only ends not before their start (a resolution or reply dated before the ticket
    has no duration at all, calendar or business), and worked seconds never decrease."""
    return (end - start) / 3600.0
