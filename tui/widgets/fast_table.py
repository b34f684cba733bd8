"""A DataTable whose one-cell update re-renders one row, not every visible row.

Why: Textual's ``DataTable.update_cell`` bumps a table-wide update counter that
is part of every render-cache key, so changing one sentiment in a 2,000-row
table re-renders all ~30 visible rows × 7 cells (about 50 ms here).  This
subclass keeps the counter and instead evicts the cached renders of the one
row that changed (cells and row lines by row key; the per-screen-line cache and
the small per-index renderable cache are cleared whole, they rebuild from the
row caches).  Anything else (add, remove, sort, resize, styles) takes Textual's
normal path.  It leans on DataTable internals (``_update_count`` and the four
caches), checked by ``tests/test_tui_perf.py`` against the Textual in use.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey


class FastTable(DataTable[Any]):
    """``DataTable`` with row-local invalidation on ``update_cell``."""

    def update_cell(self, row_key: RowKey | str, column_key: ColumnKey | str, value: Any,
                    *, update_width: bool = False) -> None:
        if update_width:  # widths may change: every row is affected
            super().update_cell(row_key, column_key, value, update_width=True)
            return
        count = self._update_count
        super().update_cell(row_key, column_key, value)
        self._update_count = count
        key = row_key if isinstance(row_key, RowKey) else RowKey(row_key)
        for stale in [k for k in self._cell_render_cache.keys() if k[0] == key]:
            self._cell_render_cache.discard(stale)
        for old in [k for k in self._row_render_cache.keys() if k[0] == key]:
            self._row_render_cache.discard(old)
        self._row_renderable_cache.clear()
        self._line_cache.clear()
