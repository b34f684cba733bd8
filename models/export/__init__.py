"""Everything that leaves or enters a workshop as a file: the JSON backup (serialize), TOML
templates, the Markdown action plan with its Mermaid diagrams, the tracker CSV and the plan
calendar.
"""
