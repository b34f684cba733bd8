"""Reusable widgets with no knowledge of screens or the app: tables, forms bound to a row, the
footer, the step bar and sentiment line, drawings (swimlanes, matrix, plan timeline) and the
card widget.
"""
