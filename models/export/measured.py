"""The Markdown export's "Measured" section: what the ticket readings say, with provenance.

Its own module so the document's layout (``models.export.markdown``) only has to call it:
the section lists the imports (file, product, months, who), each KPI's history as a small
trend with its first and latest values, the stages measured through their mapped
categories, and every card tied to a metric with met / not yet / no data.  A figure the
readings cannot support says "not available" with the reason; file names, categories and
every other text from the data are escaped like any user text.
"""

from __future__ import annotations

from models.db.journey import Journey
from models.export.md_text import md_cell, md_inline, md_table
from models.rules.measures import (
    Measured,
    format_value,
    judge,
    kpi_metric,
    links,
    series,
    sparkline,
    stage_categories,
)
from models.vocab import KPI_ROWS

# the document's labels of the one list of KPI rows (the Data screen has the short ones)
KPIS: tuple[tuple[str, str], ...] = tuple((metric, long) for metric, _, long in KPI_ROWS)


def _figure(metric: str, figure: Measured) -> str:
    if figure.value is None:
        return md_cell(f"not available: {figure.reason}")
    return format_value(metric, figure.value)


def _history_row(journey: Journey, metric: str, label: str, kind: str = "all",
                 values: set[str] | None = None) -> list[str]:
    history = series(journey, metric, kind, values)
    if not history:
        return [md_cell(label), "", "", md_cell("not available: no reading"), ""]
    first, last = history[0], history[-1]
    trend = sparkline([m.value for _, m in history])
    if not trend:  # never available: say why once
        return [md_cell(label), "", "", f"{last[0]}: {_figure(metric, last[1])}",
                md_cell(last[1].provenance)]
    fcr_note = ""
    if kind == "all" and metric == "fcr_rate" and any(r.fcr_is_proxy for r in journey.readings):
        fcr_note = " (proxy)"
    return [md_cell(label + fcr_note), trend, f"{first[0]}: {_figure(metric, first[1])}",
            f"{last[0]}: {_figure(metric, last[1])}", md_cell(last[1].provenance)]


def measured_section(journey: Journey) -> list[str]:
    """The section's lines, or nothing when no ticket data was imported."""
    if not journey.ticket_sources:
        return []
    out = ["## Measured", "", "From the ticket exports imported into this workshop "
           "(latest import of each month; n = tickets):", ""]
    for src in journey.ticket_sources:
        when = src.imported_at.strftime("%Y-%m-%d") if src.imported_at else ""
        who = f" by {md_inline(src.imported_by)}" if src.imported_by else ""
        out.append(f"- {md_inline(src.file_name)} ({md_inline(src.product)}): "
                   f"{src.tickets:,} tickets, {md_inline(src.periods)}, imported {when}{who}")
    # here, not at the top: the schedule's time zones load only for a map with ticket data
    from models.tickets.hours import stored

    schedule = stored(journey.workshop.business_hours)
    if schedule is not None:
        out += ["", f"Business hours: {md_inline(schedule.summary())}."]
    rows = [_history_row(journey, metric, label) for metric, label in KPIS]
    out += ["", "### All tickets", "",
            md_table(["Metric", "Trend", "First", "Latest", "Provenance"], rows)]
    proxies = sorted({r.fcr_method for r in journey.readings if r.fcr_is_proxy and r.fcr_method})
    if proxies:
        out += ["", "First contact resolution is a proxy here: " + md_inline("; ".join(proxies))
                + "."]
    stage_rows = []
    for stage in journey.stages:
        cats = stage_categories(journey, stage)
        metric = kpi_metric(stage.kpi_name)
        if not cats or metric is None:
            continue
        row = _history_row(journey, metric, stage.name or "(unnamed stage)", "category", cats)
        stage_rows.append([row[0], md_cell(stage.kpi_name), md_cell(", ".join(sorted(cats))),
                           *row[1:]])
    if stage_rows:
        out += ["", "### Stages", "",
                md_table(["Stage", "KPI", "Categories", "Trend", "Baseline", "Latest",
                          "Provenance"], stage_rows)]
    card_rows = []
    for card in journey.cards:
        verdict = judge(journey, card)
        if verdict is None:
            continue
        target = (f"{card.signal_target:+.0%} vs baseline" if card.signal_relative else
                  format_value(card.signal_metric, card.signal_target))
        card_rows.append([md_cell(card.experiment or "(untitled card)"),
                          md_cell(f"{card.signal_metric} of {card.signal_group or 'all'}"),
                          md_cell(target), verdict.status, md_cell(verdict.text)])
    if card_rows:
        out += ["", "### Card signals", "",
                md_table(["Card", "Signal", "Target", "Status", "Measured"], card_rows)]
    unlinked = _unmapped(journey)
    if unlinked:
        out += ["", "Categories not mapped to a stage or pain point: "
                + md_inline(", ".join(unlinked)) + "."]
    return out


def _unmapped(journey: Journey) -> list[str]:
    """The categories of the readings that the latest import maps to no stage or pain point."""
    mapped = links(journey)
    return sorted({r.group_value for r in journey.readings
                   if r.group_kind == "category" and not mapped.get(r.group_value)})
