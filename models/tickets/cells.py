"""Whole columns of cells → typed columns, in polars: dates, numbers and answers.

The common shapes go through polars' own parsers (C speed over the whole column); every
other distinct cell is read once by the Python parsers of ``dates`` and ``values``, which
stay the one definition of what a cell means (placeholders such as ``?`` and 1900 sentinels
are missing, an unreadable cell is bad), and the answers are mapped back with a join. Real
exports repeat their answers (a few hundred distinct status/count/CSAT combinations in
100,000 rows), so the Python work is per distinct value, not per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import polars as pl

from models.tickets import dates, zones
from models.tickets.answers import flags_of

# Shapes polars reads exactly as ``datetime.fromisoformat`` / the day- or month-first
# parsers do; anything else (zones, one-digit fields, two-digit years, AM/PM, month names,
# placeholders) is left to the Python parser of its kind.
_ISO_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S%.f",
                "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d")
_NUMERIC_SHAPE = r"^\d{2}([-/.])\d{2}[-/.]\d{4}( \d{2}:\d{2}(:\d{2})?)?$"
_NUMERIC_ORDERS = {"day-first": "%d{0}%m{0}%Y", "month-first": "%m{0}%d{0}%Y"}
_TIMES = (" %H:%M:%S", " %H:%M", "")
SENTINEL = datetime(dates.SENTINEL_BEFORE, 1, 1)
BAD = "bad"


def _formats(kind: str) -> list[str]:
    if kind == "iso":
        return list(_ISO_FORMATS)
    order = _NUMERIC_ORDERS.get(kind)
    if order is None:
        return []
    return [order.format(sep) + t for sep in "-/." for t in _TIMES]


def naive_utc(moment: datetime) -> datetime:
    """The moment as naive UTC (an aware one converted; a naive one is taken as UTC)."""
    return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)


def _python_dates(texts: Sequence[str], parse: dates.Parser, zone: str | None
                  ) -> dict[str, Any]:
    """Each distinct leftover cell read by the Python parser: a naive-UTC datetime (a naive
    time read in ``zone`` when given), None (missing) or ``BAD``."""
    out: dict[str, Any] = {}
    for text in texts:
        try:
            moment = parse(text)
        except ValueError:
            out[text] = BAD
            continue
        if moment is None:
            out[text] = None
        else:
            out[text] = naive_utc(moment) if zone is None else zones.from_local(moment, zone)
    return out


def _epoch_dates(column: pl.Series) -> pl.Series:
    """Cells of 10 digits (seconds) or 13 (milliseconds) as datetimes, the rest null (left
    to ``dates.parse_epoch``, which reads placeholders and names the unreadable)."""
    digits = column.str.strip_chars()
    size = digits.str.len_chars()
    number = digits.cast(pl.Int64, strict=False)
    ms = (pl.when(pl.col("s") == 13).then(pl.col("n"))
          .when(pl.col("s") == 10).then(pl.col("n") * 1000))
    frame = pl.DataFrame({"n": number, "s": size})
    return frame.select(ms.cast(pl.Datetime("ms")).cast(pl.Datetime("us"))).to_series()


def parse_dates(column: pl.Series, kind: str, zone: str | None = None
                ) -> tuple[pl.Series, pl.Series]:
    """(the column as naive-UTC datetimes, missing = null; a flag per cell: unreadable).

    Sentinels (a year before 1901) are missing like blanks and placeholders. ``zone``: the
    IANA zone the column's naive times are written in (its header's, ``zones.header_zone``,
    or the import's ``--zone``); they are converted from it to UTC by ``zones.from_local``'s
    rule. A cell with its own zone or offset, and an epoch number, keep theirs."""
    fast = pl.Series([None] * len(column), dtype=pl.Datetime("us"))
    if kind == "epoch":
        fast = _epoch_dates(column)
        zone = None
    filled = column != ""
    gate = filled & column.str.contains(_NUMERIC_SHAPE) if kind in _NUMERIC_ORDERS else filled
    for form in _formats(kind):
        # each shape only over the cells no earlier shape read (an export keeps one shape,
        # so the first that fits reads nearly everything in one pass)
        todo = fast.is_null() & gate
        if not todo.any():
            break
        got = column.filter(todo).str.to_datetime(form, strict=False, time_unit="us")
        if got.null_count() == len(got):
            continue
        fast = fast.scatter(todo.arg_true(), got)
    if zone is not None:
        # polars' formats read naive cells only; the hour a spring change skips comes out
        # null here and is read by the Python parser below, with the same rule (fold=0)
        fast = (fast.to_frame("d").select(pl.when(pl.col("d") >= SENTINEL).then(pl.col("d")))
                .to_series().dt.replace_time_zone(zone, ambiguous="earliest",
                                                  non_existent="null")
                .dt.convert_time_zone("UTC").dt.replace_time_zone(None))
    left = column.filter(fast.is_null()).unique()
    bad = pl.Series([False] * len(column), dtype=pl.Boolean)
    found = _python_dates(left.to_list(), dates.PARSERS[kind], zone)
    if any(v is not None for v in found.values()):
        keys = list(found)
        moments = [v if isinstance(v, datetime) else None for v in found.values()]
        frame = pl.DataFrame({"t": column, "d": fast})
        table = pl.DataFrame({"t": keys, "m": pl.Series(moments, dtype=pl.Datetime("us")),
                              "b": [v is BAD for v in found.values()]})
        joined = frame.join(table, on="t", how="left", maintain_order="left")
        fast = joined.select(pl.coalesce("d", "m")).to_series()
        bad = joined["b"].fill_null(value=False)
    fast = fast.to_frame("d").select(
        pl.when(pl.col("d") >= SENTINEL).then(pl.col("d"))).to_series()
    return fast.alias(column.name), bad


def python_numbers(column: pl.Series, parse: Callable[[str], float | None],
                   scale: float) -> tuple[pl.Series, pl.Series]:
    """(each cell's number / ``scale``, missing = null; a flag per cell: unreadable), every
    distinct cell read once by ``parse``."""
    found: dict[str, float | None] = {}
    failed: set[str] = set()
    for text in column.unique().to_list():
        try:
            number = parse(text)
        except ValueError:
            failed.add(text)
            number = None
        found[text] = None if number is None else number / scale
    # typed: a batch with no rows left has no cells, and an untyped empty column would not join
    table = pl.DataFrame({"t": pl.Series(list(found), dtype=pl.String),
                          "v": pl.Series(list(found.values()), dtype=pl.Float64),
                          "b": pl.Series([t in failed for t in found], dtype=pl.Boolean)})
    joined = column.to_frame("t").join(table, on="t", how="left", maintain_order="left")
    return joined["v"], joined["b"]


def answers(frame: pl.DataFrame, fields: Sequence[tuple[str, Callable[[str], Any], int]],
            done_known: pl.Series) -> tuple[pl.DataFrame, dict[int, pl.Series]]:
    """Each row's answers as flag columns, and per answer column that had unreadable cells
    a flag per row, from one ``flags_of`` call per distinct combination of answer cells."""
    every = sorted({col for _, _, col in fields})
    names = [f"c{col}" for col in every]
    at = [every.index(col) for _, _, col in fields]
    cells = pl.concat([frame.select(names), done_known.alias("_done").to_frame()],
                      how="horizontal")
    combos = cells.unique()
    rows: list[tuple[Any, ...]] = []
    failed_cols: set[int] = set()
    for combo in combos.iter_rows():
        flags, failed = flags_of(fields, [combo[i] for i in at], bool(combo[-1]))
        failed_cols.update(failed)
        csat = flags.csat
        rows.append((*combo, flags.state, flags.reopens, flags.reassigned, flags.replies,
                     flags.fcr, flags.sla_met, None if csat is None else csat[0],
                     csat is not None, csat is not None and csat[1],
                     *(col in failed for col in every)))
    schema: dict[str, Any] = {n: pl.String for n in names}
    schema.update(_done=pl.Boolean, state=pl.String, reopens=pl.Int64, reassigned=pl.Boolean,
                  replies=pl.Int64, fcr=pl.Boolean, sla=pl.Boolean, csat_score=pl.Float64,
                  csat_answered=pl.Boolean, csat_satisfied=pl.Boolean)
    schema.update({f"_bad{col}": pl.Boolean for col in every})
    table = pl.DataFrame(rows, schema=schema, orient="row")
    # no cell is null (polars pads a short record with empty strings)
    joined = cells.join(table, on=[*names, "_done"], how="left", maintain_order="left")
    bad = {col: joined[f"_bad{col}"] for col in sorted(failed_cols)}
    return joined.drop([*names, "_done", *(f"_bad{c}" for c in every)]), bad


def coded(parse: Callable[[str], Any], codes: dict[str, str]) -> Callable[[str], Any]:
    """The status parser reading an export's raw codes (ServiceNow ``6``) as their words."""
    if not codes:
        return parse
    return lambda text: parse(codes.get(text.strip(), text))

